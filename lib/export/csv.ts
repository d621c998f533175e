/**
 * Long-form CSV (one value per line, as Tabula users expect: easy to filter, pivot and stack across
 * agencies and years), the findings list, and the tables as the reader sees them (a grid per table) as TSV
 * for pasting into Excel/WPS. Every CSV line carries the report's title and address, so a row copied out of
 * a stack of many reports still says where it came from. Quoting is papaparse's;
 * a UTF-8 BOM makes Excel read the Chinese correctly; text that a spreadsheet would run as a formula
 * (= + - @ at the start) is prefixed with ' per the usual CSV-injection advice — numbers stay numbers.
 */
import Papa from 'papaparse';
import { REPORT_TABLES, type ColumnGroup } from '../tables/index.ts';
import type { Report, Table } from '../schema.ts';

export const BOM = '\ufeff';

export const VALUE_COLUMNS = ['agency', 'year', 'table', 'row', 'col', 'covers', 'row_label', 'col_label', 'value', 'unit', 'raw', 'status', 'title', 'source_url'];
/**
 * `review` / `review_note`: the reader's mark from the library (confirmed / dismissed), last so older readers of the file keep their columns.
 * `printed` is the figure the report states (a finding's `actual`: the 总计 as printed, or for
 * table3.balance the side 一 + 二), `computed` what its parts add up to (the finding's `expected`).
 */
export const FINDING_COLUMNS = ['agency', 'year', 'id', 'severity', 'rule', 'table', 'cells', 'printed', 'computed', 'message', 'quote', 'title', 'source_url', 'review', 'review_note'];

const FORMULA = /^[=+\-@\t\r]/;
export function safeText(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  if (/^-?\d+(\.\d+)?$/.test(value)) return value;
  return FORMULA.test(value) ? `'${value}` : value;
}

/** Where the report was read: the page's address, or (from the CLI) the saved file's name. */
export function traceColumns(report: Report): string[] {
  return [report.source.title, report.source.url ?? report.source.file ?? ''];
}

function valueRows(report: Report): unknown[][] {
  const rows: unknown[][] = [];
  for (const { key } of REPORT_TABLES) {
    const table = report.tables[key];
    if (!table) continue;
    for (const c of table.cells) {
      rows.push([
        report.agency ?? '',
        report.year ?? '',
        key,
        c.row,
        c.col,
        (c.covers ?? []).join(' '),
        table.rowLabels[c.row] ?? '',
        table.colLabels[c.col] ?? (c.covers ? c.covers.map((k) => table.colLabels[k] ?? k).join('+') : ''),
        c.value ?? '',
        c.unit ?? '',
        c.raw,
        c.status,
        ...traceColumns(report),
      ]);
    }
  }
  return rows;
}

export function toCsv(header: string[], rows: unknown[][], delimiter = ','): string {
  // papaparse ends a header-only file with a line break of its own: cut it, so an empty list is its header alone.
  return Papa.unparse({ fields: header, data: rows.map((r) => r.map(safeText)) }, { delimiter, newline: '\r\n', quotes: false }).replace(/\r\n$/, '');
}

export function exportValuesCsv(reports: Report | Report[]): string {
  const list = Array.isArray(reports) ? reports : [reports];
  return BOM + toCsv(VALUE_COLUMNS, list.flatMap(valueRows)) + '\r\n';
}

export function exportFindingsCsv(reports: Report | Report[]): string {
  const list = Array.isArray(reports) ? reports : [reports];
  const rows = list.flatMap((r) =>
    r.findings.map((f) => [
      r.agency ?? '',
      r.year ?? '',
      f.id,
      f.severity,
      f.rule,
      f.table,
      f.cells.map((c) => `${c.row}.${c.col}`).join(' '),
      f.actual ?? '',
      f.expected ?? '',
      f.message,
      // The sentence a prose.* finding is about, as printed.
      f.text?.quote ?? '',
      ...traceColumns(r),
      f.review?.status ?? '',
      f.review?.note ?? '',
    ]),
  );
  return BOM + toCsv(FINDING_COLUMNS, rows) + '\r\n';
}

/**
 * The columns of a table in the order the report prints them: each row's columns keep their order, and a
 * column first met in a later row goes right after its left neighbour. A value merged over several columns
 * (法人或其他组织 over its five) gets its own column just before the first one it covers — never copied into them.
 */
function columnOrder(table: Table): string[] {
  const order: string[] = [];
  const byRow = new Map<string, string[]>();
  for (const c of table.cells) if (!c.covers) byRow.set(c.row, [...(byRow.get(c.row) ?? []), c.col]);
  for (const cols of byRow.values()) {
    // New columns before the row's first known one go just before it; a row of only new ones goes last.
    const firstKnown = cols.map((col) => order.indexOf(col)).find((i) => i >= 0);
    let at = firstKnown === undefined ? order.length - 1 : firstKnown - 1;
    for (const col of cols) {
      const known = order.indexOf(col);
      if (known >= 0) at = known;
      else order.splice(++at, 0, col);
    }
  }
  for (const c of table.cells) {
    if (!c.covers || order.includes(c.col)) continue;
    const first = order.indexOf(c.covers[0]);
    order.splice(first >= 0 ? first : order.length, 0, c.col);
  }
  return order;
}

/** One table as a grid: row labels down the side, column labels across, rows and columns in report order. */
export function tableGrid(table: Table, groups: readonly ColumnGroup[]): unknown[][] {
  const groupLabel = (col: string) => groups.find((g) => g.key === col)?.label;
  const cols = columnOrder(table);
  const rows = [...new Set(table.cells.map((c) => c.row))];
  const grid = rows.map((row) => [table.rowLabels[row] ?? row, ...cols.map(() => '' as unknown)]);
  for (const c of table.cells) grid[rows.indexOf(c.row)][cols.indexOf(c.col) + 1] = c.status === 'ok' ? c.value : c.raw;
  return [['', ...cols.map((col) => table.colLabels[col] ?? groupLabel(col) ?? col)], ...grid];
}

/**
 * 复制表格: each table as the reader sees it (title, then the grid), one after another in report order, for
 * Excel/WPS to paste into cells. Tab-separated, no BOM. The long form stays in the CSV download.
 */
export function exportTsv(report: Report): string {
  const lines: unknown[][] = [[report.source.title]];
  for (const { key, title, groups } of REPORT_TABLES) {
    const table = report.tables[key];
    if (!table?.cells.length) continue;
    lines.push([], [title], ...tableGrid(table, groups));
  }
  return Papa.unparse(lines.map((r) => r.map(safeText)), { delimiter: '\t', newline: '\r\n', quotes: false }) + '\r\n';
}
