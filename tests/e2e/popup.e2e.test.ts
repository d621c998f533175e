import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import * as XLSX from 'xlsx';
import { REPORT_SCHEMA_ID, ReportSchema, type Report } from '../../lib/schema.ts';
import { reportTable } from '../../lib/tables/index.ts';
import { badgeText, expectedAudit, GOV, launch, nianbaoTiming, NON_GOV, tabIdOf, type Harness } from './harness.ts';

// The popup, opened as the extension page `popup.html?tab=<id>` (as a page, its own "active tab"
// would be itself), against report and non-report tabs.

// Screenshots go to test-results/; `UPDATE_DOCS=1 npm test` refreshes the README's pictures in docs/.
const DOCS = path.resolve(import.meta.dirname, process.env.UPDATE_DOCS ? '../../docs' : '../../test-results');
const SEED_000 = 'seed-000-xinanjiang-2019.html';
let h: Harness;
beforeAll(async () => {
  h = await launch();
});
afterAll(async () => h?.close());

async function openTab(url: string, ready?: string): Promise<{ page: Page; tabId: number }> {
  const page = await h.context.newPage();
  await page.goto(url);
  if (ready) await page.waitForSelector(ready);
  else await page.waitForTimeout(700);
  return { page, tabId: await tabIdOf(h, page) };
}

async function openPopup(tabId: number): Promise<Page> {
  const popup = await h.context.newPage();
  await popup.setViewportSize({ width: 400, height: 640 });
  await popup.goto(`chrome-extension://${h.extensionId}/popup.html?tab=${tabId}`);
  return popup;
}

async function download(popup: Page, action: string): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([popup.waitForEvent('download'), popup.click(`[data-action="${action}"]`)]);
  return { name: file.suggestedFilename(), text: fs.readFileSync((await file.path())!, 'utf8') };
}

