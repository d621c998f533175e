/**
 * findStatements passes over sentences without 件 before running any pattern: exact only while every
 * statement kind's pattern needs its count and 件 in each of its alternatives. This keeps it so.
 */
import { describe, expect, it } from 'vitest';
import { KINDS } from '../../lib/prose/index.ts';
import { cutSentences, findStatements } from '../../lib/prose/statement.ts';

/** Where a count `(?<n>\d{1,7})\s*件` (or n2) starts at the top level of an alternative, not optional. */
function alternativesNeedCount(source: string): boolean[] {
  const out: boolean[] = [];
  let depth = 0;
  let inClass = false;
  let found = false;
  const count = /^\(\?<n2?>\\d\{1,7\}\)\\s\*件(?![?*{])/;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '(') {
      if (depth === 0 && count.test(source.slice(i))) found = true;
      depth++;
    } else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      out.push(found);
      found = false;
    }
  }
  out.push(found);
  return out;
}

describe('statement kinds all need a count in 件', () => {
  it('the check itself tells a required count from an optional or missing one', () => {
    expect(alternativesNeedCount(String.raw`收到(?<n>\d{1,7})\s*件`)).toEqual([true]);
    expect(alternativesNeedCount(String.raw`收到(?:(?<n>\d{1,7})\s*件)?`)).toEqual([false]);
    expect(alternativesNeedCount(String.raw`收到(?<n>\d{1,7})\s*件|(?<n2>\d{1,7})\s*件转入`)).toEqual([true, true]);
    expect(alternativesNeedCount(String.raw`收到(?<n>\d{1,7})\s*件|其他`)).toEqual([true, false]);
  });

  it.each(KINDS.map((k) => [k.rule, k]))('%s: every alternative of its pattern needs (?<n>…)件', (_rule, kind) => {
    expect(alternativesNeedCount(kind.pattern.source).every(Boolean)).toBe(true);
  });

  it('a sentence with its count in 件 is still found, one without 件 is not', () => {
    const received = KINDS[0]; // requests received (收到…申请 N 件)
    expect(findStatements(cutSentences('本年度共收到政府信息公开申请12件。'), received, 2021).map((s) => s.value)).toEqual([12]);
    expect(findStatements(cutSentences('本年度共收到政府信息公开申请12个。'), received, 2021)).toEqual([]);
  });
});
