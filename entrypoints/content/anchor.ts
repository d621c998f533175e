import type { AuditResult } from '@/lib/audit.ts';
import type { TableKey } from '@/lib/schema.ts';

// Where the banner goes: just before the first report table in document order, so it sits at the top
// of the report rather than the top of the site's chrome.

const KEYS: TableKey[] = ['table2', 'table3', 'table4', 'legacy'];

/** The <table> (or, for a flattened table, the first source element) that comes first on the page. */
export function firstReportTable(result: AuditResult): Element | undefined {
  let first: Element | undefined;
  for (const key of KEYS) {
    const cells = result.report.tables[key]?.cells ?? [];
    for (const cell of cells) {
      const el = result.elementFor(key, { row: cell.row, col: cell.col });
      if (!el) continue;
      const candidate = el.closest('table') ?? el;
      if (!first || first.compareDocumentPosition(candidate) & Node.DOCUMENT_POSITION_PRECEDING) first = candidate;
      break; // the first located cell stands for its table
    }
  }
  return first;
}

/**
 * The tables that carry a finding, in page order, each with the key it was read as (for the evidence
 * pack's screenshots). A flattened table stands as its first located element.
 */
export function markedTables(result: AuditResult): { key: TableKey; el: Element }[] {
  const out: { key: TableKey; el: Element }[] = [];
  for (const key of KEYS) {
    const finding = result.report.findings.find((f) => f.table === key && f.cells.length);
    if (!finding) continue;
    const el = finding.cells.map((ref) => result.elementFor(key, ref)).find((e): e is Element => !!e);
    const table = el && (el.closest('table') ?? el);
    if (table && !out.some((t) => t.el === table)) out.push({ key, el: table });
  }
  return out.sort((a, b) => (a.el.compareDocumentPosition(b.el) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
}
