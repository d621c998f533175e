/**
 * The report as a stream of rows, whatever the markup: grid rows of every <table> in document order
 * (so a table split over several <table>s, or several tables in one, reads as one stream), or the
 * rebuilt rows of a table flattened to one cell per line. Extractors only ever see this shape.
 */
import type { SourceRef } from './schema.ts';
import { buildGrid } from './table-grid.ts';
import { labelKey } from './normalize-text.ts';
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
  /** False when this slot only continues a cell that started in an earlier row (rowspan). */
  startsHere: boolean;
}

export interface TableRow {
  /** Index of the <table> in document order; -1 for flattened lines. */
  table: number;
  cells: RowCell[];
  /** Some slot of the row is empty (a short row): geometry cannot be trusted for placing values. */
  hasHoles: boolean;
}

export function isLabel(cell: RowCell): boolean {
  return cell.number.status === 'unreadable';
}

/** Longer than any label or value a report table prints. */
const MAX_CELL_TEXT = 400;
const OPAQUE = { key: '', number: { value: null, status: 'unreadable' as const, raw: '' } };

/**
 * A layout cell that holds a whole article (old sites lay pages out with tables) must not pass for a
 * label just because the report's words are somewhere inside it: such cells read as opaque.
 */
function readCell(el: Element, text: string, containers: Set<Element>): { key: string; number: ReadNumber } {
  if (text.length > MAX_CELL_TEXT || containers.has(el)) return OPAQUE;
  return { key: labelKey(text), number: readNumber(text) };
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

/** All <table>s of a root, outermost first, each as its grid rows. */
export function rowsOfTables(tables: Element[]): TableRow[] {
  const rows: TableRow[] = [];
  const containers = containerCells(tables);
  tables.forEach((table, t) => {
    const grid = buildGrid(table);
    const cache = new Map<Element, { key: string; number: ReadNumber }>();
    grid.slots.forEach((slots, y) => {
      const cells: RowCell[] = [];
      let hasHoles = false;
      let prev: unknown = undefined;
      for (const slot of slots) {
        if (slot === prev) continue;
        prev = slot;
        if (!slot) {
          hasHoles = true;
          continue;
        }
        let read = cache.get(slot.el);
        if (!read) cache.set(slot.el, (read = readCell(slot.el, slot.text, containers)));
        cells.push({
          text: read.number.raw,
          key: read.key,
          number: read.number,
          el: slot.el,
          source: { kind: 'table', table: t, row: slot.row, col: slot.col },
          c0: slot.col,
          c1: slot.col + slot.colSpan,
          startsHere: slot.row === y,
        });
      }
      if (cells.length) rows.push({ table: t, cells, hasHoles });
    });
  });
  return rows;
}
