import { FLASH_ATTR } from './page-style.ts';

// "Show me": bring a marked cell into view, give it keyboard focus (which also opens its tooltip),
// and flash it briefly so the eye finds it in a dense table.

const FLASH_MS = 2200;
const timers = new WeakMap<Element, ReturnType<typeof setTimeout>>();

export function revealElement(el: Element): void {
  const reduced = globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
  el.scrollIntoView({ block: 'center', inline: 'nearest', behavior: reduced ? 'auto' : 'smooth' });
  if (el instanceof HTMLElement) el.focus({ preventScroll: true });
  // Remove, force a style flush, re-add: restarts the animation when the same cell is shown twice.
  // (Not requestAnimationFrame: the popup asks while its tab may count as hidden, where rAF waits.)
  el.removeAttribute(FLASH_ATTR);
  void (el as HTMLElement).offsetWidth;
  el.setAttribute(FLASH_ATTR, '');
  clearTimeout(timers.get(el));
  timers.set(el, setTimeout(() => el.removeAttribute(FLASH_ATTR), FLASH_MS));
}
