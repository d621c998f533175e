import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleMessage, type ActionApi, type Deps } from '@/entrypoints/background/handlers.ts';
import { TabStore } from '@/entrypoints/background/tab-store.ts';
import type { LibraryNewsMsg, ReportFoundMsg, ReviewMsg } from '@/entrypoints/shared/messages.ts';
import { LibraryStore } from '@/lib/library/store.ts';
import type { Report } from '@/lib/schema.ts';
import { auditHtml, fixture } from '../support/audit-html.ts';

// The background's library part, called directly (fakeBrowser's sendMessage ignores Promise listeners):
// reports read on web pages are kept, the tab is told the series findings, review marks change the badge.

const page = (name: string, url?: string): Report => {
  const report = auditHtml(fixture(`../e2e/pages/${name}`))!.report;
  return { ...report, source: { title: report.source.title, ...(url ? { url } : {}) } };
};
const A21 = page('library-a-2021.html', 'http://www.linxi.gov.cn/a21.html');
const A22 = page('library-a-2022.html', 'http://www.linxi.gov.cn/a22.html');

describe('background + library', () => {
  let deps: Deps;
  let told: [number, number, LibraryNewsMsg][];
  let badges: Map<number, string>;
  beforeEach(() => {
    fakeBrowser.reset();
    told = [];
    badges = new Map();
    const action: ActionApi = {
      setBadgeText: async ({ tabId, text }) => void badges.set(tabId ?? -1, text),
      setBadgeBackgroundColor: async () => {},
      setTitle: async () => {},
    };
    deps = {
      store: new TabStore(),
      action,
      askTab: vi.fn(async () => undefined),
      library: new LibraryStore(fakeBrowser.storage.local),
      tellTab: async (tabId, frameId, news) => void told.push([tabId, frameId, news]),
    };
  });
  const found = (report: Report): ReportFoundMsg => ({ type: 'nianbao/report', report, costMs: 1 });

  it('keeps each report read, and tells the later year’s tab its series findings (badge counts them)', async () => {
    await handleMessage(found(A21), { tab: { id: 1 }, frameId: 0 }, deps);
    await handleMessage(found(A22), { tab: { id: 2 }, frameId: 3 }, deps);
    expect((await deps.library!.all()).map((e) => e.report.year).sort()).toEqual([2021, 2022]);
    const [tabId, frameId, news] = told.at(-1)!;
    expect([tabId, frameId, news.key]).toEqual([2, 3, 'url:http://www.linxi.gov.cn/a22.html']);
    expect(news.series.map((f) => f.id)).toEqual(['series:carry_over:total', 'series:carry_over:natural_person']);
    expect(badges.get(2)).toBe('2');
    expect(told[0][2].series).toEqual([]);
  });

  it('a review mark is kept, and a dismissed finding leaves the badge count', async () => {
    await handleMessage(found(A21), { tab: { id: 1 }, frameId: 0 }, deps);
    await handleMessage(found(A22), { tab: { id: 2 }, frameId: 0 }, deps);
    const review: ReviewMsg = {
      type: 'nianbao/review',
      key: 'url:http://www.linxi.gov.cn/a22.html',
      findingId: 'series:carry_over:total',
      review: { status: 'dismissed', note: 'n', at: '2025-01-01T00:00:00.000Z' },
    };
    const news = (await handleMessage(review, { tab: { id: 2 }, frameId: 0 }, deps)) as LibraryNewsMsg;
    expect(news.reviews['series:carry_over:total'].status).toBe('dismissed');
    expect(badges.get(2)).toBe('1');
    expect((await deps.library!.get(review.key))!.reviews).toEqual(news.reviews);
    // A report not in the library: null.
    expect(await handleMessage({ ...review, key: 'url:x' }, { tab: { id: 2 } }, deps)).toBeNull();
  });

  it('a report without a web address is not kept on its own', async () => {
    await handleMessage(found(page('library-a-2021.html')), { tab: { id: 1 }, frameId: 0 }, deps);
    expect(await deps.library!.all()).toEqual([]);
    expect(told).toEqual([]);
  });
});
