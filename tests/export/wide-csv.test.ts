import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { exportWideCsv, wideKeys } from '../../lib/export/wide-csv.ts';
import type { Cell } from '../../lib/schema.ts';
import { fakeReport } from '../support/fake-report.ts';

const cell = (row: string, col: string, value: number | null, status: Cell['status'] = 'ok', raw = String(value ?? '')): Cell => ({ row, col, value, raw, status });

function read(csv: string) {
  expect(csv.startsWith('\ufeff')).toBe(true);
  return Papa.parse<Record<string, unknown>>(csv.slice(1), { header: true, dynamicTyping: true, skipEmptyLines: true });
}

describe('wide CSV', () => {
  it('one line per report, one column per table.row.col any report holds, numbers as numbers', () => {
    const a = fakeReport([], [cell('new_received', 'total', 66), cell('new_received', 'natural_person', 52), cell('carried_over', 'total', 5)]);
    const b = fakeReport([], [
      cell('new_received', 'total', 7),
      { row: 'new_received', col: 'legal_person', covers: ['commercial', 'research', 'social_welfare', 'legal_service', 'other_org'], value: 3, raw: '3', status: 'ok' },
      cell('new_received', 'natural_person', null, 'unreadable', '约4'),
      cell('carried_over', 'total', null, 'blank'),
    ]);
    b.agency = '=HYPERLINK("x")';
    b.year = 2022;
    b.tables.table2 = { rowLabels: {}, colLabels: {}, cells: [cell('regulations', 'in_force', 2)] };
    const parsed = read(exportWideCsv([a, b]));
    expect(parsed.errors).toEqual([]);
    // Dictionary order: table2 before table3; rows 一 before 二; 自然人, the merged group, then 总计.
    expect(parsed.meta.fields).toEqual([
      'agency', 'year', 'title', 'source_url',
      'table2.regulations.in_force',
      'table3.new_received.natural_person', 'table3.new_received.legal_person', 'table3.new_received.total',
      'table3.carried_over.total',
    ]);
    expect(parsed.data[0]).toMatchObject({ agency: '某区人民政府', year: 2021, 'table2.regulations.in_force': null, 'table3.new_received.natural_person': 52, 'table3.new_received.total': 66 });
    // The merged value has its own column; an unreadable or blank cell is empty; text is never a formula.
    expect(parsed.data[1]).toMatchObject({ agency: `'=HYPERLINK("x")`, 'table3.new_received.legal_person': 3, 'table3.new_received.natural_person': null, 'table3.carried_over.total': null, 'table2.regulations.in_force': 2 });
    expect(parsed.data[1].source_url).toBe('http://www.example.gov.cn/a.html');
  });

  it('keys the dictionary does not know go after the known ones, in the order met', () => {
    const r = fakeReport([], [cell('zzz_unknown', 'total', 1), cell('carried_forward', 'total', 1), cell('new_received', 'total', 1)]);
    expect(wideKeys([r])).toEqual(['table3.new_received.total', 'table3.carried_forward.total', 'table3.zzz_unknown.total']);
  });

  it('an empty list is the lead columns alone', () => {
    expect(exportWideCsv([])).toBe('\ufeffagency,year,title,source_url\r\n');
  });
});
