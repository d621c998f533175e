import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ReportSchema } from '../../lib/schema.ts';
import { badgeText, GOV, launch, tabIdOf, type Harness } from './harness.ts';

// The reader's library in real Chromium: every report read is kept (storage.local); reading year Y after
// Y−1 of one agency marks the carried-over cells that do not match (series.carry_over) at once; the older
// page names the later report; library.html lists and exports; review marks survive a reload and reach
// the CSV; the library survives a browser restart on the same profile.
//
// Pages (tests/e2e/pages/library-*.html, Table 3 only): agency A 2021 carries forward 0 everywhere and A
// 2022 carries over 2 (自然人, 总计); agency B 2021 carries forward 1 and B 2022 carries over 1 (intact).

const A21 = `${GOV}/library-a-2021.html`;
const A22 = `${GOV}/library-a-2022.html`;
const B21 = `${GOV}/library-b-2021.html`;
const B22 = `${GOV}/library-b-2022.html`;
const HEADLINE = 'nianbao-banner [data-testid="nianbao-headline"]';
const MARKED = '[data-nianbao-finding], [data-nianbao-involved], [data-nianbao-warning]';

// The service worker's own `chrome`, inside sw.evaluate() callbacks.
declare const chrome: any;

const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-library-'));
let h: Harness;
beforeAll(async () => {
  h = await launch({ userDataDir: profile });
});
afterAll(async () => {
  await h?.close();
  fs.rmSync(profile, { recursive: true, force: true });
});

async function open(url: string): Promise<Page> {
  const page = await h.context.newPage();
  await page.goto(url);
  await page.waitForSelector(HEADLINE);
  return page;
}

/** The text of the cells carrying `attr` with a token starting with `prefix`. */
function cellsWith(page: Page, attr: string, prefix: string): Promise<string[]> {
  return page.$$eval(
    `[${attr}]`,
    (els, [a, p]) => els.filter((el) => el.getAttribute(a)!.split(' ').some((t) => t.startsWith(p))).map((el) => el.textContent!.trim()),
    [attr, prefix] as const,
  );
}

/** Which row (by its label) and column index each of those cells is in. */
function rowLabelsOf(page: Page, attr: string, prefix: string): Promise<string[]> {
  return page.$$eval(
    `[${attr}]`,
    (els, [a, p]) =>
      els
        .filter((el) => el.getAttribute(a)!.split(' ').some((t) => t.startsWith(p)))
        .map((el) => (el.parentElement!.querySelector('td')!.textContent ?? '').trim()),
    [attr, prefix] as const,
  );
}

async function openLibrary(): Promise<Page> {
  const page = await h.context.newPage();
  await page.goto(`chrome-extension://${h.extensionId}/library.html`);
  await page.waitForSelector('[data-testid="library-table"]');
  return page;
}

async function download(page: Page, action: string): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(`[data-action="${action}"]`)]);
  return { name: file.suggestedFilename(), text: fs.readFileSync((await file.path())!, 'utf8') };
}

