/**
 * Who published the report, for which year, and when — each with the text it was read from.
 * Sources in order of trust: the report's own title, then the page's labelled fields
 * (发布机构 / 发文机关 / 发布单位 / 填报单位), then the 统计期限 sentence and dates.
 */
import { cleanSpaces, toHalfWidth } from './normalize-text.ts';

export interface Evidence {
  value: string;
  evidence: string;
}

export interface ReportMetadata {
  title: string;
  agency: Evidence | null;
  year: Evidence | null;
  publishedAt: Evidence | null;
}

const TITLE_REPORT = /(?:政府信息公开|政务公开)(?:工作)?(?:年度)?(?:报告|年报)|年度报告/;
const AGENCY_FIELD = /(?:发布机构|发文机关|发布单位|发布部门|填报单位|信息来源|来源单位|公开主体)\s*[:：]?\s*([^\s:：|]{2,40})/;
const DATE = /(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})\s*日?/;
const DATE_FIELD = new RegExp(`(?:发布日期|公开日期|发布时间|成文日期|发文日期|日期)\\s*[:：]?\\s*${DATE.source}`);
const PERIOD = /(?:统计期限|统计时限|数据统计期限|统计时间|时间为|期限为|期限从)[^。\n]{0,12}?(\d{4})\s*年\s*1\s*月\s*1\s*日/;

/** The page's headline: document title, else the first heading-like element naming a report. */
function reportTitle(doc: Document): string {
  const fromDoc = cleanSpaces(doc.title ?? '');
  if (TITLE_REPORT.test(fromDoc)) return fromDoc;
  const meta = doc.querySelector('meta[name="ArticleTitle"], meta[name="title"], meta[property="og:title"]')?.getAttribute('content');
  if (meta && TITLE_REPORT.test(meta)) return cleanSpaces(meta);
  for (const el of Array.from(doc.querySelectorAll('h1, h2, h3, ucaptitle, .title, [class*="title"], p[align="center"], p[style*="center"]')).slice(0, 30)) {
    const text = cleanSpaces(el.textContent ?? '');
    if (text.length < 80 && TITLE_REPORT.test(text)) return text;
  }
  return fromDoc;
}

/** `title` is already half-width. */
function agencyFromTitle(title: string): string | null {
  const m = /^(.*?)(?:\d{4}\s*年度?)?\s*(?:\d{4}\s*年度?)?\s*(?:政府信息公开|政务公开)/.exec(title);
  if (!m) return null;
  let name = m[1].replace(/(\d{4})\s*年度?/g, '').replace(/^[\s【\[]+|[\s】\]]+$/g, '');
  // "2019年上海市人民政府办公厅政府信息公开…" puts the year first.
  const after = /^\d{4}\s*年度?\s*(.*?)(?:政府信息公开|政务公开)/.exec(title);
  if (!name && after) name = after[1];
  name = name.replace(/^关于|关于$|的$/g, '').trim();
  return name.length >= 2 && name.length <= 40 ? name : null;
}

/** `pageText` is the page's text with a line break between blocks and cells (see textLines). */
export function readMetadata(doc: Document, pageText: string): ReportMetadata {
  const title = reportTitle(doc);
  const halfTitle = toHalfWidth(title);
  const text = toHalfWidth(pageText);
  let agency: Evidence | null = null;
  const fromTitle = agencyFromTitle(halfTitle);
  if (fromTitle) agency = { value: fromTitle, evidence: `标题：${title}` };
  else {
    const m = AGENCY_FIELD.exec(text);
    if (m) agency = { value: m[1], evidence: cleanSpaces(m[0]) };
  }

  let year: Evidence | null = null;
  const titleYear = /(\d{4})\s*年度?/.exec(halfTitle);
  if (titleYear) year = { value: titleYear[1], evidence: `标题：${title}` };
  else {
    const period = PERIOD.exec(text);
    if (period) year = { value: period[1], evidence: period[0] };
  }

  let publishedAt: Evidence | null = null;
  const field = DATE_FIELD.exec(text);
  if (field) {
    const [, y, m, d] = DATE.exec(field[0])!;
    publishedAt = { value: `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`, evidence: cleanSpaces(field[0]) };
  }
  if (!year && publishedAt) {
    year = { value: String(Number(publishedAt.value.slice(0, 4)) - 1), evidence: `发布于 ${publishedAt.value}，按上一年度计` };
  }
  return { title, agency, year, publishedAt };
}
