import { isMsg, type LibraryNewsMsg, type ReportReply, type TabEntry } from '@/entrypoints/shared/messages.ts';
import { entryKey } from '@/lib/library/entry.ts';
import type { LibraryStore } from '@/lib/library/store.ts';
import { badgeFor } from './badge.ts';
import { isWebReport, keepReport, reportWithNews, reviewFinding } from './library.ts';
import type { TabStore } from './tab-store.ts';

// The background's whole job, as plain functions over injected dependencies, so unit tests call them
// directly (fakeBrowser's sendMessage ignores Promise-returning listeners).

/** The toolbar action: `action` in MV3, `browserAction` in Firefox's MV2 build. */
export interface ActionApi {
  setBadgeText(details: { tabId?: number; text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { tabId?: number; color: string }): Promise<void>;
  setTitle(details: { tabId?: number; title: string }): Promise<void>;
}

export interface Deps {
  store: TabStore;
  action: ActionApi;
  /** Ask a tab's frames for the report they hold (undefined when none answers). */
  askTab(tabId: number): Promise<ReportReply | undefined>;
  /** The reader's library (absent in tests that don't need it). */
  library?: LibraryStore;
  /** Tell a tab's frame what the library adds to its report. */
  tellTab?(tabId: number, frameId: number, news: LibraryNewsMsg): Promise<void>;
  /** Inject the auditor into one frame (places added in the options page). */
  injectAuditor?(tabId: number, frameId: number): Promise<void>;
  openHelp?(): Promise<void>;
}

export async function showBadge(action: ActionApi, tabId: number, entry: TabEntry | undefined): Promise<void> {
  const badge = badgeFor(entry && (entry.news ? reportWithNews(entry.report, entry.news) : entry.report));
  await Promise.all([
    action.setBadgeText({ tabId, text: badge.text }),
    action.setBadgeBackgroundColor({ tabId, color: badge.color }),
    action.setTitle({ tabId, title: badge.title }),
  ]);
}

interface Sender { tab?: { id?: number }; frameId?: number; url?: string }

/** runtime.onMessage: reports from content scripts, questions from the popup. */
export function handleMessage(msg: unknown, sender: Sender, deps: Deps): Promise<unknown> | undefined {
  if (!isMsg(msg)) return undefined;
  if (msg.type === 'nianbao/report') {
    const tabId = sender.tab?.id;
    if (tabId === undefined) return undefined;
    const entry: TabEntry = { report: msg.report, costMs: msg.costMs, frameId: sender.frameId ?? 0, url: sender.url };
    return deps.store
      .put(tabId, entry)
      .then((shown) => showBadge(deps.action, tabId, shown))
      .then(() => keepInLibrary(tabId, entry, deps))
      .then(() => true);
  }
  if (msg.type === 'nianbao/load-auditor') {
    const tabId = sender.tab?.id;
    if (tabId === undefined || !deps.injectAuditor) return undefined;
    return deps.injectAuditor(tabId, sender.frameId ?? 0).then(() => true);
  }
  if (msg.type === 'nianbao/open-help') return deps.openHelp?.().then(() => true);
  if (msg.type === 'nianbao/get-tab') return deps.store.get(msg.tabId).then((entry) => entry ?? null);
  if (msg.type === 'nianbao/review') {
    const library = deps.library;
    if (!library) return undefined;
    const tabId = msg.tabId ?? sender.tab?.id;
    return reviewFinding(library, msg.key, msg.findingId, msg.review).then(async (news) => {
      if (news && tabId !== undefined) await showNews(tabId, news, deps);
      return news;
    });
  }
  return undefined;
}

/** Keep a report read on a web page in the library, and give its tab what the library adds. */
async function keepInLibrary(tabId: number, entry: TabEntry, deps: Deps): Promise<void> {
  if (!deps.library || !isWebReport(entry.report)) return;
  const news = await keepReport(deps.library, entry.report);
  await showNews(tabId, news, deps);
}

/** The tab's entry (if it shows that report), its badge, and its page learn the library's news. */
async function showNews(tabId: number, news: LibraryNewsMsg, deps: Deps): Promise<void> {
  const current = await deps.store.get(tabId);
  if (!current || entryKey(current.report) !== news.key) return;
  const shown = await deps.store.put(tabId, { ...current, news });
  await showBadge(deps.action, tabId, shown);
  await deps.tellTab?.(tabId, shown.frameId, news);
}

/**
 * tabs.onUpdated. `loading` usually means a new page — but Chrome also reports it for same-document
 * navigations (a hash change, history.pushState; checked in Chromium 156) and, in some versions, iframe
 * loads. So on `complete` a tab left without a report asks its frames once: a document that still holds
 * its report answers and gets its badge back; a new page without a report stays blank.
 */
export async function handleTabUpdated(tabId: number, change: { status?: string }, deps: Deps): Promise<void> {
  if (change.status === 'loading') {
    await deps.store.clear(tabId);
    await showBadge(deps.action, tabId, undefined);
  } else if (change.status === 'complete' && !(await deps.store.get(tabId))) {
    const reply = await deps.askTab(tabId);
    // Re-check: the content script may have announced itself while we were asking.
    if (!reply || (await deps.store.get(tabId))) return;
    const entry = await deps.store.put(tabId, { report: reply.report, costMs: reply.costMs, frameId: -1 });
    await showBadge(deps.action, tabId, entry);
  }
}
