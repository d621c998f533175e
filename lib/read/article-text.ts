/**
 * The report's article text outside its tables: one line per heading or paragraph, as a reader sees it
 * (digits split across <span>s joined, whitespace collapsed), which the `prose.*` and `form.*` rules read.
 * Every character keeps the text node and offset it came from, so a quoted span can be highlighted in
 * place (a DOM Range) without touching the page.
 */
import { BLOCK_TAGS, UNRENDERED_TAGS } from './cell-text.ts';
import type { IsHidden } from './hidden-elements.ts';
import { hiddenByMarkup } from './hidden-elements.ts';

export interface ArticleText {
  text: string;
  /** The report's container the text was read from. */
  container: Element;
  /**
   * Where the text came from, as runs: `runs[3k]` a run's start in `text`, `runs[3k + 1]` its text node (index
   * into `nodes`), `runs[3k + 2]` the offset there; a run's characters are consecutive in its node up to the next
   * run's start. A space standing for collapsed whitespace is a run of its own (at the next character's offset);
   * the line breaks we added are in no run. Runs, not a map per character: only a highlight asks.
   */
  runs: number[];
  nodes: Text[];
}

const tagOf = (el: Element) => el.localName ?? el.tagName.toLowerCase();
/** Site chrome: never part of the article even when a container is too wide. */
const CHROME = new Set(['nav', 'header', 'footer', 'aside', 'form', 'button', 'select', 'input', 'textarea']);
/**
 * /[\s\u00a0\u3000\u200b-\u200d\u2060\ufeff]/ by code unit, without a regular expression per character:
 * \s is TAB, LF, VT, FF, CR, space, U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000, U+FEFF.
 */
function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0x1680) return c === 0xa0;
  return c === 0x1680 || (c >= 0x2000 && c <= 0x200d) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x2060 || c === 0x3000 || c === 0xfeff;
}
/** Sections are numbered 一 … 六; a container holding at least two such headings holds the report's prose. */
const SECTION_HEAD = /(?:^|\n)\s*[一二三四五六七]\s*[、.．]/g;

function commonAncestor(els: Element[]): Element | null {
  if (!els.length) return null;
  let at: Element | null = els[0];
  while (at && !els.every((e) => at!.contains(e))) at = at.parentElement;
  return at;
}

/**
 * The element holding the report tables and the headings and paragraphs around them: the tables' common
 * ancestor, widened while it holds fewer than two numbered section headings (a report whose tables sit in a
 * wrapper of their own), never beyond <body>.
 */
export function reportContainer(anchors: Element[]): Element | null {
  let at = commonAncestor(anchors);
  if (!at) return null;
  // Never inside a report table: start from the element around it.
  const table = at.closest('table');
  if (table && anchors.some((a) => table.contains(a) || a === table)) at = table.parentElement ?? at;
  const body = at.ownerDocument.body;
  const headings = (el: Element) => proseOf(el).match(SECTION_HEAD)?.length ?? 0;
  while (at.parentElement && at !== body && headings(at) < 2) at = at.parentElement;
  return at;
}

/** The text of an element without its tables, with a newline at block boundaries (for the container test). */
function proseOf(root: Element): string {
  let out = '';
  const walk = (node: Node) => {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) out += c.nodeValue ?? '';
      else if (c.nodeType === 1) {
        const tag = tagOf(c as Element);
        if (tag === 'table' || UNRENDERED_TAGS.has(tag) || CHROME.has(tag)) continue;
        if (tag === 'br' || BLOCK_TAGS.has(tag)) out += '\n';
        walk(c);
        if (BLOCK_TAGS.has(tag)) out += '\n';
      }
    }
  };
  walk(root);
  return out;
}

const FILLED = /[^\s\u00a0\u3000]/;
const NUMBERED_HEADING = /^[一二三四五六七八九十]{1,2}\s*[、.．]/;

/** What NUMBERED_HEADING needs first, tested on the text as it is (without removing its spaces). */
const NUMBERED_START = /^[\s\u00a0\u3000]*[一二三四五六七八九十]/;
/** A cell's text, spaces aside, reads as a short numbered heading with no digit (一、…). */
function isNumberedHeading(t: string): boolean {
  if (!NUMBERED_START.test(t)) return false;
  const text = t.replace(/[\s\u00a0\u3000]+/g, '');
  return NUMBERED_HEADING.test(text) && text.length <= 40 && !/\d/.test(text);
}

/**
 * A table's rows that are a section heading (四、政府信息公开行政复议、行政诉讼情况 printed as the table's own
 * first row): the row's one non-empty cell, numbered, short. Rows with numbers (一、本年新收… 5) are data.
 */
