import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { sourceOfAddress } from '@/lib/archive-url.ts';
import { DEFAULT_SETTINGS, readSettings, SETTINGS_KEY, type Settings } from '@/lib/settings.ts';
import { auditDocument, type AuditResult } from '@/lib/audit.ts';
import { hiddenAsRendered } from '@/lib/read/hidden-elements.ts';
import type { LibraryNewsMsg, ReportFoundMsg, ReviewMsg } from '@/entrypoints/shared/messages.ts';
import { counted, withReviews } from '@/lib/library/entry.ts';
import type { OnReview } from '@/components/ReviewControls.tsx';
import { pageKind } from '@/lib/page-kind.ts';
import { looksLikeReport } from '@/lib/report-detection.ts';
import { guard, logError } from './content/log.ts';
import { clearMarks, markFindings, unmarkedFindings, type Marks } from './content/mark-cells.ts';
import { handleContentMessage } from './content/messages.ts';
import { markedTables } from './content/anchor.ts';
import { ensureMarkStyles, removeMarkStyles } from './content/page-style.ts';
import { markDone, timed, totalCostMs } from './content/timing.ts';
import { clearProseHighlight, highlightProse } from './content/prose-highlight.ts';
import { mountBanner, mountPill, mountTooltips, revealFinding, type MountedBanner } from './content/ui.tsx';
import { watchForReport } from './content/watch.ts';
import { severityCount } from '@/lib/checks/finding.ts';
import { applyLanguageSetting } from '@/entrypoints/shared/language.ts';

// Stage two, loaded by the content script (entrypoints/content.ts) into its isolated world on pages that look
// like a report: find the report (now or once the page's own scripts inject it), audit it in place, mark its
// cells, show the banner and the pill, tell the background, answer the popup. Errors are caught and logged;
// the page's text is never touched. See content/timing.ts for how the cost is exposed to the benchmark.

export default defineUnlistedScript(() => {
  const ctx = new ContentScriptContext('nianbao-auditor');
  let found: { result: AuditResult; marks: Marks; audited: AuditResult['report']; banner?: MountedBanner; key?: string } | null = null;
  /** Where the reader was before the evidence pack scrolled the page. */
  let scrolledFrom = { x: 0, y: 0 };

  // An archived copy is read as the original page it keeps (its URL and host); the archive's address is kept too.
  const scan = () => timed('scan', () => auditDocument(document, sourceOfAddress(location.href), { isHidden: hiddenAsRendered }));
  // The reader's settings (options page); the defaults until storage answers, which it does before the scan ends.
  let settings: Settings = DEFAULT_SETTINGS;
  const settingsRead: Promise<void> = (browser.storage?.local?.get(SETTINGS_KEY) ?? Promise.resolve({}))
    .then((stored: Record<string, unknown>) => {
      settings = readSettings(stored[SETTINGS_KEY]);
      applyLanguageSetting(stored[SETTINGS_KEY]);
    })
    .catch((err: unknown) => logError('settings', err));

  const announce = () => {
    if (!found) return;
    const msg: ReportFoundMsg = { type: 'nianbao/report', report: found.result.report, costMs: totalCostMs() };
    browser.runtime.sendMessage(msg).catch((err: unknown) => logError('sendMessage', err));
  };

  // The library's news (background, after keeping the report): series findings and later years' notes are
  // marked and listed with the page's own findings; dismissed ones are listed greyed and not marked.
  const applyNews = (news: LibraryNewsMsg): boolean => {
    if (!found) return false;
    const { result, marks, audited } = found;
    const findings = withReviews([...audited.findings, ...news.series], news.reviews);
    const report = { ...audited, findings };
    found.key = news.key;
    found.result = { ...result, report };
    const toMark = [...counted(findings), ...news.notes];
    // Re-mark only when the marked findings change (a reader's focus on a cell is kept either way).
    if (toMark.map((f) => f.id).join('\n') !== [...marks.findings.keys()].join('\n')) {
      const active = document.activeElement as HTMLElement | null;
      clearMarks(document);
      const next = markFindings({ ...result, report: { ...report, findings: toMark } });
      // The tooltips hold `marks`: refill it in place.
      for (const map of ['main', 'findings'] as const) {
        marks[map].clear();
        for (const [k, v] of next[map]) marks[map].set(k, v as never);
      }
      if (active && active !== document.activeElement && active.hasAttribute('tabindex')) active.focus({ preventScroll: true });
    }
    found.banner?.update?.(findings, news.notes);
    return true;
  };

  const review: OnReview = (finding, status, note) => {
    if (!found?.key) return;
    const msg: ReviewMsg = {
      type: 'nianbao/review',
      key: found.key,
      findingId: finding.id,
      review: status ? { status, ...(note ? { note } : {}), at: new Date().toISOString() } : null,
    };
    (browser.runtime.sendMessage(msg) as Promise<LibraryNewsMsg | null>)
      .then((news) => news && applyNews(news))
      .catch((err: unknown) => logError('review', err));
  };

  const onFound = (result: AuditResult, runs: number) => {
    // Marks off: the cells are still found (the popup's "show me" scrolls to them), but nothing is drawn.
    const marks = timed('mark', () => {
      if (settings.marks) ensureMarkStyles(document);
      return settings.marks ? markFindings(result) : unmarkedFindings(result);
    });
    guard('prose', () => highlightProse(result), 0);
    found = { result, marks, audited: result.report };
    const banner = settings.banner ? guard('banner', () => mountBanner(ctx, result, marks, review), undefined) : undefined;
    found.banner = banner;
    if (banner && settings.pill) guard('pill', () => mountPill(ctx, result.report.findings, banner), undefined);
    if (settings.marks) guard('tooltip', () => mountTooltips(ctx, marks), undefined);
    timed('message', announce);
    const findings = result.report.findings;
    markDone({
      found: true,
      runs,
      errors: severityCount(findings).error,
      warnings: severityCount(findings).warning,
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
      library: (news) => guard('library', () => applyNews(news), false),
    });
    if (!reply) return false;
    reply.then(sendResponse, (err: unknown) => logError('onMessage', err));
    return true;
  };
  browser.runtime.onMessage.addListener(onMessage);

  ctx.onInvalidated(() => {
    browser.runtime.onMessage.removeListener(onMessage);
    clearMarks(document);
    clearProseHighlight();
    removeMarkStyles(document);
  });
});
