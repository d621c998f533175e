/** form.year: the year in the title, the 统计期限 and the table headings (统计表 2015年度) agree. */
import type { RuleInfo } from '../checks/rule-info.ts';
import type { Finding, Report } from '../schema.ts';
import { toHalfWidth } from '../read/normalize-text.ts';
import { formFinding } from './form-finding.ts';
import { articleCut } from '../prose/statement.ts';

const PERIOD = /(?:统计期限|统计时限|统计时间|统计区间|统计周期|时间为|期限为|期限从|期限自)[^。\n]{0,16}?(\d{4})\s*年\s*1\s*月\s*1\s*日[^。\n\d]{0,8}(?:(\d{4})\s*年\s*)?12\s*月\s*31\s*日/;

/** Every year the report names for itself, with where it was read. */
export function statedYears(report: Report): { year: number; where: string }[] {
  const out: { year: number; where: string }[] = [];
  const title = toHalfWidth(report.source.title);
  const titleYears = [...new Set([...title.matchAll(/(\d{4})\s*年/g)].map((m) => Number(m[1])))];
  // A range (2022—2023年) or two years in the title: not one report year.
  if (titleYears.length === 1) out.push({ year: titleYears[0], where: `标题“${report.source.title}”` });
  // The article folded once for the prose rules too.
  const period = PERIOD.exec(articleCut(report)?.text ?? '');
  if (period) {
    out.push({ year: Number(period[1]), where: `统计期限“${period[0]}”` });
    if (period[2]) out.push({ year: Number(period[2]), where: `统计期限“${period[0]}”` });
  }
  for (const t of Object.values(report.tables))
    for (const label of Object.values(t?.colLabels ?? {})) {
      // A heading that is a year says 年 (most column labels do not).
      const m = label.includes('年') && /^\(?(\d{4})\s*年度?\)?$/.exec(toHalfWidth(label).replace(/\s/g, ''));
      if (m) out.push({ year: Number(m[1]), where: `表头“${label}”` });
    }
  return out;
}

export function checkYear(report: Report): Finding[] {
  const years = statedYears(report);
  if (new Set(years.map((y) => y.year)).size <= 1) return [];
  return [formFinding('form.year', `报告所说的年度不一致：${years.map((y) => `${y.year} 年（${y.where}）`).join('；')}`)];
}

export const YEAR_RULES: RuleInfo[] = [
  {
    id: 'form.year',
    severity: 'warning',
    scope: 'form',
    kind: 'note',
    name: { zh: '年度一致', en: 'One report year' },
    explain: {
      zh: '标题中的年度、“统计期限为某年1月1日至12月31日”和表头中的年度（如统计表的“2015年度”）应为同一年。例：标题 2022 年度，统计期限写 2021 年 1 月 1 日：提示。',
      en: 'The year in the title, in the 统计期限 sentence and in the table headings must agree. Example: the title says 2022 and the 统计期限 says 2021: warning.',
    },
  },
];
