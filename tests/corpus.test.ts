// Real report pages as sites publish them (../shared/corpus, when present). The expected figures below
// were written by us from the pages themselves and the hand-checked notes in corpus/index.jsonl.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditHtml, cellValue, errors, SHARED } from './support/audit-html.ts';

const CORPUS = join(SHARED, 'corpus');
const present = existsSync(CORPUS);
if (!present) console.warn(`corpus tests skipped: ${CORPUS} is not here (it sits beside the project in CI)`);

const read = (file: string) => auditHtml(readFileSync(join(CORPUS, file), 'utf8'))!.report;

describe.skipIf(!present)('corpus 001 上海市人民政府办公厅 2019 (compact CMS, zeros and totals left blank)', () => {
  const report = present ? read('001-shanghai-bgt-2019.html') : null!;
  it('metadata', () => {
    expect(report).toMatchObject({ agency: '上海市人民政府办公厅', year: 2019, format: '2019', publishedAt: '2020-01-31' });
  });
  it('Table 3 totals and parts', () => {
    const v = (row: string, col: string) => cellValue(report, 'table3', row, col);
    expect([v('new_received', 'total'), v('carried_over', 'total'), v('results_total', 'total'), v('carried_forward', 'total')]).toEqual([859, 18, 805, 72]);
    expect([v('new_received', 'natural_person'), v('new_received', 'commercial'), v('new_received', 'legal_service'), v('new_received', 'other_org')]).toEqual([821, 35, 2, 1]);
    expect([v('granted', 'natural_person'), v('granted', 'commercial'), v('granted', 'legal_service'), v('granted', 'other_org'), v('granted', 'total')]).toEqual([258, 12, 1, 1, 'blank']);
    const natural = ['granted', 'partly_granted', 'denied_state_secret', 'denied_internal_affairs', 'denied_process_info', 'denied_admin_query', 'unable_not_held', 'unable_needs_creation', 'unable_unclear', 'ignored_petition', 'ignored_repeat'].map((r) => v(r, 'natural_person'));
    expect(natural).toEqual([258, 3, 14, 5, 3, 10, 252, 44, 25, 148, 5]);
    expect(v('results_total', 'natural_person')).toBe(767);
    expect(v('research', 'natural_person')).toBeUndefined();
    expect(v('new_received', 'research')).toBe('blank');
  });
  it('Table 4', () => {
    const v = (col: string) => cellValue(report, 'table4', 'count', col);
    expect([v('review_upheld'), v('review_pending'), v('review_total'), v('suit_direct_upheld'), v('suit_direct_pending'), v('suit_direct_total')]).toEqual([5, 2, 7, 8, 1, 9]);
    expect(v('suit_after_review_total')).toBe('blank');
  });
  it('Table 2, whose header and data colspans disagree', () => {
    const v = (row: string, col: string) => cellValue(report, 'table2', row, col);
    expect([v('regulations', 'new_made'), v('regulations', 'new_published'), v('regulations', 'total_published')]).toEqual([13, 13, 524]);
    expect([v('normative_documents', 'new_made'), v('normative_documents', 'total_published')]).toEqual([60, 368]);
    expect([v('licensing', 'prev_year_items'), v('licensing', 'change'), v('licensing', 'decisions')]).toEqual([0, 0, 0]);
    expect(v('procurement', 'procurement_items')).toBe(6);
    expect(report.tables.table2!.cells.find((c) => c.row === 'procurement' && c.col === 'procurement_amount')).toMatchObject({ value: 251000, unit: '元' });
  });
  it('no arithmetic error; blank totals are warnings that give the parts’ sum', () => {
    expect(errors(report)).toEqual([]);
    const granted = report.findings.find((f) => f.id === 'table3:row_total:granted')!;
    expect(granted).toMatchObject({ severity: 'warning', expected: 272 });
  });
});

describe.skipIf(!present)('corpus 002 沭阳县发展和改革局 2023 (WPS span soup, blank legal-person columns)', () => {
  const report = present ? read('002-shuyang-fgj-2023.html') : null!;
  it('metadata', () => {
    expect(report).toMatchObject({ agency: '沭阳县发展和改革局', year: 2023, format: '2021' });
  });
  it('Table 3', () => {
    const v = (row: string, col: string) => cellValue(report, 'table3', row, col);
    expect([v('new_received', 'natural_person'), v('new_received', 'total'), v('granted', 'total'), v('results_total', 'total'), v('carried_forward', 'total')]).toEqual([26, 26, 26, 26, 0]);
    expect(v('new_received', 'commercial')).toBe('blank');
    expect(report.tables.table3!.cells).toHaveLength(7 * 25);
    expect(v('other_misc', 'natural_person')).toBe(0);
  });
  it('Table 4 and Table 2', () => {
    expect(cellValue(report, 'table4', 'count', 'review_pending')).toBe(1);
    expect(cellValue(report, 'table4', 'count', 'review_total')).toBe(1);
    expect(cellValue(report, 'table4', 'count', 'suit_direct_total')).toBe(0);
    expect(cellValue(report, 'table2', 'normative_documents', 'issued')).toBe(8);
    expect(cellValue(report, 'table2', 'normative_documents', 'in_force')).toBe(18);
    expect(cellValue(report, 'table2', 'fees', 'fee_amount')).toBe(0);
  });
  it('is clean', () => expect(errors(report)).toEqual([]));
});

describe.skipIf(!present)('corpus 005 平潭综合实验区 2015 (legacy 统计表 with 历年累计)', () => {
  const report = present ? read('005-pingtan-2015-legacy.html') : null!;
  it('reads every indicator in both value columns', () => {
    expect(report.format).toBe('legacy');
    expect(report.year).toBe(2015);
    const v = (row: string, col = 'value') => cellValue(report, 'legacy', row, col);
    expect([v('proactive_total'), v('proactive_total', 'cumulative')]).toEqual([2949, 81916]);
    expect([v('channel_website'), v('channel_gazette')]).toEqual([2949, 0]);
    expect([v('requests_received', 'cumulative'), v('requests_letter_fax', 'cumulative'), v('replies_total', 'cumulative'), v('reply_granted', 'cumulative')]).toEqual([1, 1, 1, 1]);
    expect(report.tables.legacy!.cells).toHaveLength(32);
  });
  it('is clean', () => expect(errors(report)).toEqual([]));
});
