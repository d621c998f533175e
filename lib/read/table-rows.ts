/**
 * The report as a stream of rows, whatever the markup: grid rows of every <table> in document order
 * (so a table split over several <table>s, or several tables in one, reads as one stream), or the
 * rebuilt rows of a table flattened to one cell per line. Extractors only ever see this shape.
 */
import type { SourceRef } from '../schema.ts';
import { layOutTable } from './table-grid.ts';
import { cellText } from './cell-text.ts';
import { hiddenByMarkup, hiddenInTree, type IsHidden } from './hidden-elements.ts';
import { cleanSpaces, labelKey } from './normalize-text.ts';
import { readNumber, type ReadNumber } from './read-number.ts';

export interface RowCell {
  /** Printed text (raw, whitespace collapsed on read). */
  text: string;
  /** labelKey(text): what label patterns are matched against. */
  key: string;
  number: ReadNumber;
  el: Element | null;
  source: SourceRef;
  /** Grid columns [c0, c1) in its table; null for a flattened line. */
  c0: number | null;
  c1: number | null;
  /** The row (TableRow.y) the cell starts in; a rowspan cell is the same object in every row it covers. */
  firstRow: number;
}

export interface TableRow {
  /** Index of the <table> in document order; -1 for flattened lines. */
  table: number;
  /** Row index within its table (or within the flattened rows). */
  y: number;
  cells: RowCell[];
  /** Some slot of the row is empty (a short row): geometry cannot be trusted for placing values. */
  hasHoles: boolean;
  /** Grid width of its table (0 for flattened lines). */
  width: number;
}

export function isLabel(cell: RowCell): boolean {
  return cell.number.status === 'unreadable';
}

/** Longer than any label or value a report table prints. */
const MAX_CELL_TEXT = 400;

/** An opaque cell's text, kept for the reader but bounded, with a visible mark where it was cut. */
function opaqueRaw(text: string): string {
  const raw = cleanSpaces(text);
  // By code point, so a surrogate pair is never split.
  return raw.length <= MAX_CELL_TEXT ? raw : `${[...raw].slice(0, MAX_CELL_TEXT).join('')}…（截断，原文 ${raw.length} 字）`;
}

/**
 * A layout cell that holds a whole article (old sites lay pages out with tables) must not pass for a
 * label just because the report's words are somewhere inside it: such cells read as opaque, with an
 * empty key that no label pattern matches, but keep their text so an export never drops it.
 */
function readCell(el: Element, text: string, containers: Set<Element>, source: SourceRef, c0: number, c1: number, firstRow: number): RowCell {
  if (text.length > MAX_CELL_TEXT || containers.has(el)) {
    const number: ReadNumber = { value: null, status: 'unreadable', raw: opaqueRaw(text) };
    return { text: number.raw, key: '', number, el, source, c0, c1, firstRow };
  }
  const number = readNumber(text);
  // Only labels are matched against patterns; a number's key is just its text. The key of the spaces-collapsed
  // text is the same (a key has no spaces at all), and most often that text itself: no new string.
  const key = number.status === 'unreadable' ? labelKey(number.raw) : number.raw;
  return { text: number.raw, key, number, el, source, c0, c1, firstRow };
}

/** The cells that hold a nested table (found from the tables upward: cheaper than asking every cell). */
function containerCells(tables: Element[]): Set<Element> {
  const out = new Set<Element>();
  for (const table of tables) {
    for (let el = table.parentElement; el; el = el.parentElement) {
      const tag = el.localName ?? el.tagName.toLowerCase();
      if (tag === 'td' || tag === 'th') out.add(el);
    }
  }
  return out;
}

/** A table the grid's size bounds cut off: from `row` (and `col`, if within a row) on, nothing was read. */
export interface CutTable {
  table: number;
  el: Element;
  row: number;
  col: number | null;
}

export interface ReadOptions {
  /** What the reader cannot see is not read (default: judged from the markup, see lib/read/hidden-elements.ts). */
  isHidden?: IsHidden;
}

/** All <table>s of a root, outermost first, each as its grid rows. */
export function rowsOfTables(tables: Element[], options: ReadOptions = {}): TableRow[] {
  return readTables(tables, options).rows;
}

/** The rows of every visible <table> (indices stay those of `tables`), and the tables cut off by the bounds. */
export function readTables(tables: Element[], { isHidden = hiddenByMarkup }: ReadOptions = {}): { rows: TableRow[]; cuts: CutTable[] } {
  const rows: TableRow[] = [];
  const cuts: CutTable[] = [];
  const containers = containerCells(tables);
  const hiddenTable = hiddenInTree(isHidden);
  tables.forEach((table, t) => {
    if (hiddenTable(table)) return;
    // One pass: each cell's spans, text and reading at once, where the layout meets it.
    const grid = layOutTable(table, isHidden, (el, row, col, _rowSpan, colSpan) =>
      readCell(el, cellText(el, isHidden), containers, { kind: 'table', table: t, row, col }, col, col + colSpan, row),
    );
    if (grid.cut) cuts.push({ table: t, el: table, ...grid.cut });
    const { slots, width } = grid;
    for (let y = 0; y < slots.length; y++) {
      const line = slots[y];
      const cells: RowCell[] = [];
      let hasHoles = false;
      let prev: RowCell | null | undefined = undefined;
      for (let c = 0; c < line.length; c++) {
        const slot = line[c];
        if (slot === prev) continue;
        prev = slot;
        if (slot) cells.push(slot);
        else hasHoles = true;
      }
      if (cells.length) rows.push({ table: t, y, cells, hasHoles, width });
    }
  });
  return { rows, cuts };
}
