/**
 * copyDiffs compares a second copy of a table place by place when both copies print the same places in
 * the same order, and by index otherwise: either way it must say exactly what the indexed comparison said.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Cell } from '../../lib/schema.ts';
import { copyDiffs, type ReadTable } from '../../lib/tables/extract-table.ts';

/** The comparison as it was before the pairwise path: every place of either copy once, by index. */
function reference(out: ReadTable, copy: ReadTable, rows: Set<string>): string[] {
  const byCell = (t: ReadTable) => {
    const map = new Map<string, Map<string, Cell>>();
    const order: Cell[] = [];
    for (const { cell } of t.cells) {
      let row = map.get(cell.row);
      if (!row) map.set(cell.row, (row = new Map()));
      if (!row.has(cell.col)) order.push(cell);
      row.set(cell.col, cell);
    }
    return { order, get: (row: string, col: string) => map.get(row)?.get(col) };
  };
  const first = byCell(out);
  const second = byCell(copy);
  const shown = (cell: Cell | undefined) => (cell ? cell.raw || '（空）' : '（无）');
  const diffs: string[] = [];
  const compare = (row: string, col: string, a: Cell | undefined, b: Cell | undefined) => {
    if (!rows.has(row)) return;
    if (a && b && a.status === b.status && a.value === b.value && a.raw === b.raw) return;
    diffs.push(`${out.rowLabels[row] ?? row} · ${out.colLabels[col] ?? col}：第一份 ${shown(a)}，第二份 ${shown(b)}`);
  };
  for (const { row, col } of first.order) compare(row, col, first.get(row, col), second.get(row, col));
  for (const { row, col } of second.order) if (!first.get(row, col)) compare(row, col, undefined, second.get(row, col));
  return diffs;
}

const cell = (row: string, col: string, raw: string): Cell => ({ row, col, value: raw === '' ? null : Number(raw), raw, status: raw === '' ? 'blank' : 'ok' });
const table = (cells: Cell[]): ReadTable => ({ cells: cells.map((c) => ({ cell: c, el: null })), rowLabels: { a: '甲' }, colLabels: { x: '列x' } });
const rowsOf = (t: ReadTable) => new Set(t.cells.map((c) => c.cell.row));

// Rows of cells, each row's cells in one run (as extractTable emits them); values from a small set so copies often agree.
const rowRun = fc.record({ row: fc.constantFrom('a', 'b', 'c', 'd'), cols: fc.array(fc.tuple(fc.constantFrom('x', 'y', 'z'), fc.constantFrom('', '0', '1', '2')), { maxLength: 4 }) });
const cellsOf = (runs: { row: string; cols: [string, string][] }[]) => runs.flatMap(({ row, cols }) => cols.map(([col, raw]) => cell(row, col, raw)));

describe('copyDiffs', () => {
  it('agrees with the indexed comparison on random copies', () => {
    fc.assert(
      fc.property(fc.array(rowRun, { maxLength: 5 }), fc.array(rowRun, { maxLength: 5 }), (a, b) => {
        const out = table(cellsOf(a));
        const copy = table(cellsOf(b));
        expect(copyDiffs(out, copy, rowsOf(copy))).toEqual(reference(out, copy, rowsOf(copy)));
      }),
      { numRuns: 3000 },
    );
  });

  it('agrees on copies of the same places with some values changed (the pairwise path)', () => {
    fc.assert(
      fc.property(fc.array(rowRun, { maxLength: 6 }), fc.array(fc.boolean(), { maxLength: 24 }), fc.nat(5), (runs, changed, skip) => {
        const out = table(cellsOf(runs));
        // The copy repeats some of the rows, place for place, with a few values changed.
        const kept = runs.filter((_, i) => i % (skip + 1) === 0);
        const copy = table(cellsOf(kept).map((c, i) => (changed[i] ? cell(c.row, c.col, c.raw === '1' ? '2' : '1') : c)));
        expect(copyDiffs(out, copy, rowsOf(copy))).toEqual(reference(out, copy, rowsOf(copy)));
      }),
      { numRuns: 3000 },
    );
  });

  it('lists a differing value, a missing place and a repeated column', () => {
    const out = table([cell('a', 'x', '1'), cell('a', 'y', '2'), cell('b', 'x', '3')]);
    expect(copyDiffs(out, table([cell('a', 'x', '1'), cell('a', 'y', '5')]), new Set(['a']))).toEqual(['甲 · y：第一份 2，第二份 5']);
    expect(copyDiffs(out, table([cell('a', 'x', '1')]), new Set(['a']))).toEqual(['甲 · y：第一份 2，第二份 （无）']);
    const twice = table([cell('a', 'x', '1'), cell('a', 'x', '2'), cell('a', 'y', '2')]);
    expect(copyDiffs(out, twice, new Set(['a']))).toEqual(['甲 · 列x：第一份 1，第二份 2']);
  });
});
