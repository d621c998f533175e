import { logError } from './log.ts';

// Many .gov.cn sites inject the article body with their own scripts after load, so one look at
// document_idle is not enough. We scan once, then rescan after DOM mutations — coalesced so that a
// busy page (carousels, tickers) costs one scan per `debounceMs` at most — and give up after `maxMs`
// or `maxRuns`, whichever comes first, so a non-report page pays almost nothing for long.

export interface WatchOptions {
  debounceMs?: number;
  maxMs?: number;
  maxRuns?: number;
  signal?: AbortSignal;
  /** What to observe; defaults to the whole document. */
  root?: Node;
  /** Asked after a scan found nothing: true ends the watch at once (a page that will not become a report). A throw counts as false. */
  giveUpWhen?: () => boolean;
}

export interface Watcher {
  readonly watching: boolean;
  readonly runs: number;
  stop(): void;
}

export const WATCH_DEFAULTS = { debounceMs: 400, maxMs: 10_000, maxRuns: 20 } as const;

/**
 * Call `scan` now and after mutations until it returns non-null (→ `onFound`, once) or the budget runs
 * out (→ `onGiveUp`, once). A throwing scan counts as "not found".
 */
export function watchForReport<T>(
  scan: () => T | null,
  onFound: (found: T, runs: number) => void,
  onGiveUp: (runs: number) => void,
  options: WatchOptions = {},
): Watcher {
  const { debounceMs, maxMs, maxRuns } = { ...WATCH_DEFAULTS, ...options };
  let runs = 0;
  let watching = true;
  let pending: ReturnType<typeof setTimeout> | undefined;
  let deadline: ReturnType<typeof setTimeout> | undefined;
  let observer: MutationObserver | undefined;

  const stop = () => {
    if (!watching) return;
    watching = false;
    observer?.disconnect();
    clearTimeout(pending);
    clearTimeout(deadline);
    options.signal?.removeEventListener('abort', stop);
  };

  /** One scan; returns true when the watch is over. */
  const run = (): boolean => {
    pending = undefined;
    runs += 1;
    let found: T | null = null;
    let hopeless = false;
    try {
      found = scan();
      hopeless = found === null && !!options.giveUpWhen?.();
    } catch (err) {
      logError('scan', err);
    }
    if (found !== null) {
      stop();
      onFound(found, runs);
      return true;
    }
    if (runs >= maxRuns || hopeless) {
      stop();
      onGiveUp(runs);
      return true;
    }
    return false;
  };

  if (options.signal?.aborted) {
    watching = false;
    return { get watching() { return false; }, get runs() { return 0; }, stop };
  }
  options.signal?.addEventListener('abort', stop);

  if (!run()) {
    observer = new MutationObserver(() => {
      if (pending === undefined && watching) pending = setTimeout(run, debounceMs);
    });
    observer.observe(options.root ?? document.documentElement, { childList: true, subtree: true });
    deadline = setTimeout(() => {
      // A scan already queued gets its chance; then we stop for good.
      if (pending !== undefined) {
        clearTimeout(pending);
        if (run()) return;
      }
      stop();
      onGiveUp(runs);
    }, maxMs);
  }

  return {
    get watching() { return watching; },
    get runs() { return runs; },
    stop,
  };
}
