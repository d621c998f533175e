import { describe, expect, it } from 'vitest';
import { implausibleCounts, table2Expectations } from '@/lib/checks/plausibility.ts';
import { blankCells } from '@/lib/checks/blank-cells.ts';
import { fakeReport } from '../support/fake-report.ts';
import { handTable } from '../support/hand-table.ts';

describe('plausibility: no negative or fractional counts', () => {
  it('-2 and 1.5 are noted; a negative 本年增/减 and a fractional amount are not', () => {
    const table = handTable({
      granted: { natural_person: -2, total: 1.5 },
      licensing: { change: -3, fee_amount: 0.35 },
    });
    const found = implausibleCounts('table3', table);
    expect(found.map((f) => [f.rule, f.severity, f.cells[0].col, f.actual])).toEqual([
      ['plausibility', 'warning', 'natural_person', -2],
      ['plausibility', 'warning', 'total', 1.5],
    ]);
  });
});

describe('table2.expectation: published this year within all published; issued within in force', () => {
  it('5 issued against 3 in force is a note; 2 within 4 says nothing', () => {
    const report = fakeReport();
    report.tables = { table2: handTable({ regulations: { issued: 5, in_force: 3 }, normative_documents: { new_published: 2, total_published: 4 } }) };
    expect(table2Expectations(report)).toMatchObject([{ rule: 'table2.expectation', severity: 'warning', id: 'table2:expectation:regulations:issued', actual: 5 }]);
  });
});

describe('blank_cells: blank parts are read as 0, said once per table', () => {
  it('lists the blank and dashed parts, never a blank total', () => {
    const found = blankCells('table3', handTable({ granted: { natural_person: '', research: '—', total: '' } }));
    expect(found).toMatchObject([{ rule: 'blank_cells', severity: 'warning', cells: [{ col: 'natural_person' }, { col: 'research' }] }]);
    expect(found[0].message).toContain('2 个分项单元格');
  });

  it('a table without blanks says nothing', () => {
    expect(blankCells('table4', handTable({ count: { review_total: 0 } }))).toEqual([]);
  });
});
