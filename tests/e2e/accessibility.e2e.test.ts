import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { GOV, launch, NON_GOV, tabIdOf, type Harness } from './harness.ts';

// Accessibility of every surface we draw, in real Chromium with the built extension: axe-core (WCAG 2 A/AA
// and best practice, colour contrast included) on the banner, the cell tooltip and the pill (in their open
// shadow roots, on report pages), the popup, the library, the options and the help page — in the light and
// in the dark colour scheme, which all of them follow from the system. And a keyboard-only walk per surface:
// Tab reaches the named controls in order, each shows a focus ring, Enter/Space act, Escape closes the
// tooltip, and Tab leaves again (no trap).

const AXE = fs.readFileSync(path.resolve(import.meta.dirname, '../../node_modules/axe-core/axe.min.js'), 'utf8');
const SCHEMES = ['light', 'dark'] as const;
type Scheme = (typeof SCHEMES)[number];

const SEED_000 = `${GOV}/seed-000-xinanjiang-2019.html`;
const LONG = `${GOV}/long-wrong-results-total-2021.html`;
const HEADLINE = 'nianbao-banner [data-testid="nianbao-headline"]';

let h: Harness;
let ext: string;
beforeAll(async () => {
  h = await launch();
  ext = `chrome-extension://${h.extensionId}`;
  // Two years of one agency in the library: the later report's findings about the earlier one (series).
  for (const name of ['library-a-2021.html', 'library-a-2022.html']) {
    const page = await h.context.newPage();
    await page.goto(`${GOV}/${name}`);
    await page.waitForSelector(HEADLINE);
    await page.close();
  }
});
afterAll(async () => h?.close());

/**
 * axe's serious and critical violations, one line per rule and node. `include`: shadow-DOM selector paths
 * (host, then the element inside its shadow root) to confine the run to our UI on a report page.
 */
async function axeViolations(page: Page, include?: string[][]): Promise<string[]> {
  const context = include ? { include: include.map((fromShadowDom) => ({ fromShadowDom })) } : null;
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  const found = await page.evaluate(async (ctx) => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<any> } }).axe;
    const result = await axe.run(ctx ?? document, { resultTypes: ['violations'] });
    // A context that matched nothing would pass vacuously.
    if (!result.passes.length && !result.violations.length) return ['axe checked nothing'];
    return (result.violations as any[])
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .flatMap((v) => (v.nodes as any[]).map((n) => `${v.impact} ${v.id}: ${v.help} — ${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`));
  }, context);
  return found;
}

