/** Table 4 — 政府信息公开行政复议、行政诉讼情况: one data row of 15 numbers under a three-row header. */
import { TABLE4_COLUMNS, TABLE4_OUTCOME_KEYS, table4Group } from './dictionary.ts';
import type { TableSpec } from './extract-table.ts';

const OUTCOME_PATTERNS = TABLE4_COLUMNS.slice(0, TABLE4_OUTCOME_KEYS.length).map((d, i) => [TABLE4_OUTCOME_KEYS[i], d.pattern] as const);

export const table4Spec: TableSpec = {
  table: 'table4',
  rows: [],
  columns: TABLE4_COLUMNS,
  unlabelledRow: 'count',
  isHeaderRow: (keys) => keys.some((k) => /行政复议|行政诉讼|结果维持|直接起诉/.test(k)),
  resolveColumn(path) {
    const group = table4Group(path.join('|'));
    const leaf = path[path.length - 1] ?? '';
    const outcome = OUTCOME_PATTERNS.find(([, p]) => p.test(leaf))?.[0];
    return group && outcome ? `${group}_${outcome}` : null;
  },
  columnsFromText: (_text, count) => (count === TABLE4_COLUMNS.length ? TABLE4_COLUMNS.map((d) => d.key) : null),
  groupOf: () => null,
};
