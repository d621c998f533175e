import { FLASH_ATTR } from './page-style.ts';

// "Show me": bring a marked cell into view, give it keyboard focus (which also opens its tooltip),
// and flash it briefly so the eye finds it in a dense table.

const FLASH_MS = 2200;

export function revealElement(el: Element): void {
  const reduced = globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
  el.scrollIntoView({ block: 'center', inline: 'nearest', behavior: reduced ? 'auto' : 'smooth' });
  if (el instanceof HTMLElement) el.focus({ preventScroll: true });
  el.removeAttribute(FLASH_ATTR);
  // Re-adding the attribute on the next frame restarts the animation when the same cell is clicked twice.
  requestAnimationFrame(() => {
    el.setAttribute(FLASH_ATTR, '');
    setTimeout(() => el.removeAttribute(FLASH_ATTR), FLASH_MS);
  });
}