function headingRows(table: Element): Element[] {
  const out: Element[] = [];
  // Indexed, not Array.from: copying a live collection costs more than reading it.
  const rows = table.getElementsByTagName('tr');
  for (let r = 0; r < rows.length; r++) {
    const tr = rows[r];
    // The table's own rows (in it or in its row group); a nested table's rows are not.
    const group = tr.parentElement;
    if (group !== table && !(group?.parentElement === table && tagOf(group) !== 'table') && tr.closest('table') !== table) continue;
    // The row's one non-empty cell, its text read once. Its first filled cell decides first: a data row's
    // label is no numbered heading, so its other cells are never read; a heading must still be alone.
    let filled: Element | null = null;
    let many = false;
    for (let c = tr.firstElementChild; c; c = c.nextElementSibling) {
      const t = c.textContent ?? '';
      if (!FILLED.test(t)) continue;
      if (filled) {
        many = true;
        break;
      }
      if (!isNumberedHeading(t)) break;
      filled = c;
    }
    if (filled && !many) out.push(filled);
  }
  return out;
}

/** The article text of `container`, skipping tables, chrome, scripts and what `isHidden` says the reader cannot see. */
export function articleText(container: Element, isHidden: IsHidden = hiddenByMarkup, skip: ReadonlySet<Element> = new Set()): ArticleText {
  // The text grows by whole runs of a node's characters (slices, not one character at a time).
  let text = '';
  const runs: number[] = [];
  const nodes: Text[] = [];
  let lineStart = 0;
  let pendingSpace = false;
  const newline = () => {
    // A line never ends in a space (one is only added before a character); drop an empty line.
    if (text.length > lineStart) {
      text += '\n';
      lineStart = text.length;
    }
    pendingSpace = false;
  };
  const addText = (value: string, n: number) => {
    let from = -1; // start of the current run in `value`
    for (let i = 0; i < value.length; i++) {
      if (isSpace(value.charCodeAt(i))) {
        if (from >= 0) {
          text += value.slice(from, i);
          from = -1;
        }
        if (text.length > lineStart) pendingSpace = true;
        continue;
      }
      if (from >= 0) continue;
      if (pendingSpace) {
        runs.push(text.length, n, i);
        text += ' ';
        pendingSpace = false;
      }
      runs.push(text.length, n, i);
      from = i;
    }
    if (from >= 0) text += from ? value.slice(from) : value;
  };
  const walk = (node: Node) => {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) addText(c.nodeValue ?? '', nodes.push(c as Text) - 1);
      else if (c.nodeType === 1) {
        const el = c as Element;
        const tag = tagOf(el);
        if (tag === 'table' && !isHidden(el)) {
          for (const cell of headingRows(el)) {
            newline();
            walk(cell);
            newline();
          }
          continue;
        }
        if (UNRENDERED_TAGS.has(tag) || CHROME.has(tag) || skip.has(el) || isHidden(el)) continue;
        if (tag === 'br') {
          newline();
          continue;
        }
        const block = BLOCK_TAGS.has(tag);
        if (block) newline();
        walk(el);
        if (block) newline();
      }
    }
  };
  walk(container);
  newline();
  if (text.endsWith('\n')) text = text.slice(0, -1);
  return { text, container, runs, nodes };
}

/** The text node and offset article character `i` came from; null for a line break we added. */
export function sourceAt(article: ArticleText, i: number): { node: Text; offset: number } | null {
  const { runs } = article;
  if (i < 0 || i >= article.text.length || article.text.charCodeAt(i) === 10) return null;
  // The last run starting at or before i.
  let lo = 0;
  let hi = runs.length / 3 - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (runs[3 * mid] <= i) lo = mid;
    else hi = mid - 1;
  }
  return { node: article.nodes[runs[3 * lo + 1]], offset: runs[3 * lo + 2] + i - runs[3 * lo] };
}

/** A DOM Range over article characters [start, end), or null when the span does not map to page text. */
export function rangeOf(article: ArticleText, start: number, end: number): Range | null {
  let s = start;
  let e = end - 1;
  // Only the line breaks we added are in no run: every line break of the page's own text was collapsed.
  while (s <= e && article.text.charCodeAt(s) === 10) s++;
  while (e >= s && article.text.charCodeAt(e) === 10) e--;
  const from = s <= e ? sourceAt(article, s) : null;
  const to = s <= e ? sourceAt(article, e) : null;
  if (!from || !to) return null;
  const range = article.container.ownerDocument.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset + 1);
  return range;
}
