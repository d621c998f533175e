import type { LoadAuditorMsg } from '@/entrypoints/shared/messages.ts';
import { isArchiveHost, isGovCnHost, reportHost } from '@/lib/archive-url.ts';
import { pageKind } from '@/lib/page-kind.ts';
import { looksLikeReport } from '@/lib/report-detection.ts';
import { logError } from './content/log.ts';
import { handleContentMessage } from './content/messages.ts';
import { markDone, timed, totalCostMs } from './content/timing.ts';
import { watchForReport } from './content/watch.ts';

// Stage one, on every .gov.cn page: is this a report? A cheap test now and per DOM burst for at most 10 s
// (none on a report column's list page), and an answer to the popup's "why no report". Only when the page
// looks like a report is the auditor (entrypoints/auditor.ts: parsing, checks, marks, banner) loaded into
// this same isolated world; from then on it answers the popup. So the code every page pays for stays small.

export const AUDITOR_PATH = '/auditor.js';

export default defineContentScript({
  matches: ['*://*.gov.cn/*'],
  allFrames: true,
  runAt: 'document_idle',
  main(ctx) {
    // Also registered at runtime on the places the reader added in the options page. On the archive,
    // only copies of .gov.cn pages are ours (read from the archive URL), not its other pages.
    if (isArchiveHost(location.hostname) && !isGovCnHost(reportHost(location.href))) return;
    // Off .gov.cn the auditor is not web-accessible (the manifest exposes it to .gov.cn only): the
    // background injects it into this frame instead.
    const viaBackground = !isGovCnHost(location.hostname);
    let loading = false;

    const onMessage = (msg: unknown, _sender: unknown, sendResponse: (reply: unknown) => void) => {
      const reply = handleContentMessage(msg, {
        report: () => null,
        costMs: totalCostMs,
        watching: () => watcher.watching || loading,
        looksLikeReport: () => looksLikeReport(document),
        pageKind: () => pageKind(document),
        reveal: () => false,
      });
      if (!reply) return false;
      reply.then(sendResponse, (err: unknown) => logError('onMessage', err));
      return true;
    };

    const loadAuditor = () => {
      loading = true;
      // The auditor registers its own message listener as it starts; ours steps aside then.
      const load: Promise<unknown> = viaBackground
        ? browser.runtime.sendMessage({ type: 'nianbao/load-auditor' } satisfies LoadAuditorMsg).then((ok: unknown) => {
            if (ok !== true) throw new Error('the background did not load the auditor');
          })
        : import(/* @vite-ignore */ browser.runtime.getURL(AUDITOR_PATH));
      load.then(
        () => browser.runtime.onMessage.removeListener(onMessage),
        (err: unknown) => {
          loading = false;
          logError('load auditor', err);
        },
      );
    };

    // A report column's list page names many reports but never becomes one: no auditor, no ten-second wait.
    const isList = () => pageKind(document).kind === 'list';
    const watcher = watchForReport(
      () => timed('detect', () => (looksLikeReport(document) && !isList()) || null),
      loadAuditor,
      (runs) => markDone({ found: false, runs }),
      { signal: ctx.signal, giveUpWhen: isList },
    );

    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
  },
});
