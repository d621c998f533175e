/**
 * The engine shared by every report table, in phases per row (see extractTable): find the table's header
 * in the row stream, settle its columns from the header cells above each grid column, place each data
 * row's values under them, emit cells under canonical keys and findings for what could not be placed.
 * Which labels and columns exist is the business of a TableSpec (lib/tables/table2.ts, table3.ts, table4.ts).
 *
 * A value cell is judged against the header columns it falls under (spec: "Variants seen"):
 *  - as many value cells as columns → one to one, in order, whatever the colspans say;
 *  - otherwise, in the header's own table, by geometry: a cell under one column is that column's value,
 *    a cell under several is ONE value for that group (never copied into each column);
 *  - anything else is a `layout` finding that carries the raw text, never a silent shift.
 */
import type { Cell, Finding } from '../schema.ts';
import type { TableKey } from './table-keys.ts';
import { isLabel, type RowCell, type TableRow } from '../read/table-rows.ts';
import type { KeyDef } from './dictionary.ts';
import { layoutFinding } from '../checks/layout.ts';
import { firstMatch, matchesLabel, type FirstMatch } from './label-pattern.ts';

export interface ColumnRange {
  key: string;
  label: string;
  /** Grid columns [c0, c1) in the header's table; null when the header came from flattened text. */
  c0: number | null;
  c1: number | null;
}

export interface TableSpec {
  table: TableKey;
  rows: KeyDef[];
  columns: KeyDef[];
  /** A header row of this table: text only, with at least one of its signature labels. */
  isHeaderRow(keys: string[]): boolean;
  /** Column key for the stack of header labels above one grid column (top to bottom). */
  resolveColumn(path: string[]): string | null;
  /** Columns when the header has no geometry (flattened text): canonical order, or found in the text. */
  columnsFromText(headerText: string, valueCount: number): string[] | null;
  /** A value cell covering several columns: the group it stands for, or null when that is no group. */
  groupOf(keys: string[]): { col: string; covers: string[] } | null;
  /** Row key for rows that carry no label (Table 4's single data row). */
  unlabelledRow?: string;
  /** The row printed last: after it, only rows of the same <table> can still belong to this one. */
  lastRow?: string;
  /**
   * The format's column orders (value column keys, left to right). A header with exactly one label we
   * cannot read, whose other labels sit where one of these orders puts them, is read by that order.
   */
  officialLayouts?: string[][];
  /**
   * A row with exactly the format's full set of values (7 in Table 3, 15 in Table 4) under a header we
   * could only partly read is placed by the official column order (`columnsFromText('', n)`).
   */
  fullSetFallback?: boolean;
}

export interface PlacedCell {
  cell: Cell;
  el: Element | null;
}

/** A table as read: its cells, its labels as printed. */
export interface ReadTable {
  cells: PlacedCell[];
  rowLabels: Record<string, string>;
  colLabels: Record<string, string>;
}

export interface ExtractedTable extends ReadTable {
  table: TableKey;
  problems: Finding[];
  /** A second copy of the table on the page whose values differ: the first copy with the second's rows. */
  copy2?: ReadTable;
}

/** The columns a header's geometry gives. */
interface GridHeader {
  columns: ColumnRange[];
  /** Labelled header columns, right of the first known one, that fit no column of the format. */
  unknown: ColumnRange[];
  /** Misprinted labels read by the official column order. */
  repaired: { printed: string; official: string }[];
  /** The bottom header label over each grid column ('' when none), for naming a stray number's column. */
  leafText: string[];
}

interface Section {
  headerRows: TableRow[];
  /** From headerRows, computed once when the first row under them arrives in the header's own table. */
  grid: GridHeader | null;
  columns: ColumnRange[] | null;
  unknown: ColumnRange[];
  table: number;
  /** Grid width of the header's table. */
  width: number;
  valueStart: number | null;
  /** The spec's last row was read: only rows of the same <table> can still belong to it. */
  sawLast: boolean;
}

/** Each grid column's cell in one header row: the first of the row's cells that covers it. */
function cellsOver(row: TableRow, width: number): (RowCell | undefined)[] {
  const over = new Array<RowCell | undefined>(width);
  for (const cell of row.cells) for (let c = cell.c0!; c < cell.c1! && c < width; c++) over[c] ??= cell;
  return over;
}

