/** Every check, in the order a reader meets the tables. Each is a small named function over the report. */
import type { Finding, Report } from '../schema.ts';
import { blankCells } from './blank-cells.ts';
import { implausibleCounts, table2Expectations } from './plausibility.ts';
import { table3Balance, table3ResultsTotal, table3RowTotals } from './table3-rules.ts';
import { table4GroupTotals } from './table4-rules.ts';
import { legacyRelations } from './legacy-rules.ts';

export function runChecks(report: Report): Finding[] {
  const { table2, table3, table4, legacy } = report.tables;
  return [
    ...(table2 ? [...implausibleCounts('table2', table2), ...table2Expectations(report)] : []),
    ...(table3
      ? [...table3RowTotals(table3), ...table3ResultsTotal(table3), ...table3Balance(table3), ...implausibleCounts('table3', table3), ...blankCells('table3', table3)]
      : []),
    ...(table4 ? [...table4GroupTotals(table4), ...implausibleCounts('table4', table4), ...blankCells('table4', table4)] : []),
    ...(legacy ? [...legacyRelations(legacy), ...implausibleCounts('legacy', legacy)] : []),
  ];
}
