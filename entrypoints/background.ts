import type { GetReportMsg, ReportReply } from '@/entrypoints/shared/messages.ts';
import { handleMessage, handleTabUpdated, type ActionApi, type Deps } from './background/handlers.ts';
import { TabStore } from './background/tab-store.ts';

// Thin adapter: per-tab report + badge. Listeners are registered synchronously at start-up so a
// stopped MV3 service worker is woken by the events it needs. No network, no storage permission.

export default defineBackground(() => {
  const log = (err: unknown) => console.error('[年报核对]', err);
  const ask: GetReportMsg = { type: 'nianbao/get-report' };
  const deps: Deps = {
    action: (browser.action ?? (browser as unknown as { browserAction: ActionApi }).browserAction) as ActionApi,
    store: new TabStore(browser.storage?.session),
    askTab: (tabId) =>
      (browser.tabs.sendMessage(tabId, ask) as Promise<ReportReply | undefined>).catch(() => undefined),
  };

  browser.runtime.onMessage.addListener((msg, sender) => {
    const reply = handleMessage(msg, sender, deps);
    return reply?.catch((err: unknown) => {
      log(err);
      return null;
    });
  });
  browser.tabs.onUpdated.addListener((tabId, change) => {
    handleTabUpdated(tabId, change, deps).catch(log);
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    deps.store.clear(tabId).catch(log);
  });
});
