/**
 * What makes one report table a registered unit: its keys, how it is read, its labels, and how its
 * dictionary is documented. Each lib/tables/<table>.ts exports one; lib/tables/index.ts lists them.
 */
import type { TableKey } from './table-keys.ts';
import type { KeyDef } from './dictionary.ts';
import type { ExtractedTable, TableSpec } from './extract-table.ts';
import type { TableRow } from '../read/table-rows.ts';

/** A value cell merged over several columns stands for this one group value (never copied into each). */
export interface ColumnGroup {
  key: string;
  label: string;
  covers: string[];
}

export interface ReportTable {
  key: TableKey;
  /** The title the official form prints over it (TSV export, CLI summary). */
  title: string;
  /** Its short Chinese name in the banner, tooltips and popup. */
  label: string;
  rows: KeyDef[];
  columns: KeyDef[];
  /** Merged column groups: what `col: <group>` with `covers` means in this table. */
  groups: ColumnGroup[];
  /**
   * How it is read: by the shared engine from a header spec, or (the legacy 统计表) by its own reader,
   * tried only when no engine table was found and the page prints `signature`.
   */
  read: { engine: TableSpec } | { own: (rows: TableRow[]) => ExtractedTable | null; signature: RegExp };
  /** Its cells found make the page a report of the current forms (no fallback to other readers). */
  provesReport?: boolean;
  /** Its row labels also rebuild rows from the lines of a report flattened to one cell per paragraph. */
  readsFlattenedLines?: boolean;
  /** README data dictionary: the name of its sections (`Table 3`), and a note on the column section. */
  docs: { name: string; columnsNote?: string };
}

/**
 * The table's column keys in the order the form prints them: a merged group (法人或其他组织) sits just
 * before the first column it covers, as its header does.
 */
export function printedColumnKeys(table: Pick<ReportTable, 'columns' | 'groups'>): string[] {
  const keys = table.columns.map((c) => c.key);
  for (const group of table.groups) {
    const first = keys.indexOf(group.covers[0]);
    keys.splice(first >= 0 ? first : keys.length, 0, group.key);
  }
  return keys;
}
