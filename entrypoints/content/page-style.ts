import { CULPRIT_ATTR, ERROR_ATTR, INVOLVED_ATTR, WARNING_ATTR } from './mark-cells.ts';

// The only stylesheet we add to the page itself (everything else lives in shadow roots). It styles our
// own attributes only, with outline + inset box-shadow so nothing moves: no border, padding or size change.
//
// Page CSS must not be able to take the marks off (checked in tests/e2e/page-safety.e2e.test.ts). An
// `!important` rule of ours still loses to a page's `!important` rule of higher specificity (say
// `#zoom td {outline:none !important}`), so every rule sits in a cascade layer: a layered `!important`
// declaration beats every unlayered one whatever its specificity, and among layers the first declared wins,
// which is why the <style> goes first in <head>. (A page's inline `style="…!important"` on the cell itself
// still wins over any stylesheet; mark-cells.ts steps those aside.) `transition: none` because a page
// transition on box-shadow would otherwise fade the mark in over however long the page says.
//
// Strength, weakest first: warning (dashed amber), involved part (dotted, faint), printed total (solid
// red), culprit (double, deeper tint). A later rule of equal specificity wins, so a cell with several
// roles shows its strongest. A flashed cell that is not marked (a blank cell) gets the amber look.
//
// The flash animates a registered custom property, not box-shadow itself: an animation never overrides an
// `!important` declaration, so animating box-shadow (as before) left the flash invisible.

export const STYLE_ID = 'nianbao-check-marks';
export const FLASH_ATTR = 'data-nianbao-flash';

const TINT = '--nianbao-check-tint';
const MARK = `outline-offset:-2px !important;cursor:help !important;transition:none !important`;

const CSS = `
@property ${TINT}{syntax:"<number>";inherits:false;initial-value:.16}
@layer nianbao-check{
[${FLASH_ATTR}],[${WARNING_ATTR}]{outline:2px dashed #e37400 !important;box-shadow:inset 0 0 0 100vmax rgba(251,188,4,var(${TINT},.16)) !important;${MARK}}
[${INVOLVED_ATTR}]{outline:1px dotted #d93025 !important;box-shadow:inset 0 0 0 100vmax rgba(217,48,37,calc(var(${TINT},.16)*.4)) !important;${MARK}}
[${ERROR_ATTR}]{outline:2px solid #d93025 !important;box-shadow:inset 0 0 0 100vmax rgba(217,48,37,var(${TINT},.16)) !important;${MARK}}
[${CULPRIT_ATTR}]{outline:5px double #a50e0e !important;outline-offset:-5px !important;box-shadow:inset 0 0 0 100vmax rgba(217,48,37,calc(var(${TINT},.16)*2)) !important}
[${ERROR_ATTR}]:focus-visible,[${INVOLVED_ATTR}]:focus-visible,[${WARNING_ATTR}]:focus-visible{outline-width:3px !important;outline-style:solid !important;outline-color:#1a73e8 !important}
[${FLASH_ATTR}]{animation:nianbao-check-flash .35s ease-in-out 6 alternate !important}
@media (prefers-reduced-motion:reduce){[${FLASH_ATTR}]{animation:none !important;outline-width:4px !important}}
}
@keyframes nianbao-check-flash{to{${TINT}:.55}}
::highlight(nianbao-prose){background-color:rgba(251,188,4,.45);text-decoration:underline wavy #e37400}
`;

export function ensureMarkStyles(doc: Document): void {
  if (doc.getElementById(STYLE_ID)) return;
  const style = doc.createElement('style');
  style.id = STYLE_ID;
  style.textContent = CSS;
  // First in <head>: our layer is then declared before any the page declares (see above).
  (doc.head ?? doc.documentElement).prepend(style);
}

export function removeMarkStyles(doc: Document): void {
  doc.getElementById(STYLE_ID)?.remove();
}
