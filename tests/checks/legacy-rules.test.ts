import { describe, expect, it } from 'vitest';
import { legacyRelations } from '@/lib/checks/legacy-rules.ts';
import { Tally } from '@/lib/checks/tally.ts';
import { handTable } from '../support/hand-table.ts';

const v = (value: number) => ({ value });

describe('legacy.sum: a parent of the 统计表 = its parts present', () => {
  it('收到申请数 12 against 3 + 8 + 0 = 11 is an error; 办结 = 按时 + 延期 holds', () => {
    const tally = new Tally();
    const table = handTable({
      requests_received: v(12), requests_in_person: v(3), requests_online: v(8), requests_letter: v(0),
      requests_closed: v(11), closed_on_time: v(10), closed_extended: v(1),
    });
    const notes = legacyRelations(table, tally);
    expect(tally.checked).toBe(2);
    expect(tally.findings).toMatchObject([{ rule: 'legacy.sum', id: 'legacy:sum:requests_received:value', actual: 12, expected: 11, severity: 'error' }]);
    expect(notes).toEqual([]);
  });

  it('a parent printed without any breakdown has nothing to check', () => {
    const tally = new Tally();
    legacyRelations(handTable({ reviews_total: v(3) }), tally);
    expect([tally.checked, tally.findings.length]).toEqual([0, 0]);
  });
});

describe('legacy.at_most: a part within its whole (a note)', () => {
  it('办结 15 above 收到 12 is a warning naming both', () => {
    const notes = legacyRelations(handTable({ requests_received: v(12), requests_closed: v(15) }), new Tally());
    expect(notes).toMatchObject([{ rule: 'legacy.at_most', severity: 'warning', cells: [{ row: 'requests_closed' }, { row: 'requests_received' }], actual: 15 }]);
  });

  it('a part within its whole says nothing', () => {
    expect(legacyRelations(handTable({ requests_received: v(12), requests_closed: v(12) }), new Tally())).toEqual([]);
  });
});
