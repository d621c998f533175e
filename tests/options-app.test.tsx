import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OptionsApp } from '@/entrypoints/options/App.tsx';
import type { OptionsPort } from '@/entrypoints/options/port.ts';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings.ts';

// The options page against a fake browser: which permission it asks for, from which click, and what it saves.

function fakePort(granted: string[] = ['*://*.gov.cn/*'], answer = true) {
  let origins = [...granted];
  let saved: Settings = DEFAULT_SETTINGS;
  const port = {
    granted: vi.fn(async () => origins),
    request: vi.fn((wanted: string[]) => {
      if (answer) origins = [...origins, ...wanted];
      return Promise.resolve(answer);
    }),
    remove: vi.fn(async (wanted: string[]) => {
      origins = origins.filter((o) => !wanted.includes(o));
      return true;
    }),
    fileAccessAllowed: vi.fn(async () => false),
    onPermissionsChanged: () => () => {},
    loadSettings: async () => saved,
    saveSettings: vi.fn(async (s: Settings) => void (saved = s)),
    helpUrl: () => 'chrome-extension://x/help.html',
  } satisfies OptionsPort;
  return port;
}

let root: HTMLElement | undefined;
afterEach(() => {
  if (root) render(null, root);
  root?.remove();
  root = undefined;
});
async function mount(port: OptionsPort) {
  const el = document.createElement('div');
  root = el;
  document.body.append(el);
  await act(async () => render(<OptionsApp port={port} />, el));
  return el;
}
/** Lets the page's promise chains (request → notice → refresh) settle. */
const settle = () => act(async () => void (await new Promise((r) => setTimeout(r, 0))));
const q = <T extends Element = HTMLInputElement>(el: Element, id: string) => el.querySelector<T & Element>(`[data-testid="${id}"]`)! as unknown as T;

describe('options page', () => {
  it('asks for the archive within the click itself, and gives it back when turned off', async () => {
    const port = fakePort();
    const el = await mount(port);
    const box = q<HTMLInputElement>(el, 'archive');
    expect(box.checked).toBe(false);
    // The request happens synchronously inside the change event (a user gesture), not after an await.
    act(() => box.click());
    expect(port.request).toHaveBeenCalledWith(['*://web.archive.org/*']);
    await settle();
    expect(q<HTMLInputElement>(el, 'archive').checked).toBe(true);
    await act(async () => q<HTMLInputElement>(el, 'archive').click());
    await settle();
    expect(port.remove).toHaveBeenCalledWith(['*://web.archive.org/*']);
    expect(q<HTMLInputElement>(el, 'archive').checked).toBe(false);
  });

  it('a refused request changes nothing and says so', async () => {
    const el = await mount(fakePort(undefined, false));
    await act(async () => q<HTMLInputElement>(el, 'archive').click());
    await settle();
    expect(q<HTMLInputElement>(el, 'archive').checked).toBe(false);
    expect(el.querySelector('[role="status"]')!.textContent).toContain('没有授予');
  });

  it('adds one typed mirror host, lists it, refuses a wildcard; local files warn until file access is allowed', async () => {
    const port = fakePort(['*://*.gov.cn/*', 'file:///*']);
    const el = await mount(port);
    await settle();
    const input = q<HTMLInputElement>(el, 'mirror-host');
    const submit = () => act(async () => void el.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true })));
    input.value = '*.example.org';
    await act(async () => void input.dispatchEvent(new Event('input')));
    await submit();
    expect(port.request).not.toHaveBeenCalled();
    expect(el.querySelector('[role="status"]')!.textContent).toContain('不含通配符');
    input.value = 'https://Mirror.Example.org/nb/2022.html';
    await act(async () => void input.dispatchEvent(new Event('input')));
    await submit();
    await settle();
    expect(port.request).toHaveBeenCalledWith(['*://mirror.example.org/*']);
    expect(q(el, 'mirrors').textContent).toContain('mirror.example.org');
    expect(q<HTMLInputElement>(el, 'files').checked).toBe(true);
    expect(el.textContent).toContain('允许访问文件网址');
  });

  it('saves the display settings and the CSV encoding; the pill needs the banner', async () => {
    const port = fakePort();
    const el = await mount(port);
    await act(async () => q<HTMLInputElement>(el, 'banner').click());
    expect(port.saveSettings).toHaveBeenLastCalledWith({ ...DEFAULT_SETTINGS, banner: false });
    expect(q<HTMLInputElement>(el, 'pill').disabled).toBe(true);
    await act(async () => q<HTMLInputElement>(el, 'csv-gb18030').click());
    expect(port.saveSettings).toHaveBeenLastCalledWith({ ...DEFAULT_SETTINGS, banner: false, csv: 'gb18030' });
    expect(q<HTMLAnchorElement>(el, 'help-link').getAttribute('href')).toBe('chrome-extension://x/help.html');
  });
});
