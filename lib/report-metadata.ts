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

/** The report's own name in a title: 政府信息公开工作年度报告, 政务公开年报, …年度工作报告. */
const REPORT_PHRASE = /(?:政府信息公开|政务公开)(?:工作)?(?:情况)?(?:年度)?(?:工作)?(?:报告|年报)/;
const TITLE_REPORT = new RegExp(`${REPORT_PHRASE.source}|年度报告`);
const AGENCY_FIELD = /(?:发布机构|发文机关|发布单位|发布部门|填报单位|信息来源|来源单位|公开主体)\s*[:：]?\s*([^\s:：|]{2,40})/;
const DATE = /(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})\s*日?/;
// A bare 时间： (the CMS title block "来源：… 时间：2021-03-05 08:58") only at a line or word start, so that
// 统计时间 / 截止时间 sentences are not read as the publication date.
const DATE_FIELD = new RegExp(`(?:(?:发布日期|公开日期|发布时间|成文日期|发文日期|日期)\\s*[:：]?|(?<=^|[\\s|])时间\\s*[:：])\\s*${DATE.source}`, 'm');
/** Machine-written publication dates that gov CMSs put in <head>. */
const DATE_METAS = new Set(['pubdate', 'publishdate', 'firstpublishedtime', 'publishtime', 'article:published_time']);
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

/**
 * The title without the site's suffix ("…年度报告_政府信息公开年报_某某管委会", "… - 某某网", "…|某某"):
 * cut at the first separator after the report's name. A range before it ("2022—2023年") is not touched.
 */
export function withoutSiteSuffix(title: string): string {
  const m = TITLE_REPORT.exec(title);
  if (!m) return title;
  const end = m.index + m[0].length;
  const cut = title.slice(end).search(/[_|｜]|\s[-—–]+\s|[-—–]/);
  return cut < 0 ? title : title.slice(0, end + cut).trim();
}

const CHINESE_DIGITS: Record<string, string> = { 〇: '0', '○': '0', 零: '0', O: '0', o: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };

/** `title` half-width, with 二〇二三年 as 2023年 and a range 2022—2023年 as its last year. */
function titleForReading(title: string): string {
  return title
    .replace(/[〇○零Oo一二三四五六七八九]{4}(?=\s*年)/g, (y) => [...y].map((ch) => CHINESE_DIGITS[ch]).join(''))
    .replace(/\d{4}\s*(?:年度?)?\s*[-—–~～至到]\s*(?=\d{4})/g, '');
}

const YEAR_IN_TITLE = /(\d{4})\s*年度?/;

/** `title` as given by titleForReading: what precedes the report's name, else an agency in brackets after it. */
function agencyFromTitle(title: string): string | null {
  const plain = title.replace(/[【】\[\]]/g, ' ');
  const m = REPORT_PHRASE.exec(plain);
  if (!m) return null;
  const tidy = (text: string) =>
    text
      .replace(/\d{4}\s*年度?/g, ' ')
      .replace(/^[\s_|\-—–:：,，、]+|[\s_|\-—–:：,，、]+$/g, '')
      .replace(/^关于|的$/g, '')
      .trim();
  let name = tidy(plain.slice(0, m.index));
  // "2023年政府信息公开工作年度报告（市政务公开办）" names the agency after the report.
  if (!name) name = /^\s*\(([^()]{2,40})\)/.exec(plain.slice(m.index + m[0].length))?.[1]?.trim() ?? '';
  return name.length >= 2 && name.length <= 40 ? name : null;
}

function publishedFromMeta(doc: Document): Evidence | null {
  for (const el of Array.from(doc.querySelectorAll('meta'))) {
    const name = (el.getAttribute('name') ?? el.getAttribute('property') ?? '').toLowerCase();
    if (!DATE_METAS.has(name)) continue;
    const content = el.getAttribute('content') ?? '';
    const d = DATE.exec(content);
    if (d) return { value: isoDate(d), evidence: `<meta name="${el.getAttribute('name') ?? name}" content="${content}">` };
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
