import { describe, expect, it } from 'vitest';
import { setLanguage } from '@/components/i18n.ts';
import { findingText, verdictText } from '@/components/finding-text.ts';
import { verdictOf } from '@/lib/checks/verdict.ts';
import { evaluate, type Relation } from '@/lib/checks/relation.ts';
import type { Coverage, Finding } from '@/lib/schema.ts';
import { finding } from '../support/fake-report.ts';
import { ruleInfo } from '@/lib/checks/catalog.ts';

const ROW = ruleInfo('table3.row_total')!.name.en;

// A finding as the reader sees it: lib's Chinese message in Chinese; in English, the sum relations said again
// from the finding's own numbers, and the Chinese message (under the rule's English name) for the rest.

const value = (label: string, v: number, blank = false) => ({ kind: 'value' as const, label, value: v, blank, refs: [{ row: 'r', col: label }] });
const relation = (left: Relation['left'], right: Relation['right']): Relation => ({ id: 'x', rule: 'table3.row_total', table: 'table3', subject: '本年新收', left, right });
const errorOf = (rel: Relation) => {
  const out = evaluate(rel);
  if (!out.finding) throw new Error('expected a finding');
  return out.finding;
};

describe('findingText', () => {
  it('Chinese: the message exactly as lib wrote it', () => {
    setLanguage('zh');
    const f = finding({ id: 'a' });
    expect(findingText(f)).toBe(f.message);
  });

  it('English: a sum mismatch from its printed and computed figures, keeping the report’s own label', () => {
    setLanguage('en');
    const f = errorOf(relation([value('总计', 0)], [value('自然人', 1), value('商业企业', 6)]));
    expect(f.message).toBe('本年新收：总计 0 ≠ 自然人 1 + 商业企业 6 = 7');
    expect(findingText(f)).toBe(`${ROW} · 本年新收: printed total 0 ≠ parts add up to 7`);
  });

  it('English: says blanks were counted as 0, and a one-sided blank as perhaps not reported', () => {
    setLanguage('en');
    const blanks = errorOf(relation([value('总计', 5)], [value('自然人', 1), value('商业企业', 0, true)]));
    expect(findingText(blanks)).toBe(`${ROW} · 本年新收: printed total 5 ≠ parts add up to 1 (blanks counted as 0)`);
    const oneSide = errorOf(relation([value('总计', 5)], [value('自然人', 0, true), value('商业企业', 0, true)]));
    expect(oneSide.severity).toBe('warning');
    expect(findingText(oneSide)).toContain('one side is entirely blank, perhaps just not reported');
  });

  it('English: a lower bound (parts missing) says "at least", not a computed sum', () => {
    setLanguage('en');
    const absent = { kind: 'absent' as const, label: '商业企业', ref: { row: 'r', col: 'c' } };
    const f = errorOf(relation([value('总计', 2)], [value('自然人', 5), absent]));
    expect(findingText(f)).toBe(`${ROW} · 本年新收: printed total 2 < at least 5 from the parts read (some parts could not be read)`);
  });

  it('English: the balance (一 + 二 = 三(七) + 四) says its two sums, neither being one printed figure', () => {
    setLanguage('en');
    const rel: Relation = { ...relation([value('一、本年新收', 1), value('二、上年结转', 6)], [value('（七）总计', 0), value('四、结转下年度继续办理', 0)]), rule: 'table3.balance', subject: '总计列' };
    const f = errorOf(rel);
    expect(findingText(f)).toBe(`${ruleInfo('table3.balance')!.name.en} · 总计列: new + carried over = 7 ≠ answered + carried forward = 0`);
  });

  it('English: the caveats come from the finding’s `caveats`, not from the wording of its Chinese message', () => {
    setLanguage('en');
    const plain = finding({ id: 'c', expected: 1, actual: 5, message: '本年新收：总计 5 ≠ 两项之和 1' });
    expect(findingText({ ...plain, caveats: ['blanks_as_zero'] })).toBe(`${ROW} · 本年新收: printed total 5 ≠ parts add up to 1 (blanks counted as 0)`);
    expect(findingText({ ...plain, caveats: ['blanks_as_zero', 'one_side_blank'] })).toContain('one side is entirely blank, perhaps just not reported');
    expect(findingText({ ...plain, caveats: ['lower_bound'] })).toBe(`${ROW} · 本年新收: printed total 5 < at least 1 from the parts read (some parts could not be read)`);
    // And the message's wording alone adds nothing.
    const worded = finding({ id: 'w', expected: 1, actual: 5, message: '本年新收：总计 5 ≠ 商业企业 空白 = 1（空白按 0 计）；一侧全部空白，可能只是未填报' });
    expect(findingText(worded)).toBe(`${ROW} · 本年新收: printed total 5 ≠ parts add up to 1`);
  });

  it('English: a total left blank', () => {
    setLanguage('en');
    const rel = { ...relation([value('总计', 0, true)], [value('自然人', 2)]), reportedTotals: [] as Relation['left'] };
    rel.reportedTotals = [rel.left[0]];
    const f = errorOf(rel);
    expect(findingText(f)).toBe(`${ROW} · 本年新收: total left blank (not reported), parts add up to 2`);
  });

  it('English: no numbers to say it with, or not a sum relation → the Chinese message under the English rule name', () => {
    setLanguage('en');
    const unreadable = finding({ id: 'u', severity: 'warning', expected: null, actual: null, message: '本年新收：无法核对，总计“约5”不是可识别的数字' });
    expect(findingText(unreadable)).toBe(`${ROW}: ${unreadable.message}`);
    // prose.* has numbers too, but they are not printed-vs-computed: not re-said.
    const prose: Finding = finding({ id: 'p', rule: 'prose.requests', severity: 'warning', expected: 12, actual: 10, message: '正文说收到申请 10 件，表格为 一、本年新收 12' });
    expect(findingText(prose)).toMatch(/: 正文说收到申请 10 件，表格为 一、本年新收 12$/);
    expect(findingText(prose)).not.toContain('add up');
  });
});

describe('verdictText', () => {
  const coverage: Coverage = { relationsChecked: 42, numbersRead: 200, cellsUnreadable: 0, notCheckable: [] };
  const gap = finding({ id: 'g', rule: 'layout', severity: 'warning', message: '未能放置' });
  const cases: [string, Finding[], Coverage][] = [
    ['errors', [finding({ id: 'a' }), finding({ id: 'b' })], coverage],
    ['errors and gaps', [finding({ id: 'a' }), gap], coverage],
    ['gaps', [gap], coverage],
    ['unchecked', [], { ...coverage, relationsChecked: 0 }],
    ['clean', [], coverage],
  ];

  it('Chinese: the very headline and coverage lib/checks/verdict.ts writes', () => {
    setLanguage('zh');
    for (const [name, findings, cov] of cases) {
      const v = verdictOf(findings, cov);
      expect(verdictText(v, cov), name).toEqual({ headline: v.headline, covered: v.covered });
    }
  });

  it('English', () => {
    setLanguage('en');
    const said = cases.map(([, findings, cov]) => verdictText(verdictOf(findings, cov), cov).headline);
    expect(said).toEqual([
      'This report has 2 mismatches',
      'This report has 1 mismatches, and 1 relations could not be checked',
      'No mismatch found, but 1 relations could not be checked',
      'No relation within the tables could be checked',
      'Every table figure in this report reconciles · 42 relations checked, 200 figures read',
    ]);
  });
});
