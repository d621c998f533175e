import type { Format, TableKey } from '@/lib/schema.ts';
import { REPORT_TABLES } from '@/lib/tables/index.ts';
import { ruleInfo } from '@/lib/checks/catalog.ts';

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

/** A check's plain name, from the rule catalog (lib/checks/catalog.ts); an unknown rule gets a generic one. */
export function ruleLabel(rule: string): string {
  return ruleInfo(rule)?.name.zh ?? '表内勾稽关系';
}
