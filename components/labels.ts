import type { Format, TableKey } from '@/lib/schema.ts';

// Plain Chinese names for the model's keys, shared by the banner, the tooltip and the popup.

export const TABLE_LABEL: Record<TableKey, string> = {
  table2: '表二（主动公开）',
  table3: '表三（依申请公开）',
  table4: '表四（复议、诉讼）',
  legacy: '统计表（旧版格式）',
};

export const FORMAT_LABEL: Record<Format, string> = {
  '2021': '2021 年新版格式',
  '2019': '2019 年格式',
  legacy: '旧版格式（2019 年以前）',
  unknown: '格式未识别',
};

export const SEVERITY_LABEL = { error: '不一致', warning: '提示' } as const;
