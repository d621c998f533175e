import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { planMarks, type CellRole } from '../../lib/mark-plan.ts';
import { ReportSchema, type Report } from '../../lib/schema.ts';
import zhMessages from '../../public/_locales/zh_CN/messages.json';
import { auditDocxFile, auditPdfFile } from '../../scripts/read-page.ts';
import os from 'node:os';
import { EXT_DIR, GOV, launch, NON_GOV, tabIdOf, type Harness } from './harness.ts';

// A report published as an attachment, checked in real Chromium: a .gov.cn page that only links the report
// (tests/e2e/pages/attachment-planted-2021.html → tests/documents/planted-2021-mismatch.pdf/.docx, two planted
// errors the CLI finds as three failed sums), the popup's 核对附件, and attachment.html showing the document
// with the mismatching cells marked — the same cells, with the same printed values, as the CLI's findings.

const PAGE = 'attachment-planted-2021.html';
const DOCUMENTS = path.resolve(import.meta.dirname, '../documents');
const FILE = 'planted-2021-mismatch';
let h: Harness;
beforeAll(async () => {
  h = await launch();
});
afterAll(async () => h?.close());

/** The printed text of each cell the CLI's report marks in `role` (one per cell, sorted), and where a PDF prints it. */
function expectedMarks(report: Report, role: CellRole) {
  const out: { raw: string; page?: number; box?: number[] }[] = [];
  const seen = new Set<string>();
  for (const { finding, cells } of planMarks(report).findings) {
    if (!finding.table) continue;
    for (const c of cells.filter((c) => c.role === role)) {
      const cell = report.tables[finding.table]!.cells.find((m) => m.row === c.ref.row && (m.col === c.ref.col || m.covers?.includes(c.ref.col)))!;
      const key = JSON.stringify(cell.source);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(cell.source?.kind === 'pdf' ? { raw: cell.raw, page: cell.source.page, box: cell.source.box } : { raw: cell.raw });
    }
  }
  return out.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

async function openPopupOnReportPage(): Promise<Page> {
  const page = await h.context.newPage();
  await page.goto(`${GOV}/zwgk/${PAGE}`);
  await page.waitForTimeout(700);
  const tabId = await tabIdOf(h, page);
  const popup = await h.context.newPage();
  await popup.setViewportSize({ width: 400, height: 640 });
  await popup.goto(`chrome-extension://${h.extensionId}/popup.html?tab=${tabId}`);
  await popup.waitForSelector('[data-testid="check-attachment"]');
  return popup;
}

/** Clicks 核对附件 beside the link whose address ends in `suffix`; the attachment page it opens, once drawn. */
async function checkAttachment(popup: Page, suffix: string): Promise<Page> {
  const item = popup.locator('[data-testid="page-links"] li', { has: popup.locator(`a[href$="${suffix}"]`) });
  const [viewer] = await Promise.all([h.context.waitForEvent('page'), item.locator('[data-testid="check-attachment"]').click()]);
  await viewer.waitForSelector('[data-testid="attachment-document"][data-drawn]', { timeout: 60_000 });
  return viewer;
}

async function downloadJson(viewer: Page): Promise<Report> {
  const [file] = await Promise.all([viewer.waitForEvent('download'), viewer.click('[data-action="json"]')]);
  return ReportSchema.parse(JSON.parse(fs.readFileSync((await file.path())!, 'utf8')));
}

describe('a .gov.cn page whose report is only an attachment', () => {
  it('the popup offers 核对附件 for each attachment; a .wps gets its sentence and is not fetched', async () => {
    const popup = await openPopupOnReportPage();
    expect(await popup.locator('[data-testid="no-report"] h1').textContent()).toBe('本页的年报是附件');
    expect(await popup.locator('[data-testid="check-attachment"]').count()).toBe(3);
    const wps = popup.locator('[data-testid="page-links"] li', { has: popup.locator('a[href$=".wps"]') });
    await wps.locator('[data-testid="check-attachment"]').click();
    expect(await wps.locator('[role="status"]').textContent()).toBe(zhMessages.attachAdviceWPS.message);
    // Nothing fetched without the click: no attachment was requested, and the .wps not even after it.
    expect(h.served.filter((r) => /\.(?:pdf|docx|wps)$/.test(r.path))).toEqual([]);
    await popup.close();
  });

  it('PDF: 核对附件 opens attachment.html with the pages drawn and the CLI’s mismatching cells marked', async () => {
    const cli = (await auditPdfFile(path.join(DOCUMENTS, `${FILE}.pdf`)))!.report;
    const errors = cli.findings.filter((f) => f.severity === 'error');
    expect(errors).toHaveLength(3);
    const popup = await openPopupOnReportPage();
    const viewer = await checkAttachment(popup, `${FILE}.pdf`);
    expect(new URL(viewer.url()).pathname).toBe('/attachment.html');
    expect(h.served.filter((r) => r.path.endsWith(`${FILE}.pdf`))).toHaveLength(1);

    expect(await viewer.locator('[data-testid="nianbao-headline"]').textContent()).toBe(`本报告有 ${errors.length} 处数据不一致`);
    // Every page drawn, with ink on it.
    const pages = viewer.locator('.nb-pdf-page');
    expect(await pages.count()).toBeGreaterThan(1);
    const inked = await viewer.$$eval('.nb-pdf-page canvas', (canvases) =>
      (canvases as HTMLCanvasElement[]).map((c) => {
        const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
        let dark = 0;
        for (let i = 0; i < data.length; i += 4) if (data[i]! < 128) dark++;
        return dark;
      }),
    );
    expect(inked.every((n) => n > 1000)).toBe(true);

    // The strongly marked boxes: the printed totals of the failed sums, each over the cell the CLI read it from.
    const scale = 1.5;
    const marked = await viewer.$$eval('.nb-pdf-box[data-nianbao-finding]', (boxes) =>
      (boxes as HTMLElement[]).map((b) => ({
        raw: b.dataset.raw!,
        page: Number(b.closest<HTMLElement>('.nb-pdf-page')!.dataset.page),
        at: [b.offsetLeft, b.offsetTop, b.offsetLeft + b.offsetWidth, b.offsetTop + b.offsetHeight],
      })),
    );
    const expected = expectedMarks(cli, 'total');
    expect(marked).toHaveLength(expected.length);
    const shown = marked.map((m) => ({ raw: m.raw, page: m.page, box: m.at.map((v) => Math.round(v / scale)) }));
    const wanted = expected.map((e) => ({ raw: e.raw, page: e.page, box: e.box!.map((v) => Math.round(v)) }));
    const order = (a: { raw: string; page?: number; box?: number[] }, b: typeof a) => JSON.stringify(a).localeCompare(JSON.stringify(b));
    expect(shown.sort(order)).toEqual(wanted.sort(order));
    expect(marked.map((m) => m.raw).sort()).toEqual(['3', '30', '67'].sort());
    // The light marks (non-zero parts) as many as the CLI's.
    expect(await viewer.locator('.nb-pdf-box[data-nianbao-involved]').count()).toBe(expectedMarks(cli, 'part').length);

    // The banner's "show me" goes to the finding's box; hovering a box explains it.
    await viewer.locator(`[data-finding-id="${errors[0]!.id}"] .nb-finding-button`).click();
    await expect.poll(() => viewer.locator('[data-nianbao-flash]').count()).toBe(1);
    await viewer.locator('.nb-pdf-box[data-nianbao-finding]').first().hover();
    expect(await viewer.locator('.nb-tip').textContent()).toMatch(/≠/);
    await viewer.screenshot({ path: path.resolve(import.meta.dirname, '../../test-results/attachment-pdf.png') });

    // The export is the CLI's report of the same file (the same tables, places and findings).
    const json = await downloadJson(viewer);
    expect(json.tables).toEqual(cli.tables);
    expect(json.findings).toEqual(cli.findings);
    expect(json.source.url).toBe(`${GOV}/u/cms/www/202201/${FILE}.pdf`);
    await viewer.close();
    await popup.close();
  });

  it('Word: 核对附件 shows the document’s tables with the CLI’s mismatching cells marked', async () => {
    const cli = auditDocxFile(path.join(DOCUMENTS, `${FILE}.docx`))!.report;
    const popup = await openPopupOnReportPage();
    const viewer = await checkAttachment(popup, `${FILE}.docx`);
    const errors = cli.findings.filter((f) => f.severity === 'error');
    expect(await viewer.locator('[data-testid="nianbao-headline"]').textContent()).toBe(`本报告有 ${errors.length} 处数据不一致`);
    expect(await viewer.locator('.nb-document-docx table').count()).toBeGreaterThanOrEqual(3);
    const marked = await viewer.$$eval('.nb-document-docx [data-nianbao-finding]', (cells) => cells.map((c) => c.textContent!.trim()));
    expect(marked.sort()).toEqual(expectedMarks(cli, 'total').map((e) => e.raw).sort());
    expect(await viewer.locator('.nb-document-docx [data-nianbao-involved]').count()).toBe(expectedMarks(cli, 'part').length);
    const json = await downloadJson(viewer);
    expect(json.tables).toEqual(cli.tables);
    expect(json.findings).toEqual(cli.findings);
    await viewer.close();
    await popup.close();
  });

  // Here the content script in Chromium's PDF viewer names the PDF (with activeTab, the popup also knows it by the tab's address).
  it('a tab that shows a PDF itself: the popup offers 核对附件 for it', async () => {
    const page = await h.context.newPage();
    const pdfUrl = `${GOV}/u/cms/www/202201/${FILE}.pdf`;
    await page.goto(pdfUrl).catch(() => undefined);
    await page.waitForTimeout(700);
    const tabId = await tabIdOf(h, page);
    const popup = await h.context.newPage();
    await popup.goto(`chrome-extension://${h.extensionId}/popup.html?tab=${tabId}`);
    await popup.waitForSelector('[data-testid="check-attachment"]');
    expect(await popup.locator('[data-testid="no-report"] h1').textContent()).toBe('这是 PDF 文件');
    const viewer = await checkAttachment(popup, `${FILE}.pdf`);
    expect(await viewer.locator('.nb-pdf-box[data-nianbao-finding]').count()).toBe(3);
    await viewer.close();
    await popup.close();
    await page.close();
  });
});

// An attachment off .gov.cn (a CDN, a mirror): its host is asked for at the reader's click, in the popup or
// here. The browser's prompt cannot be clicked by Playwright, so the granted case loads a copy of the build
// whose manifest already holds that host (the state the reader's 允许 leaves behind).
describe('an attachment on a host that is not .gov.cn', () => {
  const viewerUrl = (ext: string) => `chrome-extension://${ext}/attachment.html?url=${encodeURIComponent(`${NON_GOV}/files/${FILE}.pdf`)}`;

  it('without its permission: nothing is fetched, the page asks for that one host', async () => {
    const viewer = await h.context.newPage();
    await viewer.goto(viewerUrl(h.extensionId));
    await viewer.waitForSelector('[data-testid="attachment-permission"]');
    expect(await viewer.locator('[data-testid="attachment-permission"]').textContent()).toContain('www.example.com');
    expect(await viewer.locator('[data-testid="attachment-allow"]').count()).toBe(1);
    expect(h.served.filter((r) => r.host.startsWith('www.example.com'))).toEqual([]);
    await viewer.close();
  });

  it('with it: fetched and checked like a .gov.cn attachment', async () => {
    const extDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-attachment-'));
    fs.cpSync(EXT_DIR, extDir, { recursive: true });
    const manifest = JSON.parse(fs.readFileSync(path.join(extDir, 'manifest.json'), 'utf8'));
    manifest.host_permissions = ['*://www.example.com/*'];
    fs.writeFileSync(path.join(extDir, 'manifest.json'), JSON.stringify(manifest));
    const granted = await launch({ extDir });
    try {
      const viewer = await granted.context.newPage();
      await viewer.goto(viewerUrl(granted.extensionId));
      await viewer.waitForSelector('[data-testid="attachment-document"][data-drawn]', { timeout: 60_000 });
      expect(await viewer.locator('.nb-pdf-box[data-nianbao-finding]').count()).toBe(3);
      expect(granted.served.filter((r) => r.host.startsWith('www.example.com')).map((r) => r.path)).toEqual([`/files/${FILE}.pdf`]);
    } finally {
      await granted.close();
      fs.rmSync(extDir, { recursive: true, force: true });
    }
  });
});

// Many agencies' PDFs print in a Chinese font that is not embedded, their text coded by one of Adobe's
// predefined CMaps (tests/documents/planted-2021-mismatch-cidfont.pdf: STSong-Light, UniGB-UCS2-H). The
// attachment page's pdf.js reads them with the CMap files the build copies from pdfjs-dist (under pdfjs/).
// (-gbk: SimSun, GBK-EUC-H.)
describe('a PDF in a Chinese font that is not embedded (predefined CMap)', () => {
  it.each(['planted-2021-mismatch-cidfont', 'planted-2021-mismatch-cidfont-gbk'])('%s.pdf is read as the CLI reads it, its mismatching cells marked, its Chinese text drawn', async (CID) => {
    const cli = (await auditPdfFile(path.join(DOCUMENTS, `${CID}.pdf`)))!.report;
    const errors = cli.findings.filter((f) => f.severity === 'error');
    expect(errors).toHaveLength(3);
    const viewer = await h.context.newPage();
    await viewer.goto(`chrome-extension://${h.extensionId}/attachment.html?url=${encodeURIComponent(`${GOV}/u/cms/www/202201/${CID}.pdf`)}`);
    await viewer.waitForSelector('[data-testid="attachment-document"][data-drawn]', { timeout: 60_000 });
    expect(await viewer.locator('[data-testid="nianbao-headline"]').textContent()).toBe(`本报告有 ${errors.length} 处数据不一致`);
    expect(await viewer.locator('[data-testid="attachment-title"]').textContent()).toBe(cli.source.title);

    // The marked boxes: the printed totals of the failed sums, over the cells the CLI read them from.
    const marked = await viewer.$$eval('.nb-pdf-box[data-nianbao-finding]', (boxes) =>
      (boxes as HTMLElement[]).map((b) => ({
        raw: b.dataset.raw!,
        page: Number(b.closest<HTMLElement>('.nb-pdf-page')!.dataset.page),
        box: [b.offsetLeft, b.offsetTop, b.offsetLeft + b.offsetWidth, b.offsetTop + b.offsetHeight].map((v) => Math.round(v / 1.5)),
      })),
    );
    const order = (a: { raw: string }, b: { raw: string }) => JSON.stringify(a).localeCompare(JSON.stringify(b));
    expect(marked.sort(order)).toEqual(expectedMarks(cli, 'total').map((e) => ({ raw: e.raw, page: e.page, box: e.box!.map((v) => Math.round(v)) })).sort(order));
    expect(marked.map((m) => m.raw).sort()).toEqual(['3', '30', '67'].sort());

    // The row label "（一）予以公开" drawn: ink left of its row's first value cell, inside the label cell.
    const first = cli.tables.table3!.cells.find((c) => c.row === 'granted' && c.source?.kind === 'pdf')!;
    if (first.source?.kind !== 'pdf') throw new Error('no place');
    const { page, box } = first.source;
    const band = [box[0] - 150, box[1] + 2, box[0] - 4, box[3] - 2];
    const ink = await viewer.$eval(
      `.nb-pdf-page[data-page="${page}"] canvas`,
      (c, [x0, y0, x1, y1]) => {
        const canvas = c as HTMLCanvasElement;
        const k = canvas.width / canvas.clientWidth;
        const data = canvas.getContext('2d')!.getImageData(x0! * 1.5 * k, y0! * 1.5 * k, (x1! - x0!) * 1.5 * k, (y1! - y0!) * 1.5 * k).data;
        let dark = 0;
        for (let i = 0; i < data.length; i += 4) if (data[i]! < 128) dark++;
        return dark;
      },
      band,
    );
    expect(ink).toBeGreaterThan(50);

    // The export is the CLI's report of the same file.
    const json = await downloadJson(viewer);
    expect(json.tables).toEqual(cli.tables);
    expect(json.findings).toEqual(cli.findings);
    await viewer.screenshot({ path: path.resolve(import.meta.dirname, `../../test-results/attachment-${CID}.png`), fullPage: false });
    await viewer.close();
  });
});

// An attachment over 50 MB is not read (entrypoints/attachment/download.ts): the server's Content-Length is
// believed before the body is read, and a body without one is counted as it comes.
describe('an attachment over 50 MB', () => {
  const expected = (key: 'attachTooBig' | 'attachTooBigStreamed', ...subs: string[]) => subs.reduce((m, s, i) => m.replace(`$${i + 1}`, s), zhMessages[key].message);
  it.each([
    ['oversized-announced.pdf', expected('attachTooBig', '60', '50')],
    ['oversized-unannounced.pdf', expected('attachTooBigStreamed', '50')],
  ])('%s: not read; the reader is told its size and the limit', async (file, text) => {
    const viewer = await h.context.newPage();
    await viewer.goto(`chrome-extension://${h.extensionId}/attachment.html?url=${encodeURIComponent(`${GOV}/u/cms/www/202201/${file}`)}`);
    await viewer.waitForSelector('[data-testid="attachment-problem"]', { timeout: 60_000 });
    expect(await viewer.locator('[data-testid="attachment-problem"]').textContent()).toBe(text);
    expect(await viewer.locator('.nb-pdf-page').count()).toBe(0);
    expect(h.served.filter((r) => r.path.endsWith(file))).toHaveLength(1);
    await viewer.close();
  });
});
