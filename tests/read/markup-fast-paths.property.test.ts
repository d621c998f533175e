/**
 * The shortcuts of the cell reader must answer exactly as the code they spare: hiddenByMarkup runs its style
 * pattern only on styles that name display or visibility (lib/read/hidden-elements.ts); cellText reads a chain
 * of single children at once and runs its Chinese-joining pattern only where it would change something
 * (lib/read/cell-text.ts). The former versions are the reference, compared on every element and cell of the
 * fixtures and corpus and on random styles and cells.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { hiddenByMarkup, type IsHidden } from '@/lib/read/hidden-elements.ts';
import { BLOCK_TAGS, cellText, isHan, UNRENDERED_TAGS } from '@/lib/read/cell-text.ts';
import { decodePage, parseHtml } from '../../scripts/read-page.ts';
import { FIXTURES, SHARED } from '../support/audit-html.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);

// ---------------------------------------------------------------- the reference (the pattern versions)

const HIDING_STYLE = /(^|;)\s*(display\s*:\s*none|visibility\s*:\s*(hidden|collapse))\b/i;
function refHiddenByMarkup(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  const style = el.getAttribute('style');
  if (style !== null && HIDING_STYLE.test(style)) return true;
  return el.localName === 'template';
}

const HAN = '[\\u3001-\\u3011\\u3400-\\u9fff\\uf900-\\ufaff\\uff08\\uff09\\uff1a\\uff1b()]';
const HAN_GAP = new RegExp(`(?<=${HAN})\\s+(?=${HAN})`, 'g');
/** cellText's walk as it was: every element asked, the joining pattern run whenever a break was written. */
function refCellText(cell: Element, isHidden: IsHidden): string {
  let out = '';
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
        const tag = el.localName;
        if (tag === 'br') lineBreak();
        else if (UNRENDERED_TAGS.has(tag) || isHidden(el)) continue;
        else if (BLOCK_TAGS.has(tag)) {
          lineBreak();
          walk(el);
          lineBreak();
        } else walk(el);
      }
    }
  };
  walk(cell);
  if (!breaks.length) return out;
  let next = 0;
  return out.replace(HAN_GAP, (gap, at: number) => {
    while (next < breaks.length && breaks[next] < at) next++;
    return next < breaks.length && breaks[next] < at + gap.length ? '' : gap;
  });
}

// ---------------------------------------------------------------- the pages and random input

const docs = [FIXTURES, join(FIXTURES, '..', 'e2e', 'pages'), join(SHARED, 'corpus'), join(SHARED, 'seeds')]
  .filter((d) => existsSync(d))
  .flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.html')).map((f) => parseHtml(decodePage(readFileSync(join(d, f))))));

const stylePiece = fc.constantFrom(
  'display', 'DISPLAY', 'Display', 'visibility', 'VISIBILITY', 'none', 'hidden', 'collapse', 'block', ':', ';', ' ', '\t', '\n',
  '\u00a0', '\u3000', '\u200b', 'font-family', '宋体', 'y', 'd', 'v', '-', 'mso-', '"', '/*', '*/', 'x',
);
const styleArb = fc.array(stylePiece, { maxLength: 16 }).map((a) => a.join(''));

const cellPiece = fc.constantFrom(
  '本', '年', '度', '（', '）', '：', '(', '、', '1', '23', 'a', ' ', '\n', '\u3000', '\u00a0', '\t',
  '<br>', '<p>', '</p>', '<span>', '</span>', '<div>', '</div>', '<o:p></o:p>', '<span hidden>', '<p style="display:none">',
  '<b>', '</b>', '<img>', '<script>9</script>', '<li>', '<span style="font-family:宋体">',
);
const cellArb = fc.array(cellPiece, { maxLength: 14 }).map((a) => a.join(''));

describe('markup fast paths equal the patterns', () => {
  it('isHan is exactly the HAN class, over every UTF-16 code unit', () => {
    const one = new RegExp(`^${HAN}$`);
    for (let c = 0; c <= 0xffff; c++) expect(isHan(c), c.toString(16)).toBe(one.test(String.fromCharCode(c)));
  });

  it('hiddenByMarkup answers as the reference on random styles', () => {
    const el = docs[0].createElement('p');
    fc.assert(
      fc.property(styleArb, (style) => {
        el.setAttribute('style', style);
        expect(hiddenByMarkup(el)).toBe(refHiddenByMarkup(el));
      }),
      { numRuns: RUNS * 5 },
    );
  });

  it('hiddenByMarkup and cellText answer as the reference on every element and cell of the pages', () => {
    let elements = 0;
    for (const doc of docs) {
      for (const el of Array.from(doc.querySelectorAll('*'))) {
        elements++;
        expect(hiddenByMarkup(el)).toBe(refHiddenByMarkup(el));
      }
      for (const cell of Array.from(doc.querySelectorAll('td, th'))) expect(cellText(cell, hiddenByMarkup)).toBe(refCellText(cell, refHiddenByMarkup));
    }
    expect(elements).toBeGreaterThan(10_000);
  });

  it('cellText answers as the reference on random cells', () => {
    fc.assert(
      fc.property(cellArb, (inner) => {
        const cell = parseHtml(`<html><body><table><tr><td>${inner}</td></tr></table></body></html>`).querySelector('td')!;
        const asked: Element[] = [];
        const refAsked: Element[] = [];
        const text = cellText(cell, (el, tag) => (asked.push(el), hiddenByMarkup(el, tag)));
        expect(text).toBe(refCellText(cell, (el) => (refAsked.push(el), refHiddenByMarkup(el))));
        // Asked in the same order, but for the empty inline elements (they add nothing either way).
        expect(asked).toEqual(refAsked.filter((el) => el.firstChild || BLOCK_TAGS.has(el.localName)));
      }),
      { numRuns: RUNS },
    );
  });
});
