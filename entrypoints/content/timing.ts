// The content script's cost, recorded on the page's Performance timeline.
//
// Every synchronous chunk of work is one `performance.measure('nianbao:cost:<phase>')` entry and these
// never nest, so a benchmark sums the durations of all `nianbao:cost:*` measures to get the total cost.
// When the script is done (report found, or it stops watching) it leaves a `nianbao:done` mark whose
// `detail` is a `DoneDetail`. The timeline belongs to the document, not to a JS world, so a page-world
// script (e.g. Playwright's page.evaluate) reads these entries with performance.getEntriesByType().
// That needs no DOM write and no message on pages that are not reports.

export const COST_PREFIX = 'nianbao:cost:';
export const DONE_MARK = 'nianbao:done';

export interface DoneDetail { found: boolean; runs: number; costMs: number; errors?: number; warnings?: number }

let total = 0;

/** Run `fn`, record its duration as `nianbao:cost:<phase>`, and add it to the running total. */
export function timed<T>(phase: string, fn: () => T): T {
  const start = performance.now();
  try {
    return fn();
  } finally {
    const end = performance.now();
    total += end - start;
    try {
      performance.measure(COST_PREFIX + phase, { start, end });
    } catch {
      // Very old engines lack the options form of measure(); the total still counts.
    }
  }
}

/**
 * Both stages' cost so far (the content script's look, then the auditor's work): they are separate bundles,
 * but the timeline is the document's, shared by both. Our own running total stands in where it has less.
 */
export function totalCostMs(): number {
  let onTimeline = 0;
  try {
    for (const e of performance.getEntriesByType('measure')) if (e.name.startsWith(COST_PREFIX)) onTimeline += e.duration;
  } catch {
    // As below: timing is best effort.
  }
  return Math.max(onTimeline, total);
}

export function markDone(detail: Omit<DoneDetail, 'costMs'>): void {
  try {
    performance.mark(DONE_MARK, { detail: { ...detail, costMs: totalCostMs() } });
  } catch {
    // As above: timing is best effort and must never break the page.
  }
}
