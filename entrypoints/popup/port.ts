import type { Finding, Report, Review } from '@/lib/schema.ts';
import type { ContentStatus, GetReportMsg, GetTabMsg, ReportReply, RevealMsg, ReviewMsg, StatusMsg, TabEntry } from '@/entrypoints/shared/messages.ts';
import { withReviews } from '@/lib/library/entry.ts';
import { readSettings, SETTINGS_KEY, type CsvFlavour } from '@/lib/settings.ts';
import { saveEvidence, type EvidencePack } from './evidence.ts';
import { explainNoReport, type Explanation } from './explain.ts';
import { checkAttachment } from './attachment.ts';

// Everything the popup needs from the browser, behind one small interface so App can be tested with a fake.

export type PopupState =
  /** `libraryKey`: the report is kept in the library (its findings then carry series findings and review marks). */
  /** `later`: later years' findings about this report (notes naming the later report, not counted in its verdict). */
  | { kind: 'report'; tabId: number; report: Report; libraryKey?: string; later?: Finding[] }
  | { kind: 'none'; why: Explanation };

export interface PopupPort {
  load(): Promise<PopupState>;
  reveal(tabId: number, findingId: string): Promise<void>;
  copyText(text: string): Promise<void>;
  /** Mark a finding of a library entry (null clears); optional so tests without a library need not fake it. */
  review?(tabId: number, key: string, findingId: string, review: Review | null): Promise<void>;
  /** The CSV encoding chosen in the options page (UTF-8 with BOM when absent). */
  csvFlavour?(): Promise<CsvFlavour>;
  /** The evidence pack (entrypoints/popup/evidence.ts); call it first thing in the click handler. */
  evidence?(tabId: number, report: Report): Promise<EvidencePack>;
  /** The help page's address (opened in a new tab from the popup's link). */
  helpUrl?(): string;
  /** 核对附件: asks for the attachment's host and opens the attachment page; call it first thing in the click. */
  checkAttachment?(href: string): Promise<void>;
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
      if (entry?.news) {
        const { news } = entry;
        const findings = withReviews([...entry.report.findings, ...news.series], news.reviews);
        return { kind: 'report', tabId, report: { ...entry.report, findings }, libraryKey: news.key, later: news.notes };
      }
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
    async review(tabId, key, findingId, review) {
      await browser.runtime.sendMessage({ type: 'nianbao/review', key, findingId, review, tabId } satisfies ReviewMsg);
    },
    evidence: (tabId, report) => saveEvidence(tabId, report),
    helpUrl: () => browser.runtime.getURL('/help.html'),
    checkAttachment,
    csvFlavour: async () => readSettings((await browser.storage.local.get(SETTINGS_KEY))?.[SETTINGS_KEY]).csv,
  };
}
