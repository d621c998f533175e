import { ERROR_ATTR, WARNING_ATTR } from './mark-cells.ts';

// The only stylesheet we add to the page itself (everything else lives in shadow roots). It styles our
// own attributes only, with outline + inset box-shadow so nothing moves: no border, padding or size change.

export const STYLE_ID = 'nianbao-check-marks';
export const FLASH_ATTR = 'data-nianbao-flash';

const CSS = `
[${WARNING_ATTR}]{outline:2px dashed #e37400 !important;outline-offset:-2px !important;box-shadow:inset 0 0 0 100vmax rgba(251,188,4,.16) !important;cursor:help}
[${ERROR_ATTR}]{outline:2px solid #d93025 !important;outline-offset:-2px !important;box-shadow:inset 0 0 0 100vmax rgba(217,48,37,.16) !important;cursor:help}
[${ERROR_ATTR}]:focus-visible,[${WARNING_ATTR}]:focus-visible{outline-width:3px !important;outline-color:#1a73e8 !important}
[${FLASH_ATTR}]{animation:nianbao-check-flash .35s ease-in-out 6 alternate !important}
@keyframes nianbao-check-flash{to{box-shadow:inset 0 0 0 100vmax rgba(217,48,37,.55)}}
@media (prefers-reduced-motion:reduce){[${FLASH_ATTR}]{animation:none !important;outline-width:4px !important}}
`;

export function ensureMarkStyles(doc: Document): void {
  if (doc.getElementById(STYLE_ID)) return;
  const style = doc.createElement('style');
  style.id = STYLE_ID;
  style.textContent = CSS;
  (doc.head ?? doc.documentElement).append(style);
}

export function removeMarkStyles(doc: Document): void {
  doc.getElementById(STYLE_ID)?.remove();
}
