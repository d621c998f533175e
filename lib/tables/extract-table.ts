/**
 * The engine shared by every report table: find the table's header in the row stream, work out its
 * columns from the header cells above each grid column, then read each data row into cells under
 * canonical keys. Which labels and columns exist is the business of a TableSpec (table2/3/4-spec.ts).
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

function gridHeader(spec: TableSpec, headerRows: TableRow[]): GridHeader {
  const width = Math.max(...headerRows.flatMap((r) => r.cells.map((c) => c.c1 ?? 0)));
  const slots: { key: string | null; label: string; leaf: RowCell | undefined }[] = [];
  for (let c = 0; c < width; c++) {
    const path: string[] = [];
    let leaf: RowCell | undefined;
    for (const row of headerRows) {
      const cell = row.cells.find((x) => x.c0! <= c && c < x.c1!);
      // An empty cell is no label (a header without rowspans leaves blanks under the upper labels).
      if (!cell || cell === leaf || cell.el === leaf?.el || cell.key === '') continue;
      leaf = cell;
      path.push(cell.key);
    }
    slots.push({ key: spec.resolveColumn(path), label: leaf?.text ?? '', leaf });
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

/** Which tables a text-only row is a header of (computed once per row, shared by every table's pass). */
export type HeaderOf = (row: TableRow) => readonly TableKey[];

/** `headerOf` for these specs, remembering each row's answer. */
export function headerClassifier(specs: TableSpec[]): HeaderOf {
  const memo = new WeakMap<TableRow, readonly TableKey[]>();
  const none: readonly TableKey[] = [];
  return (row) => {
    let kinds = memo.get(row);
    if (!kinds) {
      const textOnly = row.cells.every((c) => c.number.status !== 'ok');
      const keys = textOnly ? row.cells.map((c) => c.key) : null;
      kinds = keys ? specs.filter((s) => s.isHeaderRow(keys)).map((s) => s.table) : none;
      memo.set(row, kinds);
    }
    return kinds;
  };
}

const cellText = (c: RowCell) => c.text || '（空）';

/**
 * Reads one table from the row stream. A header of another report table ends this one (several tables
 * can share one <table>). The table printed again (a second copy of the report) is read as a second copy.
 */
