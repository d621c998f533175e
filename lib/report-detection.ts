/**
 * Is this page a report? The cheap test the content script runs on every .gov.cn page, and the words a
 * report's tables always print. Kept apart from the pipeline so the content script's first stage carries
 * only this (the auditor is loaded on report pages alone).
 */

import { ARCHIVE_CHROME_SELECTOR } from './archive-url.ts';

/** The 统计表 of the reports before 2019. */
export const LEGACY_SIGNATURE = /政府信息公开情况统计表|统计指标|指标名称/;

/** The report's own name as a title prints it: 政府信息公开工作年度报告, 政务公开年报, …情况报告 (its end cuts a site suffix). */
export const REPORT_PHRASE = /(?:政府信息|政务)公开(?:工作)?(?:情况)?(?:年度)?(?:工作)?(?:报告|年报)/;
/** Where a title's report name ends: the phrase, or a bare 年度报告 (…年度工作报告). */
export const REPORT_NAME = new RegExp(`${REPORT_PHRASE.source}|年度报告`);
/** Looser words that still name an annual report (信息公开…工作报告, a few words between). */
const REPORT_WORDS = /(?:政府信息公开|政务公开|信息公开).{0,6}(?:年度报告|年报|工作报告)/;

/**
 * Does a link's text or a page about reports mention one at all (年报 alone will do)? Looser than a title:
 * a report column lists "2022年年报" links, and an attachment page may call the report just that.
 */
export function mentionsReport(text: string): boolean {
  return /年度报告|年报/.test(text);
}

/**
 * Does this text (a page title, a heading, the CMS's title meta) name an annual report? The one test of a
 * report title: the content script's first look and the metadata's choice of title both use it.
 */
export function isReportTitle(text: string): boolean {
  // Every name ends in 报告 or 年报: most pages' titles are turned away before a pattern is compiled at all.
  if (!text.includes('报告') && !text.includes('年报')) return false;
  return REPORT_NAME.test(text) || REPORT_WORDS.test(text);
}
/** Words only the report's own tables print. */
export const TABLE_SIGNATURE = /申请人情况|本年新收政府信息公开申请|本年度办理结果|结转下年度继续办理|行政复议.{0,4}行政诉讼|第二十条第/;

/**
 * Cheap first test, run on every .gov.cn page: does the title, the CMS's ArticleTitle meta, or one of the
 * first headings name an annual report, or do its first tables carry a report table's own words?
 * One query walks the page once for all of them (each separate lookup walked it again).
 */
export function looksLikeReport(doc: Document): boolean {
  if (isReportTitle(doc.title)) return true;
  const seen = { h1: 0, h2: 0, table: 0 };
  for (const el of doc.querySelectorAll('meta[name="ArticleTitle"], h1, h2, table')) {
    const tag = el.localName;
    if (tag === 'meta') {
      const meta = el.getAttribute('content');
      if (meta && isReportTitle(meta)) return true;
    } else if (tag === 'h1' || tag === 'h2') {
      if (seen[tag]++ < 3 && isReportTitle(el.textContent ?? '')) return true;
    } else if (seen.table < 8) {
      // A generic page title over a report: the report's own tables say so. Innermost tables only, so a
      // page laid out in one big table is not read whole.
      if (el.querySelector('table') || el.closest(ARCHIVE_CHROME_SELECTOR)) continue;
      seen.table++;
      if (TABLE_SIGNATURE.test(el.textContent ?? '')) return true;
    }
  }
  return false;
}

/** Could this text (a page's source, say) hold a report table at all? Tables always print these words. */
export function mayHoldReport(text: string): boolean {
  return TABLE_SIGNATURE.test(text) || LEGACY_SIGNATURE.test(text);
}
