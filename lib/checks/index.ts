/**
 * Every check, table by table in the order a reader meets them (lib/tables/index.ts). Each is a small named
 * function over one table; a table's relations report into the Tally, its notes come back as findings.
 */
import type { Coverage, Finding, Report, Table, TableKey } from '../schema.ts';
import { REPORT_TABLES } from '../tables/index.ts';
import { blankCells } from './blank-cells.ts';
import { implausibleCounts, table2Expectations } from './plausibility.ts';
import { table3Balance, table3ResultsTotal, table3RowTotals, table3View } from './table3-rules.ts';
import { table4GroupTotals } from './table4-rules.ts';
import { legacyRelations } from './legacy-rules.ts';
import { Tally } from './tally.ts';

export interface Checked {
  findings: Finding[];
  coverage: Coverage;
}

/** One table's checks: relations into the tally; the notes it returns follow that table's relation findings. */
type TableChecks = (table: Table, tally: Tally, report: Report) => Finding[];

const CHECKS: Record<TableKey, TableChecks> = {
  table2: (t, _tally, report) => [...implausibleCounts('table2', t), ...table2Expectations(report)],
  table3: (t, tally) => {
    const view = table3View(t);
    table3RowTotals(t, tally, view);
    table3ResultsTotal(t, tally, view);
    table3Balance(t, tally, view);
    return [...implausibleCounts('table3', t), ...blankCells('table3', t)];
  },
  table4: (t, tally) => {
    table4GroupTotals(t, tally);
    return [...implausibleCounts('table4', t), ...blankCells('table4', t)];
  },
  legacy: (t, tally) => [...legacyRelations(t, tally), ...implausibleCounts('legacy', t)],
};

/**
 * `only`: check just these tables (each table's checks read that table alone, so the others would only
 * repeat what a check of them already said).
 */
export function checkReport(report: Report, only?: ReadonlySet<TableKey>): Checked {
  const { findings, tally } = checkTables(report, only);
  return { findings, coverage: { relationsChecked: tally.checked, ...cellsRead(report), notCheckable: tally.notCheckable } };
}

/** The findings alone, for callers that need no coverage (the second copy of a table, checked again). */
export function runChecks(report: Report, only?: ReadonlySet<TableKey>): Finding[] {
  return checkTables(report, only).findings;
}

function checkTables(report: Report, only?: ReadonlySet<TableKey>): { findings: Finding[]; tally: Tally } {
  const tally = new Tally();
  const findings: Finding[] = [];
  for (const { key } of REPORT_TABLES) {
    const table = report.tables[key];
    if (!table || (only && !only.has(key))) continue;
    const before = tally.findings.length;
    const notes = CHECKS[key](table, tally, report);
    findings.push(...tally.findings.slice(before), ...notes);
  }
  return { findings, tally };
}

/** The numbers read and the cells that could not be, over every table. */
function cellsRead(report: Report): Pick<Coverage, 'numbersRead' | 'cellsUnreadable'> {
  let numbersRead = 0;
  let cellsUnreadable = 0;
  for (const table of Object.values(report.tables)) {
    for (const c of table?.cells ?? []) {
      if (c.status === 'ok') numbersRead++;
      else if (c.status === 'unreadable') cellsUnreadable++;
    }
  }
  return { numbersRead, cellsUnreadable };
}