async function inScheme(page: Page, scheme: Scheme) {
  await page.emulateMedia({ colorScheme: scheme });
  // Let the styles recompute before anything reads them.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/** Relative luminance of a computed `rgb(…)` colour. */
function luminance(rgb: string): number {
  const [r, g, b] = (rgb.match(/[\d.]+/g) ?? []).slice(0, 3).map((c) => Number(c) / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** The computed background and text colour of `selector` (a path through shadow roots). */
function colours(page: Page, selector: string[]): Promise<{ background: string; color: string }> {
  return page.evaluate((sel) => {
    let root: Document | ShadowRoot = document;
    let el: Element | null = null;
    for (const s of sel) {
      el = root.querySelector(s);
      if (!el) throw new Error(`no ${s}`);
      if (el.shadowRoot) root = el.shadowRoot;
    }
    const style = getComputedStyle(el!);
    return { background: style.backgroundColor, color: style.color };
  }, selector);
}

/** A surface follows the scheme: dark background and light text in dark, the opposite in light. */
async function expectScheme(page: Page, selector: string[], scheme: Scheme) {
  const { background, color } = await colours(page, selector);
  const [bg, fg] = [luminance(background), luminance(color)];
  const follows = scheme === 'dark' ? bg < 0.1 && fg > 0.4 : bg > 0.6 && fg < 0.1;
  expect(follows, `${selector.join(' ')} in ${scheme}: text ${color} on ${background}`).toBe(true);
}

interface Focused {
  /** Tag, first class, and the name a reader hears (aria-label, data-testid/action, or text). */
  name: string;
  /** A visible focus indicator: a non-zero outline or a box shadow. */
  ring: boolean;
  /** Whether the focus is inside one of our shadow hosts, and which. */
  host: string | null;
}

/** The deeply focused element (through open shadow roots). */
function focused(page: Page): Promise<Focused | null> {
  return page.evaluate(() => {
    let el = document.activeElement;
    let host: string | null = null;
    while (el?.shadowRoot?.activeElement) {
      host = el.tagName.toLowerCase();
      el = el.shadowRoot.activeElement;
    }
    if (!el || el === document.body || el === document.documentElement) return null;
    const s = getComputedStyle(el);
    const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
    const label =
      el.getAttribute('aria-label') ?? el.getAttribute('data-testid') ?? el.getAttribute('data-action') ?? (el.textContent ?? '').trim().slice(0, 16);
    return { name: `${el.tagName.toLowerCase()}.${el.classList[0] ?? ''} ${label}`, ring, host };
  });
}

/** Tab from the current focus until `stop` says the focus left the surface (or 80 presses: a trap). */
async function tabWalk(page: Page, stop: (f: Focused | null) => boolean): Promise<{ walked: Focused[]; left: boolean }> {
  const walked: Focused[] = [];
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (stop(f)) return { walked, left: true };
    walked.push(f!);
  }
  return { walked, left: false };
}

/** `expected` (name prefixes) occur in `walked` in this order. */
function expectInOrder(walked: Focused[], expected: string[]) {
  const names = walked.map((f) => f.name);
  let at = 0;
  const reached = expected.filter((want) => {
    const i = names.findIndex((n, j) => j >= at && n.startsWith(want));
    if (i >= 0) at = i + 1;
    return i >= 0;
  });
  expect({ names, reached }).toEqual({ names, reached: expected });
  expect(walked.filter((f) => !f.ring).map((f) => f.name), 'focused without a visible focus ring').toEqual([]);
}

async function extensionPage(file: string): Promise<Page> {
  const page = await h.context.newPage();
  await page.goto(`${ext}/${file}`);
  return page;
}

describe('report page: banner, tooltip and pill', () => {
  let page: Page;
  beforeAll(async () => {
    page = await h.context.newPage();
    await page.goto(SEED_000);
    await page.waitForSelector(HEADLINE);
  });
  afterAll(async () => page?.close());

  for (const scheme of SCHEMES) {
    it(`banner and tooltip: no serious or critical axe violation, colours follow the ${scheme} scheme`, async () => {
      await inScheme(page, scheme);
      await page.locator('[data-nianbao-finding]').first().focus();
      await page.locator('nianbao-tip [role="tooltip"]').waitFor();
      expect(await axeViolations(page, [['nianbao-banner', '.nb-banner'], ['nianbao-tip', '.nb-tip']])).toEqual([]);
      await expectScheme(page, ['nianbao-banner', '.nb-banner'], scheme);
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    });

    it(`pill: no serious or critical axe violation in the ${scheme} scheme`, async () => {
      const fresh = await h.context.newPage();
      await fresh.emulateMedia({ colorScheme: scheme });
      await fresh.goto(LONG);
      await fresh.locator('nianbao-pill .nb-pill-jump').waitFor();
      expect(await axeViolations(fresh, [['nianbao-pill', '.nb-pill']])).toEqual([]);
      await fresh.close();
    });
  }

  it('the check itself fails on a violation planted in the banner’s shadow root (an unnamed button, grey on pink)', async () => {
    await inScheme(page, 'light');
    await page.evaluate(() => {
      const banner = document.querySelector('nianbao-banner')!.shadowRoot!.querySelector('.nb-banner')!;
      const planted = document.createElement('button');
      planted.id = 'planted';
      planted.style.color = '#aaaaaa';
      planted.textContent = '';
      const grey = document.createElement('span');
      grey.id = 'planted-text';
      grey.style.color = '#bbbbbb';
      grey.textContent = '灰色文字';
      banner.append(planted, grey);
    });
    const found = await axeViolations(page, [['nianbao-banner', '.nb-banner']]);
    await page.evaluate(() => document.querySelector('nianbao-banner')!.shadowRoot!.querySelectorAll('#planted, #planted-text').forEach((el) => el.remove()));
    expect(found.some((v) => v.startsWith('critical button-name') && v.includes('#planted'))).toBe(true);
    expect(found.some((v) => v.startsWith('serious color-contrast') && v.includes('#planted-text'))).toBe(true);
  });

  for (const name of ['library-a-2021.html', 'library-a-2022.html'])
    for (const scheme of SCHEMES)
      it(`${name}: the banner with series notes and review marks has no serious or critical axe violation in the ${scheme} scheme`, async () => {
        const other = await h.context.newPage();
        await other.emulateMedia({ colorScheme: scheme });
        await other.goto(`${GOV}/${name}`);
        await other.waitForSelector(HEADLINE);
        expect(await axeViolations(other, [['nianbao-banner', '.nb-banner']])).toEqual([]);
        await expectScheme(other, ['nianbao-banner', '.nb-banner'], scheme);
        await other.close();
      });

  it('keyboard: the pill’s two buttons show a focus ring, and Enter on the count takes the focus to the banner', async () => {
    const fresh = await h.context.newPage();
    await fresh.goto(LONG);
    const jump = fresh.locator('nianbao-pill .nb-pill-jump');
    await jump.waitFor();
    await jump.focus();
    await fresh.keyboard.press('Tab');
    await fresh.keyboard.press('Shift+Tab');
    const first = await focused(fresh);
    await fresh.keyboard.press('Tab');
    const second = await focused(fresh);
    expect([first, second]).toEqual([
      { name: expect.stringMatching(/^button\.nb-pill-jump/), ring: true, host: 'nianbao-pill' },
      { name: 'button.nb-pill-close 关闭', ring: true, host: 'nianbao-pill' },
    ]);
    await fresh.keyboard.press('Shift+Tab');
    await fresh.keyboard.press('Enter');
    await expect.poll(async () => (await focused(fresh))?.host ?? null).toBe('nianbao-banner');
    await fresh.close();
  });

  it('keyboard: Tab walks the banner’s controls with a focus ring, Enter shows a finding, Space opens 标记, and Tab leaves', async () => {
    await inScheme(page, 'light');
    await page.evaluate(() => document.querySelector('nianbao-banner')!.shadowRoot!.querySelector<HTMLElement>('.nb-banner')!.focus());
    const { walked, left } = await tabWalk(page, (f) => f?.host !== 'nianbao-banner');
    expect(left).toBe(true);
    expectInOrder(walked, ['button.nb-help', 'button.nb-close 关闭核对结果', 'button.nb-finding-button', 'summary.nb-review-open', 'summary.nb-toggle']);
    // Shift+Tab comes back into the banner: it can be left and re-entered both ways.
    await page.keyboard.press('Shift+Tab');
    expect((await focused(page))?.host).toBe('nianbao-banner');

    const firstFinding = page.locator('nianbao-banner .nb-finding-button').first();
    const id = await page.locator('nianbao-banner .nb-finding').first().getAttribute('data-finding-id');
    await firstFinding.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator(`[data-nianbao-finding~="${id}"]`).first().getAttribute('data-nianbao-flash')).toBe('');

    const review = page.locator('nianbao-banner details.nb-review').first();
    await review.locator('summary').focus();
    await page.keyboard.press('Space');
    expect(await review.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    await page.keyboard.press('Tab');
    expect((await focused(page))?.name).toMatch(/^input\.nb-review-note/);
  });

  it('pointer: the tooltip stays open while the pointer moves from the cell onto it, and closes once it leaves', async () => {
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const cell = page.locator('[data-nianbao-finding]').first();
    await cell.scrollIntoViewIfNeeded();
    const from = (await cell.boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    const tip = page.locator('nianbao-tip [role="tooltip"]');
    await tip.waitFor();
    const to = (await tip.boundingBox())!;
    await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 12 });
    expect(await tip.count()).toBe(1);
    await page.mouse.move(2, 2, { steps: 4 });
    await expect.poll(() => tip.count()).toBe(0);
  });

  it('keyboard: a marked cell’s tooltip opens on focus and Escape closes it', async () => {
    const tip = page.locator('nianbao-tip [role="tooltip"]');
    await page.locator('[data-nianbao-finding]').first().focus();
    await tip.waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => tip.count()).toBe(0);
  });
});

