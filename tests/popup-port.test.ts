import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browserPort } from '@/entrypoints/popup/port.ts';
import { fakeReport } from './support/fake-report.ts';

// Where the popup gets its report: the background first, then the page itself (the MV3 worker may have
// been stopped and forgotten), and otherwise an explanation from the page's status.

type Reply = (msg: { type: string }, opts?: { frameId?: number }) => unknown;

function wire(background: unknown, page: Reply | 'absent') {
  vi.spyOn(browser.runtime, 'sendMessage').mockImplementation((async () => background) as never);
  vi.spyOn(browser.tabs, 'sendMessage').mockImplementation((async (_tab: number, msg: { type: string }, opts?: { frameId?: number }) => {
    if (page === 'absent') throw new Error('Could not establish connection. Receiving end does not exist.');
    return page(msg, opts);
  }) as never);
  vi.spyOn(browser.tabs, 'get').mockImplementation((async (id: number) => ({ id })) as never);
}

describe('popup port', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
  });
  const report = fakeReport();

  it('uses what the background holds for ?tab=<id>', async () => {
    wire({ report, costMs: 1, frameId: 0 }, () => undefined);
    expect(await browserPort('?tab=4').load()).toEqual({ kind: 'report', tabId: 4, report });
    expect(browser.runtime.sendMessage).toHaveBeenCalledWith({ type: 'nianbao/get-tab', tabId: 4 });
  });

  it('falls back to asking the page when the background has forgotten', async () => {
    wire(null, (msg) => (msg.type === 'nianbao/get-report' ? { report, costMs: 1 } : undefined));
    expect(await browserPort('?tab=4').load()).toMatchObject({ kind: 'report', report });
  });

  it('explains from the top frame’s status when no frame has a report', async () => {
    wire(null, (msg, opts) =>
      msg.type === 'nianbao/status' && opts?.frameId === 0 ? { found: false, watching: false, looksLikeReport: false } : undefined,
    );
    expect(await browserPort('?tab=4').load()).toMatchObject({ kind: 'none', why: { headline: '此页面未找到年报表格' } });
  });

  it('says the extension is not running when no content script answers', async () => {
    wire(null, 'absent');
    expect(await browserPort('?tab=4').load()).toMatchObject({ kind: 'none', why: { headline: '此页面没有运行年报核对' } });
  });

  it('reveal is sent to the tab', async () => {
    wire(null, () => true);
    await browserPort('?tab=4').reveal(4, 'f1');
    expect(browser.tabs.sendMessage).toHaveBeenCalledWith(4, { type: 'nianbao/reveal', findingId: 'f1' });
  });
});
