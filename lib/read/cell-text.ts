/**
 * A table cell's text as a reader sees it. textContent would glue `3<br>5` or `<p>3</p><p>5</p>` into
 * "35" and keep digits the page hides; here a line break and every block boundary inside the cell leave
 * a newline, and what is not rendered (scripts, styles, hidden elements) leaves nothing.
 */
import type { IsHidden } from './hidden-elements.ts';
import { isSpace } from './normalize-text.ts';

/** Elements that start a new line of text (and so part two numbers). */
export const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'dd', 'div', 'dl', 'dt', 'figure', 'footer', 'form', 'h1', 'h2', 'h3',
  'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'tbody', 'td', 'th',
  'thead', 'tfoot', 'caption', 'tr', 'ul', 'center',
]);
/** Elements whose content is never shown as text. */
export const UNRENDERED_TAGS = new Set(['script', 'style', 'noscript', 'template', 'head', 'iframe', 'svg', 'object']);

const tagOf = (el: Element) => el.localName ?? el.tagName.toLowerCase();

/**
 * Chinese text wrapped onto several lines (`本<br>年<br>度`, one character a line) reads as one word. A newline
 * in the page source is no line break: a browser (Chromium) shows it as a space, and so does the kept text.
 */
const HAN = '[\\u3001-\\u3011\\u3400-\\u9fff\\uf900-\\ufaff\\uff08\\uff09\\uff1a\\uff1b()]';
const HAN_GAP = new RegExp(`(?<=${HAN})\\s+(?=${HAN})`, 'g');

/** One character of HAN, by code. */
export function isHan(c: number): boolean {
  return (
    (c >= 0x3001 && c <= 0x3011) || (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || c === 0xff08 ||
    c === 0xff09 || c === 0xff1a || c === 0xff1b || c === 0x28 || c === 0x29
  );
}

/**
 * Does the line break written at `at` sit in a gap of spaces between two Chinese characters (what HAN_GAP
 * joins)? Most breaks of a cell are at its edges or between digits: then the pattern need not run at all.
 * (isSpace skips a few zero-width characters \s does not: that can only send more cells to the pattern.)
 */
function breakJoinsHan(out: string, at: number): boolean {
  let before = at - 1;
  while (before >= 0 && isSpace(out.charCodeAt(before))) before--;
  if (before < 0 || !isHan(out.charCodeAt(before))) return false;
  let after = at + 1;
  while (after < out.length && isSpace(out.charCodeAt(after))) after++;
  return after < out.length && isHan(out.charCodeAt(after));
}

/**
 * Word's `<td><p>0</p></td>`, or `<td><p><span>0</span></p></td>`: a chain of elements, each the only child of
 * the one above, down to one text node. Read at once, as the walk would: the elements asked top-down, each
 * block on the chain a newline on either side. Null for any other shape (nothing asked then).
 */
function chainText(cell: Element, first: Element, isHidden: IsHidden): string | null {
  // The shape first, asking nothing.
  let parent: Node = cell;
  let node: Node | null = cell.firstChild;
  for (;;) {
    if (!node || node !== parent.lastChild) return null;
    const type = node.nodeType;
    if (type === 3) break;
    if (type !== 1) return null;
    parent = node;
    node = node.firstChild;
  }
  const text = node.nodeValue ?? '';
  let blocks = 0;
  for (let el: Element = first; ; el = el.firstElementChild!) {
    const tag = tagOf(el);
    // A <br> writes its line break and is not entered; what is hidden or not rendered leaves only the
    // newlines of the blocks above it.
    if (tag === 'br') return '\n'.repeat(2 * blocks + 1);
    if (UNRENDERED_TAGS.has(tag) || isHidden(el, tag)) return '\n'.repeat(2 * blocks);
    if (BLOCK_TAGS.has(tag)) blocks++;
    if (el === parent) break;
  }
  // One text node has no line break inside (its newlines are source formatting, shown as a space), and the
  // newlines the blocks add have nothing on their outer side: nothing to join.
  if (blocks === 0) return text;
  if (blocks === 1) return `\n${text}\n`;
  const lines = '\n'.repeat(blocks);
  return lines + text + lines;
}

export function cellText(cell: Element, isHidden: IsHidden): string {
  // Most value cells hold bare text: nothing to walk.
  const only = cell.firstElementChild;
  if (!only) return cell.textContent ?? '';
  const chain = chainText(cell, only, isHidden);
  if (chain !== null) return chain;
  let out = '';
  /** Where in `out` a real line break (a <br>, a block's edge) was written: only those may join Chinese. */
  const breaks: number[] = [];
  const lineBreak = () => {
    breaks.push(out.length);
    out += '\n';
  };
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) out += child.nodeValue ?? '';
      else if (child.nodeType === 1) {
        const el = child as Element;
        const tag = tagOf(el);
        if (tag === 'br') lineBreak();
        else if (BLOCK_TAGS.has(tag)) {
          if (isHidden(el, tag)) continue;
          lineBreak();
          walk(el);
          lineBreak();
        }
        // An empty inline element (Word's <o:p></o:p>) adds nothing, shown or not: it is not asked.
        else if (el.firstChild && !UNRENDERED_TAGS.has(tag) && !isHidden(el, tag)) walk(el);
      }
    }
  };
  walk(cell);
  if (!breaks.some((at) => breakJoinsHan(out, at))) return out;
  // A gap between two Chinese characters that holds a real line break joins them; a gap of source
  // formatting only (`<span>万</span>\n<span>元</span>`) stays: a browser shows it as a space.
  let next = 0;
  return out.replace(HAN_GAP, (gap, at: number) => {
    while (next < breaks.length && breaks[next] < at) next++;
    return next < breaks.length && breaks[next] < at + gap.length ? '' : gap;
  });
}
