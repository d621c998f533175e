import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  badgeText,
  expectedAudit,
  GOV,
  injectedByUs,
  launch,
  markedKeys,
  NON_GOV,
  nianbaoTiming,
  pageHtml,
  tabIdOf,
  type Harness,
} from './harness.ts';

// The content script and badge in real Chromium, on fixture pages served under .gov.cn hosts.

// Screenshots go to test-results/; `UPDATE_DOCS=1 npm test` refreshes the README's pictures in docs/.
const DOCS = path.resolve(import.meta.dirname, process.env.UPDATE_DOCS ? '../../docs' : '../../test-results');
const BANNER_HEADLINE = 'nianbao-banner [data-testid="nianbao-headline"]';
let h: Harness;
const requests: string[] = [];
const visited: { url: string; file: string }[] = [];

beforeAll(async () => {
  h = await launch();
  h.context.on('request', (r) => requests.push(r.url()));
});
afterAll(async () => h?.close());

async function open(name: string, base = GOV): Promise<Page> {
  const page = await h.context.newPage();
  const url = `${base}/${name}`;
  visited.push({ url, file: name });
  await page.goto(url);
  return page;
}

describe('a report with mismatches (seed 000)', () => {
  const name = 'seed-000-xinanjiang-2019.html';
  let page: Page;
  let expected: NonNullable<Awaited<ReturnType<typeof expectedAudit>>>;
  beforeAll(async () => {
    expected = (await expectedAudit(name))!;
    page = await open(name);
    await page.waitForSelector(BANNER_HEADLINE);
  });

  it('marks the cells the plan chose, each with its strength, and makes one tab stop per finding', async () => {
    expect(expected.errorKeys.length).toBeGreaterThan(0);
    expect(await markedKeys(page, 'data-nianbao-finding')).toEqual(expected.errorKeys);
    expect(await markedKeys(page, 'data-nianbao-involved')).toEqual(expected.involvedKeys);
    expect(await markedKeys(page, 'data-nianbao-warning')).toEqual(expected.warningKeys);
    expect(await markedKeys(page, 'data-nianbao-culprit')).toEqual(expected.culpritKeys);
    const ids = await page.$$eval('[data-nianbao-finding], [data-nianbao-involved]', (els) =>
      els.flatMap((el) => [el.getAttribute('data-nianbao-finding'), el.getAttribute('data-nianbao-involved')].flatMap((v) => v?.split(' ') ?? [])),
    );
    const errorIds = expected.report.findings.filter((f) => f.severity === 'error').map((f) => f.id);
    expect([...new Set(ids)].sort()).toEqual([...errorIds].sort());
    expect(await markedKeys(page, 'data-nianbao-tabindex')).toEqual(expected.mainKeys);
  });

  it('shows a banner with the count just before the first report table', async () => {
    const errors = expected.report.findings.filter((f) => f.severity === 'error');
    expect(await page.locator(BANNER_HEADLINE).textContent()).toBe(`本报告有 ${errors.length} 处数据不一致`);
    const items = page.locator('nianbao-banner .nb-findings > .nb-error');
    expect(await items.count()).toBe(errors.length);
    expect(await items.first().textContent()).toContain(errors[0]!.message);
    const next = await page.evaluate(() => document.querySelector('nianbao-banner')!.nextElementSibling?.tagName);
    expect(next).toBe('TABLE');
  });

  it('marks without moving the layout or changing the text', async () => {
    const measure = () =>
      page.$$eval('[data-nianbao-finding], [data-nianbao-warning]', (els) =>
        els.map((el) => {
          const r = el.getBoundingClientRect();
          const t = el.closest('table')!.getBoundingClientRect();
          return [r.left - t.left, r.top - t.top, r.width, r.height, t.width, t.height, el.textContent].join('|');
        }),
      );
    const marked = await measure();
    // Take our look off (main world may touch attributes): the geometry must not change.
    const unmarked = await page.evaluate(() => {
      const style = document.getElementById('nianbao-check-marks') as HTMLStyleElement;
      style.disabled = true;
      const out = [...document.querySelectorAll('[data-nianbao-finding], [data-nianbao-warning]')].map((el) => {
        const r = el.getBoundingClientRect();
        const t = el.closest('table')!.getBoundingClientRect();
        return [r.left - t.left, r.top - t.top, r.width, r.height, t.width, t.height, el.textContent].join('|');
      });
      style.disabled = false;
      return out;
    });
    expect(marked).toEqual(unmarked);
  });

  it('explains a marked cell on hover and on keyboard focus (screenshot)', async () => {
    const cell = page.locator('[data-nianbao-finding]').first();
    const tip = page.locator('nianbao-tip [role="tooltip"]');
    const firstError = expected.report.findings.find((f) => f.severity === 'error')!;
    await cell.focus();
    await expect.poll(() => tip.textContent()).toContain(firstError.message);
    await page.locator('h1, body').first().click({ position: { x: 1, y: 1 } }).catch(() => undefined);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await expect.poll(() => tip.count()).toBe(0);

    // Frame the screenshot from the banner down to the marked cells, so both are in one picture.
    await page.setViewportSize({ width: 1280, height: 800 });
    const span = await page.evaluate(() => {
      const banner = document.querySelector('nianbao-banner')!.getBoundingClientRect();
      const cells = [...document.querySelectorAll('[data-nianbao-finding]')].map((el) => el.getBoundingClientRect());
      return { top: banner.top + scrollY, bottom: Math.max(...cells.map((r) => r.bottom)) + scrollY };
    });
    await page.setViewportSize({ width: 1280, height: Math.min(2400, Math.round(span.bottom - span.top + 120)) });
    await page.evaluate((y) => window.scrollTo(0, y), span.top - 16);
    // Move the mouse onto the cell rather than locator.hover(), which may scroll the banner away.
    const box = (await cell.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(() => tip.textContent()).toContain(firstError.message);
    fs.mkdirSync(DOCS, { recursive: true });
    const after = (await cell.boundingBox())!;
    const height = Math.min(page.viewportSize()!.height, Math.round(after.y + after.height + 360));
    await page.screenshot({ path: path.join(DOCS, 'inline-warnings.png'), clip: { x: 0, y: 0, width: 1280, height } });
  });

  it('a banner item scrolls to its cell and flashes it', async () => {
    await page.mouse.move(0, 0);
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.locator('nianbao-banner .nb-finding-button').first().click();
    const cell = page.locator('[data-nianbao-finding]').first();
    await expect.poll(() => cell.getAttribute('data-nianbao-flash')).toBe('');
    await expect.poll(() => cell.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= innerHeight;
    })).toBe(true);
  });

  it('the toolbar badge shows the error count for the tab', async () => {
    const errors = expected.report.findings.filter((f) => f.severity === 'error').length;
    expect(await badgeText(h, await tabIdOf(h, page))).toBe(String(errors));
  });

  it('the cost of the content script is on the page timeline for the benchmark', async () => {
    const { costs, done } = await nianbaoTiming(page);
    expect(costs.map((c) => c.name)).toContain('nianbao:cost:scan');
    expect(done).toMatchObject({ found: true, errors: expected.report.findings.filter((f) => f.severity === 'error').length });
    expect((done as { costMs: number }).costMs).toBeCloseTo(costs.reduce((s, c) => s + c.ms, 0) , 0);
  });

  it('can be dismissed', async () => {
    await page.locator('nianbao-banner .nb-close').click();
    expect(await page.locator('nianbao-banner').count()).toBe(0);
    expect(await page.locator('[data-nianbao-finding]').count()).toBeGreaterThan(0);
  });
});