describe('series findings from the library', () => {
  let a22: Page;
  beforeAll(async () => {
    await (await open(A21)).close();
    a22 = await open(A22);
  });

  it('year Y read after Y−1: its 上年结转 cells that differ from Y−1’s 结转下年 (自然人 and 总计, 2 ≠ 0) are marked at once', async () => {
    await expect.poll(() => cellsWith(a22, 'data-nianbao-finding', 'series:carry_over'), { timeout: 10_000 }).toEqual(['2', '2']);
    expect(new Set(await rowLabelsOf(a22, 'data-nianbao-finding', 'series:carry_over'))).toEqual(new Set(['二、上年结转政府信息公开申请数量']));
    await expect.poll(() => a22.locator(HEADLINE).textContent()).toBe('本报告有 2 处数据不一致');
    // The finding names the 2021 report, with a link to it.
    const link = a22.locator('nianbao-banner [data-testid="nianbao-other"]').first();
    expect(await link.textContent()).toBe('临溪县市场监督管理局2021年报告');
    expect(await link.getAttribute('href')).toBe(A21);
    expect(await badgeText(h, await tabIdOf(h, a22))).toBe('2');
  });

  it('the older year opened again shows the finding as a note naming the later report, on its 结转下年 cells', async () => {
    const a21 = await open(A21);
    const later = a21.locator('nianbao-banner [data-testid="nianbao-later"]');
    await later.waitFor();
    expect(await later.textContent()).toContain('临溪县市场监督管理局2022年报告与本报告对照');
    expect(await rowLabelsOf(a21, 'data-nianbao-warning', 'later:')).toEqual(['四、结转下年度继续办理', '四、结转下年度继续办理']);
    // The page's own verdict is unchanged: the finding is the later report's.
    expect(await a21.locator(HEADLINE).textContent()).toMatch(/^本报告表格数据全部核对一致/);
    await a21.close();
  });

  it('an intact pair (B: 2021 carries forward 1, 2022 carries over 1) marks nothing', async () => {
    await (await open(B21)).close();
    const b22 = await open(B22);
    // The background has kept the report and worked out what the library adds: nothing from the series.
    const tabId = await tabIdOf(h, b22);
    const sw = await h.serviceWorker();
    const news = () =>
      sw.evaluate(async (id) => ((await chrome.storage.session.get(`tab:${id}`))[`tab:${id}`] as { news?: { series: unknown[]; notes: unknown[] } })?.news ?? null, tabId);
    await expect.poll(news, { timeout: 10_000 }).not.toBeNull();
    expect(await news()).toMatchObject({ series: [], notes: [] });
    expect(await b22.$$(MARKED)).toHaveLength(0);
    expect(await b22.locator(HEADLINE).textContent()).toMatch(/^本报告表格数据全部核对一致/);
    await b22.close();
  });

  it('a review mark: 已忽略 with a note greys the finding, drops it from the count, and survives a reload', async () => {
    const item = a22.locator('nianbao-banner [data-finding-id="series:carry_over:total"]').first();
    await item.locator('.nb-review-open').click();
    await item.locator('.nb-review-note').fill('上年报告已更正');
    await item.locator('[data-review-action="dismissed"]').click();
    await expect.poll(() => a22.locator(HEADLINE).textContent()).toBe('本报告有 1 处数据不一致');
    await expect.poll(async () => badgeText(h, await tabIdOf(h, a22))).toBe('1');
    await a22.reload();
    await a22.waitForSelector(HEADLINE);
    await expect.poll(() => a22.locator(HEADLINE).textContent(), { timeout: 10_000 }).toBe('本报告有 1 处数据不一致');
    const dismissed = a22.locator('nianbao-banner [data-testid="nianbao-dismissed"] [data-finding-id="series:carry_over:total"]');
    expect(await dismissed.locator('.nb-review-status').textContent()).toBe('已忽略：上年报告已更正');
    // The dismissed cell is no longer marked; the other one still is.
    expect(await cellsWith(a22, 'data-nianbao-finding', 'series:carry_over')).toEqual(['2']);
  });
});

