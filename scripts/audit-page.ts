/**
 * One input as the CLI audits it — a saved page, a Word (.docx) or a PDF report: a report, or the sentence
 * that says why there is none. Run on the main thread or on a worker (scripts/audit-pool.ts) alike.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Report } from '../lib/schema.ts';
import { DOCUMENT_ADVICE, documentFileKind, iframeSources, type DocumentKind } from './audit-errors.ts';
import { auditDocxFile, auditFile, auditPdfFile, decodePage, InputError } from './read-page.ts';
import type { SpoolEntry, SpoolWriter } from './report-spool.ts';

export type PageOutcome = { report: Report } | { error: string };

/** Why a page that was read holds no report, with the place to look when the report is in a frame. */
function noReportSentence(file: string): string {
  const base = `${file}：没有找到政府信息公开年报的表格（不是年报页面，或表格是图片/附件）`;
  const frames = iframeSources(decodePage(readFileSync(file)));
  if (!frames.length) return base;
  return `${file}：没有找到政府信息公开年报的表格；这个网页把内容放在内嵌框架（iframe）里，年报可能在 ${frames.slice(0, 3).join('、')}，请打开该地址另存为网页后再核对`;
}

/** A report saved as a document: .docx and PDFs with a text layer are read; any other kind gets the sentence that says what to do. */
async function auditDocumentFile(file: string, kind: DocumentKind) {
  if (kind === 'Word') return auditDocxFile(file, basename(file));
  if (kind === 'PDF') return auditPdfFile(file, basename(file));
  throw new InputError(`${file}：${DOCUMENT_ADVICE[kind]}`);
}

export async function auditPage(file: string): Promise<PageOutcome> {
  try {
    const kind = documentFileKind(file);
    const result = kind ? await auditDocumentFile(file, kind) : auditFile(file, basename(file));
    if (!result) throw new InputError(kind ? `${file}：这个 ${kind} 文件里没有找到政府信息公开年报的表格（不是年报，或表格是图片）` : noReportSentence(file));
    return { report: result.report };
  } catch (e) {
    if (e instanceof InputError) return { error: e.message };
    throw e;
  }
}

/** A page's outcome as it goes to the spool: written by the thread that read it, so only its place crosses threads. */
export type SpooledOutcome = { entry: SpoolEntry } | { error: string };

/** auditPage, the report written to this thread's spool files (scripts/report-spool.ts). */
export async function auditPageForSpool(file: string, spool: SpoolWriter): Promise<SpooledOutcome> {
  const outcome = await auditPage(file);
  return 'error' in outcome ? outcome : { entry: spool.write(outcome.report) };
}
