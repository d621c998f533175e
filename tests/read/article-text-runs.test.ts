/**
 * articleText keeps where each character came from as runs instead of two arrays per character: against the
 * per-character reading it replaced (copied here as the reference), on every fixture and on random markup,
 * the text and each character's source (text node and offset, none for an added line break) are the same.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { articleText, sourceAt } from '@/lib/read/article-text.ts';
import { BLOCK_TAGS, UNRENDERED_TAGS } from '@/lib/read/cell-text.ts';
import { hiddenByMarkup, type IsHidden } from '@/lib/read/hidden-elements.ts';
import { browserDocument, FIXTURES } from '../support/audit-html.ts';

interface OldArticle {
  container: Element;
  text: string;
  nodeIndex: Int32Array;
  nodeOffset: Int32Array;
  nodes: Text[];
}
const tagOf = (el: Element) => el.localName ?? el.tagName.toLowerCase();
const CHROME = new Set(['nav', 'header', 'footer', 'aside', 'form', 'button', 'select', 'input', 'textarea']);
function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0x1680) return c === 0xa0;
  return c === 0x1680 || (c >= 0x2000 && c <= 0x200d) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x2060 || c === 0x3000 || c === 0xfeff;
}
/** The inputs hold no table (the fixtures' are removed): the reference never reads a heading row. */
const headingRows = (_table: Element): Element[] => [];

/** The article text of `container`, skipping tables, chrome, scripts and what `isHidden` says the reader cannot see. */
function oldArticleText(container: Element, isHidden: IsHidden = hiddenByMarkup, skip: ReadonlySet<Element> = new Set()): OldArticle {
  // Code units and their sources in growable typed arrays (no array of one-character strings).
  let codes = new Uint16Array(4096);
  let idx = new Int32Array(4096);
  let off = new Int32Array(4096);
  let len = 0;
  const push = (code: number, node: number, offset: number) => {
    if (len === codes.length) {
      const grow = <T extends Uint16Array | Int32Array>(a: T): T => {
        const b = new (a.constructor as new (n: number) => T)(a.length * 2);
        b.set(a);
        return b;
      };
      codes = grow(codes);
      idx = grow(idx);
      off = grow(off);
    }
    codes[len] = code;
    idx[len] = node;
    off[len] = offset;
    len++;
  };
  const nodes: Text[] = [];
  let lineStart = 0;
  let pendingSpace = false;
  const newline = () => {
    // Trim the line's end; drop an empty line.
    while (len > lineStart && codes[len - 1] === 32) len--;
    if (len > lineStart) {
      push(10, -1, -1);
      lineStart = len;
    }
    pendingSpace = false;
  };
  const walk = (node: Node) => {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) {
        const value = c.nodeValue ?? '';
        const n = nodes.push(c as Text) - 1;
        for (let i = 0; i < value.length; i++) {
          const code = value.charCodeAt(i);
          if (isSpace(code)) {
            if (len > lineStart) pendingSpace = true;
            continue;
          }
          if (pendingSpace) {
            push(32, n, i);
            pendingSpace = false;
          }
          push(code, n, i);
        }
      } else if (c.nodeType === 1) {
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
  if (len && codes[len - 1] === 10) len--;
  let text = '';
  for (let at = 0; at < len; at += 8192) text += String.fromCharCode(...codes.subarray(at, Math.min(len, at + 8192)));
  return { text, container, nodeIndex: idx.slice(0, len), nodeOffset: off.slice(0, len), nodes };
}


function sameAsOld(root: Element) {
  const old = oldArticleText(root);
  const now = articleText(root);
  expect(now.text).toBe(old.text);
  for (let i = 0; i < old.text.length; i++) {
    const src = sourceAt(now, i);
    const want = old.nodeIndex[i] < 0 ? null : { node: old.nodes[old.nodeIndex[i]], offset: old.nodeOffset[i] };
    if (!src || !want) expect(src).toBe(want);
    else {
      expect(src.node).toBe(want.node);
      expect(src.offset).toBe(want.offset);
    }
  }
}

describe('articleText runs map each character as the per-character arrays did', () => {
  it('on every fixture page', () => {
    for (const f of readdirSync(FIXTURES).filter((f) => f.endsWith('.html'))) {
      const doc = browserDocument(readFileSync(join(FIXTURES, f), 'utf8'));
      // Tables left out of both (heading rows aside: the reference has no reader of its own for them).
      for (const t of Array.from(doc.querySelectorAll('table'))) t.remove();
      sameAsOld(doc.body);
    }
  });

  const piece = fc.oneof(
    fc.constantFrom(' ', '  ', '\n', '\t', '\u00a0', '\u3000', '\u200b', '\ufeff', '\u2028'),
    fc.constantFrom('共', '收到', '申请', '6', '9', '件', '，', '。', 'a', 'x y'),
  );
  const text = fc.array(piece, { maxLength: 6 }).map((p) => p.join(''));
  const markup: fc.Memo<string> = fc.memo((depth) =>
    depth <= 0
      ? text
      : fc.oneof(
          text,
          fc.tuple(fc.constantFrom('p', 'div', 'span', 'b', 'br', 'script', 'nav', 'li', 'h2'), fc.array(markup(depth - 1), { maxLength: 4 }), fc.boolean()).map(
            ([tag, kids, hidden]) => (tag === 'br' ? '<br>' : `<${tag}${hidden ? ' hidden' : ''}>${kids.join('')}</${tag}>`),
          ),
        ),
  );
  it('on random markup (spaces of every kind, blocks, line breaks, hidden and skipped elements)', () => {
    fc.assert(
      fc.property(fc.array(markup(4), { maxLength: 6 }), (parts) => {
        const doc = browserDocument(`<body><div id="a">${parts.join('')}</div></body>`);
        sameAsOld(doc.getElementById('a')!);
      }),
      { numRuns: 300 },
    );
  });
});
