/** collapseSpaces (lib/read/flattened-lines.ts) against the regular expression it replaced, on real and random strings. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collapseSpaces } from '@/lib/read/flattened-lines.ts';
import { FIXTURES } from '../support/audit-html.ts';

const old = (text: string) => text.replace(/[\s\u00a0\u3000]+/g, ' ').trim();

describe('collapseSpaces is the old replace-and-trim', () => {
  it('on the text of a fixture page, line by line and whole', () => {
    const page = readFileSync(join(FIXTURES, 'second-copy-2021.html'), 'utf8');
    for (const piece of [page, ...page.split(/<[^>]*>/)]) expect(collapseSpaces(piece)).toBe(old(piece));
  });

  it('on random strings of spaces of every kind and other characters', () => {
    const ch = fc.constantFrom(' ', '\t', '\n', '\r', '\v', '\f', '\u00a0', '\u1680', '\u2000', '\u200a', '\u200b', '\u2028', '\u2029', '\u202f', '\u205f', '\u2060', '\u3000', '\ufeff', '\u0085', 'a', '共', '6', '件', '\ud83d');
    fc.assert(
      fc.property(fc.array(ch, { maxLength: 20 }).map((a) => a.join('')), (s) => collapseSpaces(s) === old(s)),
      { numRuns: 2000 },
    );
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => collapseSpaces(s) === old(s)), { numRuns: 2000 });
  });
});
