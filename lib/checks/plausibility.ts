/**
 * Warnings, never errors: numbers a count cannot be (negative, fractional), and the loose expectations
 * of Table 2 (spec, "Relations in Table 2").
 */
import type { Finding, Report, Table, TableKey } from '../schema.ts';
import type { RuleInfo } from './rule-info.ts';
import { finding } from './finding.ts';

export const plausibilityRule: RuleInfo = {
  id: 'plausibility',
  severity: 'warning',
  scope: 'cell',
  kind: 'note',
  name: { zh: '数值是否合理', en: 'Plausible counts' },
  explain: {
    zh: '件数不能是负数或小数（提示）。表二“本年增/减”可以为负，金额（万元、元）可以有小数。例：某格印“-2”提示“数量不应为负数”，印“1.5”提示“件数应为整数”；勾稽关系照常核对。',
    en: 'A count cannot be negative or fractional (a note). Table 2’s 本年增/减 (change) may be negative and amounts (万元, 元) may have decimals. Example: a cell printing “-2” is noted as “数量不应为负数”, one printing “1.5” as “件数应为整数”; the sums are still checked.',
  },
};

export const table2ExpectationRule: RuleInfo = {
  id: 'table2.expectation',
  severity: 'warning',
  scope: 'table',
  kind: 'note',
  name: { zh: '表二逻辑关系', en: 'Table 2 expectations' },
  explain: {
    zh: '表二没有必须成立的合计，只有通常成立的关系（提示）：2019 年格式本年新公开数量 ≤ 对外公开总数量；2021 年格式本年制发件数 ≤ 现行有效件数（同年制发又废止时可能不成立）。例：规章本年制发 5 件、现行有效 3 件，提示核实。',
    en: 'Table 2 has no sum that must hold, only expectations (notes): in the 2019 form, published this year ≤ all published; in the 2021 form, issued this year ≤ in force (a document issued and repealed in the same year can break it). Example: 5 rules issued this year but 3 in force is noted for checking.',
  },
};

/** Columns whose values may be negative or fractional. */
const SIGNED = new Set(['change']);
const AMOUNTS = new Set(['fee_amount', 'procurement_amount']);

export function implausibleCounts(key: TableKey, table: Table): Finding[] {
  const out: Finding[] = [];
  for (const cell of table.cells) {
    if (cell.status !== 'ok' || cell.value === null) continue;
    const problem =
      cell.value < 0 && !SIGNED.has(cell.col)
        ? `数量不应为负数：${cell.raw}`
        : !Number.isInteger(cell.value) && !AMOUNTS.has(cell.col) && cell.unit !== '万元' && cell.unit !== '元'
          ? `件数应为整数：${cell.raw}`
          : null;
    if (!problem) continue;
    const where = `${table.rowLabels[cell.row] ?? cell.row} · ${table.colLabels[cell.col] ?? cell.col}`;
    out.push(
      finding(plausibilityRule, {
        id: `${key}:plausibility:${cell.row}:${cell.col}`,
        message: `${where}：${problem}`,
        table: key,
        cells: [{ row: cell.row, col: cell.col }],
        actual: cell.value,
      }),
    );
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
      out.push(
        finding(table2ExpectationRule, {
          id: `table2:expectation:${row}:${small}`,
          message: `${table.rowLabels[row] ?? row}：${text}（${a} > ${b}）`,
          table: 'table2',
          cells: [{ row, col: small }, { row, col: big }],
          actual: a,
        }),
      );
    }
  }
  return out;
}
