/**
 * The report's first table on the page: where the banner goes (above it, not above the site's chrome) and
 * where the metadata reading stops. Each table stands by its first located cell; the earliest in document
 * order wins. Pure DOM, no globals (runs in the page, in Node with linkedom, and in tests).
 */

/** Node.DOCUMENT_POSITION_PRECEDING, without the `Node` global (absent in Node with linkedom). */
const PRECEDING = 2;

/**
 * `tables`: for each table, the elements its cells were read from, in cell order (undefined where a cell
 * has none). The result is that cell's <table>, or, for a flattened table, the element itself.
 */
export function firstReportTable(tables: Iterable<Iterable<Element | null | undefined>>): Element | undefined {
  let first: Element | undefined;
  for (const cells of tables) {
    for (const el of cells) {
      if (!el) continue;
      const candidate = el.closest('table') ?? el;
      if (!first || first.compareDocumentPosition(candidate) & PRECEDING) first = candidate;
      break; // the first located cell stands for its table
    }
  }
  return first;
}
