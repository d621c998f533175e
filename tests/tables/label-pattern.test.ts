/** matchesLabel answers every dictionary pattern exactly as the regular expression would. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as dictionary from '../../lib/tables/dictionary.ts';
import { anyMatch, firstMatch, matchesLabel } from '../../lib/tables/label-pattern.ts';

const defs = (Object.values(dictionary).filter(Array.isArray).flat() as unknown[]).filter(
  (d): d is dictionary.KeyDef => typeof d === 'object' && d !== null && (d as dictionary.KeyDef).pattern instanceof RegExp,
);
const patterns = [...new Set(defs.flatMap((d) => (d.group ? [d.pattern, d.group] : [d.pattern])))];
const labels = defs.flatMap((d) => (typeof d.label === 'string' ? [d.label] : []));

describe('matchesLabel', () => {
  it('has dictionary patterns of both kinds to compare (plain words and real expressions)', () => {
    expect(patterns.length).toBeGreaterThan(50);
    expect(patterns.some((p) => /[\^$.()[\]]/.test(p.source))).toBe(true);
    expect(patterns.some((p) => p.source.includes('|') && !/[\\^$.?*+()[\]{}]/.test(p.source))).toBe(true);
  });

  it('agrees with RegExp.test on every dictionary label, for every pattern', () => {
    for (const p of patterns) for (const l of labels) expect(matchesLabel(p, l), `${p} on ${l}`).toBe(p.test(l));
  });

  it('agrees on random text made of the patterns’ own characters', () => {
    const chars = [...new Set(patterns.map((p) => p.source).join('').split(''))].concat(['', ' ', '1']);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...chars), { maxLength: 12 }), fc.constantFrom(...patterns), (cs, p) => {
        const text = cs.join('');
        expect(matchesLabel(p, text)).toBe(p.test(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('treats flags, anchors, classes and empty alternatives as the expression they are', () => {
    expect(matchesLabel(/^其他$/, '其他组织')).toBe(false);
    expect(matchesLabel(/A/i, 'a')).toBe(true);
    expect(matchesLabel(/a|/, 'x')).toBe(true);
    expect(matchesLabel(/a.c/, 'abc')).toBe(true);
    expect(matchesLabel(/本年新收|上年结转/, '二、上年结转政府信息公开申请数量')).toBe(true);
    expect(matchesLabel(/本年新收|上年结转/, '本年办结')).toBe(false);
  });
});

describe('firstMatch', () => {
  // The lists the tables index (each table's rows and columns, the legacy rows), and all patterns at once.
  const lists = [
    ...Object.values(dictionary).filter(Array.isArray).flatMap((list) => {
      const ps = (list as unknown[]).flatMap((d) => (d && typeof d === 'object' && (d as dictionary.KeyDef).pattern instanceof RegExp ? [(d as dictionary.KeyDef).pattern] : []));
      return ps.length ? [ps] : [];
    }),
    dictionary.TABLE4_OUTCOMES.map((o) => o.pattern),
    patterns,
    [/a|/, /^x/, /ab|b/, /b/],
  ];
  const expected = (list: RegExp[], text: string, from: number) => {
    const at = list.slice(from).findIndex((p) => p.test(text));
    return at < 0 ? -1 : at + from;
  };

  it('indexes the dictionary’s own lists', () => {
    expect(lists.length).toBeGreaterThan(8);
    expect(lists.some((l) => l.length > 50)).toBe(true);
  });

  it('agrees with findIndex over RegExp.test on every dictionary label, from every position', () => {
    for (const list of lists) {
      const first = firstMatch(list);
      for (const l of labels) for (let from = 0; from <= list.length; from += Math.max(1, list.length >> 3)) expect(first(l, from), `${l} from ${from}`).toBe(expected(list, l, from));
    }
  });

  it('agrees on random text made of the patterns’ own characters', () => {
    const chars = [...new Set(patterns.map((p) => p.source).join('').split(''))].concat(['', ' ', '1', '\ud83d', '\ude00']);
    const indexed = lists.map((list) => ({ list, first: firstMatch(list) }));
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...chars), { maxLength: 16 }), fc.constantFrom(...indexed), fc.nat(100), (cs, { list, first }, from) => {
        const text = cs.join('');
        const start = from % (list.length + 1);
        expect(first(text, start)).toBe(expected(list, text, start));
      }),
      { numRuns: 5000 },
    );
  });

  it('finds the first pattern in list order, not the first word in the text', () => {
    const first = firstMatch([/总计$/, /本年/, /^本/]);
    expect(first('本年总计')).toBe(0);
    expect(first('本年总计', 1)).toBe(1);
    expect(first('本年总计', 2)).toBe(2);
    expect(first('总计本')).toBe(-1);
    expect(first('')).toBe(-1);
    // Characters whose codes share firstMatch's table slot with a word's first character are no match.
    const collide = (c: string, k: number) => String.fromCharCode(c.charCodeAt(0) + 512 * k);
    expect(first(`${collide('本', 1)}年${collide('总', 2)}计`)).toBe(-1);
    expect(firstMatch([/ab/, /b/])(`${collide('a', 3)}b`)).toBe(1);
  });
});

describe('anyMatch', () => {
  const lists = [
    ...Object.values(dictionary).filter(Array.isArray).flatMap((list) => {
      const ps = (list as unknown[]).flatMap((d) => (d && typeof d === 'object' && (d as dictionary.KeyDef).pattern instanceof RegExp ? [(d as dictionary.KeyDef).pattern] : []));
      return ps.length ? [ps] : [];
    }),
    patterns,
    [/^a$/, /b$/, /^c/],
    [/(a)\1/, /b/],
    [/A/i, /b/],
    [/(?<x>a)/, /(?<x>b)/],
  ];

  it('agrees with some(RegExp.test) on every dictionary label', () => {
    for (const list of lists) {
      const any = anyMatch(list);
      for (const l of labels) expect(any(l), l).toBe(list.some((p) => p.test(l)));
    }
  });

  it('agrees on random text made of the patterns’ own characters', () => {
    const chars = [...new Set(patterns.map((p) => p.source).join('').split(''))].concat(['', ' ', '1', 'a', 'b', 'c', 'A']);
    const tested = lists.map((list) => ({ list, any: anyMatch(list) }));
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...chars), { maxLength: 16 }), fc.constantFrom(...tested), (cs, { list, any }) => {
        const text = cs.join('');
        expect(any(text)).toBe(list.some((p) => p.test(text)));
      }),
      { numRuns: 5000 },
    );
  });

  it('keeps anchors, flags and backreferences to their own pattern', () => {
    expect(anyMatch([/^a$/, /b/])('ab')).toBe(true);
    expect(anyMatch([/^a$/, /^c/])('ac')).toBe(false);
    expect(anyMatch([/b/, /(a)\1/])('aa')).toBe(true);
    expect(anyMatch([/b/, /(a)\1/])('a')).toBe(false);
    expect(anyMatch([/A/i, /b/])('a')).toBe(true);
    expect(anyMatch([])('a')).toBe(false);
  });
});
