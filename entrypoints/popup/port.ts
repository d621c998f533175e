import type { Report } from '@/lib/schema.ts';
import type { ContentStatus, GetReportMsg, GetTabMsg, ReportReply, RevealMsg, StatusMsg, TabEntry } from '@/entrypoints/shared/messages.ts';
import { readSettings, SETTINGS_KEY, type CsvFlavour } from '@/lib/settings.ts';
import { saveEvidence, type EvidencePack } from './evidence.ts';
import { explainNoReport, type Explanation } from './explain.ts';

// Everything the popup needs from the browser, behind one small interface so App can be tested with a fake.

export type PopupState =
  | { kind: 'report'; tabId: number; report: Report }
  | { kind: 'none'; why: Explanation };

export interface PopupPort {
  load(): Promise<PopupState>;
  reveal(tabId: number, findingId: string): Promise<void>;
  copyText(text: string): Promise<void>;
  /** The CSV encoding chosen in the options page (UTF-8 with BOM when absent). */
  csvFlavour?(): Promise<CsvFlavour>;
  /** The evidence pack (entrypoints/popup/evidence.ts); call it first thing in the click handler. */
  evidence?(tabId: number, report: Report): Promise<EvidencePack>;
  /** The help page's address (opened in a new tab from the popup's link). */
  helpUrl?(): string;
}

/** `?tab=<id>` lets tests open popup.html as a page for a given tab; otherwise the active tab. */
export function tabIdFromQuery(search: string): number | undefined {
  const raw = new URLSearchParams(search).get('tab');
  const id = raw === null ? NaN : Number(raw);
  return Number.isInteger(id) && id >= 0 ? id : undefined;
}

export function browserPort(search: string): PopupPort {
  const findTab = async () => {
    const fromQuery = tabIdFromQuery(search);
    if (fromQuery !== undefined) return browser.tabs.get(fromQuery).catch(() => ({ id: fromQuery, url: undefined }));
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return tab;
  };
  return {
    async load() {
      const tab = await findTab();
      if (tab?.id === undefined) return { kind: 'none', why: explainNoReport(undefined, 'absent') };
      const tabId = tab.id;
      const entry = (await browser.runtime.sendMessage({ type: 'nianbao/get-tab', tabId } satisfies GetTabMsg)) as TabEntry | null;
      if (entry) return { kind: 'report', tabId, report: entry.report };
      // The background forgets when its service worker is stopped; the page itself still knows.
      const reply = (await browser.tabs
        .sendMessage(tabId, { type: 'nianbao/get-report' } satisfies GetReportMsg)
        .catch(() => undefined)) as ReportReply | undefined;
      if (reply?.report) return { kind: 'report', tabId, report: reply.report };
      const status = (await browser.tabs
        .sendMessage(tabId, { type: 'nianbao/status' } satisfies StatusMsg, { frameId: 0 })
        .catch(() => undefined)) as ContentStatus | undefined;
      return { kind: 'none', why: explainNoReport(tab.url, status ?? 'absent') };
    },
    async reveal(tabId, findingId) {
      await browser.tabs.sendMessage(tabId, { type: 'nianbao/reveal', findingId } satisfies RevealMsg);
    },
    copyText: (text) => navigator.clipboard.writeText(text),
    evidence: (tabId, report) => saveEvidence(tabId, report),
    helpUrl: () => browser.runtime.getURL('/help.html'),
    csvFlavour: async () => readSettings((await browser.storage.local.get(SETTINGS_KEY))?.[SETTINGS_KEY]).csv,
  };
}
