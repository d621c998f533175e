/**
 * A table cell's text as a reader sees it. textContent would glue `3<br>5` or `<p>3</p><p>5</p>` into
 * "35" and keep digits the page hides; here a line break and every block boundary inside the cell leave
 * a newline, and what is not rendered (scripts, styles, hidden elements) leaves nothing.
 */
import type { IsHidden } from './hidden-elements.ts';

/** Elements that start a new line of text (and so part two numbers). */
export const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'dd', 'div', 'dl', 'dt', 'figure', 'footer', 'form', 'h1', 'h2', 'h3',
  'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'tbody', 'td', 'th',
  'thead', 'tfoot', 'caption', 'tr', 'ul', 'center',
]);
/** Elements whose content is never shown as text. */
export const UNRENDERED_TAGS = new Set(['script', 'style', 'noscript', 'template', 'head', 'iframe', 'svg', 'object']);

const tagOf = (el: Element) => el.localName ?? el.tagName.toLowerCase();

/** Chinese text wrapped onto several lines (`本<br>年<br>度`, one character a line) reads as one word. */
const HAN = '[\\u3001-\\u3011\\u3400-\\u9fff\\uf900-\\ufaff\\uff08\\uff09\\uff1a\\uff1b()]';
const HAN_LINE_BREAK = new RegExp(`(?<=${HAN})[^\\S\\n]*\\n\\s*(?=${HAN})`, 'g');

export function cellText(cell: Element, isHidden: IsHidden): string {
  // Most value cells hold bare text: nothing to walk.
  const only = cell.firstElementChild;
  if (!only) return cell.textContent ?? '';
  // Word's <td><p>0</p></td>: one element, nothing beside it, one text node inside it: read at once, as the walk would.
  const inner = cell.firstChild === only && cell.lastChild === only ? only.firstChild : null;
  if (inner && inner === only.lastChild && inner.nodeType === 3) {
    const tag = tagOf(only);
    if (UNRENDERED_TAGS.has(tag) || isHidden(only)) return '';
    const text = inner.nodeValue ?? '';
    // The newlines a block adds have nothing on their outer side: only a line break inside can join.
    const joined = text.includes('\n') ? text.replace(HAN_LINE_BREAK, '') : text;
    return BLOCK_TAGS.has(tag) ? `\n${joined}\n` : joined;
  }
  let out = '';
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) out += child.nodeValue ?? '';
      else if (child.nodeType === 1) {
        const el = child as Element;
        const tag = tagOf(el);
        if (tag === 'br') out += '\n';
        else if (UNRENDERED_TAGS.has(tag) || isHidden(el)) continue;
        else if (BLOCK_TAGS.has(tag)) {
          out += '\n';
          walk(el);
          out += '\n';
        } else walk(el);
      }
    }
  };
  walk(cell);
  return out.includes('\n') ? out.replace(HAN_LINE_BREAK, '') : out;
}