describe('popup for a tab holding a report with mismatches (seed 000)', () => {
  let page: Page;
  let popup: Page;
  let expected: Report;
  beforeAll(async () => {
    expected = (await expectedAudit(SEED_000))!.report;
    ({ page } = await openTab(`${GOV}/${SEED_000}`, 'nianbao-banner'));
    popup = await openPopup(await tabIdOf(h, page));
    await popup.waitForSelector('.nb-report');
  });

  it('shows title, agency, year, format and the error findings', async () => {
    expect(await popup.locator('h1').textContent()).toBe(expected.source.title);
    expect(await popup.locator('[data-testid="agency"]').textContent()).toBe(expected.agency ?? '未识别');
    expect(await popup.locator('[data-testid="year"]').textContent()).toBe(String(expected.year ?? '未识别'));
    const errors = expected.findings.filter((f) => f.severity === 'error');
    expect(await popup.locator('[data-testid="verdict"]').textContent()).toBe(`本报告有 ${errors.length} 处数据不一致`);
    const items = popup.locator('.nb-section .nb-finding.nb-error');
    expect(await items.count()).toBe(errors.length);
    expect(await items.first().textContent()).toContain(errors[0]!.message);
    await popup.locator('main').screenshot({ path: path.join(DOCS, 'popup.png') });
  });

  it('a finding clicked in the popup is shown (scrolled to and flashed) on the page', async () => {
    const first = expected.findings.find((f) => f.severity === 'error')!;
    await popup.locator(`[data-finding-id="${first.id}"] .nb-finding-button`).click();
    const cell = page.locator(`[data-nianbao-finding~="${first.id}"]`).first();
    await expect.poll(() => cell.getAttribute('data-nianbao-flash')).toBe('');
  });

  it('下载 JSON: a file named after agency and year that parses with the schema and holds the page’s numbers', async () => {
    const { name, text } = await download(popup, 'json');
    expect(name).toBe(`${expected.agency}-${expected.year}-政府信息公开年报.json`);
    const report = ReportSchema.parse(JSON.parse(text));
    // The same numbers an independent run of the core on the fixture file (Node, linkedom) reads, and the
    // name of its JSON Schema.
    expect(report).toEqual({ $schema: REPORT_SCHEMA_ID, ...expected });
    // And the numbers in the cells marked on the page are the ones in the file.
    const marked = await page.$$eval('[data-nianbao-finding], [data-nianbao-involved]', (els) => els.map((el) => Number(el.textContent!.trim())));
    const inFile = new Set(
      report.findings
        .filter((f) => f.severity === 'error')
        .flatMap((f) => f.cells)
        .flatMap((ref) => report.tables.table3?.cells.filter((c) => c.row === ref.row && (c.col === ref.col || c.covers?.includes(ref.col))) ?? [])
        .map((c) => c.value)
        // Zero and blank parts are left unmarked (lib/mark-plan.ts).
        .filter((v) => v !== 0 && v !== null),
    );
    expect(new Set(marked)).toEqual(inFile);
  });

  it('下载 CSV and 下载问题清单 CSV: UTF-8 with BOM, one line per value / per finding', async () => {
    const values = await download(popup, 'values-csv');
    expect(values.name).toMatch(/\.csv$/);
    expect(values.text.startsWith('\ufeff')).toBe(true);
    const cellCount = Object.values(expected.tables).reduce((n, t) => n + (t?.cells.length ?? 0), 0);
    expect(values.text.trim().split(/\r?\n/).length).toBeGreaterThanOrEqual(cellCount + 1);
    const findings = await download(popup, 'findings-csv');
    expect(findings.name).toMatch(/问题清单\.csv$/);
    expect(findings.text.startsWith('\ufeff')).toBe(true);
    for (const f of expected.findings) expect(findings.text).toContain(f.id);
  });

  it('下载 XLSX: a workbook (read back with SheetJS) whose number cells are the report’s numbers', async () => {
    const [file] = await Promise.all([popup.waitForEvent('download'), popup.click('[data-action="xlsx"]')]);
    expect(file.suggestedFilename()).toBe(`${expected.agency}-${expected.year}-政府信息公开年报.xlsx`);
    const wb = XLSX.read(fs.readFileSync((await file.path())!), { type: 'buffer' });
    const keys = (['table2', 'table3', 'table4', 'legacy'] as const).filter((k) => expected.tables[k]?.cells.length);
    expect(wb.SheetNames).toEqual([...keys.map((k) => reportTable(k).title), '问题清单', '报告信息']);
    for (const key of keys) {
      const ws = wb.Sheets[reportTable(key).title];
      const numbers = Object.keys(ws).filter((k) => !k.startsWith('!') && ws[k].t === 'n').map((k) => ws[k].v as number);
      const okValues = expected.tables[key]!.cells.filter((c) => c.status === 'ok').map((c) => c.value!);
      expect(numbers.sort((a, b) => a - b), key).toEqual(okValues.sort((a, b) => a - b));
    }
    await expect.poll(() => popup.locator('[role="status"]').textContent()).toContain('.xlsx');
  });

  it('复制表格 puts tab-separated values on the clipboard (pasted back to check)', async () => {
    await popup.bringToFront();
    await popup.click('[data-action="copy-tsv"]');
    await expect.poll(() => popup.locator('[role="status"]').textContent()).toContain('已复制');
    await popup.evaluate(() => {
      const box = document.createElement('textarea');
      box.id = 'paste-here';
      document.body.append(box);
      box.focus();
    });
    await popup.keyboard.press('Control+V');
    const pasted = await popup.locator('#paste-here').inputValue();
    // The report's title, then each table as a grid: its title, the column labels across, a row per line.
    const lines = pasted.split(/\r?\n/);
    expect(lines[0]).toBe(expected.source.title);
    expect(lines).toContain('收到和处理政府信息公开申请情况');
    expect(lines.find((l) => l.startsWith('\t自然人\t'))).toContain('\t总计');
    expect(lines.find((l) => l.startsWith('一、本年新收'))!.split('\t').length).toBeGreaterThan(2);
  });
});