function gridHeader(spec: TableSpec, headerRows: TableRow[]): GridHeader {
  let width = 0;
  for (const row of headerRows) for (const cell of row.cells) width = Math.max(width, cell.c1 ?? 0);
  const over = headerRows.map((row) => cellsOver(row, width));
  const slots: { key: string | null; label: string; leaf: RowCell | undefined }[] = [];
  let prevPath: RowCell[] = [];
  for (let c = 0; c < width; c++) {
    const path: RowCell[] = [];
    let leaf: RowCell | undefined;
    for (const cells of over) {
      const cell = cells[c];
      // An empty cell is no label (a header without rowspans leaves blanks under the upper labels).
      if (!cell || cell === leaf || cell.el === leaf?.el || cell.key === '') continue;
      leaf = cell;
      path.push(cell);
    }
    // A column under the same header cells as the one before it (a label over several columns) resolves alike.
    const key = c > 0 && sameCells(path, prevPath) ? slots[c - 1].key : spec.resolveColumn(path.map((x) => x.key));
    slots.push({ key, label: leaf?.text ?? '', leaf });
    prevPath = path;
  }
  // Runs of grid columns under one key (known) or one unlabelled-for-us leaf cell (unknown), left to right.
  const runs: (ColumnRange & { known: boolean })[] = [];
  slots.forEach((slot, c) => {
    const prev = runs[runs.length - 1];
    if (slot.key) {
      if (prev?.known && prev.key === slot.key && prev.c1 === c) prev.c1 = c + 1;
      else if (!runs.some((r) => r.key === slot.key)) runs.push({ key: slot.key, label: slot.label || slot.key, c0: c, c1: c + 1, known: true });
      return;
    }
    if (!slot.label) return;
    if (prev && !prev.known && prev.c1 === c && slots[c - 1].leaf === slot.leaf) prev.c1 = c + 1;
    else runs.push({ key: '', label: slot.label, c0: c, c1: c + 1, known: false });
  });
  // The row labels' own header (信息内容, the note over Table 3's label block) is the leaf at column 0.
  const labelLeaf = slots[0] && !slots[0].key ? slots[0].leaf : undefined;
  const valueRuns = runs.filter((r) => r.known || slots[r.c0!].leaf !== labelLeaf);
  const repaired: GridHeader['repaired'] = [];
  const unknownRuns = valueRuns.filter((r) => !r.known);
  if (unknownRuns.length === 1 && spec.officialLayouts) {
    const at = valueRuns.indexOf(unknownRuns[0]);
    const fits = spec.officialLayouts.filter(
      (layout) => layout.length === valueRuns.length && valueRuns.every((r, i) => !r.known || layout[i] === r.key),
    );
    const key = fits[0]?.[at];
    if (key && fits.every((layout) => layout[at] === key)) {
      repaired.push({ printed: unknownRuns[0].label, official: spec.columns.find((d) => d.key === key)!.label });
      unknownRuns[0].key = key;
      unknownRuns[0].known = true;
    }
  }
  const columns = runs.filter((r) => r.known);
  return {
    columns,
    // Unknown columns left of every known one are taken for more label columns, as before.
    unknown: runs.filter((r) => !r.known && r.c0! > columns[0]?.c0!),
    repaired,
    leafText: slots.map((s) => s.label),
  };
}

const sameCells = (a: RowCell[], b: RowCell[]) => a.length === b.length && a.every((cell, i) => cell === b[i]);

function columnsFromText(spec: TableSpec, headerRows: TableRow[], valueCount: number): ColumnRange[] | null {
  const text = headerRows.flatMap((r) => r.cells.map((c) => c.key)).join('');
  const keys = spec.columnsFromText(text, valueCount);
  if (!keys) return null;
  return keys.map((key) => ({ key, label: spec.columns.find((d) => d.key === key)?.label ?? key, c0: null, c1: null }));
}

type Placement = { cell: RowCell; keys: string[] }[];
/** Value cells under a header column that fits no column of the format: read nowhere, reported. */
type Strays = { cell: RowCell; column: string }[];

const overlaps = (col: ColumnRange, cell: RowCell, shift: number) => col.c0! < cell.c1! + shift && cell.c0! + shift < col.c1!;

