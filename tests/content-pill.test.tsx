import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { pillText } from '@/components/ArrivalPill.tsx';
import { mountPill, type MountedBanner } from '@/entrypoints/content/ui.tsx';
import { finding } from './support/fake-report.ts';

// The pill's lifecycle, with an IntersectionObserver we drive by hand.

let fire: (intersecting: boolean) => void;
class FakeObserver {
  constructor(cb: (entries: { isIntersecting: boolean }[]) => void) {
    fire = (isIntersecting) => cb([{ isIntersecting }]);
  }
  observe() {}
  disconnect() {}
}

const ctx = { onInvalidated: vi.fn() } as unknown as ContentScriptContext;
let dismissListeners: (() => void)[];
let banner: MountedBanner;
const pill = () => document.querySelector('nianbao-pill')?.shadowRoot ?? null;

beforeEach(() => {
  vi.stubGlobal('IntersectionObserver', FakeObserver);
  document.body.innerHTML = '<p>正文</p>';
  const host = document.createElement('nianbao-banner');
  host.attachShadow({ mode: 'open' }).innerHTML = '<section class="nb-banner" tabindex="-1"></section>';
  document.body.append(host);
  dismissListeners = [];
  banner = { host, onDismiss: (l) => dismissListeners.push(l) };
});
afterEach(() => {
  vi.unstubAllGlobals();
  document.querySelector('nianbao-pill')?.remove();
});

describe('the arrival pill', () => {
  it('says the count, or that everything reconciles', () => {
    expect(pillText([finding({ id: 'a' }), finding({ id: 'b' }), finding({ id: 'w', severity: 'warning' })])).toBe('年报核对：2 处不一致');
    expect(pillText([finding({ id: 'w', severity: 'warning' })])).toBe('年报核对：全部一致');
  });

  it('is never shown when the banner is in view on arrival', () => {
    mountPill(ctx, [finding({ id: 'a' })], banner);
    fire(true);
    fire(false);
    expect(pill()).toBeNull();
  });

  it('shows while the banner is out of view and goes when it comes into view', () => {
    mountPill(ctx, [finding({ id: 'a' })], banner);
    fire(false);
    expect(pill()!.querySelector('.nb-pill-jump')!.textContent).toBe('年报核对：1 处不一致');
    fire(true);
    expect(pill()).toBeNull();
    fire(false);
    expect(pill()).toBeNull();
  });

  it('a click jumps to the banner (focus, which scrolls it into view) and the pill goes', () => {
    mountPill(ctx, [finding({ id: 'a' })], banner);
    fire(false);
    (pill()!.querySelector('.nb-pill-jump') as HTMLButtonElement).click();
    expect(banner.host.shadowRoot!.activeElement).toBe(banner.host.shadowRoot!.querySelector('.nb-banner'));
    expect(pill()).toBeNull();
  });

  it('goes with its own × and when the banner is dismissed', () => {
    mountPill(ctx, [finding({ id: 'a' })], banner);
    fire(false);
    (pill()!.querySelector('.nb-pill-close') as HTMLButtonElement).click();
    expect(pill()).toBeNull();

    mountPill(ctx, [], banner);
    fire(false);
    expect(pill()!.textContent).toContain('全部一致');
    for (const l of dismissListeners) l();
    expect(pill()).toBeNull();
  });
});
