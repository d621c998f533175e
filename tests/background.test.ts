import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BADGE_GREEN, BADGE_RED, badgeFor } from '@/entrypoints/background/badge.ts';
import { handleMessage, handleTabUpdated, type ActionApi, type Deps } from '@/entrypoints/background/handlers.ts';
import { preferEntry, TabStore } from '@/entrypoints/background/tab-store.ts';
import type { TabEntry } from '@/entrypoints/shared/messages.ts';
import { fakeReport, finding } from './support/fake-report.ts';

// Called directly: fakeBrowser's runtime.sendMessage ignores Promise-returning listeners.

const broken = fakeReport([finding({ id: 'a' }), finding({ id: 'b' }), finding({ id: 'w', severity: 'warning' })]);
const clean = fakeReport([finding({ id: 'w', severity: 'warning' })]);

function fakeAction() {
  const badges = new Map<number, { text?: string; color?: string; title?: string }>();
  const at = (tabId = -1) => badges.get(tabId) ?? badges.set(tabId, {}).get(tabId)!;
  const action: ActionApi = {
    setBadgeText: async ({ tabId, text }) => void (at(tabId).text = text),
    setBadgeBackgroundColor: async ({ tabId, color }) => void (at(tabId).color = color),
    setTitle: async ({ tabId, title }) => void (at(tabId).title = title),
  };
  return { action, badges };
}

describe('badgeFor', () => {
  it('shows the error count in red, a green check for a clean report, nothing without a report', () => {
    expect(badgeFor(broken)).toMatchObject({ text: '2', color: BADGE_RED });
    expect(badgeFor(clean)).toMatchObject({ text: '✓', color: BADGE_GREEN });
    expect(badgeFor(undefined).text).toBe('');
    const many = fakeReport(Array.from({ length: 120 }, (_, i) => finding({ id: `f${i}` })));
    expect(badgeFor(many).text).toBe('99+');
  });
});

describe('TabStore', () => {
  const entry = (frameId: number, report = broken): TabEntry => ({ report, costMs: 1, frameId });

  it('prefers the top frame over sub-frames, otherwise the newest', () => {
    expect(preferEntry(entry(0), entry(3)).frameId).toBe(0);
    expect(preferEntry(entry(3), entry(0)).frameId).toBe(0);
    expect(preferEntry(entry(3), entry(4)).frameId).toBe(4);
    expect(preferEntry(undefined, entry(4)).frameId).toBe(4);
  });

  it('keeps entries per tab and mirrors them to a session area when there is one', async () => {
    const data: Record<string, unknown> = {};
    const session = {
      get: async (k: string) => (k in data ? { [k]: data[k] } : {}),
      set: async (items: Record<string, unknown>) => void Object.assign(data, items),
      remove: async (k: string) => void delete data[k],
    };
    const a = new TabStore(session);
    await a.put(7, entry(0));
    expect((await a.get(7))?.report).toBe(broken);
    expect(await a.get(8)).toBeUndefined();
    // A restarted service worker (new store, same session) still knows the tab.
    expect((await new TabStore(session).get(7))?.frameId).toBe(0);
    await a.clear(7);
    expect(await new TabStore(session).get(7)).toBeUndefined();
  });
});

describe('background handlers', () => {
  let deps: Deps;
  let badges: ReturnType<typeof fakeAction>['badges'];
  beforeEach(() => {
    const fake = fakeAction();
    badges = fake.badges;
    deps = { store: new TabStore(), action: fake.action, askTab: vi.fn(async () => undefined) };
  });
  const report = (r = broken, frameId = 0) =>
    handleMessage({ type: 'nianbao/report', report: r, costMs: 3 }, { tab: { id: 5 }, frameId, url: 'http://x.gov.cn/' }, deps);

  it('a report from a content script sets the badge and is kept for the popup', async () => {
    await report();
    expect(badges.get(5)).toMatchObject({ text: '2', color: BADGE_RED });
    const entry = (await handleMessage({ type: 'nianbao/get-tab', tabId: 5 }, {}, deps)) as TabEntry;
    expect(entry.report).toBe(broken);
    expect(entry.costMs).toBe(3);
    expect(await handleMessage({ type: 'nianbao/get-tab', tabId: 6 }, {}, deps)).toBeNull();
  });

  it('a clean report gets the green check', async () => {
    await report(clean);
    expect(badges.get(5)).toMatchObject({ text: '✓', color: BADGE_GREEN });
  });

  it('ignores foreign messages and reports without a tab', () => {
    expect(handleMessage({ hello: 1 }, {}, deps)).toBeUndefined();
    expect(handleMessage({ type: 'nianbao/report', report: broken, costMs: 1 }, {}, deps)).toBeUndefined();
  });

  it('navigation clears the tab; an iframe load that cleared it gets it back from the page on complete', async () => {
    await report();
    await handleTabUpdated(5, { status: 'loading' }, deps);
    expect(badges.get(5)?.text).toBe('');
    expect(await deps.store.get(5)).toBeUndefined();

    deps.askTab = vi.fn(async () => ({ report: broken, costMs: 3 }));
    await handleTabUpdated(5, { status: 'complete' }, deps);
    expect(deps.askTab).toHaveBeenCalledWith(5);
    expect(badges.get(5)?.text).toBe('2');
  });

  it('a new page without a report stays blank; a tab that has its report is not asked again', async () => {
    await handleTabUpdated(5, { status: 'complete' }, deps);
    expect(badges.get(5)?.text).toBeUndefined();
    await report();
    await handleTabUpdated(5, { status: 'complete' }, deps);
    expect(deps.askTab).toHaveBeenCalledTimes(1);
  });
});