/**
 * Puts a row's value cells under columns, or says why it cannot. `shift` maps the row's grid columns onto
 * the header's (0 in the header's own table); null when there is no geometry to go by.
 */
function placeValues(values: RowCell[], columns: ColumnRange[], unknown: ColumnRange[], shift: number | null): { placement: Placement; strays: Strays } | string {
  const geometry = shift !== null;
  let cells = values;
  if (cells.length !== columns.length && !geometry) {
    // Phantom blank cells at the row's end (Word exports) are not values.
    while (cells.length > columns.length && cells[cells.length - 1].number.status === 'blank') cells = cells.slice(0, -1);
  }
  const strayColumn = (cell: RowCell) => (geometry && unknown.length ? unknown.find((col) => overlaps(col, cell, shift)) : undefined);
  if (cells.length === columns.length && !(unknown.length && cells.some(strayColumn)))
    return { placement: cells.map((cell, i) => ({ cell, keys: [columns[i].key] })), strays: [] };
  if (!geometry) {
    if (cells.length === 1) return { placement: [{ cell: cells[0], keys: columns.map((c) => c.key) }], strays: [] };
    return `${cells.length} 个数值对不上 ${columns.length} 列`;
  }
  const placement: Placement = [];
  const strays: Strays = [];
  const claimed = new Set<string>();
  for (const cell of cells) {
    const keys = columns.filter((col) => overlaps(col, cell, shift)).map((c) => c.key);
    if (keys.length === 0) {
      const stray = strayColumn(cell);
      if (stray) strays.push({ cell, column: stray.label });
      else if (cell.number.status !== 'blank') return `数值“${cell.text}”不在任何列标题之下`;
      continue;
    }
    if (keys.some((k) => claimed.has(k))) return `数值“${cell.text}”与同一行的另一数值落在同一列`;
    keys.forEach((k) => claimed.add(k));
    placement.push({ cell, keys });
  }
  return { placement, strays };
}

/** Per row of the stream, which tables it is a header of (computed once, shared by every table's pass). */
export type HeaderKinds = readonly (readonly TableKey[])[];

const NO_KINDS: readonly TableKey[] = [];

/** Which of these specs' tables each row is a header of: only a text-only row can be one. */
export function classifyHeaders(specs: TableSpec[], rows: TableRow[]): HeaderKinds {
  return rows.map((row) => {
    if (row.cells.some((c) => c.number.status === 'ok')) return NO_KINDS;
    const keys = row.cells.map((c) => c.key);
    return specs.filter((s) => s.isHeaderRow(keys)).map((s) => s.table);
  });
}

const cellText = (c: RowCell) => c.text || '（空）';

/** A row cut into its labels (left) and its values (right of the header's value columns). */
interface SplitRow {
  labels: RowCell[];
  values: RowCell[];
  /** Numbers left of the value columns: no label (reported, never dropped). */
  labelNumbers: RowCell[];
  textLabels: RowCell[];
  /** The row's own label: its last text label. */
  own: string;
  /** Split by the header's geometry (else at the first cell that is no label). */
  byGeometry: boolean;
}

/** What one table's reading holds while it walks the row stream. */
interface Reading {
  spec: TableSpec;
  rowOf: FirstMatch;
  out: ExtractedTable;
  copy: ReadTable;
  seenRows: Set<string>;
  copiedRows: Set<string>;
  moreCopies: string[];
  /** Per stray column: what the rows hold under it ("row label value"). */
  strays: Map<string, string[]>;
  section: Section | null;
  prevKey: string | null;
  layout(message: string, raw?: string): void;
}

const rawRow = (s: SplitRow) => `${s.labels.map((c) => c.text).join(' ')} | ${s.values.map(cellText).join(' | ')}`;

/**
 * Phase 1, find the header: a header row of this table opens (or, before any value row, extends) a section;
 * a header of another table ends it. True when the row is used up here (a header, or no section open).
 */
function findHeader(r: Reading, row: TableRow, headers: readonly TableKey[]): boolean {
  if (headers.includes(r.spec.table)) {
    const continuing = r.section && !r.section.columns && r.section.table === row.table;
    if (continuing) {
      r.section!.headerRows.push(row);
      r.section!.grid = null;
    } else r.section = { headerRows: [row], grid: null, columns: null, unknown: [], table: row.table, width: row.width, valueStart: null, sawLast: false };
    return true;
  }
  if (headers.length) {
    r.section = null;
    return true;
  }
  return !r.section;
}

