/**
 * Warnings, never errors: numbers a count cannot be (negative, fractional), and the loose expectations
 * of Table 2 (spec, "Relations in Table 2").
 */
import type { Finding, Report, Table, TableKey } from '../schema.ts';

/** Columns whose values may be negative or fractional. */
const SIGNED = new Set(['change']);
const AMOUNTS = new Set(['fee_amount', 'procurement_amount']);

export function implausibleCounts(key: TableKey, table: Table): Finding[] {
  const out: Finding[] = [];
  for (const cell of table.cells) {
    if (cell.status !== 'ok' || cell.value === null) continue;
    const where = `${table.rowLabels[cell.row] ?? cell.row} · ${table.colLabels[cell.col] ?? cell.col}`;
    const problem =
      cell.value < 0 && !SIGNED.has(cell.col)
        ? `数量不应为负数：${cell.raw}`
        : !Number.isInteger(cell.value) && !AMOUNTS.has(cell.col) && cell.unit !== '万元' && cell.unit !== '元'
          ? `件数应为整数：${cell.raw}`
          : null;
    if (!problem) continue;
    out.push({
      id: `${key}:plausibility:${cell.row}:${cell.col}`,
      rule: 'plausibility',
      severity: 'warning',
      message: `${where}：${problem}`,
      table: key,
      cells: [{ row: cell.row, col: cell.col }],
      expected: null,
      actual: cell.value,
    });
  }
  return out;
}

/** 2019 (一): 本年新公开数量 ≤ 对外公开总数量. 2021 (一): 现行有效件数 ≥ 本年制发件数 (expected, not guaranteed). */
export function table2Expectations(report: Report): Finding[] {
  const table = report.tables.table2;
  if (!table) return [];
  const value = (row: string, col: string) => table.cells.find((c) => c.row === row && c.col === col && c.status === 'ok')?.value ?? null;
  const out: Finding[] = [];
  for (const row of ['regulations', 'normative_documents']) {
    const pairs: [string, string, string][] = [
      ['new_published', 'total_published', '本年新公开数量大于对外公开总数量'],
      ['issued', 'in_force', '本年制发件数大于现行有效件数（同年制发又废止时可能成立）'],
    ];
    for (const [small, big, text] of pairs) {
      const a = value(row, small);
      const b = value(row, big);
      if (a === null || b === null || a <= b) continue;
      out.push({
        id: `table2:expectation:${row}:${small}`,
        rule: 'table2.expectation',
        severity: 'warning',
        message: `${table.rowLabels[row] ?? row}：${text}（${a} > ${b}）`,
        table: 'table2',
        cells: [{ row, col: small }, { row, col: big }],
        expected: null,
        actual: a,
      });
    }
  }
  return out;
}
