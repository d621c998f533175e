import type { Report } from '@/lib/schema.ts';
import { isMsg, type ContentStatus, type LibraryNewsMsg, type ReportReply, type ShownTable } from '@/entrypoints/shared/messages.ts';
import type { PageKind } from '@/lib/page-kind.ts';

// Answers the popup. Only a frame that holds a report answers `get-report` and `reveal` (the popup
// broadcasts those to every frame of the tab); `status` is sent to the top frame only.

export interface ContentState {
  report(): Report | null;
  costMs(): number;
  watching(): boolean;
  looksLikeReport(): boolean;
  /** Asked only when the page holds no report. */
  pageKind(): PageKind;
  /** Scroll to a finding's first cell; false when this frame doesn't have it. */
  reveal(findingId: string): boolean;
  /** The library's news about this frame's report (series findings, notes, review marks); false when none is held. */
  library?(news: LibraryNewsMsg): boolean;
  /** Evidence pack: scroll a marked table into view (the auditor only). */
  showTable?(index: number): Promise<ShownTable | null>;
}

/** Returns a Promise to reply, or undefined to stay silent (so another frame may answer). */
export function handleContentMessage(msg: unknown, state: ContentState): Promise<unknown> | undefined {
  if (!isMsg(msg)) return undefined;
  switch (msg.type) {
    case 'nianbao/status': {
      const found = state.report() !== null;
      const status: ContentStatus = { found, watching: state.watching(), looksLikeReport: state.looksLikeReport() };
      if (!found) status.page = state.pageKind();
      return Promise.resolve(status);
    }
    case 'nianbao/get-report': {
      const report = state.report();
      const reply: ReportReply | undefined = report ? { report, costMs: state.costMs() } : undefined;
      return reply && Promise.resolve(reply);
    }
    case 'nianbao/show-table':
      return state.report() && state.showTable ? state.showTable(msg.index) : undefined;
    case 'nianbao/reveal':
      return state.reveal(msg.findingId) ? Promise.resolve(true) : undefined;
    case 'nianbao/library':
      return state.library?.(msg) ? Promise.resolve(true) : undefined;
    default:
      return undefined;
  }
}
