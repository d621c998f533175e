import { describe, expect, it } from 'vitest';
import { table4GroupTotals } from '@/lib/checks/table4-rules.ts';
import { Tally } from '@/lib/checks/tally.ts';
import { handTable } from '../support/hand-table.ts';

const group = (g: string, [upheld, corrected, other, pending, total]: number[]) => ({
  [`${g}_upheld`]: upheld, [`${g}_corrected`]: corrected, [`${g}_other`]: other, [`${g}_pending`]: pending, [`${g}_total`]: total,
});

describe('table4.group_total: 总计 = 维持 + 纠正 + 其他 + 尚未审结, per group', () => {
  it('review 2 + 1 + 0 + 1 printed as 3 is an error; the lawsuits that add up are checked', () => {
    const tally = new Tally();
    const count = { ...group('review', [2, 1, 0, 1, 3]), ...group('suit_direct', [1, 0, 0, 0, 1]), ...group('suit_after_review', [0, 0, 0, 0, 0]) };
    table4GroupTotals(handTable({ count }), tally);
    expect(tally.checked).toBe(3);
    expect(tally.findings).toMatchObject([{ rule: 'table4.group_total', id: 'table4:group_total:review', severity: 'error', actual: 3, expected: 4 }]);
  });

  it('a group not read at all is a gap named as the group', () => {
    const tally = new Tally();
    table4GroupTotals(handTable({ count: { ...group('review', [0, 0, 0, 0, 0]), ...group('suit_direct', [0, 0, 0, 0, 0]) } }), tally);
    expect(tally.checked).toBe(2);
    expect(tally.notCheckable.map((n) => n.id)).toEqual(['table4:group_total:suit_after_review']);
    expect(tally.findings[0].message).toContain('行政诉讼（复议后起诉）一组');
  });
});
