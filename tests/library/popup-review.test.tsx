import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '@/entrypoints/popup/App.tsx';
import type { PopupPort, PopupState } from '@/entrypoints/popup/port.ts';
import { fakeReport, finding } from '../support/fake-report.ts';

// The popup's review marks for a report kept in the library: 已核实 / 已忽略 go to the background with the
// library key; a dismissed finding is listed apart and leaves the verdict's count; the library link is there.

let root: HTMLElement;
afterEach(() => {
  render(null, root);
  root.remove();
});
async function mount(p: PopupPort) {
  root = document.createElement('div');
  document.body.append(root);
  await act(async () => render(<App port={p} />, root));
  return root;
}

describe('popup review marks', () => {
  const e1 = finding({ id: 'e1' });
  const e2 = finding({ id: 'e2', review: { status: 'dismissed', at: '2025-01-01T00:00:00.000Z' } });
  const state: PopupState = { kind: 'report', tabId: 7, report: fakeReport([e1, e2]), libraryKey: 'url:k' };

  it('marks a finding with its note, then reloads; dismissed ones are apart and not counted', async () => {
    const p: PopupPort = { load: vi.fn(async () => state), reveal: vi.fn(), copyText: vi.fn(), review: vi.fn(async () => undefined) };
    const el = await mount(p);
    expect(el.querySelector('[data-testid="verdict"]')!.textContent).toBe('本报告有 1 处数据不一致');
    expect(el.querySelector('[data-testid="dismissed"] [data-finding-id="e2"] .nb-review-status')!.textContent).toBe('已忽略');
    expect(el.querySelector('[data-testid="library-link"]')!.getAttribute('href')).toBe('/library.html');
    const item = el.querySelector('[data-finding-id="e1"]')!;
    item.querySelector('input')!.value = '与原件一致';
    await act(async () => (item.querySelector('[data-review-action="confirmed"]') as HTMLElement).click());
    expect(p.review).toHaveBeenCalledWith(7, 'url:k', 'e1', { status: 'confirmed', note: '与原件一致', at: expect.any(String) });
    expect(p.load).toHaveBeenCalledTimes(2);
  });

  it('no review controls for a report not in the library', async () => {
    const el = await mount({ load: async () => ({ ...state, libraryKey: undefined }), reveal: vi.fn(), copyText: vi.fn(), review: vi.fn() });
    expect(el.querySelector('.nb-review-button')).toBeNull();
  });
});