/** Labels and values: by the header's geometry in its own table, else at the first cell that is no label. */
function splitRow(row: TableRow, valueStart: number | null, geometryHere: boolean): SplitRow {
  const byGeometry = valueStart !== null && geometryHere;
  let labels: RowCell[];
  let values: RowCell[];
  if (byGeometry) {
    labels = row.cells.filter((c) => c.c0! < valueStart);
    values = row.cells.filter((c) => c.c0! >= valueStart);
  } else {
    const firstValue = row.cells.findIndex((c) => !isLabel(c));
    const split = firstValue < 0 ? row.cells.length : firstValue;
    labels = row.cells.slice(0, split);
    values = row.cells.slice(split);
  }
  const labelNumbers = labels.filter((c) => c.number.status === 'ok');
  const textLabels = labelNumbers.length ? labels.filter((c) => c.number.status !== 'ok') : labels;
  return { labels, values, labelNumbers, textLabels, own: textLabels.length ? textLabels[textLabels.length - 1].key : '', byGeometry };
}

/** Phase 2a, the row's key: by its label (the dictionary), or Table 4's one unlabelled data row. */
function rowKey(r: Reading, s: SplitRow): KeyDef | null {
  const { spec } = r;
  if (spec.unlabelledRow) {
    // Table 4's one data row: the first row with numbers under the header, whatever sits beside it.
    return s.values.some((v) => v.number.status === 'ok' || v.number.status === 'unreadable')
      ? { key: spec.unlabelledRow, label: '数量', formats: [], pattern: /./ }
      : null;
  }
  if (!s.textLabels.length) return null;
  let def = matchRow(r, s.own, s.textLabels);
  // Without geometry, an unreadable first value (〇, 约10) reads as one more label: the row's label
  // is then an earlier cell, and what follows it are values.
  for (let k = s.labels.length - 2; !def && !s.byGeometry && k >= 0; k--) {
    def = matchRow(r, s.labels[k].key, s.labels.slice(0, k + 1));
    if (!def) continue;
    s.values = [...s.labels.slice(k + 1), ...s.values];
    s.labels = s.textLabels = s.labels.slice(0, k + 1);
    s.own = s.labels[k].key;
  }
  return def;
}

/**
 * Phase 2b, the columns: fixed at the section's first row with a key, from the header's geometry (or, for a
 * header read from flattened text, from its words). False when they cannot be (the row is said, not read).
 */
function settleColumns(r: Reading, row: TableRow, s: SplitRow, geometryHere: boolean, valueStart: number | null, knownHeader: boolean): boolean {
  const { spec } = r;
  const section = r.section!;
  if (section.columns) return true;
  const fromGrid = row.table >= 0 && section.table === row.table;
  const grid = fromGrid ? section.grid! : null;
  section.columns = grid ? grid.columns : columnsFromText(spec, section.headerRows, s.values.length);
  if (!section.columns || section.columns.length === 0) {
    section.columns = null;
    // A row found by its own label is this table's even under a header read from flattened text.
    if ((knownHeader || !spec.unlabelledRow) && s.values.some((v) => v.number.status === 'ok')) r.layout('表格布局无法对应（数值对不上表头）', rawRow(s));
    return false;
  }
  section.unknown = grid?.unknown ?? [];
  for (const rep of grid?.repaired ?? []) r.layout(`表头“${rep.printed}”疑似印错，按格式的列序读作“${rep.official}”`);
  section.valueStart = firstStart(section.columns);
  if (section.valueStart !== null && geometryHere && section.valueStart !== valueStart) {
    s.labels = row.cells.filter((c) => c.c0! < section.valueStart!);
    s.values = row.cells.filter((c) => c.c0! >= section.valueStart!);
  }
  for (const col of section.columns) r.out.colLabels[col.key] ??= col.label.replace(/\s+/g, '');
  return true;
}

