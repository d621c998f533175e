import type { Format, TableKey } from '@/lib/schema.ts';
import { REPORT_TABLES } from '@/lib/tables/index.ts';

// Plain Chinese names for the model's keys, shared by the banner, the tooltip and the popup.

/** Each table's own short name (lib/tables/<table>.ts). */
export const TABLE_LABEL = Object.fromEntries(REPORT_TABLES.map((t) => [t.key, t.label])) as Record<TableKey, string>;

/** Where a finding about the whole report (not one table) is said to be. */
export const REPORT_LABEL = '全文';

export const FORMAT_LABEL: Record<Format, string> = {
  '2021': '2021 年新版格式',
  '2019': '2019 年格式',
  legacy: '旧版格式（2019 年以前）',
  unknown: '格式未识别',
};

export const SEVERITY_LABEL = { error: '不一致', warning: '提示' } as const;

/** Plain names for the checks (lib/checks); an unknown rule falls back to a generic name. */
const RULE_LABEL: Record<string, string> = {
  'table3.row_total': '申请人合计',
  'table3.results_total': '办理结果合计',
  'table3.balance': '收结平衡（新收＋结转＝办结＋结转下年）',
  'table4.group_total': '复议、诉讼结果合计',
  'table2.expectation': '表二逻辑关系',
  plausibility: '数值是否合理',
  blank_cells: '空白单元格',
};

export function ruleLabel(rule: string): string {
  return RULE_LABEL[rule] ?? (rule.startsWith('legacy') ? '旧版统计表勾稽关系' : '表内勾稽关系');
}