describe('one wrong （七）总计 on a long page', () => {
  const name = 'long-wrong-results-total-2021.html';
  let page: Page;
  beforeAll(async () => {
    page = await open(name);
    await page.waitForSelector(BANNER_HEADLINE, { state: 'attached' });
  });

  /** The cells of Table 3's 总计 column (last cell of each row of the table holding 申请人情况), by row label. */
  const totalColumn = () =>
    page.evaluate(() => {
      const table = [...document.querySelectorAll('table')].find((t) => t.textContent!.includes('申请人情况'))!;
      return [...table.rows].slice(3).map((tr) => {
        const td = tr.cells[tr.cells.length - 1]!;
        const label = [...tr.cells].slice(0, -7).map((c) => c.textContent!.trim()).join(' ');
        const attrs = [...td.attributes].filter((a) => a.name.startsWith('data-nianbao')).map((a) => a.name).sort();
        const look = getComputedStyle(td);
        return { label, text: td.textContent!.trim(), attrs, outline: `${look.outlineStyle} ${look.outlineWidth}` };
      });
    });

  it('the wrong total is the strongest mark; the parts that are not zero are marked lightly; zero parts are not marked', async () => {
    const column = await totalColumn();
    const wrong = column.find((c) => c.label.includes('（七）总计'))!;
    expect(wrong.text).toBe('68');
    expect(wrong.attrs).toEqual(expect.arrayContaining(['data-nianbao-culprit', 'data-nianbao-finding']));
    expect(wrong.outline).toBe('double 5px');
    // Only one culprit on the page, and it is this cell.
    expect(await page.locator('[data-nianbao-culprit]').count()).toBe(1);
    const results = column.filter((c) => !/^(一|二|四)、/.test(c.label) && !c.label.includes('（七）总计'));
    expect(results).toHaveLength(21);
    const zeros = results.filter((c) => c.text === '0');
    expect(zeros.length).toBe(5);
    for (const zero of zeros) expect(zero.attrs, zero.label).toEqual([]);
    for (const part of results.filter((c) => c.text !== '0')) {
      expect(part.attrs, part.label).toEqual(['data-nianbao-involved']);
      expect(part.outline).toBe('dotted 1px');
    }
    // The tooltip of the culprit says why it is singled out, and lists the three checks.
    await page.locator('[data-nianbao-culprit]').focus();
    const tip = page.locator('nianbao-tip [role="tooltip"]');
    await expect.poll(() => tip.textContent()).toContain('3项核对都涉及此格，最可能出错');
    expect(await tip.locator('.nb-tip-text').count()).toBe(3);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  });

  it('Tab reaches each finding once (the three findings share their main cell)', async () => {
    const table = page.locator('table', { hasText: '申请人情况' });
    await table.scrollIntoViewIfNeeded();
    // Clicking the table's first cell sets where sequential focus navigation starts.
    await table.locator('td').first().click();
    const reached: string[] = [];
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const where = await page.evaluate(() => {
        const el = document.activeElement!;
        const t = [...document.querySelectorAll('table')].find((x) => x.textContent!.includes('申请人情况'))!;
        const inside = t.contains(el);
        return { inside, text: el.textContent!.trim(), marked: el.hasAttribute('data-nianbao-culprit') };
      });
      if (!where.inside) break;
      reached.push(`${where.text}${where.marked ? '*' : ''}`);
    }
    expect(reached).toEqual(['68*']);
  });

  it('a pill at the top of the viewport says the count on arrival, and jumps to the banner', async () => {
    const fresh = await open(name);
    const pill = fresh.locator('nianbao-pill .nb-pill-jump');
    await expect.poll(() => pill.textContent()).toBe('年报核对：3 处不一致');
    const box = (await fresh.locator('nianbao-pill .nb-pill').boundingBox())!;
    const viewport = fresh.viewportSize()!;
    expect(box.y).toBeLessThan(20);
    expect(box.x + box.width).toBeGreaterThan(viewport.width - 20);
    expect(box.width).toBeLessThan(260);
    // The banner is out of view on arrival; the pill's click brings it into view and the pill goes.
    const bannerInView = () =>
      fresh.evaluate(() => {
        const r = document.querySelector('nianbao-banner')!.getBoundingClientRect();
        return r.top < innerHeight && r.bottom > 0;
      });
    expect(await bannerInView()).toBe(false);
    await pill.click();
    await expect.poll(bannerInView).toBe(true);
    await expect.poll(() => fresh.locator('nianbao-pill').count()).toBe(0);
    await fresh.close();
  });

  it('the pill also goes when the reader scrolls to the banner, and on a short page never shows', async () => {
    const fresh = await open(name);
    await fresh.locator('nianbao-pill .nb-pill-jump').waitFor();
    await fresh.evaluate(() => document.querySelector('nianbao-banner')!.scrollIntoView());
    await expect.poll(() => fresh.locator('nianbao-pill').count()).toBe(0);
    await fresh.close();
    const short = await open('short-clean-2021.html');
    await short.waitForSelector(BANNER_HEADLINE);
    const inView = await short.evaluate(() => document.querySelector('nianbao-banner')!.getBoundingClientRect().top < innerHeight);
    await short.waitForTimeout(300);
    expect(inView).toBe(true);
    expect(await short.locator('nianbao-pill').count()).toBe(0);
    await short.close();
  });
});

