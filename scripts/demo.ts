/**
 * npm start: after `wxt build`, audit every bundled report page with the CLI's core, write their exports to
 * demo-output/, then open the broken seed-000 report in Chromium with the extension loaded. With a display
 * the browser stays open for you to explore (close it to finish); without one, screenshots are saved instead.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportJson } from '../lib/export/json.ts';
import { exportFindingsCsv, exportValuesCsv } from '../lib/export/csv.ts';
import { exportFileName } from '../lib/export/file-names.ts';
import { GOV, launch, tabIdOf } from './browser-with-extension.ts';
import { auditFile } from './read-page.ts';
import { verdictOf } from '../lib/checks/verdict.ts';

const ROOT = join(import.meta.dirname, '..');
const FIXTURES = join(ROOT, 'tests', 'fixtures');
const OUT = join(ROOT, 'demo-output');
mkdirSync(OUT, { recursive: true });

console.log('年报核对 demo — the bundled report pages, audited:\n');
for (const file of readdirSync(FIXTURES).filter((f) => f.endsWith('.html')).sort()) {
  const result = auditFile(join(FIXTURES, file), file);
  if (!result) {
    console.log(`  ${file.padEnd(38)} not a report`);
    continue;
  }
  const r = result.report;
  const { kind, headline } = verdictOf(r.findings, r.coverage);
  const cells = Object.values(r.tables).reduce((n, t) => n + (t?.cells.length ?? 0), 0);
  console.log(`  ${file.padEnd(38)} ${`${r.agency} ${r.year} (${r.format})`.padEnd(30)} ${String(cells).padStart(4)} cells  ${kind === 'clean' ? '✓ 一致' : headline}`);
  writeFileSync(join(OUT, exportFileName(r, 'json')), exportJson(r));
  writeFileSync(join(OUT, exportFileName(r, 'values-csv')), exportValuesCsv(r));
  writeFileSync(join(OUT, exportFileName(r, 'findings-csv')), exportFindingsCsv(r));
}
console.log(`\nExports (JSON, CSV, findings CSV) written to ${OUT}\n`);

const headed = !!process.env.DISPLAY;
const browser = await launch({ headless: !headed });
const page = await browser.context.newPage();
await page.goto(`${GOV}/seed-000-xinanjiang-2019.html`);
await page.locator('nianbao-banner').first().waitFor({ timeout: 15_000 });
const popup = await browser.context.newPage();
await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${await tabIdOf(browser, page)}`);
await popup.getByText('下载 JSON').waitFor();
if (headed) {
  await page.bringToFront();
  console.log('Chromium is open with the extension on a broken report (and its popup in the next tab). Close it to finish.');
  await new Promise((resolve) => browser.context.on('close', resolve));
} else {
  await page.screenshot({ path: join(OUT, 'report-with-warnings.png'), fullPage: true });
  await popup.setViewportSize({ width: 420, height: 640 });
  await popup.screenshot({ path: join(OUT, 'popup.png') });
  console.log(`No display here, so the extension ran headless: see ${join(OUT, 'report-with-warnings.png')} and popup.png`);
}
await browser.close();
