// Tables without ruling lines, rebuilt from made-up text positions (lib/read/pdf-clusters.ts).
import { describe, expect, it } from 'vitest';
import { clusterTables, type ClusteredTable } from '../../lib/read/pdf-clusters.ts';
import type { TextBit } from '../../lib/read/pdf-text-lines.ts';

const SIZE = 12;
/** A piece of text at x (left edge) on the line at y: full-width characters one em wide, others half. */
function bit(str: string, x: number, y: number): TextBit {
  const width = [...str].reduce((s, ch) => s + (/[\u4e00-\u9fff（）]/.test(ch) ? 1 : 0.5), 0) * SIZE;
  return { str, x0: x, x1: x + width, y, size: SIZE };
}
/** The table's text, row by row: each cell's text with its column span. */
function grid(table: ClusteredTable): string[][] {
  const rows: string[][] = [];
  for (const cell of [...table.cells].sort((a, b) => a.r0 - b.r0 || a.c0 - b.c0)) {
    const text = cell.bits.map((b) => b.str).join('');
    (rows[cell.r0] ??= []).push(cell.c1 - cell.c0 > 1 ? `${text}[${cell.c1 - cell.c0}]` : text);
  }
  return rows;
}

describe('clusterTables', () => {
  it('rebuilds rows from baselines and columns from the gaps empty in every value line', () => {
    const bits = [
      bit('一、情况说明如下，这是一段正文，不是表格，它几乎占满了整个版心的宽度。', 50, 40),
      bit('项目', 100, 80), bit('甲', 250, 80), bit('乙', 350, 80),
      bit('规章', 100, 110), bit('0', 253, 110), bit('12', 350, 110),
      bit('行政规范性文件', 100, 140), bit('3', 253, 140), bit('1', 353, 140),
      bit('其他', 100, 170), bit('5', 253, 170), bit('6', 353, 170),
    ];
    const { tables, refused } = clusterTables(bits, 595);
    expect(refused).toEqual([]);
    expect(tables).toHaveLength(1);
    expect(grid(tables[0])).toEqual([
      ['项目', '甲', '乙'],
      ['规章', '0', '12'],
      ['行政规范性文件', '3', '1'],
      ['其他', '5', '6'],
    ]);
    // The paragraph above stays text.
    expect(tables[0].used.has(bits[0])).toBe(false);
    expect(tables[0].ys).toHaveLength(5);
    expect(tables[0].xs).toHaveLength(4);
  });

  it('joins a label wrapped over two lines into its row', () => {
    const bits = [
      bit('规章', 100, 110), bit('1', 253, 110), bit('2', 353, 110),
      bit('行政规范性', 100, 134), bit('文件', 100, 148), bit('3', 253, 141), bit('4', 353, 141),
      bit('其他', 100, 175), bit('5', 253, 175), bit('6', 353, 175),
    ];
    const [table] = clusterTables(bits, 595).tables;
    expect(grid(table)).toEqual([
      ['规章', '1', '2'],
      ['行政规范性文件', '3', '4'],
      ['其他', '5', '6'],
    ]);
  });

  it('cuts header labels printed without a gap between them at their columns', () => {
    const bits = [
      bit('信息内容', 100, 80), bit('本年制发件数本年废止件数', 226, 80),
      bit('规章', 100, 110), bit('0', 259, 110), bit('0', 331, 110),
      bit('行政规范性文件', 100, 140), bit('3', 259, 140), bit('1', 331, 140),
      bit('其他', 100, 170), bit('5', 259, 170), bit('6', 331, 170),
    ];
    const [table] = clusterTables(bits, 595).tables;
    expect(grid(table)[0]).toEqual(['信息内容', '本年制发件数', '本年废止件数']);
  });

  it('leaves a label centred over several columns whole, spanning them', () => {
    const bits = [
      bit('政府信息公开申请人情况', 240, 60),
      bit('甲', 250, 80), bit('乙', 300, 80), bit('丙', 350, 80),
      bit('规章', 100, 110), bit('1', 253, 110), bit('2', 303, 110), bit('3', 353, 110),
      bit('其他', 100, 140), bit('4', 253, 140), bit('5', 303, 140), bit('6', 353, 140),
      bit('合计', 100, 170), bit('5', 253, 170), bit('7', 303, 170), bit('9', 353, 170),
    ];
    const [table] = clusterTables(bits, 595).tables;
    expect(grid(table)[0]).toEqual(['', '政府信息公开申请人情况[3]']);
  });

  it('reads a value centred over empty neighbours as one value over them all, not the middle column\'s', () => {
    const bits = [
      bit('甲', 250, 80), bit('乙', 300, 80), bit('丙', 350, 80),
      bit('规章', 100, 110), bit('1', 253, 110), bit('2', 303, 110), bit('3', 353, 110),
      bit('合并', 100, 140), bit('9', 303, 140),
      bit('其他', 100, 170), bit('4', 253, 170), bit('5', 303, 170), bit('6', 353, 170),
    ];
    const [table] = clusterTables(bits, 595).tables;
    expect(grid(table)[2]).toEqual(['合并', '9[3]']);
  });

  it('reads a lone value centred under empty columns as one value over them, and refuses one centred under none', () => {
    const head = [bit('甲', 250, 80), bit('乙', 300, 80), bit('丙', 350, 80), bit('规章', 100, 110), bit('1', 253, 110), bit('2', 303, 110), bit('3', 353, 110)];
    const last = [bit('其他', 100, 170), bit('4', 253, 170), bit('5', 303, 170), bit('6', 353, 170)];
    // Between the first two columns: one value for both.
    const between = clusterTables([...head, bit('合并', 100, 140), bit('9', 278, 140), ...last], 595).tables;
    expect(grid(between[0])[2]).toEqual(['合并', '9[2]', '']);
    // Off every column and every run of them: no grid.
    const off = clusterTables([...head, bit('合并', 100, 140), bit('9', 290, 140), ...last], 595);
    expect(off.tables).toEqual([]);
    expect(off.refused[0].reason).toMatch(/crosses a column gap/);
  });

  it('refuses a value cell that holds text beside its number', () => {
    const bits = [
      bit('规章', 100, 110), bit('1', 253, 110), bit('2', 303, 110),
      bit('其他', 100, 140), bit('3', 253, 140), bit('4', 303, 140),
      bit('增减', 300, 157), bit('合计', 100, 170), bit('5', 253, 170), bit('6', 303, 170),
    ];
    const { tables, refused } = clusterTables(bits, 595);
    expect(tables).toEqual([]);
    expect(refused.map((r) => r.reason)).toEqual(['text and a number in one value cell']);
  });

  it('refuses ragged columns: no grid, the text stays text, and it says why', () => {
    const bits = [
      bit('规章', 100, 110), bit('1', 200, 110), bit('2', 290, 110), bit('3', 380, 110),
      bit('其他', 100, 140), bit('4', 230, 140), bit('5', 260, 140), bit('6', 420, 140),
      bit('合计', 100, 170), bit('5', 180, 170), bit('7', 330, 170), bit('9', 345, 170),
    ];
    const { tables, refused } = clusterTables(bits, 595);
    expect(tables).toEqual([]);
    expect(refused).toHaveLength(1);
    expect(refused[0].reason).toMatch(/ragged|line up|crosses/);
  });

  it('makes no table of prose with a number in it', () => {
    const bits = [bit('本年共组织培训', 50, 40), bit('2', 136, 40), bit('次。', 144, 40), bit('全年主动公开信息', 50, 60), bit('78', 148, 60), bit('条。', 163, 60)];
    expect(clusterTables(bits, 595)).toEqual({ tables: [], refused: [] });
  });
});