describe('the blank-cells note in the banner', () => {
  it('clicking it shows the first blank cell (scrolled to and flashed, not marked)', async () => {
    const name = 'word-span-soup-2021.html';
    const note = (await expectedAudit(name))!.report.findings.find((f) => f.rule === 'blank_cells');
    expect(note).toBeDefined();
    const page = await open(name);
    await page.waitForSelector(BANNER_HEADLINE);
    await page.locator('nianbao-banner .nb-toggle').click();
    await page.locator(`nianbao-banner [data-finding-id="${note!.id}"] .nb-finding-button`).click();
    const flashed = page.locator('[data-nianbao-flash]');
    await expect.poll(() => flashed.count()).toBe(1);
    const cell = await flashed.evaluate((el) => ({
      text: el.textContent!.replace(/[\s\u00a0]/g, ''),
      marks: [...el.attributes].filter((a) => /^data-nianbao-(finding|involved|warning|culprit)$/.test(a.name)).length,
      outline: getComputedStyle(el).outlineStyle,
    }));
    expect(cell).toEqual({ text: '', marks: 0, outline: 'dashed' });
    // (The scroll is smooth unless the reader asked for reduced motion.)
    await expect.poll(() => flashed.evaluate((el) => el.getBoundingClientRect().top >= 0 && el.getBoundingClientRect().bottom <= innerHeight)).toBe(true);
    await page.close();
  });
});

