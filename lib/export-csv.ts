/**
 * Long-form CSV (one value per line, as Tabula users expect: easy to filter, pivot and stack across
 * agencies and years), the findings list, and TSV for pasting into Excel/WPS. Quoting is papaparse's;
 * a UTF-8 BOM makes Excel read the Chinese correctly; text that a spreadsheet would run as a formula
 * (= + - @ at the start) is prefixed with ' per the usual CSV-injection advice — numbers stay numbers.
 */
import Papa from 'papaparse';
import type { Report, TableKey } from './schema.ts';

export const BOM = '\ufeff';
const TABLE_ORDER: TableKey[] = ['table2', 'table3', 'table4', 'legacy'];

export const VALUE_COLUMNS = ['agency', 'year', 'table', 'row', 'col', 'covers', 'row_label', 'col_label', 'value', 'unit', 'raw', 'status'];
export const FINDING_COLUMNS = ['agency', 'year', 'id', 'severity', 'rule', 'table', 'cells', 'expected', 'actual', 'message'];

const FORMULA = /^[=+\-@\t\r]/;
function safeText(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  if (/^-?\d+(\.\d+)?$/.test(value)) return value;
  return FORMULA.test(value) ? `'${value}` : value;
}

function valueRows(report: Report): unknown[][] {
  const rows: unknown[][] = [];
  for (const key of TABLE_ORDER) {
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
      ]);
    }
  }
  return rows;
}

function toCsv(header: string[], rows: unknown[][], delimiter = ','): string {
  return Papa.unparse({ fields: header, data: rows.map((r) => r.map(safeText)) }, { delimiter, newline: '\r\n', quotes: false });
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
      f.expected ?? '',
      f.actual ?? '',
      f.message,
    ]),
  );
  return BOM + toCsv(FINDING_COLUMNS, rows) + '\r\n';
}

/** Tab-separated values for the clipboard (Excel and WPS paste them into cells; no BOM). */
export function exportTsv(report: Report): string {
  return toCsv(VALUE_COLUMNS, valueRows(report), '\t') + '\r\n';
}
