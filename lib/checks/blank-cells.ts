/** One warning per table listing the blank cells that the sums read as 0 ("nothing reported"). */
import type { Finding, Table, TableKey } from '../schema.ts';

export const BLANK_CELLS_RULE = 'blank_cells';

export function blankCells(key: TableKey, table: Table): Finding[] {
  const blanks = table.cells.filter((c) => (c.status === 'blank' || c.status === 'dash') && c.col !== 'total' && !c.col.endsWith('_total'));
  if (!blanks.length) return [];
  return [
    {
      id: `${key}:blank_cells`,
      rule: BLANK_CELLS_RULE,
      severity: 'warning',
      message: `有 ${blanks.length} 个分项单元格为空白或“${blanks.find((b) => b.status === 'dash')?.raw ?? '—'}”，核对时按 0（未填报）计`,
      table: key,
      cells: blanks.map((c) => ({ row: c.row, col: c.col })),
      expected: null,
      actual: null,
    },
  ];
}
