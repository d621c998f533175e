/** matchesLabel answers every dictionary pattern exactly as the regular expression would. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as dictionary from '../../lib/tables/dictionary.ts';
import { matchesLabel } from '../../lib/tables/label-pattern.ts';

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
