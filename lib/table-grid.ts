/**
 * Any <table> to a rectangular grid, resolving rowspan/colspan the way a browser lays the table out
 * (HTML "forming a table"): spans are clamped (colspan 1..1000, rowspan 0..65534, 0 = to the end of
 * the row group), a rowspan never runs past its row group, a colspan past the edge widens the table,
 * short rows leave empty (null) slots, and where two cells claim a slot the earlier one keeps it.
 * Every slot keeps a reference to its source cell.
 */

export interface GridCell {
  el: Element;
  /** textContent read once. */
  text: string;
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
}

export interface Grid {
  slots: (GridCell | null)[][];
  cells: GridCell[];
  width: number;
}

const MAX_COLSPAN = 1000;
const MAX_ROWSPAN = 65534;

function spanAttr(el: Element, name: string, fallback: number, min: number, max: number): number {
  const raw = el.getAttribute(name);
  if (raw === null) return fallback;
  const m = /^\s*\+?(\d+)/.exec(raw);
  if (!m) return fallback;
  const n = Number(m[1]);
  if (n < min) return fallback;
  return Math.min(n, max);
}

function isTag(el: Element, tag: string): boolean {
  return el.localName === tag || el.tagName?.toLowerCase() === tag;
}

/** The table's row groups in tree order; rows of nested tables are not ours. */
function rowGroups(table: Element): Element[][] {
  const groups: Element[][] = [];
  let loose: Element[] | null = null;
  for (const child of Array.from(table.children)) {
    if (isTag(child, 'tr')) {
      if (!loose) groups.push((loose = []));
      loose.push(child);
    } else if (isTag(child, 'tbody') || isTag(child, 'thead') || isTag(child, 'tfoot')) {
      loose = null;
      groups.push(Array.from(child.children).filter((r) => isTag(r, 'tr')));
    }
  }
  return groups;
}

export function buildGrid(table: Element): Grid {
  const slots: (GridCell | null)[][] = [];
  const cells: GridCell[] = [];
  let width = 0;
  for (const group of rowGroups(table)) {
    const start = slots.length;
    const end = start + group.length;
    for (let i = start; i < end; i++) slots.push([]);
    group.forEach((tr, offset) => {
      const y = start + offset;
      const line = slots[y];
      let x = 0;
      for (const el of Array.from(tr.children)) {
        if (!isTag(el, 'td') && !isTag(el, 'th')) continue;
        while (line[x]) x++;
        const colSpan = spanAttr(el, 'colspan', 1, 1, MAX_COLSPAN);
        const rowSpanAttr = spanAttr(el, 'rowspan', 1, 0, MAX_ROWSPAN);
        const rowSpan = rowSpanAttr === 0 ? end - y : Math.min(rowSpanAttr, end - y);
        const cell: GridCell = { el, text: el.textContent ?? '', row: y, col: x, rowSpan, colSpan };
        cells.push(cell);
        for (let r = y; r < y + rowSpan; r++) {
          const target = slots[r];
          for (let c = x; c < x + colSpan; c++) if (!target[c]) target[c] = cell;
        }
        x += colSpan;
        if (x > width) width = x;
      }
    });
  }
  for (const line of slots) {
    if (line.length > width) width = line.length;
  }
  for (const line of slots) {
    for (let c = 0; c < width; c++) if (!line[c]) line[c] = null;
  }
  return { slots, cells, width };
}
