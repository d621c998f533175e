/**
 * form.sections: the six numbered sections of the 2019/2021 formats, present and in order, section 五 not
 * empty. A section is a line of its own that starts with a number (一、) and names the section's key words;
 * the words inside a sentence ("…包括政府信息公开工作存在的主要问题及改进情况…") are not a heading.
 */
import type { RuleInfo } from '../checks/rule-info.ts';
import type { Finding, Report } from '../schema.ts';
import { formFinding } from './form-finding.ts';

export const SECTIONS = [
  { name: '一、总体情况', key: /总体情况|基本情况|总体概况/ },
  { name: '二、主动公开政府信息情况', key: /主动公开/ },
  { name: '三、收到和处理政府信息公开申请情况', key: /申请/ },
  { name: '四、政府信息公开行政复议、行政诉讼情况', key: /行政复议|行政诉讼/ },
  { name: '五、存在的主要问题及改进情况', key: /问题|不足/ },
  { name: '六、其他需要报告的事项', key: /(?:其他|其它)[^，。]*事项/ },
];
/** Which section a heading names: the most specific key words first (四's heading also says 申请). */
const MATCH_ORDER = [5, 4, 3, 2, 1, 0];
const HEADING = /^[一二三四五六七八九十]{1,2}\s*[、.．]\s*\S/;
const MAX_HEADING = 40;
const MIN_HEADINGS = 3;

export interface SectionHeading {
  section: number;
  line: number;
  text: string;
}

/** The section headings of the article, first occurrence of each section, in text order. */
export function sectionHeadings(lines: string[]): SectionHeading[] {
  const out: SectionHeading[] = [];
  lines.forEach((text, line) => {
    if (!HEADING.test(text) || text.length > MAX_HEADING) return;
    const section = MATCH_ORDER.find((i) => SECTIONS[i].key.test(text));
    if (section !== undefined && !out.some((h) => h.section === section)) out.push({ section, line, text });
  });
  return out;
}

/** Any numbered heading line (for where a section's body ends). */
const isHeading = (text: string) => HEADING.test(text) && text.length <= MAX_HEADING;

export function checkSections(report: Report): Finding[] {
  const text = report.article?.text;
  if (!text || (report.format !== '2019' && report.format !== '2021')) return [];
  const lines = text.split('\n');
  const found = sectionHeadings(lines);
  // Fewer than three headings read: more likely text we could not read (headings drawn as images, a page of
  // tables alone, a copy of part of the report) than a report without its sections. Say nothing.
  if (found.length < MIN_HEADINGS) return [];
  const problems: string[] = [];
  const missing = SECTIONS.filter((_, i) => !found.some((h) => h.section === i)).map((s) => s.name);
  if (missing.length) problems.push(`缺少${missing.map((m) => `“${m}”`).join('、')}`);
  const order = found.map((h) => h.section);
  const outOfOrder = order.some((s, i) => i > 0 && s < order[i - 1]);
  if (outOfOrder) problems.push(`顺序为 ${found.map((h) => `“${h.text}”`).join(' → ')}`);
  const five = found.find((h) => h.section === 4);
  if (five) {
    let body = '';
    for (let i = five.line + 1; i < lines.length && !isHeading(lines[i]); i++) body += lines[i];
    if (body.replace(/\s/g, '').length < 10) problems.push(`“${five.text}”下没有内容`);
  }
  if (!problems.length) return [];
  return [
    formFinding(
      'form.sections',
      `报告的部分不合年报格式的六个部分：${problems.join('；')}。读到的标题：${found.map((h) => `“${h.text}”`).join('、') || '无'}`,
    ),
  ];
}

export const SECTIONS_RULES: RuleInfo[] = [
  {
    id: 'form.sections',
    severity: 'warning',
    scope: 'form',
    kind: 'note',
    name: { zh: '报告的六个部分', en: 'The six sections' },
    explain: {
      zh: '2019 年起的年报按格式分六部分：一、总体情况；二、主动公开政府信息情况；三、收到和处理政府信息公开申请情况；四、政府信息公开行政复议、行政诉讼情况；五、存在的主要问题及改进情况；六、其他需要报告的事项。标题措辞可以不同（如“五、政府信息公开工作存在的主要问题及改进情况”），但应单独成行、按序出现，第五部分不应为空。句子中间提到这些词不算标题。例：缺少“五、存在的主要问题及改进情况”一节：提示。',
      en: 'From report year 2019 the report has six numbered sections in this order (wording may vary; a heading is a line of its own), and section 五 (problems and improvements) is not empty. Example: no section 五 heading: warning.',
    },
  },
];
