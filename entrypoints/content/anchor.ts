import type { AuditResult } from '@/lib/audit.ts';
import { firstReportTable as firstOf } from '@/lib/first-report-table.ts';
import { REPORT_TABLES } from '@/lib/tables/index.ts';

// Where the banner goes: just before the first report table in document order, so it sits at the top
// of the report rather than the top of the site's chrome.

/** The <table> (or, for a flattened table, the first source element) that comes first on the page. */
export function firstReportTable(result: AuditResult): Element | undefined {
  return firstOf(
    REPORT_TABLES.map(({ key }) => (result.report.tables[key]?.cells ?? []).map((cell) => result.elementFor(key, { row: cell.row, col: cell.col }))),
  );
}
