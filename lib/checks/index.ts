/** Every check, in the order a reader meets the tables. Each is a small named function over the report. */
import type { Coverage, Finding, Report, TableKey } from '../schema.ts';
import { blankCells } from './blank-cells.ts';
import { implausibleCounts, table2Expectations } from './plausibility.ts';
import { table3Balance, table3ResultsTotal, table3RowTotals } from './table3-rules.ts';
import { table4GroupTotals } from './table4-rules.ts';
import { legacyRelations } from './legacy-rules.ts';
import { Tally } from './tally.ts';

export interface Checked {
  findings: Finding[];
  coverage: Coverage;
}

export function checkReport(report: Report): Checked {
  const { table2, table3, table4, legacy } = report.tables;
  const tally = new Tally();
  const notes: Finding[] = [];
  if (table2) notes.push(...implausibleCounts('table2', table2), ...table2Expectations(report));
  if (table3) {
    table3RowTotals(table3, tally);
    table3ResultsTotal(table3, tally);
    table3Balance(table3, tally);
  }
  if (table4) table4GroupTotals(table4, tally);
  const legacyNotes = legacy ? legacyRelations(legacy, tally) : [];
  // Findings in reading order: table by table, relations first, then that table's notes.
  const order: TableKey[] = ['table2', 'table3', 'table4', 'legacy'];
  const byTable = (key: TableKey) => [
    ...tally.findings.filter((f) => f.table === key),
    ...(key === 'table3' && table3 ? [...implausibleCounts('table3', table3), ...blankCells('table3', table3)] : []),
    ...(key === 'table4' && table4 ? [...implausibleCounts('table4', table4), ...blankCells('table4', table4)] : []),
    ...(key === 'legacy' && legacy ? [...legacyNotes, ...implausibleCounts('legacy', legacy)] : []),
  ];
  const findings = [...notes, ...order.flatMap(byTable)];
  const cells = Object.values(report.tables).flatMap((t) => t?.cells ?? []);
  return {
    findings,
    coverage: {
      relationsChecked: tally.checked,
      numbersRead: cells.filter((c) => c.status === 'ok').length,
      cellsUnreadable: cells.filter((c) => c.status === 'unreadable').length,
      notCheckable: tally.notCheckable,
    },
  };
}

/** The findings alone (kept for callers that need no coverage). */
export function runChecks(report: Report): Finding[] {
  return checkReport(report).findings;
}
