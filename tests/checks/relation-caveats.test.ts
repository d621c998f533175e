import { describe, expect, it } from 'vitest';
import { evaluate, type Relation } from '@/lib/checks/relation.ts';
import type { Finding, FindingCaveat } from '@/lib/schema.ts';
import type { Term } from '@/lib/checks/terms.ts';
import { auditedReports } from '../support/audit-html.ts';

// A relation finding carries its caveats as `caveats` (which the English UI reads) and says them in its Chinese
// message (which the exports carry as it always was): the two must say the same, finding by finding.

/** The message's wording of each caveat, written out: the exported text must not change with the field. */
const PHRASE: Record<FindingCaveat, string> = {
  blanks_as_zero: '（空白按 0 计）',
  one_side_blank: '；一侧全部空白，可能只是未填报',
  lower_bound: '只核对了下限',
};
const said = (f: Finding) => (Object.keys(PHRASE) as FindingCaveat[]).filter((c) => f.message.includes(PHRASE[c]));

const value = (label: string, v: number, blank = false): Term => ({ kind: 'value', label, value: v, blank, refs: [{ row: 'r', col: label }] });
const absent = (label: string): Term => ({ kind: 'absent', label, ref: { row: 'r', col: label } });
const unreadable = (label: string): Term => ({ kind: 'unreadable', label, raw: '约5', refs: [{ row: 'r', col: label }] });
const relation = (left: Term[], right: Term[], reportedTotals?: Term[]): Relation => ({ id: 'x', rule: 'table3.row_total', table: 'table3', subject: '本年新收', left, right, reportedTotals });
const findingOf = (rel: Relation) => {
  const f = evaluate(rel).finding;
  if (!f) throw new Error('expected a finding');
  return f;
};

describe('relation findings: caveats', () => {
  const blankTotal = value('总计', 0, true);
  const cases: [string, Relation, FindingCaveat[] | undefined, string][] = [
    ['a plain mismatch: none', relation([value('总计', 0)], [value('自然人', 1), value('商业企业', 6)]), undefined, '本年新收：总计 0 ≠ 自然人 1 + 商业企业 6 = 7'],
    ['a blank part', relation([value('总计', 5)], [value('自然人', 1), value('商业企业', 0, true)]), ['blanks_as_zero'], '本年新收：总计 5 ≠ 自然人 1 + 商业企业 空白 = 1（空白按 0 计）'],
    [
      'one side all blank',
      relation([value('总计', 5)], [value('自然人', 0, true), value('商业企业', 0, true)]),
      ['blanks_as_zero', 'one_side_blank'],
      '本年新收：总计 5 ≠ 自然人 空白 + 商业企业 空白 = 0（空白按 0 计）；一侧全部空白，可能只是未填报',
    ],
    ['a broken lower bound', relation([value('总计', 2)], [value('自然人', 5), absent('商业企业')]), ['lower_bound'], '本年新收：总计 2 < 自然人 5（缺少 商业企业，只核对了下限）'],
    [
      'a broken lower bound with a blank',
      relation([value('总计', 2)], [value('自然人', 5), value('科研机构', 0, true), absent('商业企业')]),
      ['blanks_as_zero', 'lower_bound'],
      '本年新收：总计 2 < 自然人 5 + 科研机构 空白 = 5（空白按 0 计）（缺少 商业企业，只核对了下限）',
    ],
    ['an unreadable cell: none', relation([value('总计', 2)], [unreadable('自然人')]), undefined, '本年新收：无法核对，自然人“约5” 不是可识别的数字'],
    ['a total left blank: none', relation([blankTotal], [value('自然人', 2)], [blankTotal]), undefined, '本年新收：总计空白（未填报），分项之和为 2'],
  ];

  it.each(cases)('%s', (_name, rel, caveats, message) => {
    const f = findingOf(rel);
    expect(f.message).toBe(message);
    expect(f.caveats).toEqual(caveats);
    expect(f.caveats ?? []).toEqual(said(f));
  });

  // The fixtures hold no finding with a caveat today: this guards that no other finding says one without carrying it.
  it('every finding of the fixtures (and ../shared/corpus) has exactly the caveats its message says', () => {
    const findings = auditedReports().flatMap((r) => r.report.findings);
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) expect(f.caveats ?? [], `${f.id}: ${f.message}`).toEqual(said(f));
    expect(findings.filter((f) => f.caveats && !f.caveats.length)).toEqual([]);
  });
});
