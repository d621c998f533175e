import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { sourceOfAddress } from '@/lib/archive-url.ts';
import { DEFAULT_SETTINGS, readSettings, SETTINGS_KEY, type Settings } from '@/lib/settings.ts';
import { auditDocument, type AuditResult } from '@/lib/audit.ts';
import { hiddenAsRendered } from '@/lib/read/hidden-elements.ts';
import type { ReportFoundMsg } from '@/entrypoints/shared/messages.ts';
import { pageKind } from '@/lib/page-kind.ts';
import { looksLikeReport } from '@/lib/report-detection.ts';
import { guard, logError } from './content/log.ts';
import { clearMarks, markFindings, unmarkedFindings, type Marks } from './content/mark-cells.ts';
import { handleContentMessage } from './content/messages.ts';
import { markedTables } from './content/anchor.ts';
import { ensureMarkStyles, removeMarkStyles } from './content/page-style.ts';
import { markDone, timed, totalCostMs } from './content/timing.ts';
import { mountBanner, mountPill, mountTooltips, revealFinding } from './content/ui.tsx';
import { watchForReport } from './content/watch.ts';

// Stage two, loaded by the content script (entrypoints/content.ts) into its isolated world on pages that look
// like a report: find the report (now or once the page's own scripts inject it), audit it in place, mark its
// cells, show the banner and the pill, tell the background, answer the popup. Errors are caught and logged;
// the page's text is never touched. See content/timing.ts for how the cost is exposed to the benchmark.

export default defineUnlistedScript(() => {
  const ctx = new ContentScriptContext('nianbao-auditor');
  let found: { result: AuditResult; marks: Marks } | null = null;
  /** Where the reader was before the evidence pack scrolled the page. */
  let scrolledFrom = { x: 0, y: 0 };

  // An archived copy is read as the original page it keeps (its URL and host); the archive's address is kept too.
  const scan = () => timed('scan', () => auditDocument(document, sourceOfAddress(location.href), { isHidden: hiddenAsRendered }));
  // The reader's settings (options page); the defaults until storage answers, which it does before the scan ends.
  let settings: Settings = DEFAULT_SETTINGS;
  const settingsRead: Promise<void> = (browser.storage?.local?.get(SETTINGS_KEY) ?? Promise.resolve({}))
    .then((stored: Record<string, unknown>) => void (settings = readSettings(stored[SETTINGS_KEY])))
    .catch((err: unknown) => logError('settings', err));

  const announce = () => {
    if (!found) return;
    const msg: ReportFoundMsg = { type: 'nianbao/report', report: found.result.report, costMs: totalCostMs() };
    browser.runtime.sendMessage(msg).catch((err: unknown) => logError('sendMessage', err));
  };

  const onFound = (result: AuditResult, runs: number) => {
    // Marks off: the cells are still found (the popup's "show me" scrolls to them), but nothing is drawn.
    const marks = timed('mark', () => {
      if (settings.marks) ensureMarkStyles(document);
      return settings.marks ? markFindings(result) : unmarkedFindings(result);
    });
    found = { result, marks };
    const banner = settings.banner ? guard('banner', () => mountBanner(ctx, result, marks), undefined) : undefined;
    if (banner && settings.pill) guard('pill', () => mountPill(ctx, result.report.findings, banner), undefined);
    if (settings.marks) guard('tooltip', () => mountTooltips(ctx, marks), undefined);
    timed('message', announce);
    const findings = result.report.findings;
    markDone({
      found: true,
      runs,
      errors: findings.filter((f) => f.severity === 'error').length,
      warnings: findings.filter((f) => f.severity === 'warning').length,
    });
    // A page restored from the back/forward cache doesn't rerun us, but the background cleared the tab.
    ctx.addEventListener(window, 'pageshow', (e) => (e as PageTransitionEvent).persisted && announce());
  };

  const watcher = watchForReport(
    scan,
    (result, runs) => void settingsRead.then(() => guard('onFound', () => onFound(result, runs), undefined)),
    (runs) => markDone({ found: false, runs }),
    // A report column's list page names many reports but never becomes one: no ten-second wait there.
    { signal: ctx.signal },
  );

  // sendResponse + `return true` rather than a returned Promise: the one form every browser honours
  // without the polyfill (see wxt.config.ts).
  const onMessage = (msg: unknown, _sender: unknown, sendResponse: (reply: unknown) => void) => {
    const reply = handleContentMessage(msg, {
      report: () => found?.result.report ?? null,
      costMs: totalCostMs,
      watching: () => watcher.watching,
      looksLikeReport: () => looksLikeReport(document),
      pageKind: () => pageKind(document),
      showTable: async (index) => {
        if (!found) return null;
        const tables = markedTables(found.result);
        if (index < 0) {
          window.scrollTo({ left: scrolledFrom.x, top: scrolledFrom.y, behavior: 'instant' });
          return { index, count: tables.length, table: null };
        }
        if (index >= tables.length) return null;
        if (index === 0) scrolledFrom = { x: window.scrollX, y: window.scrollY };
        tables[index].el.scrollIntoView({ block: 'start', inline: 'nearest', behavior: 'instant' });
        // Let the page paint at its new place before the popup takes the screenshot.
        await new Promise((resolve) => setTimeout(resolve, 150));
        return { index, count: tables.length, table: tables[index].key };
      },
      reveal: (id) => {
        const finding = found?.marks.findings.get(id);
        return !!(found && finding && revealFinding(finding, found.marks));
      },
    });
    if (!reply) return false;
    reply.then(sendResponse, (err: unknown) => logError('onMessage', err));
    return true;
  };
  browser.runtime.onMessage.addListener(onMessage);

  ctx.onInvalidated(() => {
    browser.runtime.onMessage.removeListener(onMessage);
    clearMarks(document);
    removeMarkStyles(document);
  });
});