export function extractTable(spec: TableSpec, rows: TableRow[], headerOf: HeaderOf): ExtractedTable | null {
  const out: ExtractedTable = { table: spec.table, cells: [], rowLabels: {}, colLabels: {}, problems: [] };
  const copy: ReadTable = { cells: [], rowLabels: {}, colLabels: {} };
  const seenRows = new Set<string>();
  const copiedRows = new Set<string>();
  const moreCopies: string[] = [];
  /** Per stray column: what the rows hold under it ("row label value"). */
  const strays = new Map<string, string[]>();
  let section: Section | null = null;
  let prevKey: string | null = null;

  const layout = (message: string, raw?: string) => {
    out.problems.push(layoutFinding(spec.table, String(out.problems.length + 1), raw === undefined ? message : `${message}：${raw}`));
  };

  for (const row of rows) {
    const headers = headerOf(row);
    if (headers.includes(spec.table)) {
      const continuing = section && !section.columns && section.table === row.table;
      if (continuing) {
        section!.headerRows.push(row);
        section!.grid = null;
      } else section = { headerRows: [row], grid: null, columns: null, unknown: [], table: row.table, width: row.width, valueStart: null, sawLast: false };
      continue;
    }
    if (headers.length) {
      section = null;
      continue;
    }
    if (!section) continue;

    const geometryHere = row.table === section.table && row.table >= 0;
    if (section.sawLast && (!geometryHere || spec.unlabelledRow)) {
      // The table was read to its last row and this row is in another <table>: something else. Table 4
      // has one data row: numbers in a further row of its <table> are said, not read.
      if (geometryHere && row.cells.some((c) => c.number.status === 'ok')) layout('无法识别的行', row.cells.map(cellText).join(' | '));
      else section = null;
      continue;
    }
    // The header's columns are known before the first row is split, so an unreadable first value
    // (〇, 约10, 40*) is a value cell, not a label.
    if (section.table >= 0 && !section.grid) section.grid = gridHeader(spec, section.headerRows);
    // A header with columns of this table (not a layout cell that happens to hold its words).
    const knownHeader = !!section.columns?.length || !!section.grid?.columns.length;
    const valueStart = section.columns ? section.valueStart : geometryHere ? firstStart(section.grid!.columns) : null;
    let labels: RowCell[];
    let values: RowCell[];
    const byGeometry = valueStart !== null && geometryHere;
    if (byGeometry) {
      labels = row.cells.filter((c) => c.c0! < valueStart);
      values = row.cells.filter((c) => c.c0! >= valueStart);
    } else {
      const firstValue = row.cells.findIndex((c) => !isLabel(c));
      const split = firstValue < 0 ? row.cells.length : firstValue;
      labels = row.cells.slice(0, split);
      values = row.cells.slice(split);
    }
    // A number left of the value columns is no label (it is reported below, never dropped).
    const labelNumbers = labels.filter((c) => c.number.status === 'ok');
    let textLabels = labelNumbers.length ? labels.filter((c) => c.number.status !== 'ok') : labels;
    let own = textLabels.length ? textLabels[textLabels.length - 1].key : '';
    const rawRow = () => `${labels.map((c) => c.text).join(' ')} | ${values.map(cellText).join(' | ')}`;
    let def: KeyDef | null = null;
    if (spec.unlabelledRow) {
      // Table 4's one data row: the first row with numbers under the header, whatever sits beside it.
      if (values.some((v) => v.number.status === 'ok' || v.number.status === 'unreadable'))
        def = { key: spec.unlabelledRow, label: '数量', formats: [], pattern: /./ };
    } else if (textLabels.length) {
      def = matchRow(spec, own, textLabels.map((c) => c.key).join('|'), prevKey);
      // Without geometry, an unreadable first value (〇, 约10) reads as one more label: the row's label
      // is then an earlier cell, and what follows it are values.
      for (let k = labels.length - 2; !def && !byGeometry && k >= 0; k--) {
        def = matchRow(spec, labels[k].key, labels.slice(0, k + 1).map((c) => c.key).join('|'), prevKey);
        if (!def) continue;
        values = [...labels.slice(k + 1), ...values];
        labels = textLabels = labels.slice(0, k + 1);
        own = labels[k].key;
      }
    }
    if (!def) {
      const hasNumbers = labelNumbers.length > 0 || values.some((v) => v.number.status === 'ok');
      // A row with nothing left of the value columns is no row of this table (a layout table's cells).
      if (hasNumbers && labels.length && knownHeader && !/^注|说明/.test(own)) layout('无法识别的行', rawRow());
      continue;
    }
    if (!values.length) {
      if (labelNumbers.length) layout('无法识别的行', rawRow());
      continue;
    }

    if (!section.columns) {
      const fromGrid = row.table >= 0 && section.table === row.table;
      const grid = fromGrid ? section.grid! : null;
      section.columns = grid ? grid.columns : columnsFromText(spec, section.headerRows, values.length);
      if (!section.columns || section.columns.length === 0) {
        section.columns = null;
        // A row found by its own label is this table's even under a header read from flattened text.
        if ((knownHeader || !spec.unlabelledRow) && values.some((v) => v.number.status === 'ok')) layout('表格布局无法对应（数值对不上表头）', rawRow());
        continue;
      }
      section.unknown = grid?.unknown ?? [];
      for (const r of grid?.repaired ?? []) layout(`表头“${r.printed}”疑似印错，按格式的列序读作“${r.official}”`);
      section.valueStart = firstStart(section.columns);
      if (section.valueStart !== null && geometryHere && section.valueStart !== valueStart) {
        labels = row.cells.filter((c) => c.c0! < section!.valueStart!);
        values = row.cells.filter((c) => c.c0! >= section!.valueStart!);
      }
      for (const col of section.columns) out.colLabels[col.key] ??= col.label.replace(/\s+/g, '');
    }
    const isCopy = seenRows.has(def.key);
    if (isCopy && copiedRows.has(def.key)) {
      // A third printing: the first two are read and compared; say so rather than read it silently.
      moreCopies.push(rawRow());
      continue;
    }
    // A table continued in another <table> (a page break) keeps its value columns at the right edge.
    const shift = section.columns[0].c0 === null || row.hasHoles || row.table < 0 ? null : geometryHere ? 0 : section.width - row.width;
    const fresh = values.filter((v) => v.firstRow === row.y);
    let placed = placeValues(fresh, section.columns, section.unknown, shift);
    // A header we could only partly read, over a row with exactly the format's full set of values
    // (7 in Table 3, 15 in Table 4): the official column order places them.
    const canonical = spec.columnsFromText('', fresh.length);
    const partial = typeof placed === 'string' || placed.strays.length > 0;
    if (partial && canonical && section.columns.length < canonical.length && spec.fullSetFallback) {
      placed = { placement: fresh.map((cell, i) => ({ cell, keys: [canonical[i]] })), strays: [] };
    }
    if (typeof placed === 'string') {
      layout(`表格布局无法对应（${placed}）`, rawRow());
      continue;
    }
    const cells: PlacedCell[] = [];
    let bad = false;
    for (const { cell, keys: cols } of placed.placement) {
      let col = cols[0];
      let covers: string[] | undefined;
      if (cols.length > 1) {
        const group = spec.groupOf(cols);
        if (!group) {
          bad = true;
          break;
        }
        col = group.col;
        covers = group.covers;
      }
      const n = cell.number;
      cells.push({
        cell: {
          row: def.key,
          col,
          ...(covers ? { covers } : {}),
          value: n.value,
          raw: n.raw,
          status: n.status,
          ...(n.unit ? { unit: n.unit } : {}),
          source: cell.source,
        },
        el: cell.el,
      });
    }
    if (bad) {
      layout('合并单元格跨越的列不构成一组', rawRow());
      continue;
    }
    const rowLabel = textLabels.map((c) => c.text).join(' ').trim() || def.label;
    const stray = (column: string, cell?: RowCell) => {
      const held = strays.get(column) ?? [];
      strays.set(column, held);
      const status = cell?.number.status;
      if (cell && (status === 'ok' || status === 'unreadable')) held.push(`${rowLabel} ${cell.text}`);
    };
    for (const s of placed.strays) stray(s.column, s.cell);
    for (const cell of labelNumbers) stray(section.grid?.leafText[cell.c0!] || '（空）', cell);
    const target = isCopy ? copy : out;
    (isCopy ? copiedRows : seenRows).add(def.key);
    prevKey = def.key;
    target.rowLabels[def.key] = rowLabel;
    target.cells.push(...cells);
    if (def.key === (spec.lastRow ?? spec.unlabelledRow)) section.sawLast = true;
  }

  for (const [column, held] of strays) {
    layout(`格式之外的列“${column}”未导出`, held.join('；') || '（空）');
  }
  if (copy.cells.length) compareCopies(out, copy, layout);
  if (moreCopies.length) layout('表格第三次出现，未读取', moreCopies.join('；'));
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
  const byCell = (t: ReadTable) => new Map(t.cells.map((c) => [`${c.cell.row}\u0000${c.cell.col}`, c.cell]));
  const first = byCell(out);
  const second = byCell(copy);
  const rows = new Set(copy.cells.map((c) => c.cell.row));
  const shown = (cell: Cell | undefined) => (cell ? cell.raw || '（空）' : '（无）');
  const diffs: string[] = [];
  for (const key of new Set([...first.keys(), ...second.keys()])) {
    const [row, col] = key.split('\u0000');
    if (!rows.has(row)) continue;
    const a = first.get(key);
    const b = second.get(key);
    if (a && b && a.status === b.status && a.value === b.value && a.raw === b.raw) continue;
    diffs.push(`${out.rowLabels[row] ?? row} · ${out.colLabels[col] ?? col}：第一份 ${shown(a)}，第二份 ${shown(b)}`);
  }
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

function matchRow(spec: TableSpec, own: string, context: string, prevKey: string | null): KeyDef | null {
  const prevLabel = prevKey ? spec.rows.find((r) => r.key === prevKey)?.label ?? '' : '';
  for (const def of spec.rows) {
    if (def.group) {
      if (def.pattern.test(own) && (def.group.test(context) || def.group.test(prevLabel))) return def;
      continue;
    }
    if (def.pattern.test(own)) return def;
  }
  return null;
}
