/**
 * Who published the report, for which year, and when — each with the text it was read from.
 * Sources in order of trust: the report's own title, then the page's labelled fields
 * (发布机构 / 发文机关 / 发布单位 / 填报单位), then the 统计期限 sentence and dates.
 */
import { cleanSpaces, toHalfWidth } from './read/normalize-text.ts';
import type { Evidence } from './schema.ts';
import { isReportTitle, REPORT_NAME, REPORT_PHRASE } from './report-detection.ts';

export interface ReportMetadata {
  title: string;
  agency: Evidence | null;
  year: Evidence | null;
  publishedAt: Evidence | null;
}

const AGENCY_FIELD = /(?:发布(?:机构|单位|部门)|发文机关|填报单位|信息来源|来源单位|公开主体)\s*[:：]?\s*([^\s:：|]{2,40})/;
const DATE = /(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})\s*日?/;
// A bare 时间： (the CMS title block "来源：… 时间：2021-03-05 08:58") only at a line or word start, so that
// 统计时间 / 截止时间 sentences are not read as the publication date.
const DATE_FIELD = new RegExp(`(?:(?:(?:发布|公开|成文|发文)?日期|发布时间)\\s*[:：]?|(?<=^|[\\s|])时间\\s*[:：])\\s*${DATE.source}`, 'm');
/** Machine-written publication dates that gov CMSs put in <head>: PubDate, publishdate, firstpublishedtime. */
const DATE_META = /^(?:first)?pub(?:lish(?:ed)?)?(?:date|time)$/i;
const PERIOD = /(?:统计期限|统计时[限间]|时间为|期限[为从])[^。\n]{0,12}?(\d{4})\s*年\s*1\s*月\s*1\s*日/;

/** The page's headline: document title, else the first heading-like element naming a report. */
function reportTitle(doc: Document): string {
  const fromDoc = cleanSpaces(doc.title ?? '');
  if (isReportTitle(fromDoc)) return fromDoc;
  const meta = doc.querySelector('meta[name=ArticleTitle],meta[name=title],meta[property="og:title"]')?.getAttribute('content');
  if (meta && isReportTitle(meta)) return cleanSpaces(meta);
  for (const el of Array.from(doc.querySelectorAll('h1,h2,h3,ucaptitle,.title,[class*=title],p[align=center],p[style*=center]')).slice(0, 30)) {
    const text = cleanSpaces(el.textContent ?? '');
    if (text.length < 80 && isReportTitle(text)) return text;
  }
  return fromDoc;
}

/**
 * The title without the site's suffix ("…年度报告_政府信息公开年报_某某管委会", "… - 某某网", "…|某某"):
 * cut at the first separator after the report's name. A range before it ("2022—2023年") is not touched.
 */
export function withoutSiteSuffix(title: string): string {
  const m = REPORT_NAME.exec(title);
  if (!m) return title;
  const end = m.index + m[0].length;
  return (title.slice(0, end) + title.slice(end).split(/[_|｜\-—–]/)[0]).trim();
}

/** `title` half-width, with 二〇二三年 as 2023年 and a range 2022—2023年 as its last year. */
function titleForReading(title: string): string {
  return title
    // 〇, ○, 零 and a letter O all write zero: indexOf gives them -1, read as 0.
    .replace(/[〇○零Oo一二三四五六七八九]{4}(?=\s*年)/g, (y) => y.replace(/./g, (ch) => String(Math.max(0, '〇一二三四五六七八九'.indexOf(ch)))))
    .replace(/\d{4}(年度?)?\s*[-—–~～至到]\s*(?=\d{4})/g, '');
}

const YEAR_IN_TITLE = /(\d{4})\s*年度?/;

/** `title` as given by titleForReading: what precedes the report's name, else an agency in brackets after it. */
function agencyFromTitle(title: string): string | null {
  const plain = title.replace(/[【】\[\]]/g, ' ');
  const m = REPORT_PHRASE.exec(plain);
  if (!m) return null;
  let name = plain
    .slice(0, m.index)
    .replace(/\d{4}\s*年度?/g, ' ')
    // Leading punctuation, digits and spaces go; symbols such as "<" are part of what the page printed.
    .replace(/^[\s\p{P}\d]+|[^\p{L})]+$/gu, '')
    .replace(/^关于|的$/g, '');
  // "2023年政府信息公开工作年度报告（市政务公开办）" names the agency after the report.
  if (!name) name = /^\s*\(([^()]+)\)/.exec(plain.slice(m.index + m[0].length))?.[1] ?? '';
  return name.length >= 2 && name.length <= 40 ? name : null;
}

function publishedFromMeta(doc: Document): Evidence | null {
  for (const el of Array.from(doc.querySelectorAll('meta[name]'))) {
    const d = DATE_META.test(el.getAttribute('name')!) && DATE.exec(el.getAttribute('content') ?? '');
    if (d) return { value: isoDate(d), evidence: `${el.getAttribute('name')}：${d[0]}` };
  }
  return null;
}

function isoDate([, y, m, d]: RegExpExecArray): string {
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

/** `pageText` is the page's text with a line break between blocks and cells (see textLines). */
export function readMetadata(doc: Document, pageText: string): ReportMetadata {
  const title = withoutSiteSuffix(reportTitle(doc));
  const halfTitle = titleForReading(toHalfWidth(title));
  const text = toHalfWidth(pageText);
  let agency: Evidence | null = null;
  const fromTitle = agencyFromTitle(halfTitle);
  if (fromTitle) agency = { value: fromTitle, evidence: `标题：${title}` };
  else {
    const m = AGENCY_FIELD.exec(text);
    if (m) agency = { value: m[1], evidence: cleanSpaces(m[0]) };
  }

  let year: Evidence | null = null;
  const titleYear = YEAR_IN_TITLE.exec(halfTitle);
  if (titleYear) year = { value: titleYear[1], evidence: `标题：${title}` };
  else {
    const period = PERIOD.exec(text);
    if (period) year = { value: period[1], evidence: period[0] };
  }

  let publishedAt: Evidence | null = null;
  const field = DATE_FIELD.exec(text);
  if (field) publishedAt = { value: isoDate(DATE.exec(field[0])!), evidence: cleanSpaces(field[0]) };
  else publishedAt = publishedFromMeta(doc);
  if (!year && publishedAt) {
    year = { value: String(Number(publishedAt.value.slice(0, 4)) - 1), evidence: `发布于 ${publishedAt.value}，按上一年度计` };
  }
  return { title, agency, year, publishedAt };
}
