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
import type { Cell, Finding, TableKey } from './schema.ts';
import { isLabel, type RowCell, type TableRow } from './table-rows.ts';
import type { KeyDef } from './dictionary.ts';

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
  /** The row that ends the table: anything after it belongs to something else. */
  lastRow?: string;
}

export interface PlacedCell {
  cell: Cell;
  el: Element | null;
}

export interface ExtractedTable {
  table: TableKey;
  cells: PlacedCell[];
  rowLabels: Record<string, string>;
  colLabels: Record<string, string>;
  problems: Finding[];
}

interface Section {
  headerRows: TableRow[];
  columns: ColumnRange[] | null;
  table: number;
  /** Grid width of the header's table. */
  width: number;
  valueStart: number | null;
}

function columnsFromGrid(spec: TableSpec, headerRows: TableRow[]): ColumnRange[] {
  const width = Math.max(...headerRows.flatMap((r) => r.cells.map((c) => c.c1 ?? 0)));
  const ranges: ColumnRange[] = [];
  for (let c = 0; c < width; c++) {
    const path: string[] = [];
    const texts: string[] = [];
    let last: RowCell | undefined;
    for (const row of headerRows) {
      const cell = row.cells.find((x) => x.c0! <= c && c < x.c1!);
      if (!cell || cell === last || cell.el === last?.el) continue;
      last = cell;
      path.push(cell.key);
      texts.push(cell.text);
    }
    const key = spec.resolveColumn(path);
    if (!key) continue;
    const prev = ranges[ranges.length - 1];
    if (prev && prev.key === key && prev.c1 === c) prev.c1 = c + 1;
    else if (!ranges.some((r) => r.key === key)) ranges.push({ key, label: texts[texts.length - 1] ?? key, c0: c, c1: c + 1 });
  }
  return ranges;
}

function columnsFromText(spec: TableSpec, headerRows: TableRow[], valueCount: number): ColumnRange[] | null {
  const text = headerRows.flatMap((r) => r.cells.map((c) => c.key)).join('');
  const keys = spec.columnsFromText(text, valueCount);
  if (!keys) return null;
  return keys.map((key) => ({ key, label: spec.columns.find((d) => d.key === key)?.label ?? key, c0: null, c1: null }));
}

type Placement = { cell: RowCell; keys: string[] }[];

/**
 * Puts a row's value cells under columns, or says why it cannot. `shift` maps the row's grid columns onto
 * the header's (0 in the header's own table); null when there is no geometry to go by.
 */
