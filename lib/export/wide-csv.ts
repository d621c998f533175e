/**
 * The wide CSV: one line per report (agency, year, title, source_url), then one column per `table.row.col`
 * key any of the reports holds — what a data desk pastes into a spreadsheet to compare agencies and years
 * side by side. Numbers are numbers; a blank, a dash or an unreadable cell is empty here (the long values CSV
 * keeps their raw text). A merged value (法人或其他组织 over five columns) has its own key, never copied into
 * the columns it covers. Columns follow the dictionary's order of tables, rows and columns; keys the
 * dictionary does not know go after, in the order met.
 */
import type { Report, TableKey } from '../schema.ts';
import { REPORT_TABLES } from '../tables/index.ts';
import { printedColumnKeys } from '../tables/report-table.ts';
import { TABLE_KEYS } from '../tables/table-keys.ts';
import { BOM, toCsv, traceColumns } from './csv.ts';

export const WIDE_LEAD_COLUMNS = ['agency', 'year', 'title', 'source_url'];

// Rows and columns as each registered table prints them (a merged group just before the columns it covers).
const ORDER = Object.fromEntries(
  REPORT_TABLES.map((t) => [t.key, { rows: t.rows.map((r) => r.key), cols: printedColumnKeys(t) }]),
) as Record<TableKey, { rows: string[]; cols: string[] }>;

/** Position in a known list, else after every known key in the order first met. */
function rank(list: string[], key: string, met: Map<string, number>): number {
  const i = list.indexOf(key);
  if (i >= 0) return i;
  if (!met.has(key)) met.set(key, list.length + met.size);
  return met.get(key)!;
}

/** Every `table.row.col` key in the reports, in column order. */
export function wideKeys(reports: readonly Report[]): string[] {
  const found: { key: string; sort: number[] }[] = [];
  const seen = new Set<string>();
  const metRows = new Map<string, number>();
  const metCols = new Map<string, number>();
  for (const report of reports) {
    for (const [t, table] of TABLE_KEYS.map((k) => [k, report.tables[k]] as const)) {
      for (const c of table?.cells ?? []) {
        const key = `${t}.${c.row}.${c.col}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const order = ORDER[t];
        found.push({ key, sort: [TABLE_KEYS.indexOf(t), rank(order.rows, c.row, metRows), rank(order.cols, c.col, metCols)] });
      }
    }
  }
  const byRank = (a: number[], b: number[]) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
  return found.sort((a, b) => byRank(a.sort, b.sort)).map((f) => f.key);
}

/** One report's line of the wide CSV under `columns` (wideKeys of the whole set). */
export function wideRow(report: Report, columns: string[]): unknown[] {
  const values = new Map<string, number>();
  for (const t of TABLE_KEYS) {
    for (const c of report.tables[t]?.cells ?? []) if (c.status === 'ok' && c.value !== null) values.set(`${t}.${c.row}.${c.col}`, c.value);
  }
  const [title, sourceUrl] = traceColumns(report);
  return [report.agency ?? '', report.year ?? '', title, sourceUrl, ...columns.map((k) => values.get(k) ?? '')];
}

export function exportWideCsv(reports: readonly Report[]): string {
  const columns = wideKeys(reports);
  return BOM + toCsv([...WIDE_LEAD_COLUMNS, ...columns], reports.map((report) => wideRow(report, columns))) + '\r\n';
}