describe('a report whose tables are printed one row per line (text pasted from a PDF, no <table>)', () => {
  it('is read and marked: each wrong total on its line, the banner counting every error', async () => {
    const name = 'rows-per-line-planted-2021.html';
    const expected = (await expectedAudit(name))!;
    const errors = expected.report.findings.filter((f) => f.severity === 'error');
    expect(errors.map((f) => f.rule).sort()).toEqual(['table3.results_total', 'table3.row_total', 'table4.group_total']);
    const page = await open(name);
    await page.waitForSelector(BANNER_HEADLINE);
    expect(await page.locator(BANNER_HEADLINE).textContent()).toContain(`本报告有 ${errors.length} 处数据不一致`);
    expect(expected.errorKeys.length).toBeGreaterThan(0);
    expect(expected.errorKeys.every((k) => k.startsWith('p:'))).toBe(true);
    expect(await markedKeys(page, 'data-nianbao-finding')).toEqual(expected.errorKeys);
    expect(await markedKeys(page, 'data-nianbao-involved')).toEqual(expected.involvedKeys);
    // The line of the wrong （一）予以公开 total, said once however many of its cells the finding names.
    const line = page.locator('p', { hasText: /（一）予以公开 24 5 1 0 1 0 30$/ });
    const said = (await line.getAttribute('aria-description')) ?? '';
    expect(said).toContain('总计 30 ≠');
    expect(said.split('总计 30 ≠')).toHaveLength(2);
    expect(await badgeText(h, await tabIdOf(h, page))).toBe(String(errors.length));
  });
});

describe('a report that reconciles (seed 002)', () => {
  it('has no marks, a "reconciles" banner and a green check', async () => {
    const expected = (await expectedAudit('seed-002-chanba-2020.html'))!;
    expect(expected.errorKeys).toEqual([]);
    const page = await open('seed-002-chanba-2020.html');
    await page.waitForSelector(BANNER_HEADLINE);
    const { relationsChecked, numbersRead } = expected.report.coverage;
    expect(relationsChecked).toBeGreaterThan(0);
    expect(await page.locator(BANNER_HEADLINE).textContent()).toBe(`本报告表格数据全部核对一致 · 已核对 ${relationsChecked} 项关系，读取 ${numbersRead} 个数字`);
    expect(await page.locator('[data-nianbao-finding]').count()).toBe(0);
    expect(await badgeText(h, await tabIdOf(h, page))).toBe('✓');
  });
});

