import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXT_DIR, expectedAudit, GOV, launch, tabIdOf, type Harness } from './harness.ts';

// The evidence pack in real Chromium: one click in the popup, a zip with the page as MHTML, a screenshot of
// each marked table, the JSON, the findings CSV and a manifest whose hashes match the files.
//
// What is NOT exercised: the two grants a reader gives by hand. Clicking the toolbar button grants activeTab
// (which lets captureVisibleTab see the page) and the 保存证据包 click asks for pageCapture in a prompt;
// Playwright can do neither (it opens the popup as a page, and cannot click browser prompts). So the test
// loads a copy of the build whose manifest already holds `pageCapture` (permissions.request then answers
// "granted" without a prompt, as after an earlier 允许) and `<all_urls>` (standing in for activeTab). The
// rest — the request call, MHTML, scrolling each table into view, the captures, hashing, zipping and the
// download — is the real code.

const PAGE = 'planted-2021-mismatch.html';
let h: Harness;
let extDir: string;

beforeAll(async () => {
  extDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-evidence-'));
  fs.cpSync(EXT_DIR, extDir, { recursive: true });
  const manifest = JSON.parse(fs.readFileSync(path.join(extDir, 'manifest.json'), 'utf8'));
  manifest.permissions = [...manifest.permissions, 'pageCapture'];
  manifest.host_permissions = ['<all_urls>'];
  fs.writeFileSync(path.join(extDir, 'manifest.json'), JSON.stringify(manifest));
  h = await launch({ extDir });
});
afterAll(async () => {
  await h?.close();
  if (extDir) fs.rmSync(extDir, { recursive: true, force: true });
});

describe('evidence pack', () => {
  it('saves one zip: MHTML, a screenshot per marked table, JSON, CSV, and a manifest whose SHA-256 match', async () => {
    const expected = (await expectedAudit(PAGE))!;
    const markedTables = [...new Set(expected.report.findings.filter((f) => f.table && f.cells.length).map((f) => f.table))];
    // table3 and table4: two screenshots of two different places.
    expect(markedTables.length).toBeGreaterThan(1);

    const page = await h.context.newPage();
    await page.goto(`${GOV}/${PAGE}`);
    await page.waitForSelector('nianbao-banner [data-testid="nianbao-headline"]', { timeout: 15_000 });
    const tabId = await tabIdOf(h, page);
    await page.evaluate(() => window.scrollTo(0, 37));

    const popup = await h.context.newPage();
    await popup.goto(`chrome-extension://${h.extensionId}/popup.html?tab=${tabId}`);
    await popup.waitForSelector('[data-action="evidence"]');
    // The report's tab is the one shown in the window: captureVisibleTab takes what the window shows.
    await page.bringToFront();
    const download = popup.waitForEvent('download', { timeout: 60_000 });
    await popup.click('[data-action="evidence"]');
    const file = await download;
    const date = new Date();
    const pad = (n: number) => String(n).padStart(2, '0');
    expect(file.suggestedFilename()).toBe(`${expected.report.agency}-${expected.report.year}-证据-${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}.zip`);
    const zip = unzipSync(new Uint8Array(fs.readFileSync((await file.path())!)));

    const manifest = JSON.parse(new TextDecoder().decode(zip['manifest.json']));
    expect(manifest.url).toBe(`${GOV}/${PAGE}`);
    expect(manifest.notes).toEqual([]);
    const names: string[] = manifest.files.map((f: { name: string }) => f.name);
    expect(names.sort()).toEqual(Object.keys(zip).filter((n) => n !== 'manifest.json').sort());
    for (const f of manifest.files) expect(f.sha256, f.name).toBe(createHash('sha256').update(zip[f.name]).digest('hex'));

    const mhtml = new TextDecoder().decode(zip['page.mhtml']);
    expect(mhtml).toMatch(/^From: <Saved by Blink>/);
    expect(mhtml).toContain(`Snapshot-Content-Location: ${GOV}/${PAGE}`);
    const shots = names.filter((n) => n.endsWith('.png'));
    expect(shots.map((n) => /-(table\d|legacy)\.png$/.exec(n)![1])).toEqual(markedTables);
    for (const n of shots) expect([...zip[n].subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
    // Two different views (the tables sit apart).
    expect(createHash('sha256').update(zip[shots[0]]).digest('hex')).not.toBe(createHash('sha256').update(zip[shots[1]]).digest('hex'));
    expect(JSON.parse(new TextDecoder().decode(zip['report.json'])).findings.length).toBe(expected.report.findings.length);
    expect(new TextDecoder().decode(zip['findings.csv'])).toContain(expected.report.findings[0].id);
    // The reader is put back where they were.
    expect(await page.evaluate(() => window.scrollY)).toBe(37);
  });
});
