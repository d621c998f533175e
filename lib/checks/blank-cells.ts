/** One warning per table listing the blank cells that the sums read as 0 ("nothing reported"). */
import type { Finding, Table, TableKey } from '../schema.ts';
import type { RuleInfo } from './rule-info.ts';
import { finding } from './finding.ts';

export const blankCellsRule: RuleInfo = {
  id: 'blank_cells',
  severity: 'warning',
  scope: 'table',
  kind: 'note',
  name: { zh: '空白单元格', en: 'Blank cells' },
  explain: {
    zh: '分项单元格空白或写作“—”“无”“/”时，核对按 0（未填报）计，每张表说明一次（提示）；空白的总计不按 0 计，而是“未填报”。例：表三科研机构一列全部空白，提示“有 26 个分项单元格为空白或“—”，核对时按 0（未填报）计”。',
    en: 'Part cells left blank or written as a dash (—, 无, /) are read as 0 (“nothing reported”) by the sums, said once per table (a note); a blank total is not read as 0 but as “not reported”. Example: a Table 3 whose 科研机构 column is empty throughout gets one note listing those blank cells.',
  },
};

/** The rule's id, for code that treats its finding apart (the marks: it marks no cell). */
export const BLANK_CELLS_RULE = blankCellsRule.id;

export function blankCells(key: TableKey, table: Table): Finding[] {
  const blanks = table.cells.filter((c) => (c.status === 'blank' || c.status === 'dash') && c.col !== 'total' && !c.col.endsWith('_total'));
  if (!blanks.length) return [];
  return [
    finding(blankCellsRule, {
      id: `${key}:blank_cells`,
      message: `有 ${blanks.length} 个分项单元格为空白或“${blanks.find((b) => b.status === 'dash')?.raw ?? '—'}”，核对时按 0（未填报）计`,
      table: key,
      cells: blanks.map((c) => ({ row: c.row, col: c.col })),
    }),
  ];
}
