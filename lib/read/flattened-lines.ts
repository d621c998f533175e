/**
 * Tables published as one cell per paragraph or line (seed 003: no <table> at all). The page's text is
 * cut into lines at block elements, <br> and a <pre>'s newlines, then each run of label lines followed by a run of number
 * lines becomes one row: the shortest trailing label lines that name a known row are the row's label,
 * the lines before them a text-only row (a header, or a group label such as （三）不予公开).
 * A row or a header printed on one line (its label, then its values; column labels) apart by spaces is read as if
 * each word were a line of its own.
 */
import { isArchiveChrome } from '../archive-url.ts';
import { BLOCK_TAGS as BLOCK, UNRENDERED_TAGS as SKIP } from './cell-text.ts';
import type { KeyDef } from '../tables/dictionary.ts';
import { labelKey } from './normalize-text.ts';
import { readNumber } from './read-number.ts';
import type { RowCell, TableRow } from './table-rows.ts';
import { matchesLabel } from '../tables/label-pattern.ts';

export interface Line {
  text: string;
  el: Element;
}

/** \s, by code unit: TAB, LF, VT, FF, CR, space, U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000, U+FEFF. */
function isJsSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0x1680) return c === 0xa0;
  return c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * `text.replace(/[\s\u00a0\u3000]+/g, ' ').trim()` in one pass by code unit, slicing whole runs: every block's
 * text goes through it, and most of it has nothing to collapse (then it is returned as it is).
 */
export function collapseSpaces(text: string): string {
  let out = '';
  let from = -1; // start of the current run of non-spaces
  let pending = false;
  for (let i = 0; i < text.length; i++) {
    if (isJsSpace(text.charCodeAt(i))) {
      if (from >= 0) {
        out += text.slice(from, i);
        from = -1;
      }
      pending = out.length > 0;
    } else if (from < 0) {
      if (pending) out += ' ';
      pending = false;
      from = i;
    }
  }
  if (from >= 0) out += from ? text.slice(from) : text;
  return out;
}

/**
 * Only an id (#wm-ipp …) or a custom element's name (wayback-toolbar) can make an element archive chrome: the
 * selector is matched only for those (most elements have neither).
 */
const mayBeArchiveChrome = (el: Element, tag: string) => (tag.includes('-') || el.hasAttribute('id')) && isArchiveChrome(el);

/** The text of a subtree as lines, each with the block element it came from; up to `stopAt` if given. */
export function textLines(root: Element, stopAt?: Element): Line[] {
  return readLines(root, stopAt, null);
}

/** The lines of a whole subtree, and for each block element the walk entered, how many lines came before it. */
export interface SubtreeLines {
  lines: Line[];
  blockStarts: Map<Element, number>;
}

export function wholeTextLines(root: Element): SubtreeLines {
  const blockStarts = new Map<Element, number>();
  return { lines: readLines(root, undefined, blockStarts), blockStarts };
}

/**
 * textLines(root, stopAt) without a second walk when the whole subtree was read: the walk ends a line before it
 * enters a block, as the walk stopped there ends its last, so the lines before a block it entered are the same.
 * Any other `stopAt` (root itself, an inline or skipped element) is walked to.
 */
export function linesUpTo(whole: SubtreeLines, root: Element, stopAt?: Element): Line[] {
  if (!stopAt) return whole.lines;
  const start = whole.blockStarts.get(stopAt);
  return start === undefined ? textLines(root, stopAt) : whole.lines.slice(0, start);
}

function readLines(root: Element, stopAt: Element | undefined, blockStarts: Map<Element, number> | null): Line[] {
  const lines: Line[] = [];
  let text = '';
  let owner: Element | null = null;
  const flush = () => {
    const t = text && collapseSpaces(text);
    if (t && owner) lines.push({ text: t, el: owner });
    text = '';
    owner = null;
  };
  let stopped = false;
  /** `pre`: inside a <pre>, where a newline in the text is a line break (a report's tables pasted as text). */
  const walk = (node: Node, block: Element, pre = false) => {
    for (let child = node.firstChild; child && !stopped; child = child.nextSibling) {
      if (child === stopAt) {
        stopped = true;
        return;
      }
      if (child.nodeType === 3) {
        if (!owner) owner = block;
        const value = child.nodeValue ?? '';
        if (!pre || !value.includes('\n')) text += value;
        else
          value.split('\n').forEach((part, i) => {
            if (i) {
              flush();
              owner = block;
            }
            text += part;
          });
      } else if (child.nodeType === 1) {
        const el = child as Element;
        const tag = el.localName ?? el.tagName.toLowerCase();
        // An archived copy's toolbar is not the page's text.
        if (SKIP.has(tag) || mayBeArchiveChrome(el, tag)) continue;
        if (tag === 'br') {
          flush();
          continue;
        }
        if (BLOCK.has(tag)) {
          flush();
          blockStarts?.set(el, lines.length);
          walk(el, el, pre || tag === 'pre');
          flush();
        } else walk(el, block, pre);
      }
    }
  };
  walk(root, root);
  flush();
  return lines;
}

/** A line, or a part of one (a label or a value of a row printed on one line); `at` is the line's index. */
interface Piece {
  text: string;
  el: Element;
  at: number;
}

function lineCell(piece: Piece, row: number, text = piece.text): RowCell {
  return {
    text,
    key: labelKey(text),
    number: readNumber(text),
    el: piece.el,
    source: { kind: 'line', line: piece.at },
    c0: null,
    c1: null,
    firstRow: row,
  };
}

const MAX_LABEL_LINES = 4;

