/**
 * The scanning fast paths of cleanSpaces, labelKey and readNumber (lib/read/normalize-text.ts,
 * lib/read/read-number.ts) must answer exactly as the patterns they stand in for. The pattern versions are
 * kept here as the reference and compared on every cell text of the fixtures and corpus and on random strings
 * made of the characters the fast paths look at.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { cleanSpaces, isSpace, labelKey, toHalfWidth } from '@/lib/read/normalize-text.ts';
import { readNumber } from '@/lib/read/read-number.ts';
import { cellText } from '@/lib/read/cell-text.ts';
import { hiddenByMarkup } from '@/lib/read/hidden-elements.ts';
import { decodePage, parseHtml } from '../../scripts/read-page.ts';
import { FIXTURES, SHARED } from '../support/audit-html.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 2000);

// ---------------------------------------------------------------- the reference (the pattern versions)

const refCleanSpaces = (text: string) => text.replace(/[\s\u00a0\u200b-\u200d\u2060\ufeff]+/g, ' ').trim();
const UNIFIED_AS: Record<string, string> = { '“': '"', '”': '"', '"': '"', '「': '"', '」': '"', '『': '"', '』': '"', '‘': "'", '’': "'", "'": "'", '〔': '[', '〕': ']' };
const refLabelKey = (text: string) =>
  toHalfWidth(text)
    .replace(/[\s\u00a0\u200b-\u200d\u2060\ufeff]+/g, '')
    .replace(/[“”"「」『』‘’'〔〕]/g, (ch) => UNIFIED_AS[ch]);
/** readNumber's old head: the plain-digit and blank answers it gave before the general path. */
function refReadNumberHead(text: string): object | null {
  const trimmed = text.trim();
  if (/^(?:0|[1-9]\d{0,14})$/.test(trimmed)) return { value: Number(trimmed), status: 'ok', raw: trimmed };
  if (trimmed === '') return { value: null, status: 'blank', raw: '' };
  const raw = refCleanSpaces(text);
  if (raw === '') return { value: null, status: 'blank', raw };
  return null;
}

// ---------------------------------------------------------------- the strings

const pages = [FIXTURES, join(FIXTURES, '..', 'e2e', 'pages'), join(SHARED, 'corpus'), join(SHARED, 'seeds')]
  .filter((d) => existsSync(d))
  .flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.html')).map((f) => join(d, f)));
/** Every cell's text as read (cellText) and as textContent, from every page. */
const cellTexts = [
  ...new Set(
    pages.flatMap((file) =>
      Array.from(parseHtml(decodePage(readFileSync(file))).querySelectorAll('td, th')).flatMap((el) => [cellText(el, hiddenByMarkup), el.textContent ?? '']),
    ),
  ),
];

const CHARS = [
  ...'0123456789０１２３４５６７８９',
  ...' \t\n\r\v\f\u00a0\u1680\u2000\u200a\u200b\u200c\u200d\u200e\u2028\u2029\u202f\u205f\u2060\u3000\ufeff\u180e\u0085',
  ...'“”"「」『』‘’\'〔〕（）()［］,，.-－—+＋、/ ',
  ...'本年件数合计万元一二三aZ',
];
const textArb = fc.oneof(
  fc.array(fc.constantFrom(...CHARS), { maxLength: 20 }).map((a) => a.join('')),
  fc.string({ unit: 'binary', maxLength: 30 }),
);

describe('text fast paths equal the patterns', () => {
  it('isSpace is exactly the whitespace class, over every UTF-16 code unit', () => {
    const SPACE = /[\s\u00a0\u200b-\u200d\u2060\ufeff]/;
    for (let c = 0; c <= 0xffff; c++) expect(isSpace(c), c.toString(16)).toBe(SPACE.test(String.fromCharCode(c)));
  });

  it(`on the ${cellTexts.length} cell texts of the fixtures, e2e pages and corpus`, () => {
    expect(cellTexts.length).toBeGreaterThan(900);
    for (const text of cellTexts) {
      expect(cleanSpaces(text)).toBe(refCleanSpaces(text));
      expect(labelKey(text)).toBe(refLabelKey(text));
      expect(labelKey(cleanSpaces(text))).toBe(refLabelKey(text));
      const head = refReadNumberHead(text);
      if (head) expect(readNumber(text)).toStrictEqual(head);
    }
  });

  it('on random strings', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        expect(cleanSpaces(text)).toBe(refCleanSpaces(text));
        expect(labelKey(text)).toBe(refLabelKey(text));
        // The row reader keys a label by its spaces-collapsed text.
        expect(labelKey(cleanSpaces(text))).toBe(refLabelKey(text));
        const head = refReadNumberHead(text);
        if (head) expect(readNumber(text)).toStrictEqual(head);
      }),
      { numRuns: RUNS },
    );
  });
});