describe('popup', () => {
  let popup: Page;
  let report: Page;
  beforeAll(async () => {
    report = await h.context.newPage();
    await report.goto(SEED_000);
    await report.waitForSelector(HEADLINE);
    const tabId = await tabIdOf(h, report);
    popup = await h.context.newPage();
    await popup.setViewportSize({ width: 400, height: 640 });
    await popup.goto(`${ext}/popup.html?tab=${tabId}`);
    await popup.waitForSelector('.nb-report');
  });
  afterAll(async () => {
    await popup?.close();
    await report?.close();
  });

  for (const scheme of SCHEMES)
    it(`no serious or critical axe violation, colours follow the ${scheme} scheme`, async () => {
      await inScheme(popup, scheme);
      expect(await axeViolations(popup)).toEqual([]);
      await expectScheme(popup, ['body'], scheme);
    });

  it('keyboard: Tab reaches findings, exports and links with a focus ring; Enter shows a finding on the page', async () => {
    await inScheme(popup, 'light');
    await popup.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const { walked, left } = await tabWalk(popup, (f) => f === null);
    expect(left).toBe(true);
    expectInOrder(walked, ['button.nb-finding-button', 'summary.nb-review-open', 'button. json', 'button. xlsx', 'a. library-link', 'a. help-link']);
    const id = await popup.locator('.nb-finding').first().getAttribute('data-finding-id');
    await popup.locator('.nb-finding-button').first().focus();
    await popup.keyboard.press('Enter');
    await expect.poll(() => report.locator(`[data-nianbao-finding~="${id}"]`).first().getAttribute('data-nianbao-flash')).toBe('');
  });
});

