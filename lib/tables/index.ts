/**
 * The report tables, in the order a report prints them (lib/tables/table-keys.ts). The audit, the checks,
 * the exports, the page anchor, the labels and the README dictionary all loop over this list: a new table is
 * one new file here and one line below.
 */
import { TABLE_KEYS, type TableKey } from './table-keys.ts';
import type { ReportTable } from './report-table.ts';
import { table2 } from './table2.ts';
import { table3 } from './table3.ts';
import { table4 } from './table4.ts';
import { legacy } from './legacy.ts';

const BY_KEY: Record<TableKey, ReportTable> = { table2, table3, table4, legacy };

export const REPORT_TABLES: readonly ReportTable[] = TABLE_KEYS.map((key) => BY_KEY[key]);

/** The tables a report flattened to text lines is read back into, and the row and column labels that name their lines. */
export const LINE_TABLES: readonly ReportTable[] = REPORT_TABLES.filter((t) => t.readsFlattenedLines);
export const LINE_LABELS = { rows: LINE_TABLES.flatMap((t) => t.rows), columns: LINE_TABLES.flatMap((t) => t.columns) };

export function reportTable(key: TableKey): ReportTable {
  return BY_KEY[key];
}

export { TABLE_KEYS, type TableKey };
export type { ReportTable, ColumnGroup } from './report-table.ts';
