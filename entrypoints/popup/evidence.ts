import type { Report } from '@/lib/schema.ts';
import type { ShowTableMsg, ShownTable } from '@/entrypoints/shared/messages.ts';
import { exportJson } from '@/lib/export/json.ts';
import { exportFindingsCsv } from '@/lib/export/csv.ts';
import { t } from '@/components/i18n.ts';
import { evidenceFileName, evidenceManifest, evidenceZip, type EvidenceFile } from '@/lib/export/evidence.ts';

// The evidence pack, from the popup: the page as MHTML (the optional `pageCapture` permission, asked for in
// this very click), a screenshot of each marked table (the auditor scrolls it into view, then
// tabs.captureVisibleTab), the JSON and the findings CSV, and manifest.json with the SHA-256 of each file.
// All in one zip, saved locally. Nothing is uploaded.

/** What each file of the pack is, in its manifest.json: part of the export, so in Chinese like the rest of it. */
export const EVIDENCE_TEXT = {
  mhtml: '网页存档（MHTML，可用 Chrome / Edge 打开）',
  screenshot: (n: number, table: string) => `第 ${n} 张有问题的表格（${table}）在浏览器中显示的截图`,
  json: '全部表格数值与核对结果（JSON）',
  csv: '问题清单（CSV，UTF-8）',
} as const;

const enc = (text: string) => new TextEncoder().encode(text);
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
// Chrome allows two captureVisibleTab calls a second.
const CAPTURE_GAP_MS = 600;

function dataUrlBytes(dataUrl: string): Uint8Array {
  const b64 = dataUrl.slice(dataUrl.indexOf(',') + 1);
  return Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
}

export interface EvidencePack { fileName: string; zip: Uint8Array; notes: string[] }

/**
 * Call straight from the click handler: the permission request must be the first thing it does (it needs
 * the reader's gesture).
 */
export async function saveEvidence(tabId: number, report: Report, now = new Date()): Promise<EvidencePack> {
  const canCapturePage = await browser.permissions
    .request({ permissions: ['pageCapture'] as unknown as Browser.runtime.ManifestPermission[] })
    .catch(() => false);
  const notes: string[] = [];
  const files: EvidenceFile[] = [];
  const pageCapture = (browser as unknown as { pageCapture?: { saveAsMHTML(o: { tabId: number }): Promise<Blob | undefined> } }).pageCapture;
  const mhtml = canCapturePage && pageCapture ? await pageCapture.saveAsMHTML({ tabId }).catch(() => undefined) : undefined;
  if (mhtml) files.push({ name: 'page.mhtml', bytes: new Uint8Array(await mhtml.arrayBuffer()), what: EVIDENCE_TEXT.mhtml });
  else notes.push(t('evidenceNoMhtml'));

  const tab = await browser.tabs.get(tabId);
  const show = (index: number) => browser.tabs.sendMessage(tabId, { type: 'nianbao/show-table', index } satisfies ShowTableMsg) as Promise<ShownTable | null | undefined>;
  try {
    for (let index = 0; ; index++) {
      const shown = await show(index);
      if (!shown) break;
      if (index > 0) await wait(CAPTURE_GAP_MS);
      const png = await browser.tabs.captureVisibleTab(tab.windowId, { format: 'png' });
      files.push({ name: `table-${index + 1}-${shown.table}.png`, bytes: dataUrlBytes(png), what: EVIDENCE_TEXT.screenshot(index + 1, shown.table ?? '') });
    }
  } catch (err) {
    notes.push(t('evidenceNoScreenshot', err instanceof Error ? err.message : String(err)));
  } finally {
    await show(-1).catch(() => undefined);
  }

  files.push({ name: 'report.json', bytes: enc(exportJson(report)), what: EVIDENCE_TEXT.json });
  files.push({ name: 'findings.csv', bytes: enc(exportFindingsCsv(report)), what: EVIDENCE_TEXT.csv });
  // The manifest names the extension as __MSG_extName__: the browser resolves it in its own language.
  const tool = `${browser.i18n.getMessage('extName') || browser.runtime.getManifest().name} ${browser.runtime.getManifest().version}`;
  const manifest = await evidenceManifest(report, files, now, tool, notes);
  return { fileName: evidenceFileName(report, now), zip: evidenceZip(files, manifest), notes };
}
