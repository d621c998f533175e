/**
 * Table 3's hard relations (spec, "Hard relations"):
 *  row total  总计 = 自然人 + the five 法人或其他组织 columns, per row;
 *  results    三(七) = every result row added up, per column;
 *  balance    一 + 二 = 三(七) + 四, per column (the relation the table itself prints).
 */
import type { Finding, Table } from '../schema.ts';
import { LEGAL_PERSON_COLUMNS, TABLE3_COLUMNS, TABLE3_RESULT_ROWS, TABLE3_ROWS } from '../dictionary.ts';
import { evaluate, type Relation } from './relation.ts';
import { viewOf, type TableView, type Term } from './terms.ts';

const COL_LABEL: Record<string, string> = {
  ...Object.fromEntries(TABLE3_COLUMNS.map((c) => [c.key, c.label])),
  legal_person: '法人或其他组织',
};
/** Row names for messages: the printed label, without the words every row repeats. */
const ROW_LABEL: Record<string, string> = Object.fromEntries(
  TABLE3_ROWS.map((r) => [r.key, r.label.replace('政府信息公开申请数量', '')]),
);

function rowLabel(key: string): string {
  return ROW_LABEL[key] ?? key;
}

/** Columns to check down the table: the five legal-person columns as one group wherever any row merged them. */
function columnsToCheck(view: TableView, rows: string[]): string[] {
  const grouped = rows.some((r) => view.hasLegalGroup(r));
  return ['natural_person', ...(grouped ? ['legal_person'] : LEGAL_PERSON_COLUMNS), 'total'];
}

function columnTerm(view: TableView, row: string, col: string): Term {
  // A row written as one figure across all seven columns reports only its total.
  if (col !== 'total' && view.spansAll(row)) return { kind: 'absent', label: rowLabel(row) };
  return view.term(row, col, rowLabel(row));
}

export function table3RowTotals(table: Table): Finding[] {
  const view = viewOf(table);
  const out: Finding[] = [];
  for (const row of view.rows()) {
    if (view.spansAll(row)) continue;
    const total = view.term(row, 'total', '总计');
    const legal = view.hasLegalGroup(row) ? ['legal_person'] : LEGAL_PERSON_COLUMNS;
    const parts = ['natural_person', ...legal].map((c) => view.term(row, c, COL_LABEL[c]));
    const f = evaluate({
      id: `table3:row_total:${row}`,
      rule: 'table3.row_total',
      table: 'table3',
      subject: rowLabel(row),
      left: [total],
      right: parts,
      reportedTotals: [total],
    });
    if (f) out.push(f);
  }
  return out;
}

export function table3ResultsTotal(table: Table): Finding[] {
  const view = viewOf(table);
  if (!view.hasRow('results_total')) return [];
  const resultRows = TABLE3_RESULT_ROWS.filter((r) => view.hasRow(r));
  const out: Finding[] = [];
  for (const col of columnsToCheck(view, [...resultRows, 'results_total'])) {
    const stated = { ...columnTerm(view, 'results_total', col), label: '（七）总计' };
    const parts = resultRows.map((r) => columnTerm(view, r, col));
    const f = evaluate({
      id: `table3:results_total:${col}`,
      rule: 'table3.results_total',
      table: 'table3',
      subject: `${COL_LABEL[col]}列`,
      left: [stated],
      right: parts,
      reportedTotals: col === 'total' ? [stated, ...parts] : [],
    });
    if (f) out.push(f);
  }
  return out;
}

export function table3Balance(table: Table): Finding[] {
  const view = viewOf(table);
  const rows = ['new_received', 'carried_over', 'results_total', 'carried_forward'];
  if (!rows.every((r) => view.hasRow(r))) return [];
  const out: Finding[] = [];
  for (const col of columnsToCheck(view, rows)) {
    const [a, b, c, d] = rows.map((r) => columnTerm(view, r, col));
    const f = evaluate({
      id: `table3:balance:${col}`,
      rule: 'table3.balance',
      table: 'table3',
      subject: `${COL_LABEL[col]}列（一 + 二 = 三(七) + 四）`,
      left: [a, b],
      right: [c, d],
      reportedTotals: col === 'total' ? [a, b, c, d] : [],
    });
    if (f) out.push(f);
  }
  return out;
}
