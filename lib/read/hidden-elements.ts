/**
 * Is an element left out of what the reader sees? The audit reads the page through such a test, so a
 * hidden draft table, a display:none row or a hidden digit inside a number is never audited.
 *
 * Callers ask top-down and skip the whole subtree of a hidden element, so a test only has to judge the
 * element itself (a rendered test may of course answer for its ancestors too). `tag` is the element's
 * local name, when the caller has read it already (the test is asked of every cell).
 */
export type IsHidden = (el: Element, tag?: string) => boolean;

const HIDING_STYLE = /(^|;)\s*(display\s*:\s*none|visibility\s*:\s*(hidden|collapse))\b/i;

/** Words HIDING_STYLE needs: most styles (Word's long font-family:宋体;mso-… ones) lack both and skip the pattern. */
const HIDING_WORD = /display|visibility/i;

/**
 * From the markup alone (Node/linkedom and happy-dom render nothing): the `hidden` attribute, an inline
 * display:none / visibility:hidden, and <template> (whose content a browser never renders).
 */
export function hiddenByMarkup(el: Element, tag: string = el.localName ?? el.tagName.toLowerCase()): boolean {
  if (tag === 'template') return true;
  // Asked of every row, cell and element inside a cell: most have no attribute, or a style that names
  // neither display nor visibility, and are answered without the pattern.
  if (!el.hasAttributes()) return false;
  if (el.hasAttribute('hidden')) return true;
  const style = el.getAttribute('style');
  return style !== null && HIDING_WORD.test(style) && HIDING_STYLE.test(style);
}

type Checkable = Element & { checkVisibility?: (options?: { visibilityProperty?: boolean }) => boolean };

/**
 * checkVisibility's options, made once: the browser reads every option it knows from the object on every
 * call, and an object without a prototype answers the ones not set at once (asked ~1,300 times an audit).
 */
const VISIBILITY_OPTIONS: { visibilityProperty: boolean } = Object.assign(Object.create(null), { visibilityProperty: true });

/**
 * As rendered, for the page itself: whatever hides it (stylesheets, classes, ancestors). An element with
 * display:contents has no box of its own but shows its children, so it is not hidden.
 */
export function hiddenAsRendered(el: Element): boolean {
  const check = (el as Checkable).checkVisibility;
  if (typeof check !== 'function') return hiddenByMarkup(el);
  if (check.call(el, VISIBILITY_OPTIONS)) return false;
  return el.ownerDocument.defaultView?.getComputedStyle(el).display !== 'contents';
}

/**
 * Is the element or one of its ancestors hidden? (For the few elements met outside a top-down walk: the
 * tables.) The answer made asks each ancestor once however many elements share it: a page's tables share
 * most of theirs. Made for one read of the page, never kept beyond it (the page may change).
 */
export function hiddenInTree(isHidden: IsHidden): (el: Element) => boolean {
  const known = new Map<Element, boolean>();
  return (el) => {
    const path: Element[] = [];
    let hidden = false;
    for (let at: Element | null = el; at; at = at.parentElement) {
      const seen = known.get(at);
      if (seen !== undefined) {
        hidden = seen;
        break;
      }
      path.push(at);
      if (isHidden(at)) {
        hidden = true;
        break;
      }
    }
    // Everything on the path is below (or is) where the answer was found.
    for (const at of path) known.set(at, hidden);
    return hidden;
  };
}