/** Phase 3, place the values under the columns (or say why they cannot be). */
function placeRow(r: Reading, row: TableRow, s: SplitRow, geometryHere: boolean): { placement: Placement; strays: Strays } | string {
  const { spec } = r;
  const section = r.section!;
  const columns = section.columns!;
  // A table continued in another <table> (a page break) keeps its value columns at the right edge.
  const shift = columns[0].c0 === null || row.hasHoles || row.table < 0 ? null : geometryHere ? 0 : section.width - row.width;
  const fresh = s.values.filter((v) => v.firstRow === row.y);
  const placed = placeValues(fresh, columns, section.unknown, shift);
  // A header we could only partly read, over a row with exactly the format's full set of values
  // (7 in Table 3, 15 in Table 4): the official column order places them.
  const partial = typeof placed === 'string' || placed.strays.length > 0;
  const canonical = partial && spec.fullSetFallback ? spec.columnsFromText('', fresh.length) : null;
  if (canonical && columns.length < canonical.length) {
    return { placement: fresh.map((cell, i) => ({ cell, keys: [canonical[i]] })), strays: [] };
  }
  return placed;
}

/**
 * A value cell as the model's cell, its fields in the model's order (row, col, covers?, value, raw, status,
 * unit?, source): each shape written whole, so the object is made at once (no spreads, no added fields).
 */
function modelCell(row: string, col: string, covers: string[] | undefined, cell: RowCell): Cell {
  const { value, raw, status, unit } = cell.number;
  const { source } = cell;
  if (covers) return unit ? { row, col, covers, value, raw, status, unit, source } : { row, col, covers, value, raw, status, source };
  return unit ? { row, col, value, raw, status, unit, source } : { row, col, value, raw, status, source };
}

/** Phase 4a, the cells: one per placed value; a value over several columns is their group's, or null (no group). */
function toCells(spec: TableSpec, rowKey: string, placement: Placement): PlacedCell[] | null {
  const cells: PlacedCell[] = [];
  for (const { cell, keys: cols } of placement) {
    let col = cols[0];
    let covers: string[] | undefined;
    if (cols.length > 1) {
      const group = spec.groupOf(cols);
      if (!group) return null;
      col = group.col;
      covers = group.covers;
    }
    cells.push({ cell: modelCell(rowKey, col, covers, cell), el: cell.el });
  }
  return cells;
}

/** Phase 4b, emit: the row's cells into the table (or its second copy), its stray numbers kept for the findings. */
function emitRow(r: Reading, def: KeyDef, s: SplitRow, cells: PlacedCell[], strays: Strays, isCopy: boolean): void {
  const section = r.section!;
  const rowLabel = s.textLabels.map((c) => c.text).join(' ').trim() || def.label;
  const stray = (column: string, cell?: RowCell) => {
    const held = r.strays.get(column) ?? [];
    r.strays.set(column, held);
    const status = cell?.number.status;
    if (cell && (status === 'ok' || status === 'unreadable')) held.push(`${rowLabel} ${cell.text}`);
  };
  for (const st of strays) stray(st.column, st.cell);
  for (const cell of s.labelNumbers) stray(section.grid?.leafText[cell.c0!] || '（空）', cell);
  const target = isCopy ? r.copy : r.out;
  (isCopy ? r.copiedRows : r.seenRows).add(def.key);
  r.prevKey = def.key;
  target.rowLabels[def.key] = rowLabel;
  target.cells.push(...cells);
  if (def.key === (r.spec.lastRow ?? r.spec.unlabelledRow)) section.sawLast = true;
}

