/**
 * Text reused from last year (series.text_reuse): the share of this report's sentences that also appear in the
 * same agency's report for the year before. Several provincial assessments mark a report down when more than half
 * of it repeats last year's, so above one half we warn, with the count and the first repeated sentences.
 *
 * Only the article text outside the tables is read (`Report.article.text`). Sentences the template makes every
 * report print (the legal basis, the “全文包括…” contents line, the statistics period, where the electronic copy is, whom to ask, the title and
 * the section headings) and very short sentences are left out before counting, so that a report that only shares
 * those is not counted as copied.
 */
import type { Finding, Report } from '../schema.ts';
import type { RuleInfo } from './rule-info.ts';

export const textReuseRule: RuleInfo = {
  id: 'series.text_reuse',
  severity: 'warning',
  scope: 'series',
  kind: 'note',
  name: { zh: '正文沿用上年报告', en: 'Text reused from last year' },
  explain: {
    zh: '正文（表格以外的文字）按句比较：本年报告的句子有多少与同一机关上一年度报告的某句相同（忽略空白、全角半角和数字，所以“2022年”与“2023年”算相同）。模板规定每份报告都写的固定句（依据《中华人民共和国政府信息公开条例》编制、“全文包括……”、统计期限、电子版下载地址、如有疑问请联系、标题和各部分标题）和少于 8 个字的短句不计。重复的句子超过一半（且至少有 5 句可比）时提示：一些省份的年报评估对此扣分。例：2023年报告正文 8 句中有 6 句（75%）与2022年报告相同。',
    en: 'The article text outside the tables is compared sentence by sentence: how many of this year’s sentences also occur in the same agency’s report for the year before (ignoring whitespace, full/half width and digits, so “2022年” matches “2023年”). The fixed sentences the template has every report print (the legal basis, the “全文包括…” contents line, the statistics period, where the electronic copy is, whom to ask, the title and the section headings) and sentences shorter than 8 characters are left out. Above one half (with at least 5 sentences to compare) it warns: several provincial assessments mark such reports down. Example: 6 of the 8 sentences of the 2023 report (75 %) repeat the 2022 report.',
  },
};

/** Fewer sentences than this and the share says nothing. */
const MIN_SENTENCES = 5;
/** Shorter sentences ("特此报告", "详见下表") are too common to count as copied. */
const MIN_LENGTH = 8;
const QUOTED = 3;

/**
 * The template's fixed sentences, matched on the normalised sentence (digits are '#'). Kept short: each is a
 * sentence the 2019 template (and the pre-2019 practice) has every agency print in nearly the same words.
 */
const BOILERPLATE: RegExp[] = [
  /^本(年度)?报告(是)?(根据|依据|按照)/, // 本报告根据《中华人民共和国政府信息公开条例》…编制
  /^全文(包括|共分|分为)/, // 全文包括总体情况、主动公开政府信息情况、…（the table of contents）
  /统计期限/, // 本报告所列数据的统计期限自#年#月#日起至#年#月#日止
  /电子版/, // 本报告电子版可在…网站下载
  /^如(对本报告)?有(任何)?疑问/, // 如对本报告有疑问，请与…联系
  /(政府信息公开|工作)年度报告$/, // the title line
];

/** A section heading line ("一、总体情况", "（二）收到和处理政府信息公开申请情况"): the template's own words. */
const HEADING = /^(（[一二三四五六七八九十]+）|[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\))[^，。；！？,;!?]{0,30}$/;

/** The article text as sentences, normalised for comparison, the template's and very short ones left out. */
export function comparableSentences(text: string): { key: string; sentence: string }[] {
  const out: { key: string; sentence: string }[] = [];
  for (const line of text.split(/\r?\n/)) {
    const trimmedLine = normalise(line);
    if (HEADING.test(trimmedLine)) continue;
    for (const piece of line.split(/(?<=[。！？；!?;])/)) {
      const sentence = piece.trim();
      const key = normalise(sentence).replace(/[。！？；!?;]+$/, '');
      if (key.length < MIN_LENGTH || BOILERPLATE.some((p) => p.test(key))) continue;
      out.push({ key, sentence });
    }
  }
  return out;
}

/** Whitespace out, full width to half width (NFKC), every run of digits one '#'. */
function normalise(s: string): string {
  return s.normalize('NFKC').replace(/\s+/g, '').replace(/[0-9]+(\.[0-9]+)?/g, '#');
}

/** The warning for `report` when more than half its sentences repeat `previous`'s; none otherwise. */
export function textReuse(report: Report, previous: Report): Finding[] {
  const mine = report.article?.text;
  const theirs = previous.article?.text;
  if (!mine || !theirs) return [];
  const sentences = comparableSentences(mine);
  if (sentences.length < MIN_SENTENCES) return [];
  const before = new Set(comparableSentences(theirs).map((s) => s.key));
  const repeated = sentences.filter((s) => before.has(s.key));
  if (repeated.length * 2 <= sentences.length) return [];
  const percent = Math.round((repeated.length / sentences.length) * 100);
  const quotes = repeated.slice(0, QUOTED).map((s) => `“${s.sentence}”`).join('');
  const more = repeated.length > QUOTED ? `等 ${repeated.length} 句` : '';
  return [
    {
      id: 'series:text_reuse',
      rule: textReuseRule.id,
      severity: 'warning',
      message: `与${previous.year}年报告相比，正文 ${sentences.length} 句中有 ${repeated.length} 句（${percent}%）重复（不计模板固定句和短句）：${quotes}${more}`,
      table: null,
      cells: [],
      expected: null,
      actual: repeated.length,
      other: { agency: previous.agency, year: previous.year, source: { ...previous.source }, cells: [] },
    },
  ];
}
