import type { Report } from '@/lib/schema.ts';
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

export type Msg = ReportFoundMsg | GetTabMsg | GetReportMsg | StatusMsg | RevealMsg | LoadAuditorMsg | OpenHelpMsg | ShowTableMsg;

export interface ReportReply { report: Report; costMs: number }

/** What the background keeps per tab. */
export interface TabEntry { report: Report; costMs: number; frameId: number; url?: string }

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