/** One data row through the phases. */
function readRow(r: Reading, row: TableRow, headers: readonly TableKey[]): void {
  if (findHeader(r, row, headers)) return;
  const { spec } = r;
  const section = r.section!;
  const geometryHere = row.table === section.table && row.table >= 0;
  if (section.sawLast && (!geometryHere || spec.unlabelledRow)) {
    // The table was read to its last row and this row is in another <table>: something else. Table 4
    // has one data row: numbers in a further row of its <table> are said, not read.
    if (geometryHere && row.cells.some((c) => c.number.status === 'ok')) r.layout('无法识别的行', row.cells.map(cellText).join(' | '));
    else r.section = null;
    return;
  }
  // The header's columns are known before the first row is split, so an unreadable first value
  // (〇, 约10, 40*) is a value cell, not a label.
  if (section.table >= 0 && !section.grid) section.grid = gridHeader(spec, section.headerRows);
  // A header with columns of this table (not a layout cell that happens to hold its words).
  const knownHeader = !!section.columns?.length || !!section.grid?.columns.length;
  const valueStart = section.columns ? section.valueStart : geometryHere ? firstStart(section.grid!.columns) : null;
  const s = splitRow(row, valueStart, geometryHere);
  const def = rowKey(r, s);
  if (!def) {
    const hasNumbers = s.labelNumbers.length > 0 || s.values.some((v) => v.number.status === 'ok');
    // A row with nothing left of the value columns is no row of this table (a layout table's cells).
    if (hasNumbers && s.labels.length && knownHeader && !/^注|说明/.test(s.own)) r.layout('无法识别的行', rawRow(s));
    return;
  }
  if (!s.values.length) {
    if (s.labelNumbers.length) r.layout('无法识别的行', rawRow(s));
    return;
  }
  if (!settleColumns(r, row, s, geometryHere, valueStart, knownHeader)) return;
  const isCopy = r.seenRows.has(def.key);
  if (isCopy && r.copiedRows.has(def.key)) {
    // A third printing: the first two are read and compared; say so rather than read it silently.
    r.moreCopies.push(rawRow(s));
    return;
  }
  const placed = placeRow(r, row, s, geometryHere);
  if (typeof placed === 'string') {
    r.layout(`表格布局无法对应（${placed}）`, rawRow(s));
    return;
  }
  const cells = toCells(spec, def.key, placed.placement);
  if (!cells) {
    r.layout('合并单元格跨越的列不构成一组', rawRow(s));
    return;
  }
  emitRow(r, def, s, cells, placed.strays, isCopy);
}

/**
 * Reads one table from the row stream, in phases per row: find the header → settle its columns → place
 * each row's values → emit cells and findings. A header of another report table ends this one (several
 * tables can share one <table>). The table printed again (a second copy of the report) is read as a second copy.
 */
export function extractTable(spec: TableSpec, rows: TableRow[], headers: HeaderKinds): ExtractedTable | null {
  const out: ExtractedTable = { table: spec.table, cells: [], rowLabels: {}, colLabels: {}, problems: [] };
  const r: Reading = {
    spec,
    rowOf: rowIndex(spec),
    out,
    copy: { cells: [], rowLabels: {}, colLabels: {} },
    seenRows: new Set(),
    copiedRows: new Set(),
    moreCopies: [],
    strays: new Map(),
    section: null,
    prevKey: null,
    layout: (message, raw) => out.problems.push(layoutFinding(spec.table, String(out.problems.length + 1), raw === undefined ? message : `${message}：${raw}`)),
  };
  for (let i = 0; i < rows.length; i++) readRow(r, rows[i], headers[i]);
  for (const [column, held] of r.strays) r.layout(`格式之外的列“${column}”未导出`, held.join('；') || '（空）');
  if (r.copy.cells.length) compareCopies(out, r.copy, r.layout);
  if (r.moreCopies.length) r.layout('表格第三次出现，未读取', r.moreCopies.join('；'));
  return out.cells.length || out.problems.length ? out : null;
}

function firstStart(columns: ColumnRange[]): number | null {
  let start: number | null = null;
  for (const c of columns) if (c.c0 !== null && (start === null || c.c0 < start)) start = c.c0;
  return start;
}

/**
 * The second printing of (part of) the table: identical, it is one note; different, the differing cells
 * are listed and the second copy (the first with the second's rows) is kept for its own checks.
 */
function compareCopies(out: ExtractedTable, copy: ReadTable, layout: (message: string, raw?: string) => void) {
  const rows = new Set(copy.cells.map((c) => c.cell.row));
  const diffs = copyDiffs(out, copy, rows);
  const repeated = Object.values(copy.rowLabels);
  if (!diffs.length) {
    layout('表格或其中的行重复出现，两份相同', repeated[0]);
    return;
  }
  layout('第二份表格与第一份不同（两份都已核对）', diffs.join('；'));
  out.copy2 = {
    cells: [...out.cells.filter((c) => !rows.has(c.cell.row)), ...copy.cells],
    rowLabels: { ...out.rowLabels, ...copy.rowLabels },
    colLabels: { ...out.colLabels },
  };
}

