import type { GetReportMsg, ReportReply } from '@/entrypoints/shared/messages.ts';
import { LibraryStore } from '@/lib/library/store.ts';
import { handleMessage, handleTabUpdated, type ActionApi, type Deps } from './background/handlers.ts';
import { syncExtraHosts, type PermissionsApi, type ScriptingApi } from './background/registrations.ts';
import { TabStore } from './background/tab-store.ts';
import { applyLanguageSetting, loadLanguage } from '@/entrypoints/shared/language.ts';
import { SETTINGS_KEY } from '@/lib/settings.ts';
import { LOG_PREFIX } from '@/entrypoints/content/log.ts';

// Thin adapter: per-tab report + badge, the reader's library in storage.local (every report read is kept),
// the auditor injected where the reader added a place, the help page. Listeners are registered synchronously at
// start-up so a stopped MV3 service worker is woken by the events it needs. No network.

export default defineBackground(() => {
  const log = (err: unknown) => console.error(LOG_PREFIX, err);
  const ask: GetReportMsg = { type: 'nianbao/get-report' };
  const deps: Deps = {
    action: (browser.action ?? (browser as unknown as { browserAction: ActionApi }).browserAction) as ActionApi,
    store: new TabStore(browser.storage?.session),
    askTab: (tabId) =>
      (browser.tabs.sendMessage(tabId, ask) as Promise<ReportReply | undefined>).catch(() => undefined),
    library: new LibraryStore(browser.storage.local),
    tellTab: async (tabId, frameId, news) => {
      // frameId -1: the entry came from asking the tab, not from a frame's own message.
      await browser.tabs.sendMessage(tabId, news, frameId >= 0 ? { frameId } : undefined).catch(() => undefined);
    },
    // Only ever into a frame whose content script asked, on a host the reader granted (the injection
    // fails anywhere else).
    injectAuditor: async (tabId, frameId) => {
      await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: ['/auditor.js'] });
    },
    openHelp: async () => {
      await browser.tabs.create({ url: browser.runtime.getURL('/help.html') });
    },
  };

  // The places added in the options page: content script registered for exactly what is granted.
  const scripting = browser.scripting as unknown as ScriptingApi | undefined;
  const sync = () => {
    if (scripting) syncExtraHosts(scripting, browser.permissions as unknown as PermissionsApi).catch(log);
  };
  browser.permissions.onAdded.addListener(sync);
  browser.permissions.onRemoved.addListener(sync);
  browser.runtime.onInstalled.addListener(sync);
  browser.runtime.onStartup.addListener(sync);

  // The badge's title follows the language setting (read at start-up, and again when the options page saves it).
  void loadLanguage();
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && SETTINGS_KEY in changes) applyLanguageSetting(changes[SETTINGS_KEY].newValue);
  });

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
