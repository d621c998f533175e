/** One page as the CLI audits it: a report, or the sentence that says why there is none. */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Report } from '../lib/schema.ts';
import { documentFileSentence, iframeSources } from './audit-errors.ts';
import { auditFile, decodePage, InputError } from './read-page.ts';

export type PageOutcome = { report: Report } | { error: string };

/** Why a page that was read holds no report, with the place to look when the report is in a frame. */
function noReportSentence(file: string): string {
  const base = `${file}：没有找到政府信息公开年报的表格（不是年报页面，或表格是图片/附件）`;
  const frames = iframeSources(decodePage(readFileSync(file)));
  if (!frames.length) return base;
  return `${file}：没有找到政府信息公开年报的表格；这个网页把内容放在内嵌框架（iframe）里，年报可能在 ${frames.slice(0, 3).join('、')}，请打开该地址另存为网页后再核对`;
}

export function auditPage(file: string): PageOutcome {
  try {
    const asDocument = documentFileSentence(file);
    if (asDocument) throw new InputError(asDocument);
    const result = auditFile(file, basename(file));
    if (!result) throw new InputError(noReportSentence(file));
    return { report: result.report };
  } catch (e) {
    if (e instanceof InputError) return { error: e.message };
    throw e;
  }
}
