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
