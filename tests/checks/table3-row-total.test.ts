import { describe, expect, it } from 'vitest';
import { table3RowTotals } from '@/lib/checks/table3-rules.ts';
import { Tally } from '@/lib/checks/tally.ts';
import { handTable, t3 } from '../support/hand-table.ts';

const run = (rows: Parameters<typeof handTable>[0], covers?: Parameters<typeof handTable>[1]) => {
  const tally = new Tally();
  table3RowTotals(handTable(rows, covers), tally);
  return tally;
};

describe('table3.row_total: 总计 = 自然人 + the five 法人或其他组织 columns, each row', () => {
  it('a total that is one more than its parts is an error: printed 7, computed 6', () => {
    const tally = run({ new_received: t3(5, [1, 0, 0, 0, 0], 7) });
    expect(tally.checked).toBe(1);
    expect(tally.findings).toMatchObject([{ rule: 'table3.row_total', severity: 'error', actual: 7, expected: 6, id: 'table3:row_total:new_received' }]);
  });

  it('a row that adds up is checked and says nothing', () => {
    const tally = run({ new_received: t3(5, [1, 0, 0, 0, 0], 6), carried_over: t3(0, [0, 0, 0, 0, 0], 0) });
    expect([tally.checked, tally.findings.length]).toEqual([2, 0]);
  });

  it('a value merged over the five legal-person columns counts once', () => {
    const tally = run({ new_received: { natural_person: 5, legal_person: 3, total: 8 } }, { legal_person: ['commercial', 'research', 'social_welfare', 'legal_service', 'other_org'] });
    expect([tally.checked, tally.findings.length]).toEqual([1, 0]);
  });

  it('a blank total is not reported: a warning with the parts’ sum, never an error', () => {
    const tally = run({ new_received: t3(5, [1, 0, 0, 0, 0], '') });
    expect(tally.findings).toMatchObject([{ severity: 'warning', expected: 6, actual: null }]);
  });
});
