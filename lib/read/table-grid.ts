/**
 * Any <table> to a rectangular grid, resolving rowspan/colspan the way a browser lays the table out
 * (HTML "forming a table"): spans are clamped (colspan 1..1000, rowspan 0..65534, 0 = to the end of
 * the row group), a rowspan never runs past its row group, a colspan past the edge widens the table,
 * short rows leave empty (null) slots, where two cells claim a slot the earlier one keeps it, and a
 * <tfoot> lays out after the body wherever it is written. Every slot keeps a reference to its source cell.
 *
 * The grid is bounded: once its cells cover MAX_SLOTS slots (a rowspan="0" staircase grows
 * quadratically), or once padding every row to the widest row would pass MAX_GRID (one row of
 * colspan=1000 cells), the table is cut off there and flagged `truncated`. A report table is a few
 * hundred slots; the bounds only stop hostile or broken markup from costing more than it is long.
 * `cut` says where: the first slot (row, col) not read, col null when whole rows were dropped.
 *
 * Rows, row groups and cells the reader cannot see (`isHidden`) take no place in the grid, as in the
 * browser's layout; a cell's text is what it shows (lib/read/cell-text.ts).
 */
import { cellText } from './cell-text.ts';
import { hiddenByMarkup, type IsHidden } from './hidden-elements.ts';

export interface GridCell {
  el: Element;
  /** The text the cell shows, read once (a newline at <br> and block boundaries). */
  text: string;
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
}

export interface Grid {
  /** Rectangular: every row is `width` long, empty slots are null. */
  slots: (GridCell | null)[][];
  cells: GridCell[];
  width: number;
  truncated: boolean;
  cut: { row: number; col: number | null } | null;
}

const MAX_COLSPAN = 1000;
const MAX_ROWSPAN = 65534;
export const MAX_SLOTS = 50_000;
export const MAX_GRID = 200_000;

/** HTML's rules for parsing non-negative integers: ASCII whitespace, a sign, digits ("-0" is 0). */
function spanAttr(el: Element, name: string, fallback: number, min: number, max: number): number {
  const raw = el.getAttribute(name);
  if (raw === null) return fallback;
  const m = /^[ \t\n\f\r]*([+-]?)(\d+)/.exec(raw);
  if (!m) return fallback;
  const n = Number(m[2].length > 9 ? '999999999' : m[2]);
  if ((m[1] === '-' && n !== 0) || n < min) return fallback;
  return Math.min(n, max);
}

const tagOf = (el: Element) => el.localName ?? el.tagName.toLowerCase();

/** The table's row groups in layout order (tfoot last); rows of nested tables are not ours. */
function rowGroups(table: Element, isHidden: IsHidden): Element[][] {
  const groups: Element[][] = [];
  const feet: Element[][] = [];
  let loose: Element[] | null = null;
  for (let child = table.firstElementChild; child; child = child.nextElementSibling) {
    const tag = tagOf(child);
    const group = tag === 'tbody' || tag === 'thead' || tag === 'tfoot';
    // Only rows and row groups are asked: nothing else (a caption, a <colgroup>) is read either way.
    if ((tag !== 'tr' && !group) || isHidden(child, tag)) continue;
    if (tag === 'tr') {
      if (!loose) groups.push((loose = []));
      loose.push(child);
    } else {
      loose = null;
      const rows: Element[] = [];
      for (let r = child.firstElementChild; r; r = r.nextElementSibling) if (tagOf(r) === 'tr' && !isHidden(r, 'tr')) rows.push(r);
      (tag === 'tfoot' ? feet : groups).push(rows);
    }
  }
  return [...groups, ...feet];
}

/** The table laid out, each visible cell made once by `make` (at its first row and column) and set in every slot it covers. */
export interface Layout<T> {
  slots: (T | null)[][];
  width: number;
  truncated: boolean;
  cut: Grid['cut'];
}

/**
 * The layout walk itself, with the caller's cell: the row reader makes its own cells here, in the same pass
 * that reads the spans, instead of a grid of intermediate cells read over again.
 */
export function layOutTable<T extends object>(
  table: Element,
  isHidden: IsHidden,
  make: (el: Element, row: number, col: number, rowSpan: number, colSpan: number) => T,
): Layout<T> {
  const slots: (T | null)[][] = [];
  let width = 0;
  let used = 0;
  let truncated = false;
  let cut: Grid['cut'] = null;
  for (const group of rowGroups(table, isHidden)) {
    if (truncated) break;
    const start = slots.length;
    const end = start + group.length;
    for (let i = start; i < end; i++) slots.push([]);
    for (let offset = 0; offset < group.length && !truncated; offset++) {
      const y = start + offset;
      const line = slots[y];
      let x = 0;
      for (let el = group[offset].firstElementChild; el; el = el.nextElementSibling) {
        const tag = tagOf(el);
        if ((tag !== 'td' && tag !== 'th') || isHidden(el, tag)) continue;
        while (line[x]) x++;
        const colSpan = spanAttr(el, 'colspan', 1, 1, MAX_COLSPAN);
        const rowSpanAttr = spanAttr(el, 'rowspan', 1, 0, MAX_ROWSPAN);
        const rowSpan = rowSpanAttr === 0 ? end - y : Math.min(rowSpanAttr, end - y);
        used += colSpan * rowSpan;
        if (used > MAX_SLOTS) {
          truncated = true;
          cut = { row: y, col: x };
          break;
        }
        const cell = make(el, y, x, rowSpan, colSpan);
        for (let r = y; r < y + rowSpan; r++) {
          const target = slots[r];
          for (let c = x; c < x + colSpan; c++) if (!target[c]) target[c] = cell;
        }
        x += colSpan;
      }
    }
  }
  for (const line of slots) if (line.length > width) width = line.length;
  const maxRows = Math.floor(MAX_GRID / Math.max(width, 1));
  if (slots.length > maxRows) {
    truncated = true;
    if (!cut || cut.row >= maxRows) cut = { row: maxRows, col: null };
    slots.length = maxRows;
  }
  for (const line of slots) for (let c = 0; c < width; c++) if (!line[c]) line[c] = null;
  return { slots, width, truncated, cut };
}

export function buildGrid(table: Element, isHidden: IsHidden = hiddenByMarkup): Grid {
  // Every cell made, in document order, including those of rows cut off by MAX_GRID (see `truncated`).
  const made: GridCell[] = [];
  const { slots, width, truncated, cut } = layOutTable(table, isHidden, (el, row, col, rowSpan, colSpan): GridCell => {
    const cell = { el, text: cellText(el, isHidden), row, col, rowSpan, colSpan };
    made.push(cell);
    return cell;
  });
  return { slots, cells: truncated ? made.filter((c) => c.row < slots.length) : made, width, truncated, cut };
}
