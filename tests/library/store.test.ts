import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { counted, entryKey, libraryReport, reviewsOf } from '@/lib/library/entry.ts';
import { LibraryStore } from '@/lib/library/store.ts';
import { exportFindingsCsv, FINDING_COLUMNS } from '@/lib/export/csv.ts';
import { ReportSchema, type Report } from '@/lib/schema.ts';
import { fakeReport, finding } from '../support/fake-report.ts';

// The library on WXT's fake storage.local: the same page read again is one entry, review marks survive a
// re-read, and exports carry them.

const at = (url: string, year = 2021, agency = '某区人民政府'): Report => ({
  ...fakeReport([finding({ id: 'a' }), finding({ id: 'w', severity: 'warning' })]),
  source: { title: `${agency}${year}年政府信息公开工作年度报告`, url },
  agency,
  year,
});

describe('LibraryStore', () => {
  let clock = 0;
  const store = () => new LibraryStore(fakeBrowser.storage.local, () => new Date(Date.UTC(2025, 0, 1, 0, 0, clock++)));
  beforeEach(() => {
    fakeBrowser.reset();
    clock = 0;
  });

  it('keeps one entry per address (the fragment ignored), newest read first', async () => {
    const lib = store();
    await lib.put(at('http://a.gov.cn/2021.html'));
    await lib.put(at('http://a.gov.cn/2022.html', 2022));
    await lib.put(at('http://a.gov.cn/2021.html#top'));
    const all = await lib.all();
    expect(all.map((e) => e.key)).toEqual(['url:http://a.gov.cn/2021.html', 'url:http://a.gov.cn/2022.html']);
    expect(all[0].readAt).toBe('2025-01-01T00:00:02.000Z');
  });

  it('a file without an address is keyed by agency, year and file name', () => {
    const r = { ...at(''), source: { title: 't', file: 'x.html' } };
    expect(entryKey(r)).toBe('file:某区人民政府|2021|x.html');
  });

  it('review marks survive a re-read, are put on the findings, and dismissed ones do not count', async () => {
    const lib = store();
    const { key } = await lib.put(at('http://a.gov.cn/2021.html'));
    await lib.review(key, 'a', { status: 'dismissed', note: '系排版错误', at: '2025-01-02T00:00:00.000Z' });
    await lib.review(key, 'w', { status: 'confirmed', at: '2025-01-02T00:00:00.000Z' });
    await lib.put(at('http://a.gov.cn/2021.html'));
    const entry = (await lib.get(key))!;
    const shown = libraryReport(entry);
    expect(shown.findings.map((f) => f.review?.status)).toEqual(['dismissed', 'confirmed']);
    expect(counted(shown.findings).map((f) => f.id)).toEqual(['w']);
    // The stored report itself stays unmarked; the export schema accepts the marks.
    expect(entry.report.findings.some((f) => f.review)).toBe(false);
    expect(ReportSchema.parse(shown).findings[0].review).toEqual({ status: 'dismissed', note: '系排版错误', at: '2025-01-02T00:00:00.000Z' });
    expect(reviewsOf(shown.findings)).toEqual(entry.reviews);
    // Clearing a mark.
    await lib.review(key, 'a', null);
    expect(Object.keys((await lib.get(key))!.reviews)).toEqual(['w']);
  });

  it('the findings CSV ends with review and review_note', async () => {
    const lib = store();
    const { key } = await lib.put(at('http://a.gov.cn/2021.html'));
    const entry = (await lib.review(key, 'a', { status: 'confirmed', note: '已电话核实', at: '2025-01-02T00:00:00.000Z' }))!;
    const lines = exportFindingsCsv(libraryReport(entry)).replace(/^\ufeff/, '').trim().split('\r\n');
    expect(FINDING_COLUMNS.slice(-2)).toEqual(['review', 'review_note']);
    expect(lines[0].endsWith(',review,review_note')).toBe(true);
    expect(lines[1].endsWith(',confirmed,已电话核实')).toBe(true);
    expect(lines[2].endsWith(',,')).toBe(true);
  });

  it('delete one, then clear all (other keys in the area are left alone)', async () => {
    const lib = store();
    await fakeBrowser.storage.local.set({ other: 1 });
    const a = await lib.put(at('http://a.gov.cn/1.html'));
    await lib.put(at('http://a.gov.cn/2.html'));
    await lib.delete([a.key]);
    expect((await lib.all()).map((e) => e.key)).toEqual(['url:http://a.gov.cn/2.html']);
    await lib.clear();
    expect(await lib.all()).toEqual([]);
    expect(await fakeBrowser.storage.local.get('other')).toEqual({ other: 1 });
  });
});
