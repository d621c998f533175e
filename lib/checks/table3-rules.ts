/**
 * Table 3's hard relations (spec, "Hard relations"):
 *  row total  总计 = 自然人 + the five 法人或其他组织 columns, per row;
 *  results    三(七) = every result row added up, per column;
 *  balance    一 + 二 = 三(七) + 四, per column (the relation the table itself prints).
 */
import type { Table } from '../schema.ts';
import { TABLE3_COLUMNS, TABLE3_RESULT_ROWS, TABLE3_ROWS } from '../tables/dictionary.ts';
import { table3, TABLE3_BALANCE } from '../tables/table3.ts';
import { evaluate, type Relation } from './relation.ts';
import { roundSum, TableView, type Term } from './terms.ts';
import type { DescribeMissing, Tally } from './tally.ts';
import type { RuleInfo } from './rule-info.ts';

export const table3RowTotalRule: RuleInfo = {
  id: 'table3.row_total',
  severity: 'error',
  scope: 'table',
  kind: 'relation',
  name: { zh: '申请人合计', en: 'Applicants add up' },
  explain: {
    zh: '表三每一行的“总计”应等于自然人与五类法人或其他组织之和。例：“一、本年新收”行自然人 5、商业企业 1、其余各列为 0，总计应为 6；印成 7 即报“总计 7 ≠ 自然人 5 + 商业企业 1 + … = 6”。五类法人合并成一个单元格时按一个数计；总计空白视为未填报，只提示分项之和。',
    en: 'In Table 3, each row’s 总计 (total) must equal 自然人 (natural persons) plus the five 法人或其他组织 (legal persons) columns. Example: row 一、本年新收 has natural persons 5, businesses 1 and 0 elsewhere, so its total should be 6; a printed 7 is reported as “总计 7 ≠ 自然人 5 + 商业企业 1 + … = 6”. A value merged across the five legal-person columns counts once; a blank total is “not reported” and only noted with the parts’ sum.',
  },
};

export const table3ResultsTotalRule: RuleInfo = {
  id: 'table3.results_total',
  severity: 'error',
  scope: 'table',
  kind: 'relation',
  name: { zh: '办理结果合计', en: 'Results add up' },
  explain: {
    zh: '表三“（七）总计”应等于第三部分每一项办理结果之和，逐列核对。例：自然人列（一）予以公开 3、（二）部分公开 1、（四）1.本机关不掌握 2，其余为 0，（七）总计应为 6；印成 5 即报错。',
    en: 'Table 3’s （七）总计 (all results) must equal the sum of every result row above it, column by column. Example: in the natural-person column, disclosed 3, partly disclosed 1, not held 2 and 0 elsewhere: （七）总计 should be 6; a printed 5 is an error.',
  },
};

export const table3BalanceRule: RuleInfo = {
  id: 'table3.balance',
  severity: 'error',
  scope: 'table',
  kind: 'relation',
  name: { zh: '收结平衡（新收＋结转＝办结＋结转下年）', en: 'Requests balance' },
  explain: {
    zh: '表三自己印出的勾稽关系：一、本年新收 + 二、上年结转 = 三、（七）总计 + 四、结转下年度继续办理，逐列核对。例：总计列新收 10、上年结转 2、（七）总计 9、结转下年度 3：10 + 2 = 9 + 3，一致；结转下年度若印成 2，则 12 ≠ 11，报错。',
    en: 'The relation Table 3 prints itself: 一 (received this year) + 二 (carried over) = 三(七) (all results) + 四 (carried forward), column by column. Example: total column 10 received, 2 carried over, 9 results, 3 carried forward: 10 + 2 = 9 + 3 holds; with 2 carried forward it is 12 ≠ 11, an error.',
  },
};

/** The five 法人或其他组织 columns, and the one value some rows merge over them. */
const [LEGAL] = table3.groups;
const LEGAL_PERSON_COLUMNS = LEGAL.covers;
/** Table 3 as its rules read it; built once per check of the table and passed to each rule. */
export const table3View = (table: Table) => new TableView(table, table3.groups);

const COL_LABEL: Record<string, string> = {
  ...Object.fromEntries(TABLE3_COLUMNS.map((c) => [c.key, c.label])),
  [LEGAL.key]: LEGAL.label,
};
/** Row names for messages: the printed label, without the words every row repeats. */
const ROW_LABEL: Record<string, string> = Object.fromEntries(
  TABLE3_ROWS.map((r) => [r.key, r.label.replace('政府信息公开申请数量', '')]),
);

/** A row total's parts: 自然人 and the five legal-person columns, or the one value merged over them. */
const SPLIT_PARTS = ['natural_person', ...LEGAL_PERSON_COLUMNS];
const GROUPED_PARTS = ['natural_person', LEGAL.key];
const RESULTS_TOTAL = ['results_total'];

function rowLabel(key: string): string {
  return ROW_LABEL[key] ?? key;
}

/** Not one of the five 法人或其他组织 columns was read (nor a merged cell over them). */
function legalGroupMissing(view: TableView): boolean {
  return !view.hasColumn(LEGAL.key) && LEGAL_PERSON_COLUMNS.every((c) => !view.hasColumn(c));
}

/** Columns to check down the table: the five legal-person columns as one group wherever any row merged them. */
function columnsToCheck(view: TableView, rows: string[]): string[] {
  const grouped = legalGroupMissing(view) || rows.some((r) => view.hasGroupCell(r, LEGAL.key));
  return ['natural_person', ...(grouped ? [LEGAL.key] : LEGAL_PERSON_COLUMNS), 'total'];
}

