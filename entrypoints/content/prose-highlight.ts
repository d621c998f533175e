import type { AuditResult } from '@/lib/audit.ts';
import { rangeOf } from '@/lib/read/article-text.ts';

// The sentences prose.* findings quote, highlighted in place with the CSS Custom Highlight API: a Range
// over the page's own text nodes, styled by ::highlight(nianbao-prose) in page-style.ts. The DOM is not
// changed (no wrapper element), so the page's text and layout stay as they were.

export const PROSE_HIGHLIGHT = 'nianbao-prose';
const ranges = new Map<string, Range>();

type HighlightRegistry = { set(name: string, h: unknown): void; delete(name: string): boolean };
const registry = () => (globalThis.CSS as unknown as { highlights?: HighlightRegistry } | undefined)?.highlights;

export function highlightProse(result: AuditResult): number {
  ranges.clear();
  const { article } = result;
  if (!article) return 0;
  for (const f of result.report.findings) {
    if (!f.text) continue;
    const range = rangeOf(article, f.text.start, f.text.end);
    if (range) ranges.set(f.id, range);
  }
  const Highlight = (globalThis as { Highlight?: new (...r: Range[]) => unknown }).Highlight;
  const highlights = registry();
  if (ranges.size && Highlight && highlights) highlights.set(PROSE_HIGHLIGHT, new Highlight(...ranges.values()));
  return ranges.size;
}

/** Scroll a quoted sentence into view; false when the finding quotes nothing on this page. */
export function revealProse(findingId: string): boolean {
  const range = ranges.get(findingId);
  const el = range?.startContainer.parentElement;
  if (!el) return false;
  el.scrollIntoView({ block: 'center', behavior: 'smooth' });
  return true;
}

export function clearProseHighlight(): void {
  ranges.clear();
  registry()?.delete(PROSE_HIGHLIGHT);
}
