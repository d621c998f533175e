import { describe, expect, it } from 'vitest';
import type { Cell, Finding, Report, Table } from '@/lib/schema.ts';
import { LEGAL_PERSON_COLUMNS, TABLE3_RESULT_ROWS } from '@/lib/tables/dictionary.ts';
import { runChecks } from '@/lib/checks/index.ts';
import { table3Balance, table3ResultsTotal, table3RowTotals } from '@/lib/checks/table3-rules.ts';
import { table4GroupTotals } from '@/lib/checks/table4-rules.ts';
import { legacyRelations } from '@/lib/checks/legacy-rules.ts';
import { cellKey, planMarks, printedTotal } from '@/lib/mark-plan.ts';
import { Tally } from '@/lib/checks/tally.ts';
import { fakeReport } from './support/fake-report.ts';

/** A rule's findings on one table (rules report into a tally). */
function findingsOf(rule: (table: Table, tally: Tally) => unknown, table: Table): Finding[] {
  const tally = new Tally();
  rule(table, tally);
  return tally.findings;
}

// Tables written by hand ({row: {col: value}}), checked by the real rules, then planned.

type Grid = Record<string, Record<string, number | 'blank' | 'unreadable' | { legal: number }>>;

function table(grid: Grid): Table {
  const cells: Cell[] = [];
  for (const [row, cols] of Object.entries(grid))
    for (const [col, v] of Object.entries(cols)) {
      if (v === 'blank') cells.push({ row, col, value: null, raw: '', status: 'blank' });
      else if (v === 'unreadable') cells.push({ row, col, value: null, raw: '约5', status: 'unreadable' });
      else if (typeof v === 'object') cells.push({ row, col: 'legal_person', covers: LEGAL_PERSON_COLUMNS, value: v.legal, raw: String(v.legal), status: 'ok' });
      else cells.push({ row, col, value: v, raw: String(v), status: 'ok' });
    }
  return { rowLabels: {}, colLabels: {}, cells };
}

/** A Table 3 row: natural person, the five legal-person columns, total. */
const row3 = (np: number, legal: number[], total: number) => ({
  natural_person: np,
  ...Object.fromEntries(LEGAL_PERSON_COLUMNS.map((c, i) => [c, legal[i] ?? 0])),
  total,
});

function reportWith(key: keyof Report['tables'], t: Table, findings: Finding[]): Report {
  const report = fakeReport(findings);
  report.tables = { [key]: t };
  return report;
}

/** A clean Table 3: 一 5 + 二 0 = (七) 5 + 四 0; results: granted 3, denied_law_forbidden 2, the rest 0. */
function cleanTable3(): Grid {
  const grid: Grid = {
    new_received: row3(4, [1], 5),
    carried_over: row3(0, [], 0),
    carried_forward: row3(0, [], 0),
    results_total: row3(4, [1], 5),
  };
  for (const r of TABLE3_RESULT_ROWS) grid[r] = row3(0, [], 0);
  grid.granted = row3(2, [1], 3);
  grid.denied_law_forbidden = row3(2, [], 2);
  return grid;
}