describe('library.html', () => {
  it('lists the four reports read, and exports them (JSON array, long and wide CSV, findings CSV with the review mark)', async () => {
    const lib = await openLibrary();
    const rows = lib.locator('[data-testid="library-row"]');
    await expect.poll(() => rows.count()).toBe(4);
    const listed = await rows.evaluateAll((trs) =>
      trs.map((tr) => [tr.querySelector('[data-col="agency"]')!.textContent, tr.querySelector('[data-col="year"]')!.textContent, tr.querySelector('[data-col="errors"]')!.textContent]),
    );
    expect(listed.map((r) => r.join(' ')).sort()).toEqual([
      '临溪县市场监督管理局 2021 0',
      '临溪县市场监督管理局 2022 1',
      '临溪县教育局 2021 0',
      '临溪县教育局 2022 0',
    ]);

    const json = await download(lib, 'json');
    const reports = ReportSchema.array().parse(JSON.parse(json.text));
    expect(reports.map((r) => `${r.agency} ${r.year}`).sort()).toEqual(['临溪县市场监督管理局 2021', '临溪县市场监督管理局 2022', '临溪县教育局 2021', '临溪县教育局 2022']);
    const a22 = reports.find((r) => r.year === 2022 && r.agency === '临溪县市场监督管理局')!;
    expect(a22.findings.filter((f) => f.rule === 'series.carry_over').map((f) => [f.id, f.review?.status ?? null])).toEqual([
      ['series:carry_over:total', 'dismissed'],
      ['series:carry_over:natural_person', null],
    ]);

    const values = await download(lib, 'values-csv');
    const valueRows = Papa.parse<string[]>(values.text.replace(/^\ufeff/, '').trim()).data;
    // One line per cell of every report (Table 3: 26 rows × 7 columns each, plus the header).
    expect(valueRows.length).toBe(1 + reports.reduce((n, r) => n + (r.tables.table3?.cells.length ?? 0), 0));

    const wide = await download(lib, 'wide-csv');
    const [wideHeader, ...wideRows] = Papa.parse<string[]>(wide.text.replace(/^\ufeff/, '').trim()).data;
    expect(wideRows).toHaveLength(4);
    const wideA22 = wideRows.find((r) => r[0] === '临溪县市场监督管理局' && r[1] === '2022')!;
    expect(wideA22[wideHeader.indexOf('table3.carried_over.total')]).toBe('2');

    const findings = await download(lib, 'findings-csv');
    const [header, ...lines] = Papa.parse<string[]>(findings.text.replace(/^\ufeff/, '').trim()).data;
    expect(header.slice(-2)).toEqual(['review', 'review_note']);
    const total = lines.find((l) => l[header.indexOf('id')] === 'series:carry_over:total')!;
    expect(total.slice(-2)).toEqual(['dismissed', '上年报告已更正']);

    // Over the years: agency A's 上年结转 by year, numbers in the table.
    const years = lib.locator('[data-testid="over-years"][data-agency="临溪县市场监督管理局"] tbody tr');
    expect(await years.evaluateAll((trs) => trs.map((tr) => [tr.querySelector('th')!.textContent, tr.querySelector('[data-figure="carriedOver"]')!.textContent]))).toEqual([
      ['2021', '1'],
      ['2022', '2'],
    ]);
    await lib.close();
  });

  it('filters by "has errors" and deletes one report', async () => {
    const lib = await openLibrary();
    const rows = lib.locator('[data-testid="library-row"]');
    await expect.poll(() => rows.count()).toBe(4);
    await lib.check('[data-testid="filter-errors"]');
    expect(await rows.count()).toBe(1);
    await lib.uncheck('[data-testid="filter-errors"]');
    await lib.locator(`[data-testid="library-row"][data-key="url:${B21}"] [data-action="delete"]`).click();
    await expect.poll(() => rows.count()).toBe(3);
    await lib.close();
  });

  it('imports a saved page (audited in the page) and refuses an export of an older schema version in a sentence', async () => {
    const lib = await openLibrary();
    const rows = lib.locator('[data-testid="library-row"]');
    await expect.poll(() => rows.count()).toBe(3);
    const saved = fs.readFileSync(path.join(import.meta.dirname, '../fixtures/clean-2021.html'));
    const old = Buffer.from(JSON.stringify({ schemaVersion: 2, source: { title: 'x' } }));
    await lib.setInputFiles('[data-testid="import"]', [
      { name: 'clean-2021.html', mimeType: 'text/html', buffer: saved },
      { name: 'old.json', mimeType: 'application/json', buffer: old },
    ]);
    await expect.poll(() => rows.count()).toBe(4);
    expect(await lib.locator('[data-testid="notice"]').textContent()).toMatch(/^已导入 1 份报告；old\.json：由旧版导出（格式版本 2，当前为 3）/);
    const imported = lib.locator('[data-testid="library-row"][data-key="file:临溪县市场监督管理局|2022|clean-2021.html"]');
    // clean-2021.html is the same agency's 2022 report (a saved file: no site to tell apart), so the library
    // checks it against A's 2021 page too: 上年结转 4 / 1 / 5 (自然人, 商业企业, 总计) against 结转下年 0.
    expect(await imported.locator('[data-col="errors"]').textContent()).toBe('3');
    await lib.locator(`[data-testid="library-row"][data-key="file:临溪县市场监督管理局|2022|clean-2021.html"] [data-action="delete"]`).click();
    await expect.poll(() => rows.count()).toBe(3);
    await lib.close();
  });

  it('survives a browser restart on the same profile', async () => {
    await h.close();
    h = await launch({ userDataDir: profile });
    const lib = await openLibrary();
    await expect.poll(() => lib.locator('[data-testid="library-row"]').count(), { timeout: 10_000 }).toBe(3);
    await lib.close();
  });
});
