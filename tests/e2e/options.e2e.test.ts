import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { badgeText, EXT_DIR, expectedAudit, GOV, injectedByUs, launch, markedKeys, tabIdOf, type Harness } from './harness.ts';

// The options page and the places it adds, in real Chromium.
//
// What is NOT exercised: the browser's permission prompt. Playwright cannot click it, and no CDP command
// grants an extension's optional permission. So the test loads a copy of the built extension whose manifest
// lists web.archive.org under host_permissions — the state the reader's "允许" leaves behind. From there on
// the real code runs: the background reads the granted origins (permissions.getAll) and registers the
// content script for them, the content script reads the archive URL, the background injects the auditor,
// and the page is audited and marked. The options page's own logic (which origins it asks for, the mirror
// host, the listing) is unit-tested on lib/extra-hosts.ts; its settings are exercised here for real.

declare const chrome: any;

const ARCHIVE = 'http://web.archive.org';
const STAMP = '20230315082901';
const PAGE = 'wayback-planted-2021.html';
const archived = (original: string) => `${ARCHIVE}/web/${STAMP}/${original}`;
const BANNER_HEADLINE = 'nianbao-banner [data-testid="nianbao-headline"]';

let h: Harness;
let extDir: string;

beforeAll(async () => {
  extDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-granted-'));
  fs.cpSync(EXT_DIR, extDir, { recursive: true });
  const manifest = JSON.parse(fs.readFileSync(path.join(extDir, 'manifest.json'), 'utf8'));
  manifest.host_permissions = ['*://web.archive.org/*'];
  fs.writeFileSync(path.join(extDir, 'manifest.json'), JSON.stringify(manifest));
  h = await launch({ extDir, hosts: ['*.gov.cn', 'www.example.com', 'web.archive.org'] });
});
afterAll(async () => {
  await h?.close();
  if (extDir) fs.rmSync(extDir, { recursive: true, force: true });
});

async function registeredMatches(): Promise<string[]> {
  const sw = await h.serviceWorker();
  return sw.evaluate(async () => ((await chrome.scripting.getRegisteredContentScripts()) as { matches: string[] }[]).flatMap((s) => s.matches));
}

describe('archived copies on web.archive.org (permission granted)', () => {
  let page: Page;
  const url = archived(`${GOV}/${PAGE}`);

  it('the background registers the content script for exactly the granted archive', async () => {
    await expect.poll(registeredMatches, { timeout: 15_000 }).toEqual(['*://web.archive.org/*']);
    page = await h.context.newPage();
    await page.goto(url);
    await page.waitForSelector(BANNER_HEADLINE, { timeout: 15_000 });
  });

  it('audits and marks the copy of a .gov.cn report as the original is marked; nothing of ours in the toolbar', async () => {
    const expected = (await expectedAudit(PAGE))!;
    expect(expected.errorKeys.length).toBeGreaterThan(0);
    expect(await markedKeys(page, 'data-nianbao-finding')).toEqual(expected.errorKeys);
    expect(await markedKeys(page, 'data-nianbao-involved')).toEqual(expected.involvedKeys);
    const inToolbar = await page.$$eval('#wm-ipp-base *, #donato *', (els) => els.filter((el) => [...el.attributes].some((a) => a.name.startsWith('data-nianbao'))).length);
    expect(inToolbar).toBe(0);
  });

  it("the report's source is the original page; the archive address is kept as archivedAt", async () => {
    const tabId = await tabIdOf(h, page);
    const sw = await h.serviceWorker();
    const reply = await sw.evaluate((id) => chrome.tabs.sendMessage(id, { type: 'nianbao/get-report' }), tabId);
    expect(reply.report.source).toMatchObject({ url: `${GOV}/${PAGE}`, archivedAt: url });
    // The toolbar's tables are not counted: table indexes are the original page's.
    expect(reply.report.tables.table3.cells[0].source).toEqual(expected3.source);
    expect(await badgeText(h, tabId)).not.toBe('');
  });

  let expected3: { source?: unknown };
  beforeAll(async () => {
    const { auditHtml, fixture } = await import('../support/audit-html.ts');
    expected3 = auditHtml(fixture('planted-2021-mismatch.html'), 'node')!.report.tables.table3!.cells[0];
  });

  it('leaves the archived copy of a page that is not on .gov.cn alone', async () => {
    const other = await h.context.newPage();
    await other.goto(archived(`http://www.example.com/${PAGE}`));
    // Order guard: a .gov.cn copy opened after it gets its banner, so the other tab's content script has had its turn.
    const after = await h.context.newPage();
    await after.goto(`${url}?again`);
    await after.waitForSelector(BANNER_HEADLINE, { timeout: 15_000 });
    await other.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    expect(await injectedByUs(other)).toEqual({ hosts: 0, style: false, attrs: 0 });
    await Promise.all([other.close(), after.close()]);
  });
});

describe('help page', () => {
  it("the banner's 说明 opens the help page in a new tab (through the background)", async () => {
    const page = await h.context.newPage();
    await page.goto(`${GOV}/planted-2021-mismatch.html`);
    await page.waitForSelector(BANNER_HEADLINE, { timeout: 15_000 });
    const opened = h.context.waitForEvent('page');
    await page.click('nianbao-banner [data-testid="nianbao-help"]');
    const help = await opened;
    await help.waitForLoadState();
    expect(help.url()).toBe(`chrome-extension://${h.extensionId}/help.html`);
    expect(await help.locator('[data-rule="table3.balance"]').count()).toBe(1);
    await Promise.all([page.close(), help.close()]);
  });
});

describe('options page settings', () => {
  it('banner and marks off: a report is still found (badge, popup) but the page shows nothing of ours', async () => {
    const options = await h.context.newPage();
    await options.goto(`chrome-extension://${h.extensionId}/options.html`);
    await options.getByTestId('banner').uncheck();
    await options.getByTestId('marks').uncheck();
    await expect.poll(() => options.getByTestId('pill').isDisabled()).toBe(true);
    const sw = await h.serviceWorker();
    await expect
      .poll(() => sw.evaluate(async () => (await chrome.storage.local.get('nianbao.settings'))['nianbao.settings']))
      .toMatchObject({ banner: false, marks: false });

    const page = await h.context.newPage();
    await page.goto(`${GOV}/planted-2021-mismatch.html`);
    const tabId = await tabIdOf(h, page);
    await expect.poll(() => badgeText(h, tabId), { timeout: 15_000 }).not.toBe('');
    expect(await injectedByUs(page)).toEqual({ hosts: 0, style: false, attrs: 0 });

    await options.getByTestId('banner').check();
    await options.getByTestId('marks').check();
    await options.getByTestId('csv-gb18030').check();
    await expect
      .poll(() => sw.evaluate(async () => (await chrome.storage.local.get('nianbao.settings'))['nianbao.settings']))
      .toEqual({ banner: true, marks: true, pill: true, csv: 'gb18030', language: 'auto' });
    const again = await h.context.newPage();
    await again.goto(`${GOV}/planted-2021-mismatch.html`);
    await again.waitForSelector(BANNER_HEADLINE, { timeout: 15_000 });
    await Promise.all([options.close(), page.close(), again.close()]);
  });
});