describe('pages that are not reports', () => {
  for (const name of ['seed-004-longjiaquan-plan.html', 'non-report-news-list.html']) {
    it(`${name} under a .gov.cn host: the script runs, finds nothing, injects nothing`, async () => {
      expect(await expectedAudit(name)).toBeNull();
      const page = await open(name);
      // Proof the content script ran here (so "nothing injected" is not vacuous): its first scan is timed.
      await expect.poll(async () => (await nianbaoTiming(page)).costs.length).toBeGreaterThan(0);
      await page.waitForTimeout(600);
      expect(await injectedByUs(page)).toEqual({ hosts: 0, style: false, attrs: 0 });
      expect(await badgeText(h, await tabIdOf(h, page))).toBe('');
    });
  }

  it('a report on a non-gov host is left alone (the script never runs there)', async () => {
    const page = await open('seed-000-xinanjiang-2019.html', NON_GOV);
    await page.waitForLoadState('load');
    await page.waitForTimeout(800);
    expect(await injectedByUs(page)).toEqual({ hosts: 0, style: false, attrs: 0 });
    expect((await nianbaoTiming(page)).costs).toEqual([]);
    expect(await badgeText(h, await tabIdOf(h, page))).toBe('');
  });
});

describe('a report the site injects by script after load', () => {
  it('is still found and marked', async () => {
    const name = 'late-injected-2021.html';
    const page = await open(name);
    await page.waitForSelector(BANNER_HEADLINE, { timeout: 8000 });
    const { done } = await nianbaoTiming(page);
    expect((done as { runs: number }).runs).toBeGreaterThan(1);
    const tab = await tabIdOf(h, page);
    expect(await badgeText(h, tab)).not.toBe('');
  });
});

describe('navigation and frames', () => {
  it('a report inside an iframe of a .gov.cn page is checked in its frame', async () => {
    const page = await open('framed-report.html');
    const frame = page.frameLocator('iframe');
    await frame.locator(BANNER_HEADLINE).waitFor();
    expect(await frame.locator('[data-nianbao-finding]').count()).toBeGreaterThan(0);
    const errors = (await expectedAudit('seed-000-xinanjiang-2019.html'))!.report.findings.filter((f) => f.severity === 'error').length;
    expect(await badgeText(h, await tabIdOf(h, page))).toBe(String(errors));
  });

  it('keeps the badge when an iframe loads or the hash changes (Chrome reports "loading" for that); clears it on navigation', async () => {
    const page = await open('seed-002-chanba-2020.html');
    await page.waitForSelector(BANNER_HEADLINE);
    const tab = await tabIdOf(h, page);
    await expect.poll(() => badgeText(h, tab)).toBe('✓');
    await page.evaluate(() => {
      const f = document.createElement('iframe');
      f.src = '/seed-004-longjiaquan-plan.html';
      document.body.append(f);
    });
    await page.waitForTimeout(800);
    await expect.poll(() => badgeText(h, tab)).toBe('✓');
    await page.evaluate(() => (location.hash = '#section-2'));
    await page.waitForTimeout(300);
    await expect.poll(() => badgeText(h, tab)).toBe('✓');
    visited.push({ url: `${GOV}/seed-004-longjiaquan-plan.html`, file: 'seed-004-longjiaquan-plan.html' });
    await page.goto(`${GOV}/seed-004-longjiaquan-plan.html`);
    await expect.poll(() => badgeText(h, tab)).toBe('');
    await page.goBack();
    await expect.poll(() => badgeText(h, tab)).toBe('✓');
  });
});

describe('no network', () => {
  it('every request is a page we opened or a resource that page itself references', () => {
    const pages = new Map(visited.map((v) => [new URL(v.url).pathname, v.file]));
    const html = [...new Set(visited.map((v) => v.file))].map((f) => pageHtml(f)!).join('\n');
    // Sub-frames and resources count only when one of the opened pages names them itself.
    const known = (p: string) => pages.has(p) || html.includes(`"${p}"`) || p === '/favicon.ico';
    const http = requests.filter((u) => /^https?:/.test(u));
    expect(http.length).toBeGreaterThan(0);
    for (const u of http) {
      const url = new URL(u);
      expect([new URL(GOV).host, new URL(NON_GOV).host], u).toContain(url.host);
      expect(known(url.pathname), u).toBe(true);
    }
    // The server saw nothing else either (this also covers requests Playwright might not report).
    for (const r of h.served) expect(known(r.path), `${r.host}${r.path}`).toBe(true);
    expect(requests.filter((u) => !/^(https?|chrome-extension|data|about|blob):/.test(u))).toEqual([]);
  });
});