describe('printedTotal: the first cell names the printed total, for every sum rule', () => {
  it('table3.row_total: the 总计 cell of the row', () => {
    const [f] = findingsOf(table3RowTotals, table({ granted: row3(2, [1, 1], 5) }));
    expect(f!.rule).toBe('table3.row_total');
    expect(printedTotal(f!)).toEqual([{ row: 'granted', col: 'total' }]);
  });

  it('table3.results_total: the （七）总计 cell of the column (one, or the five legal-person cells it adds up)', () => {
    const grid = cleanTable3();
    grid.results_total = row3(4, [1], 6);
    const f = findingsOf(table3ResultsTotal, table(grid)).find((x) => x.id === 'table3:results_total:total')!;
    expect(f.rule).toBe('table3.results_total');
    expect(printedTotal(f)).toEqual([{ row: 'results_total', col: 'total' }]);

    // Another row merged the legal-person columns, (七) did not: its stated figure is five cells.
    const merged = cleanTable3();
    merged.granted = { natural_person: 2, legal: { legal: 1 }, total: 3 };
    merged.results_total = row3(4, [2], 6);
    const g = findingsOf(table3ResultsTotal, table(merged)).find((x) => x.id === 'table3:results_total:legal_person')!;
    expect(printedTotal(g)).toEqual(LEGAL_PERSON_COLUMNS.map((col) => ({ row: 'results_total', col })));
  });

  it('table4.group_total: the 总计 cell of the group', () => {
    const [f] = findingsOf(table4GroupTotals, table({ count: { review_upheld: 1, review_corrected: 1, review_other: 0, review_pending: 0, review_total: 3 } }));
    expect(f!.rule).toBe('table4.group_total');
    expect(printedTotal(f!)).toEqual([{ row: 'count', col: 'review_total' }]);
  });

  it('legacy.sum: the parent row', () => {
    const [f] = findingsOf(legacyRelations, table({ staff_total: { value: 5 }, staff_full_time: { value: 2 }, staff_part_time: { value: 2 } }));
    expect(f!.rule).toBe('legacy.sum');
    expect(printedTotal(f!)).toEqual([{ row: 'staff_total', col: 'value' }]);
  });

  it('table3.balance has no single printed total (all four are stated figures)', () => {
    const grid = cleanTable3();
    grid.carried_forward = row3(1, [], 1);
    const [f] = findingsOf(table3Balance, table(grid)).filter((x) => x.id.endsWith(':natural_person'));
    expect(f!.rule).toBe('table3.balance');
    expect(printedTotal(f!)).toEqual([]);
  });
});

