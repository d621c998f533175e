import type { Finding } from '@/lib/schema.ts';
import type { TipState } from '@/components/CellTooltip.tsx';
import { CULPRIT_ATTR, culpritNote, findingsOf, markedAncestor, type Marks } from './mark-cells.ts';
import { severityCount } from '@/lib/checks/finding.ts';

// Decides which marked cell's explanation is showing. Hover and keyboard focus both open it; Escape
// closes it, and the pointer can move from the cell onto the tooltip without closing it (WCAG 1.4.13:
// dismissible, hoverable); it follows the cell while the page scrolls. Rendering is left to `show`.

export function watchTooltips(
  doc: Document,
  marks: Marks,
  show: (tip: TipState | null) => void,
  signal: AbortSignal,
  /** The tooltip's own host element: the pointer over it keeps the tooltip open. */
  tipHost?: Element,
): void {
  const onTip = (target: EventTarget | null) => !!tipHost && !!target && tipHost.contains(target as Node);
  let hovered: Element | null = null;
  let focused: Element | null = null;
  let hidden = false;

  const tipFor = (el: Element): TipState => {
    const r = el.getBoundingClientRect();
    const findings: Finding[] = findingsOf(el, marks);
    const rect = { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
    // A culprit is in every failed check it is listed under.
    const note = el.hasAttribute(CULPRIT_ATTR) ? culpritNote(severityCount(findings).error) : undefined;
    return { findings, rect, note };
  };
  const update = () => {
    const el = hovered ?? focused;
    show(el && !hidden ? tipFor(el) : null);
  };
  const opts = { capture: true, passive: true, signal } as const;

  doc.addEventListener('mouseover', (e) => {
    if (onTip(e.target)) return;
    const el = markedAncestor(e.target);
    if (el === hovered) return;
    hovered = el;
    hidden = false;
    update();
  }, opts);
  doc.addEventListener('mouseout', (e) => {
    if (onTip(e.relatedTarget)) return;
    if (hovered && !hovered.contains(e.relatedTarget as Node | null)) {
      hovered = null;
      update();
    }
  }, opts);
  doc.addEventListener('focusin', (e) => {
    focused = markedAncestor(e.target);
    hidden = false;
    update();
  }, opts);
  doc.addEventListener('focusout', () => {
    focused = null;
    update();
  }, opts);
  doc.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && (hovered || focused) && !hidden) {
      hidden = true;
      update();
    }
  }, opts);
  const follow = () => {
    if (hovered || focused) update();
  };
  doc.defaultView?.addEventListener('scroll', follow, opts);
  doc.defaultView?.addEventListener('resize', follow, opts);
}