const sameCell = (a: Cell, b: Cell) => a.status === b.status && a.value === b.value && a.raw === b.raw;
const shown = (cell: Cell | undefined) => (cell ? cell.raw || '（空）' : '（无）');
const diffLine = (out: ReadTable, row: string, col: string, a: Cell | undefined, b: Cell | undefined) =>
  `${out.rowLabels[row] ?? row} · ${out.colLabels[col] ?? col}：第一份 ${shown(a)}，第二份 ${shown(b)}`;

/** The places where the second copy (of `rows`) differs from the first, one line each, the first copy's order first. */
export function copyDiffs(out: ReadTable, copy: ReadTable, rows: Set<string>): string[] {
  return alignedDiffs(out, copy, rows) ?? indexedDiffs(out, copy, rows);
}

/**
 * The usual second copy: the first copy's cells in the rows it repeats, place for place in the same order.
 * Compared pairwise, without indexing either copy; null when the places differ, or a row repeats a column
 * or comes back after another row, for `indexedDiffs`.
 */
function alignedDiffs(out: ReadTable, copy: ReadTable, rows: Set<string>): string[] | null {
  const diffs: string[] = [];
  const done = new Set<string>();
  let j = 0;
  let runStart = 0;
  for (const { cell: a } of out.cells) {
    if (!rows.has(a.row)) continue;
    const b = copy.cells[j]?.cell;
    if (!b || b.row !== a.row || b.col !== a.col) return null;
    if (j > 0 && copy.cells[j - 1].cell.row !== b.row) {
      done.add(copy.cells[j - 1].cell.row);
      if (done.has(b.row)) return null;
      runStart = j;
    }
    for (let k = runStart; k < j; k++) if (copy.cells[k].cell.col === b.col) return null;
    j++;
    if (!sameCell(a, b)) diffs.push(diffLine(out, a.row, a.col, a, b));
  }
  return j === copy.cells.length ? diffs : null;
}

/** Any second copy: every place of either copy once, the first copy's order first, each copy's last cell there. */
function indexedDiffs(out: ReadTable, copy: ReadTable, rows: Set<string>): string[] {
  // Row → column → the copy's (last) cell there, and each place in the order first met.
  const byCell = (t: ReadTable) => {
    const rows = new Map<string, Map<string, Cell>>();
    const order: Cell[] = [];
    for (const { cell } of t.cells) {
      let row = rows.get(cell.row);
      if (!row) rows.set(cell.row, (row = new Map()));
      if (!row.has(cell.col)) order.push(cell);
      row.set(cell.col, cell);
    }
    return { order, get: (row: string, col: string) => rows.get(row)?.get(col) };
  };
  const first = byCell(out);
  const second = byCell(copy);
  const diffs: string[] = [];
  const compare = (row: string, col: string, a: Cell | undefined, b: Cell | undefined) => {
    if (!rows.has(row)) return;
    if (a && b && sameCell(a, b)) return;
    diffs.push(diffLine(out, row, col, a, b));
  };
  for (const { row, col } of first.order) compare(row, col, first.get(row, col), second.get(row, col));
  for (const { row, col } of second.order) if (!first.get(row, col)) compare(row, col, undefined, second.get(row, col));
  return diffs;
}

/** Each spec's row patterns, indexed once (the specs are constants). */
const rowIndexes = new WeakMap<TableSpec, FirstMatch>();

function rowIndex(spec: TableSpec): FirstMatch {
  let index = rowIndexes.get(spec);
  if (!index) rowIndexes.set(spec, (index = firstMatch(spec.rows.map((d) => d.pattern))));
  return index;
}

/**
 * The spec's first row whose pattern the row's own label matches; a sub-item (`3.其他`) only under its group,
 * named by the row's labels (`context`, left to right) or by the row read before it.
 */
function matchRow(r: Reading, own: string, context: RowCell[]): KeyDef | null {
  const { spec, prevKey } = r;
  for (let at = r.rowOf(own); at >= 0; at = r.rowOf(own, at + 1)) {
    const def = spec.rows[at];
    if (!def.group || matchesLabel(def.group, context.map((c) => c.key).join('|'))) return def;
    const prevLabel = prevKey ? spec.rows.find((d) => d.key === prevKey)?.label ?? '' : '';
    if (matchesLabel(def.group, prevLabel)) return def;
  }
  return null;
}
