import { describe, expect, it } from 'vitest';
import { table3Balance } from '@/lib/checks/table3-rules.ts';
import { Tally } from '@/lib/checks/tally.ts';
import { handTable, t3 } from '../support/hand-table.ts';

const zero: [number, number, number, number, number] = [0, 0, 0, 0, 0];

describe('table3.balance: 一 + 二 = 三(七) + 四, each column', () => {
  it('10 + 2 = 9 + 3 holds in every column', () => {
    const tally = new Tally();
    const table = handTable({ new_received: t3(10, zero, 10), carried_over: t3(2, zero, 2), results_total: t3(9, zero, 9), carried_forward: t3(3, zero, 3) });
    table3Balance(table, tally);
    expect([tally.checked, tally.findings.length]).toEqual([7, 0]);
  });

  it('10 + 2 ≠ 9 + 2 is an error in each column where it breaks', () => {
    const tally = new Tally();
    const table = handTable({ new_received: t3(10, zero, 10), carried_over: t3(2, zero, 2), results_total: t3(9, zero, 9), carried_forward: t3(2, zero, 2) });
    table3Balance(table, tally);
    expect(tally.findings.map((f) => [f.id, f.severity, f.actual, f.expected])).toEqual([
      ['table3:balance:natural_person', 'error', 12, 11],
      ['table3:balance:total', 'error', 12, 11],
    ]);
  });

  it('a missing row is a gap named in the coverage, not a pass', () => {
    const tally = new Tally();
    table3Balance(handTable({ new_received: t3(10, zero, 10), results_total: t3(9, zero, 9), carried_forward: t3(3, zero, 3) }), tally);
    expect(tally.checked).toBe(0);
    expect(tally.notCheckable.length).toBe(7);
    expect(tally.findings[0].message).toContain('二、上年结转');
  });
});