describe('popup for a page that is not a report', () => {
  let popup: Page;
  let other: Page;
  beforeAll(async () => {
    other = await h.context.newPage();
    await other.goto(`${NON_GOV}/seed-000-xinanjiang-2019.html`);
    const tabId = await tabIdOf(h, other);
    popup = await h.context.newPage();
    await popup.setViewportSize({ width: 400, height: 640 });
    await popup.goto(`${ext}/popup.html?tab=${tabId}`);
    await popup.waitForSelector('[data-testid="no-report"]');
  });
  afterAll(async () => {
    await popup?.close();
    await other?.close();
  });

  for (const scheme of SCHEMES)
    it(`no serious or critical axe violation, colours follow the ${scheme} scheme`, async () => {
      await inScheme(popup, scheme);
      expect(await axeViolations(popup)).toEqual([]);
      await expectScheme(popup, ['body'], scheme);
    });
});

describe('library, options and help pages', () => {
  const pages = {
    library: { file: 'library.html', ready: '[data-testid="library-row"]' },
    options: { file: 'options.html', ready: '[data-testid="marks"]' },
    help: { file: 'help.html', ready: '[data-testid="privacy"]' },
  };
  const open: Partial<Record<keyof typeof pages, Page>> = {};
  beforeAll(async () => {
    for (const [key, { file, ready }] of Object.entries(pages)) {
      const page = await extensionPage(file);
      await page.waitForSelector(ready);
      open[key as keyof typeof pages] = page;
    }
  });
  afterAll(async () => {
    for (const page of Object.values(open)) await page?.close();
  });

  for (const key of Object.keys(pages) as (keyof typeof pages)[])
    for (const scheme of SCHEMES)
      it(`${key}: no serious or critical axe violation, colours follow the ${scheme} scheme`, async () => {
        const page = open[key]!;
        await inScheme(page, scheme);
        expect(await axeViolations(page)).toEqual([]);
        await expectScheme(page, ['body'], scheme);
        await inScheme(page, 'light');
      });

  it('library keyboard: filters, import, sort headers, rows, exports, in order with a focus ring', async () => {
    const page = open.library!;
    const { walked, left } = await tabWalk(page, (f) => f === null);
    expect(left).toBe(true);
    expectInOrder(walked, [
      'select. filter-agency',
      'select. filter-year',
      'input. filter-errors',
      'input. import',
      'input. 全选',
      'button.nb-sort',
      'input. 选择',
      'button. delete',
      'button. values-csv',
      'button. json',
    ]);
    // Space ticks a row, Enter sorts.
    await page.locator('[data-testid="library-row"] input[type="checkbox"]').first().focus();
    await page.keyboard.press('Space');
    expect(await page.locator('[data-testid="library-row"] input[type="checkbox"]').first().isChecked()).toBe(true);
    const sort = page.locator('[data-sort="year"]');
    await sort.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => sort.textContent()).toMatch(/[▲▼]/);
  });

  it('options keyboard: help link, places, mirror, display settings, CSV, in order with a focus ring; Space toggles', async () => {
    const page = open.options!;
    const { walked, left } = await tabWalk(page, (f) => f === null);
    expect(left).toBe(true);
    expectInOrder(walked, ['a. help-link', 'input. archive', 'input. mirror-host', 'button.', 'input. files', 'input. marks', 'input. banner', 'input. pill', 'input. csv-']);
    const marks = page.locator('[data-testid="marks"]');
    const before = await marks.isChecked();
    await marks.focus();
    await page.keyboard.press('Space');
    await expect.poll(() => marks.isChecked()).toBe(!before);
    await page.keyboard.press('Space');
    await expect.poll(() => marks.isChecked()).toBe(before);
  });

  it('help keyboard: the language switch is reached with a focus ring and Enter switches', async () => {
    const page = open.help!;
    const { walked, left } = await tabWalk(page, (f) => f === null);
    expect(left).toBe(true);
    expectInOrder(walked, ['button.nb-lang switch-lang']);
    await page.locator('[data-testid="switch-lang"]').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('main').getAttribute('lang')).toBe('en');
  });
});
