import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchForReport } from '@/entrypoints/content/watch.ts';

// The late-injection watcher: scan now, rescan after DOM bursts (coalesced), stop when found or when
// the time/run budget is spent.

const flush = () => new Promise((r) => queueMicrotask(() => r(undefined)));

describe('watchForReport', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    document.body.innerHTML = '<div id="article"></div>';
  });
  afterEach(() => vi.useRealTimers());

  it('finds a report that is already there without observing anything', () => {
    const onFound = vi.fn();
    const w = watchForReport(() => 'report', onFound, vi.fn());
    expect(onFound).toHaveBeenCalledWith('report', 1);
    expect(w.watching).toBe(false);
  });

  it('finds a report injected later, with one scan per burst of mutations', async () => {
    let present = false;
    const scan = vi.fn(() => (present ? 'report' : null));
    const onFound = vi.fn();
    const w = watchForReport(scan, onFound, vi.fn(), { debounceMs: 300 });
    expect(scan).toHaveBeenCalledTimes(1);

    for (let i = 0; i < 5; i++) document.getElementById('article')!.append(document.createElement('p'));
    await flush();
    vi.advanceTimersByTime(299);
    expect(scan).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(scan).toHaveBeenCalledTimes(2);
    expect(onFound).not.toHaveBeenCalled();

    present = true;
    document.getElementById('article')!.append(document.createElement('table'));
    await flush();
    vi.advanceTimersByTime(300);
    expect(onFound).toHaveBeenCalledWith('report', 3);
    expect(w.watching).toBe(false);

    document.body.append(document.createElement('div'));
    await flush();
    vi.advanceTimersByTime(5000);
    expect(scan).toHaveBeenCalledTimes(3);
  });

  it('gives up at once, without waiting, when giveUpWhen says the page will not become a report', async () => {
    const scan = vi.fn(() => null);
    const onGiveUp = vi.fn();
    let listPage = false;
    const w = watchForReport(scan, vi.fn(), onGiveUp, { giveUpWhen: () => listPage });
    expect(w.watching).toBe(true);
    listPage = true;
    document.getElementById('article')!.append(document.createElement('ul'));
    await flush();
    vi.advanceTimersByTime(400);
    expect(onGiveUp).toHaveBeenCalledWith(2);
    expect(w.watching).toBe(false);
    expect(scan).toHaveBeenCalledTimes(2);
  });

  it('gives up after maxMs and ignores later mutations', async () => {
    const scan = vi.fn(() => null);
    const onGiveUp = vi.fn();
    const w = watchForReport(scan, vi.fn(), onGiveUp, { maxMs: 1000, debounceMs: 100 });
    vi.advanceTimersByTime(1000);
    expect(onGiveUp).toHaveBeenCalledWith(1);
    expect(w.watching).toBe(false);
    document.body.append(document.createElement('div'));
    await flush();
    vi.advanceTimersByTime(1000);
    expect(scan).toHaveBeenCalledTimes(1);
  });

  it('gives up after maxRuns even while the page keeps changing', async () => {
    const scan = vi.fn(() => null);
    const onGiveUp = vi.fn();
    watchForReport(scan, vi.fn(), onGiveUp, { maxRuns: 3, debounceMs: 100, maxMs: 60_000 });
    for (let i = 0; i < 10; i++) {
      document.body.append(document.createElement('span'));
      await flush();
      vi.advanceTimersByTime(100);
    }
    expect(scan).toHaveBeenCalledTimes(3);
    expect(onGiveUp).toHaveBeenCalledTimes(1);
  });

  it('a burst that never pauses still gets scanned (no starvation)', async () => {
    const scan = vi.fn(() => null);
    watchForReport(scan, vi.fn(), vi.fn(), { debounceMs: 200 });
    for (let i = 0; i < 10; i++) {
      document.body.append(document.createElement('i'));
      await flush();
      vi.advanceTimersByTime(50);
    }
    expect(scan.mock.calls.length).toBeGreaterThanOrEqual(3);
  });

  it('treats a throwing scan as "not found" and stops on abort', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const ctl = new AbortController();
    const scan = vi.fn(() => {
      throw new Error('boom');
    });
    const w = watchForReport(scan, vi.fn(), vi.fn(), { signal: ctl.signal, debounceMs: 10 });
    expect(error).toHaveBeenCalledWith('[年报核对]', 'scan', expect.any(Error));
    ctl.abort();
    expect(w.watching).toBe(false);
    document.body.append(document.createElement('div'));
    await flush();
    vi.advanceTimersByTime(100);
    expect(scan).toHaveBeenCalledTimes(1);
  });
});