/** Marks of a sentence's clause. A row's label has none, but for Table 3's long ones (（二）部分公开（区分处理的，…）), with seven values. */
const SENTENCE_MARK = /[，。；：,;:！？]/;

/** A label's last character (a Chinese one, a closing bracket or quote), then digits: perhaps the row's first value. */
const GLUED_VALUE = /^(.*[\u3400-\u9fff）)”"])(\d+)$/;

/** A value as a row printed on one line writes it: a number (perhaps with its unit) or a dash. */
const isValue = (word: string) => {
  const status = readNumber(word).status;
  return status === 'ok' || status === 'dash';
};

/**
 * A row printed on one line, its label and then its values apart by spaces (`（一）予以公开 1288 21 0 0 50 3 1362`,
 * as text pasted from a PDF reads), as the label and one value each; null for any other line. Only when the values
 * end the line and the label names a row, alone or after the lines above it (a label broken over lines), or the
 * line is values only, more than one, not all dashes. A sentence that ends in a number stays one line: its words
 * name no row, or one value follows a clause. Spaces part the values here, so `5 123` is two values (in a cell of
 * its own it would read as 5123).
 */
function rowOnOneLine(lines: Line[], at: number, names: (key: string) => boolean): { label: string; values: string[] } | null {
  const words = lines[at].text.split(' ');
  let first = words.length;
  while (first > 0 && isValue(words[first - 1])) first--;
  // The first value glued to the label (`…申请数量3001 53 0`), as a PDF's text often has it: only after words that
  // name a row by themselves (`约10` stays one word, never the value 10).
  const glued = first > 0 && first < words.length ? GLUED_VALUE.exec(words[first - 1]) : null;
  if (glued && names(labelKey(glued[1]))) words.splice(first - 1, 1, glued[1], glued[2]);
  const values = words.slice(first);
  if (!values.length) return null;
  const label = words.slice(0, first).join(' ');
  if (!label) return values.length > 1 && values.some((w) => readNumber(w).status === 'ok') ? { label, values } : null;
  // One value (Table 2's single-column blocks) after a clause of a sentence is the sentence's number, not a row's.
  if (values.length === 1 && SENTENCE_MARK.test(label)) return null;
  for (let k = at; k > at - MAX_LABEL_LINES && k >= 0; k--) {
    const above = lines.slice(k, at).map((l) => l.text).join('');
    if (names(labelKey(above + label))) return { label, values };
  }
  return null;
}

/**
 * A header printed on one line, its column labels apart by spaces (`信息内容 本年制发件数 本年废止件数 现行有效件数`),
 * as its words; null for any other line. Only when two words or more name a column and none is a value.
 */
function headerOnOneLine(text: string, namesColumn: (key: string) => boolean): string[] | null {
  const words = text.split(' ');
  if (words.length < 2 || words.some(isValue)) return null;
  return words.filter((w) => namesColumn(labelKey(w))).length >= 2 ? words : null;
}

/**
 * The lines, each row or header printed on one line cut into its label and its values, or its column labels; the
 * lines `skip` says are left out (their indices kept for the others).
 */
function pieces(lines: Line[], names: (key: string) => boolean, namesColumn: (key: string) => boolean, skip?: (line: Line) => boolean): Piece[] {
  const out: Piece[] = [];
  lines.forEach((line, at) => {
    if (skip?.(line)) return;
    const { text, el } = line;
    // Most lines hold no space at all: neither a row nor a header on one line.
    if (!text.includes(' ')) return void out.push({ text, el, at });
    const row = rowOnOneLine(lines, at, names);
    const words = row ? [...(row.label ? [row.label] : []), ...row.values] : (headerOnOneLine(text, namesColumn) ?? [text]);
    for (const word of words) out.push({ text: word, el, at });
  });
  return out;
}

/**
 * Rows rebuilt from lines; `rows` and `columns` are every row and column definition a label may name; the lines
 * `skip` says (a table's own cells, when its other tables were read as tables) are not read.
 */
export function rowsOfLines(lines: Line[], defs: { rows: KeyDef[]; columns: KeyDef[] }, skip?: (line: Line) => boolean): TableRow[] {
  const out: TableRow[] = [];
  const names = (key: string) => defs.rows.some((d) => matchesLabel(d.pattern, key));
  const namesColumn = (key: string) => defs.columns.some((d) => matchesLabel(d.pattern, key));
  const parts = pieces(lines, names, namesColumn, skip);
  let i = 0;
  while (i < parts.length) {
    const textStart = i;
    while (i < parts.length && readNumber(parts[i].text).status === 'unreadable') i++;
    const numStart = i;
    while (i < parts.length && readNumber(parts[i].text).status !== 'unreadable') i++;
    if (numStart === i) {
      // Text at the end, with no numbers after it.
      continue;
    }
    let split = numStart;
    for (let k = numStart - 1; k >= Math.max(textStart, numStart - MAX_LABEL_LINES); k--) {
      const joined = parts.slice(k, numStart).map((l) => l.text).join('');
      if (names(labelKey(joined))) {
        split = k;
        break;
      }
    }
    if (split > textStart) {
      const y = out.length;
      out.push({ table: -1, y, hasHoles: false, width: 0, cells: parts.slice(textStart, split).map((p) => lineCell(p, y)) });
    }
    const y = out.length;
    const cells: RowCell[] = [];
    if (split < numStart) {
      const joined = parts.slice(split, numStart).map((l) => l.text).join('');
      cells.push(lineCell(parts[split], y, joined));
    }
    for (let n = numStart; n < i; n++) cells.push(lineCell(parts[n], y));
    out.push({ table: -1, y, hasHoles: false, width: 0, cells });
  }
  return out;
}
