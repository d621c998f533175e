/**
 * form.template: the tables use the format for the report year — 2021 format from 2021 on, the 2019 trial
 * format for 2019–2020, the legacy 统计表 before. Judged only from labels that belong to one format alone.
 */
import type { RuleInfo } from '../checks/rule-info.ts';
import type { Finding, Report } from '../schema.ts';
import { formFinding } from './form-finding.ts';

type Template = '2021' | '2019' | 'legacy';

/** The format the tables' own labels show, with those labels; null when they show none or both. */
export function templateOfTables(report: Report): { format: Template; evidence: string[] } | null {
  const { table2, table3, legacy } = report.tables;
  const seen: Record<Template, string[]> = { '2021': [], '2019': [], legacy: [] };
  for (const row of ['other_no_correction', 'other_no_fee']) if (table3?.rowLabels[row]) seen['2021'].push(table3.rowLabels[row]);
  if (table3?.rowLabels.other) seen['2019'].push(table3.rowLabels.other);
  for (const col of ['issued', 'repealed', 'in_force']) if (table2?.colLabels[col]) seen['2021'].push(table2.colLabels[col]);
  for (const col of ['new_made', 'new_published', 'prev_year_items']) if (table2?.colLabels[col]) seen['2019'].push(table2.colLabels[col]);
  if (legacy) seen.legacy.push('政府信息公开情况统计表');
  const formats = (Object.keys(seen) as Template[]).filter((f) => seen[f].length);
  return formats.length === 1 ? { format: formats[0], evidence: seen[formats[0]] } : null;
}

export const templateForYear = (year: number): Template => (year >= 2021 ? '2021' : year >= 2019 ? '2019' : 'legacy');
const NAME: Record<Template, string> = {
  '2021': '2021 年格式（国办公开办函〔2021〕30号）',
  '2019': '2019 年试行格式（国办公开办函〔2019〕60号）',
  legacy: '2008 年起的统计表',
};

export function checkTemplate(report: Report): Finding[] {
  if (report.year === null) return [];
  const shown = templateOfTables(report);
  if (!shown) return [];
  const due = templateForYear(report.year);
  if (shown.format === due) return [];
  return [
    formFinding(
      'form.template',
      `${report.year} 年度的报告应使用${NAME[due]}，表格用的是${NAME[shown.format]}（表格中有“${shown.evidence.slice(0, 2).join('”“')}”）。年度读自：${report.evidence.year?.evidence ?? '标题'}`,
    ),
  ];
}

export const TEMPLATE_RULES: RuleInfo[] = [
  {
    id: 'form.template',
    severity: 'warning',
    scope: 'form',
    kind: 'note',
    name: { zh: '表格格式与年度', en: 'The template for the year' },
    explain: {
      zh: '2021 年度起用 2021 年格式（如表二“本年制发件数”、表三（六）其他处理分三项），2019、2020 年度用 2019 年试行格式（表二“本年新制作数量”、表三（六）其他处理一项），2018 年度及以前用统计表。只凭只属于一种格式的标签判断。例：2022 年度报告的表二用“本年新制作数量”：提示。',
      en: 'Report years from 2021 use the 2021 format, 2019–2020 the 2019 trial format, earlier years the legacy 统计表; judged only from labels unique to one format. Example: a 2022 report whose Table 2 prints 本年新制作数量: warning.',
    },
  },
];
