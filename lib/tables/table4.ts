/** Table 4 — 政府信息公开行政复议、行政诉讼情况: one data row of 15 numbers under a three-row header. */
import { TABLE4_COLUMNS, TABLE4_OUTCOMES, table4Group } from './dictionary.ts';
import type { TableSpec } from './extract-table.ts';

export const table4Spec: TableSpec = {
  table: 'table4',
  rows: [],
  columns: TABLE4_COLUMNS,
  unlabelledRow: 'count',
  isHeaderRow: (keys) => keys.some((k) => /行政复议|行政诉讼|结果维持|直接起诉/.test(k)),
  resolveColumn(path) {
    const group = table4Group(path.join('|'));
    const leaf = path[path.length - 1] ?? '';
    const outcome = TABLE4_OUTCOMES.find((o) => o.pattern.test(leaf))?.key;
    return group && outcome ? `${group}_${outcome}` : null;
  },
  columnsFromText: (_text, count) => (count === TABLE4_COLUMNS.length ? TABLE4_COLUMNS.map((d) => d.key) : null),
  groupOf: () => null,
  officialLayouts: [TABLE4_COLUMNS.map((d) => d.key)],
};
