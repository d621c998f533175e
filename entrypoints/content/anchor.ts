import type { AuditResult } from '@/lib/audit.ts';
import { firstReportTable as firstOf } from '@/lib/first-report-table.ts';
import { REPORT_TABLES, type TableKey } from '@/lib/tables/index.ts';

// Where the banner goes: just before the first report table in document order, so it sits at the top
// of the report rather than the top of the site's chrome.

/** The <table> (or, for a flattened table, the first source element) that comes first on the page. */
export function firstReportTable(result: AuditResult): Element | undefined {
  return firstOf(
    REPORT_TABLES.map(({ key }) => (result.report.tables[key]?.cells ?? []).map((cell) => result.elementFor(key, { row: cell.row, col: cell.col }))),
  );
}

/**
 * The tables that carry a finding, in page order, each with the key it was read as (for the evidence
 * pack's screenshots). A flattened table stands as its first located element.
 */
export function markedTables(result: AuditResult): { key: TableKey; el: Element }[] {
  const out: { key: TableKey; el: Element }[] = [];
  for (const { key } of REPORT_TABLES) {
    const finding = result.report.findings.find((f) => f.table === key && f.cells.length);
    if (!finding) continue;
    const el = finding.cells.map((ref) => result.elementFor(key, ref)).find((e): e is Element => !!e);
    const table = el && (el.closest('table') ?? el);
    if (table && !out.some((t) => t.el === table)) out.push({ key, el: table });
  }
  return out.sort((a, b) => (a.el.compareDocumentPosition(b.el) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
}