function columnTerm(view: TableView, row: string, col: string): Term {
  // A row written as one figure across all seven columns reports only its total.
  if (col !== 'total' && view.spansAll(row)) return { kind: 'absent', label: rowLabel(row), ref: { row, col }, notPrinted: true };
  return view.term(row, col, rowLabel(row));
}

/** A missing cell named by what is really missing: its whole row, its whole column, or just the cell. */
function describer(view: TableView): DescribeMissing {
  return ({ row, col }) =>
    !view.hasRow(row) || view.spansAll(row)
      ? [`row:${row}`, rowLabel(row)]
      : col === LEGAL.key && legalGroupMissing(view)
        ? [`col:${LEGAL.key}`, `${LEGAL.label}的任何一列`]
        : view.hasColumn(col)
          ? [`cell:${row}.${col}`, `${rowLabel(row)}·${COL_LABEL[col]}`]
          : [`col:${col}`, `${COL_LABEL[col]}列`];
}

/*
 * Fast paths: most relations hold with every cell printed. These test that from the cells, adding as evaluate
 * adds the terms, and a relation that passes is only counted; any other is built from its terms and evaluated,
 * which says why. A missing or unreadable cell reads NaN (never equal), so does a stated total left blank
 * (evaluate reports it), and a row written as one figure is not read below its total column.
 */

/** 总计 = the parts, along one row. */
export function rowHolds(view: TableView, row: string, parts: string[]): boolean {
  let sum = 0;
  for (const col of parts) sum += view.plainValue(row, col);
  return roundSum(0 + view.plainValue(row, 'total', true)) === roundSum(sum);
}

/** left rows = right rows, down one column. In the 总计 column every cell is a stated total (none may be blank). */
export function columnHolds(view: TableView, col: string, left: string[], right: string[]): boolean {
  if (col !== 'total' && (left.some((r) => view.spansAll(r)) || right.some((r) => view.spansAll(r)))) return false;
  const blankTotals = col === 'total';
  return roundSum(columnSum(view, col, left, blankTotals)) === roundSum(columnSum(view, col, right, blankTotals));
}

function columnSum(view: TableView, col: string, rows: string[], blankIsNaN: boolean): number {
  let sum = 0;
  for (const row of rows) sum += view.plainValue(row, col, blankIsNaN);
  return sum;
}

export function rowTotalRelation(view: TableView, row: string, partCols: string[]): Relation {
  const total = view.term(row, 'total', '总计');
  return {
    id: `table3:row_total:${row}`,
    rule: table3RowTotalRule.id,
    table: 'table3',
    subject: rowLabel(row),
    left: [total],
    right: partCols.map((c) => view.term(row, c, COL_LABEL[c])),
    reportedTotals: [total],
  };
}

export function resultsTotalRelation(view: TableView, col: string, resultRows: string[]): Relation {
  const stated = { ...columnTerm(view, 'results_total', col), label: '（七）总计' };
  const parts = resultRows.map((r) => columnTerm(view, r, col));
  return {
    id: `table3:results_total:${col}`,
    rule: table3ResultsTotalRule.id,
    table: 'table3',
    subject: `${COL_LABEL[col]}列`,
    left: [stated],
    right: parts,
    reportedTotals: col === 'total' ? [stated, ...parts] : [],
  };
}

export function balanceRelation(view: TableView, col: string): Relation {
  const [a, b, c, d] = [...TABLE3_BALANCE.left, ...TABLE3_BALANCE.right].map((r) => columnTerm(view, r, col));
  return {
    id: `table3:balance:${col}`,
    rule: table3BalanceRule.id,
    table: 'table3',
    subject: `${COL_LABEL[col]}列（一 + 二 = 三(七) + 四）`,
    left: [a, b],
    right: [c, d],
    reportedTotals: col === 'total' ? [a, b, c, d] : [],
  };
}

export function table3RowTotals(table: Table, tally: Tally, view = table3View(table)): void {
  const describe = describer(view);
  const grouped = legalGroupMissing(view);
  for (const row of view.rows()) {
    if (view.spansAll(row)) continue;
    const partCols = grouped || view.hasGroupCell(row, LEGAL.key) ? GROUPED_PARTS : SPLIT_PARTS;
    if (rowHolds(view, row, partCols)) tally.held();
    else check(tally, rowTotalRelation(view, row, partCols), describe);
  }
}

export function table3ResultsTotal(table: Table, tally: Tally, view = table3View(table)): void {
  const describe = describer(view);
  const resultRows = TABLE3_RESULT_ROWS.filter((r) => view.hasRow(r));
  for (const col of columnsToCheck(view, [...resultRows, 'results_total'])) {
    if (columnHolds(view, col, RESULTS_TOTAL, resultRows)) tally.held();
    else check(tally, resultsTotalRelation(view, col, resultRows), describe);
  }
}

export function table3Balance(table: Table, tally: Tally, view = table3View(table)): void {
  const describe = describer(view);
  for (const col of columnsToCheck(view, [...TABLE3_BALANCE.left, ...TABLE3_BALANCE.right])) {
    if (columnHolds(view, col, TABLE3_BALANCE.left, TABLE3_BALANCE.right)) tally.held();
    else check(tally, balanceRelation(view, col), describe);
  }
}

function check(tally: Tally, rel: Relation, describe: DescribeMissing): void {
  tally.add(rel, evaluate(rel), describe);
}
