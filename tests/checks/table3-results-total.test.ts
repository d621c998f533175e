import { describe, expect, it } from 'vitest';
import { table3ResultsTotal } from '@/lib/checks/table3-rules.ts';
import { Tally } from '@/lib/checks/tally.ts';
import { handTable, t3 } from '../support/hand-table.ts';

describe('table3.results_total: （七）总计 = every result row, each column', () => {
  const rows = {
    granted: t3(3, [0, 0, 0, 0, 0], 3),
    partly_granted: t3(1, [0, 0, 0, 0, 0], 1),
    unable_not_held: t3(2, [0, 0, 0, 0, 0], 2),
  };

  it('a column whose stated total is one short is an error (natural persons 5 ≠ 3 + 1 + 2 = 6)', () => {
    const tally = new Tally();
    table3ResultsTotal(handTable({ ...rows, results_total: t3(5, [0, 0, 0, 0, 0], 6) }), tally);
    const errors = tally.findings.filter((f) => f.severity === 'error');
    expect(errors).toMatchObject([{ rule: 'table3.results_total', id: 'table3:results_total:natural_person', actual: 5, expected: 6 }]);
  });

  it('every column that adds up is checked', () => {
    const tally = new Tally();
    table3ResultsTotal(handTable({ ...rows, results_total: t3(6, [0, 0, 0, 0, 0], 6) }), tally);
    expect(tally.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(tally.checked).toBe(7);
  });
});
