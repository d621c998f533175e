/**
 * `layout`: what the reader could not place. Raised while reading (lib/tables/extract-table.ts,
 * lib/read/cut-tables.ts), never by arithmetic: a number we cannot put under one column is said, with its
 * raw text, rather than shifted into a neighbour.
 */
import type { Finding, TableKey } from '../schema.ts';
import type { RuleInfo } from './rule-info.ts';
import { finding } from './finding.ts';

export const layoutRule: RuleInfo = {
  id: 'layout',
  severity: 'warning',
  scope: 'table',
  kind: 'gap',
  name: { zh: '表格布局', en: 'Table layout' },
  explain: {
    zh: '数值无法与表头一一对应时，原文照录、不挪位、不核对，并说明原因：多出或缺少的数值、格式之外的列、重复出现的表格、被截断的表格。例：7 列的表头下某行印了 8 个数，提示“表格布局无法对应（8 个数值对不上 7 列）”并附该行原文；这时结论不会是“全部核对一致”。',
    en: 'Values that cannot be matched one-to-one to the header are kept raw, never shifted, and not checked, with the reason: too many or too few values, a column outside the format, a table printed twice, a table cut off. Example: a row of 8 numbers under a 7-column header is reported as “表格布局无法对应（8 个数值对不上 7 列）” with the row’s text; the verdict is then never “all consistent”.',
  },
};

export function layoutFinding(table: TableKey, id: string, message: string): Finding {
  return finding(layoutRule, { id: `${table}:layout:${id}`, message, table });
}