describe('popup for tabs without a report', () => {
  it('a .gov.cn page that is not a report: says no report tables were found', async () => {
    const { tabId } = await openTab(`${GOV}/seed-004-longjiaquan-plan.html`);
    expect(await badgeText(h, tabId)).toBe('');
    const popup = await openPopup(tabId);
    await popup.waitForSelector('[data-testid="no-report"]');
    expect(await popup.locator('[data-testid="no-report"] h1').textContent()).toBe('此页面未找到年报表格');
  });

  it('a report column’s list page: no wait, and the popup says so and lists the reports, each a link that opens', async () => {
    const { page, tabId } = await openTab(`${GOV}/zwgk/ndbg/report-column-list.html`);
    // The content script gave up after its first look instead of watching for ten seconds.
    await expect.poll(async () => (await nianbaoTiming(page)).done).toMatchObject({ found: false, runs: 1 });
    const popup = await openPopup(tabId);
    await popup.waitForSelector('[data-testid="no-report"]');
    expect(await popup.locator('[data-testid="no-report"] h1').textContent()).toBe('这是年报列表页');
    expect(await popup.locator('[data-testid="no-report"] p').textContent()).toContain('列出了 12 份年度报告');
    const links = popup.locator('[data-testid="page-links"] a');
    expect(await links.count()).toBe(12);
    expect(await links.first().textContent()).toBe('临溪县人民政府2022年政府信息公开工作年度报告');
    expect(await links.first().getAttribute('href')).toBe(`${GOV}/zwgk/ndbg/202301/clean-2021.html`);
    const [opened] = await Promise.all([h.context.waitForEvent('page'), links.first().click()]);
    await opened.waitForLoadState();
    expect(opened.url()).toBe(`${GOV}/zwgk/ndbg/202301/clean-2021.html`);
    await opened.close();
  });

  it('a report page whose report is an attachment: says so plainly and lists the attachments', async () => {
    const { tabId } = await openTab(`${GOV}/attachment-report-2023.html`);
    const popup = await openPopup(tabId);
    await popup.waitForSelector('[data-testid="no-report"]');
    expect(await popup.locator('[data-testid="no-report"] h1').textContent()).toBe('本页的年报是附件');
    expect(await popup.locator('[data-testid="no-report"] p').textContent()).toMatch(/^本页的年报是附件（PDF、Word 等文件）/);
    const links = await popup.locator('[data-testid="page-links"] a').evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute('href')]));
    expect(links).toEqual([
      ['临溪县交通运输局2023年政府信息公开工作年度报告.pdf', `${GOV}/module/download/downfile.jsp?classid=0&filename=2401301536.pdf`],
      ['附件2：政府信息公开情况统计表.docx', `${GOV}/u/cms/www/202401/30153612abcd.docx`],
    ]);
  });

  it('a non-gov page: says the extension does not run there', async () => {
    const { tabId } = await openTab(`${NON_GOV}/${SEED_000}`);
    const popup = await openPopup(tabId);
    await popup.waitForSelector('[data-testid="no-report"]');
    expect(await popup.locator('[data-testid="no-report"] h1').textContent()).toBe('此页面没有运行年报核对');
    expect(await popup.locator('[data-testid="no-report"] p').textContent()).toContain('.gov.cn');
  });
});

describe('after the MV3 service worker was stopped (it keeps the tab state in memory only)', () => {
  it('the popup still gets the report, from the page itself', async () => {
    const { page } = await openTab(`${GOV}/${SEED_000}`, 'nianbao-banner');
    const tabId = await tabIdOf(h, page);
    const cdp = await h.context.browser()!.newBrowserCDPSession();
    const { targetInfos } = await cdp.send('Target.getTargets');
    const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.includes(h.extensionId))!;
    await cdp.send('Target.closeTarget', { targetId: worker.targetId });
    const popup = await openPopup(tabId);
    await popup.waitForSelector('.nb-report');
    expect(await popup.locator('[data-testid="verdict"]').textContent()).toContain('处数据不一致');
  });
});
