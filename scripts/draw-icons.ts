/**
 * Draws the toolbar icons (public/icon/16|32|48|128.png) from one SVG, rendered by headless Chromium:
 * a report table whose bottom-right total cell is marked red, the way the extension marks a wrong total.
 * Run `npx node scripts/draw-icons.ts` (the project's Node 22) after changing the drawing, and commit the PNGs with it.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const SIZES = [16, 32, 48, 128] as const;
const OUT = join(import.meta.dirname, '..', 'public', 'icon');

/** Thicker lines at small sizes so the grid survives being drawn on 16 pixels. */
function svg(size: number): string {
  const line = size <= 16 ? 9 : size <= 32 ? 7 : 5;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 128 128">
  <rect x="4" y="4" width="120" height="120" rx="26" fill="#185abc"/>
  <rect x="22" y="26" width="84" height="76" rx="6" fill="#fff"/>
  <rect x="78" y="76" width="28" height="26" fill="#d93025"/>
  <g stroke="#185abc" stroke-width="${line}">
    <line x1="22" y1="51" x2="106" y2="51"/><line x1="22" y1="76" x2="106" y2="76"/>
    <line x1="50" y1="26" x2="50" y2="102"/><line x1="78" y1="26" x2="78" y2="102"/>
  </g>
</svg>`;
}

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  mkdirSync(OUT, { recursive: true });
  for (const size of SIZES) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    await page.setContent(`<html><body style="margin:0;background:transparent">${svg(size)}</body></html>`);
    await page.locator('svg').screenshot({ path: join(OUT, `${size}.png`), omitBackground: true });
    await page.close();
    console.log(`public/icon/${size}.png`);
  }
} finally {
  await browser.close();
}
