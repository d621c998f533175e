/**
 * Is an element left out of what the reader sees? The audit reads the page through such a test, so a
 * hidden draft table, a display:none row or a hidden digit inside a number is never audited.
 *
 * Callers ask top-down and skip the whole subtree of a hidden element, so a test only has to judge the
 * element itself (a rendered test may of course answer for its ancestors too).
 */
export type IsHidden = (el: Element) => boolean;

const HIDING_STYLE = /(^|;)\s*(display\s*:\s*none|visibility\s*:\s*(hidden|collapse))\b/i;

/**
 * From the markup alone (Node/linkedom and happy-dom render nothing): the `hidden` attribute, an inline
 * display:none / visibility:hidden, and <template> (whose content a browser never renders).
 */
export function hiddenByMarkup(el: Element): boolean {
  // Asked of every row, cell and element inside a cell: most have no attribute, or a style that names
  // neither display nor visibility (both end in "y"), and are answered without the pattern.
  if (el.hasAttributes()) {
    if (el.hasAttribute('hidden')) return true;
    const style = el.getAttribute('style');
    if (style !== null && (style.includes('y') || style.includes('Y')) && HIDING_STYLE.test(style)) return true;
  }
  return (el.localName ?? el.tagName.toLowerCase()) === 'template';
}

type Checkable = Element & { checkVisibility?: (options?: { visibilityProperty?: boolean }) => boolean };

/**
 * As rendered, for the page itself: whatever hides it (stylesheets, classes, ancestors). An element with
 * display:contents has no box of its own but shows its children, so it is not hidden.
 */
export function hiddenAsRendered(el: Element): boolean {
  const check = (el as Checkable).checkVisibility;
  if (typeof check !== 'function') return hiddenByMarkup(el);
  if (check.call(el, { visibilityProperty: true })) return false;
  return el.ownerDocument.defaultView?.getComputedStyle(el).display !== 'contents';
}

/** Is the element or one of its ancestors hidden? (For the few elements met outside a top-down walk.) */
export function hiddenInTree(el: Element, isHidden: IsHidden): boolean {
  for (let at: Element | null = el; at; at = at.parentElement) if (isHidden(at)) return true;
  return false;
}