function placeValues(values: RowCell[], columns: ColumnRange[], shift: number | null): Placement | string {
  const geometry = shift !== null;
  let cells = values;
  if (cells.length !== columns.length && !geometry) {
    // Phantom blank cells at the row's end (Word exports) are not values.
    while (cells.length > columns.length && cells[cells.length - 1].number.status === 'blank') cells = cells.slice(0, -1);
  }
  if (cells.length === columns.length) return cells.map((cell, i) => ({ cell, keys: [columns[i].key] }));
  if (!geometry) {
    if (cells.length === 1) return [{ cell: cells[0], keys: columns.map((c) => c.key) }];
    return `${cells.length} 个数值对不上 ${columns.length} 列`;
  }
  const placement: Placement = [];
  const claimed = new Set<string>();
  for (const cell of cells) {
    const keys = columns.filter((col) => col.c0! < cell.c1! + shift && cell.c0! + shift < col.c1!).map((c) => c.key);
    if (keys.length === 0) {
      if (cell.number.status === 'blank') continue;
      return `数值“${cell.text}”不在任何列标题之下`;
    }
    if (keys.some((k) => claimed.has(k))) return `数值“${cell.text}”与同一行的另一数值落在同一列`;
    keys.forEach((k) => claimed.add(k));
    placement.push({ cell, keys });
  }
  return placement;
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

/**
 * Reads one table from the row stream. A header of another report table ends this one (several tables
 * can share one <table>).
 */
export function extractTable(spec: TableSpec, rows: TableRow[], headerOf: HeaderOf): ExtractedTable | null {
  const out: ExtractedTable = { table: spec.table, cells: [], rowLabels: {}, colLabels: {}, problems: [] };
  const seenRows = new Set<string>();
  let section: Section | null = null;
  let prevKey: string | null = null;
  let done = false;
  let repeatNoted = false;

  const layout = (message: string, raw: string) => {
    out.problems.push({
      id: `${spec.table}:layout:${out.problems.length + 1}`,
      rule: 'layout',
      severity: 'warning',
      message: `${message}：${raw}`,
      table: spec.table,
      cells: [],
      expected: null,
      actual: null,
    });
  };

  for (const row of rows) {
    if (done) break;
    const headers = headerOf(row);
    if (headers.includes(spec.table)) {
      const continuing = section && !section.columns && section.table === row.table;
      if (continuing) section!.headerRows.push(row);
      else section = { headerRows: [row], columns: null, table: row.table, width: row.width, valueStart: null };
      continue;
    }
    if (headers.length) {
      section = null;
      continue;
    }
    if (!section) continue;

    const geometryHere = row.table === section.table && row.table >= 0;
    let labels: RowCell[];
    let values: RowCell[];
    if (section.valueStart !== null && geometryHere) {
      labels = row.cells.filter((c) => c.c0! < section!.valueStart!);
      values = row.cells.filter((c) => c.c0! >= section!.valueStart!);
    } else {
      const firstValue = row.cells.findIndex((c) => !isLabel(c));
      const split = firstValue < 0 ? row.cells.length : firstValue;
      labels = row.cells.slice(0, split);
      values = row.cells.slice(split);
    }
    const own = labels.length ? labels[labels.length - 1].key : '';
    const context = labels.map((c) => c.key).join('|');
    let def: KeyDef | null = null;
    if (spec.unlabelledRow) {
      // Table 4's one data row: the first row with numbers under the header, whatever sits beside it.
      if (values.some((v) => v.number.status === 'ok' || v.number.status === 'unreadable'))
        def = { key: spec.unlabelledRow, label: '数量', formats: [], meaning: '', pattern: /./ };
    } else if (labels.length) {
      def = matchRow(spec, own, context, prevKey);
    }
    if (!def) {
      const hasNumbers = values.some((v) => v.number.status === 'ok');
      if (hasNumbers && labels.length && section.columns && !/^注|说明/.test(own)) {
        layout('无法识别的行', `${labels.map((c) => c.text).join(' ')} | ${values.map((v) => v.text).join(' | ')}`);
      }
      continue;
    }
    if (!values.length) continue;

    if (!section.columns) {
      const fromGrid = row.table >= 0 && section.table === row.table;
      section.columns = fromGrid ? columnsFromGrid(spec, section.headerRows) : columnsFromText(spec, section.headerRows, values.length);
      if (!section.columns || section.columns.length === 0) {
        section.columns = null;
        continue;
      }
      const starts = section.columns.map((c) => c.c0).filter((c): c is number => c !== null);
      section.valueStart = starts.length ? Math.min(...starts) : null;
      if (section.valueStart !== null && geometryHere) {
        labels = row.cells.filter((c) => c.c0! < section!.valueStart!);
        values = row.cells.filter((c) => c.c0! >= section!.valueStart!);
      }
      for (const col of section.columns) out.colLabels[col.key] ??= col.label.replace(/\s+/g, '');
    }
    if (seenRows.has(def.key)) {
      // The table (or a row of it) printed again: read the first, say so once.
      if (!repeatNoted) layout('表格或其中的行重复出现，只读取第一次出现的数据', `${labels.map((c) => c.text).join(' ')}`);
      repeatNoted = true;
      continue;
    }
    // A table continued in another <table> (a page break) keeps its value columns at the right edge.
    const shift = section.columns[0].c0 === null || row.hasHoles || row.table < 0 ? null : geometryHere ? 0 : section.width - row.width;
    const fresh = values.filter((v) => v.firstRow === row.y);
    let placement = placeValues(fresh, section.columns, shift);
    // A header we could only partly read, over a row with exactly the format's full set of values
    // (7 in Table 3, 15 in Table 4): the official column order places them.
    const canonical = spec.columnsFromText('', fresh.length);
    if (typeof placement === 'string' && canonical && section.columns.length < canonical.length && spec.table !== 'table2') {
      placement = fresh.map((cell, i) => ({ cell, keys: [canonical[i]] }));
    }
    const rawRow = () => `${labels.map((c) => c.text).join(' ')} | ${values.map((v) => v.text || '（空）').join(' | ')}`;
    if (typeof placement === 'string') {
      layout(`表格布局无法对应（${placement}）`, rawRow());
      continue;
    }
    const cells: PlacedCell[] = [];
    let bad = false;
    for (const { cell, keys: cols } of placement) {
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
    seenRows.add(def.key);
    prevKey = def.key;
    out.rowLabels[def.key] = labels.map((c) => c.text).join(' ').trim() || def.label;
    out.cells.push(...cells);
    if (def.key === (spec.lastRow ?? spec.unlabelledRow)) done = true;
  }
  return out.cells.length || out.problems.length ? out : null;
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