describe('planMarks', () => {
  it('one wrong (七)总计: it is the culprit of three findings; non-zero parts are involved; zero parts unmarked', () => {
    const grid = cleanTable3();
    grid.results_total = row3(4, [1], 6); // printed 6, parts say 5
    const t = table(grid);
    const report = reportWith('table3', t, runChecks({ ...fakeReport(), tables: { table3: t } }));
    const errors = report.findings.filter((f) => f.severity === 'error').map((f) => f.id).sort();
    expect(errors).toEqual(['table3:balance:total', 'table3:results_total:total', 'table3:row_total:results_total']);

    const plan = planMarks(report);
    const culprit = cellKey('table3', { row: 'results_total', col: 'total' });
    expect([...plan.culprits.keys()]).toEqual([culprit]);
    expect(plan.culprits.get(culprit)!.sort()).toEqual(errors);

    const results = plan.findings.find((p) => p.finding.id === 'table3:results_total:total')!;
    expect(results.main).toEqual({ row: 'results_total', col: 'total' });
    expect(results.cells).toEqual([
      { ref: { row: 'results_total', col: 'total' }, role: 'total' },
      { ref: { row: 'granted', col: 'total' }, role: 'part' },
      { ref: { row: 'denied_law_forbidden', col: 'total' }, role: 'part' },
    ]);
    // Every finding's main cell is the culprit: one tab stop for the three.
    for (const p of plan.findings.filter((x) => x.finding.severity === 'error')) expect(p.main).toEqual({ row: 'results_total', col: 'total' });
    // The row check marks the (七) row's non-zero parts lightly, not its zeros.
    const row = plan.findings.find((p) => p.finding.id === 'table3:row_total:results_total')!;
    expect(row.cells.map((c) => `${c.ref.col}:${c.role}`)).toEqual(['total:total', 'natural_person:part', 'commercial:part']);
  });

  it('a wrong part where its row and column checks cross is the culprit, even when it reads 0', () => {
    const grid = cleanTable3();
    grid.granted = row3(0, [1], 3); // natural person should be 2; row 3 ≠ 1, column (七) 4 ≠ 2
    const t = table(grid);
    const report = reportWith('table3', t, runChecks({ ...fakeReport(), tables: { table3: t } }));
    const plan = planMarks(report);
    const key = cellKey('table3', { row: 'granted', col: 'natural_person' });
    expect([...plan.culprits.keys()]).toEqual([key]);
    const rowCheck = plan.findings.find((p) => p.finding.id === 'table3:row_total:granted')!;
    expect(rowCheck.main).toEqual({ row: 'granted', col: 'natural_person' });
    expect(rowCheck.cells).toContainEqual({ ref: { row: 'granted', col: 'natural_person' }, role: 'part' });
    expect(rowCheck.cells).toContainEqual({ ref: { row: 'granted', col: 'total' }, role: 'total' });
  });

  it('a balance failing alone marks its non-zero figures strongly; crossing a failed sum, lightly', () => {
    const grid = cleanTable3();
    grid.carried_forward = row3(1, [], 1); // 一 5 + 二 0 ≠ (七) 5 + 四 1, in the natural-person and total columns
    const t = table(grid);
    const report = reportWith('table3', t, runChecks({ ...fakeReport(), tables: { table3: t } }));
    const plan = planMarks(report);
    const np = plan.findings.find((p) => p.finding.id === 'table3:balance:natural_person')!;
    expect(np.cells.map((c) => `${c.ref.row}:${c.role}`)).toEqual(['new_received:total', 'results_total:total', 'carried_forward:total']);

    const wrong = cleanTable3();
    wrong.results_total = row3(4, [1], 6);
    const t2 = table(wrong);
    const crossed = planMarks(reportWith('table3', t2, runChecks({ ...fakeReport(), tables: { table3: t2 } })));
    const balance = crossed.findings.find((p) => p.finding.id === 'table3:balance:total')!;
    expect(balance.cells.map((c) => `${c.ref.row}:${c.role}`)).toEqual(['new_received:part', 'results_total:part']);
  });

  it('a lone failed sum: its total is the main cell; no culprit', () => {
    const t = table({ granted: row3(2, [1, 0, 0, 0, 0], 5) });
    const report = reportWith('table3', t, findingsOf(table3RowTotals, t));
    const plan = planMarks(report);
    expect(plan.culprits.size).toBe(0);
    expect(plan.findings[0]!.main).toEqual({ row: 'granted', col: 'total' });
    expect(plan.findings[0]!.cells.map((c) => c.ref.col)).toEqual(['total', 'natural_person', 'commercial']);
  });

  it('a blank-total warning marks only the blank total; an unreadable cell is what its warning marks', () => {
    const t = table({ granted: { ...row3(2, [1], 0), total: 'blank' }, partly_granted: { ...row3(1, [], 0), natural_person: 'unreadable', total: 1 } });
    const report = reportWith('table3', t, findingsOf(table3RowTotals, t));
    const plan = planMarks(report);
    const blank = plan.findings.find((p) => p.finding.id === 'table3:row_total:granted')!;
    expect(blank.finding.severity).toBe('warning');
    expect(blank.cells).toEqual([{ ref: { row: 'granted', col: 'total' }, role: 'warning' }]);
    const unreadable = plan.findings.find((p) => p.finding.id === 'table3:row_total:partly_granted')!;
    expect(unreadable.cells).toEqual([{ ref: { row: 'partly_granted', col: 'natural_person' }, role: 'warning' }]);
  });

  it('the blank-cells note marks nothing but keeps its first blank cell as the place to show', () => {
    const t = table({ granted: { ...row3(2, [1], 3), research: 'blank', other_org: 'blank' } });
    const report = reportWith('table3', t, runChecks({ ...fakeReport(), tables: { table3: t } }));
    const note = planMarks(report).findings.find((p) => p.finding.rule === 'blank_cells')!;
    expect(note.cells).toEqual([]);
    expect(note.main).toEqual({ row: 'granted', col: 'research' });
  });
});
