import type { Finding, Report, Review } from '@/lib/schema.ts';
import type { PageKind } from '@/lib/page-kind.ts';

// The extension's wire protocol between content script, background and popup (pure types, no APIs). Types only (no zod here:
// the content script must stay small; the popup validates on export).

/** content → background: a report was found and checked in this frame. */
export interface ReportFoundMsg { type: 'nianbao/report'; report: Report; costMs: number }
/** popup → background: what do you hold for this tab? Reply: TabEntry | null. */
export interface GetTabMsg { type: 'nianbao/get-tab'; tabId: number }
/** popup/background → content (all frames): only a frame that holds a report replies, with a ReportReply. */
export interface GetReportMsg { type: 'nianbao/get-report' }
/** popup → content (top frame): why is there no report? Reply: ContentStatus. */
export interface StatusMsg { type: 'nianbao/status' }
/** popup → content (all frames): scroll to and flash the first cell of a finding; the owning frame replies true. */
export interface RevealMsg { type: 'nianbao/reveal'; findingId: string }

/**
 * background → content (the report's frame): what the library adds to the page's report — its series
 * findings, notes from later reports about it (`later:` ids, on its own cells), the reader's review marks.
 */
export interface LibraryNewsMsg { type: 'nianbao/library'; key: string; series: Finding[]; notes: Finding[]; reviews: Record<string, Review> }
/** content/popup → background: mark a finding of the library entry `key` (null clears). Reply: LibraryNewsMsg | null. */
export interface ReviewMsg { type: 'nianbao/review'; key: string; findingId: string; review: Review | null; tabId?: number }


/**
 * content → background: load the auditor into this frame. Off .gov.cn (an archived copy, a mirror, a local
 * file) the auditor is not web-accessible, so the background injects it with scripting.executeScript.
 */
export interface LoadAuditorMsg { type: 'nianbao/load-auditor' }
/** banner/popup → background: open the help page in a tab (a page cannot open an extension page itself). */
export interface OpenHelpMsg { type: 'nianbao/open-help' }

/**
 * popup → content (the frame holding the report), for the evidence pack: scroll the index-th marked table
 * into view (index −1: back to where the reader was). Reply: ShownTable | null past the last one.
 */
export interface ShowTableMsg { type: 'nianbao/show-table'; index: number }
export interface ShownTable { index: number; count: number; table: string | null }

export type Msg = ReportFoundMsg | GetTabMsg | GetReportMsg | StatusMsg | RevealMsg | LibraryNewsMsg | ReviewMsg | LoadAuditorMsg | OpenHelpMsg | ShowTableMsg;

export interface ReportReply { report: Report; costMs: number }

/** What the background keeps per tab. */
export interface TabEntry {
  report: Report;
  costMs: number;
  frameId: number;
  url?: string;
  /** What the library adds to the report (series findings, notes, review marks), once it is kept there. */
  news?: LibraryNewsMsg;
}

/** The content script's own view of the page, for the popup's "why no report" text. */
export interface ContentStatus {
  found: boolean;
  watching: boolean;
  looksLikeReport: boolean;
  /** A report column's list page, or a report page whose report is an attachment (with their links). */
  page?: PageKind;
}

export function isMsg(value: unknown): value is Msg {
  const type = (value as { type?: unknown } | null)?.type;
  return typeof type === 'string' && type.startsWith('nianbao/');
}
