/** Table 4 — 政府信息公开行政复议、行政诉讼情况: one data row of 15 numbers under a three-row header. */
import { TABLE4_COLUMNS, TABLE4_GROUP_KEYS, TABLE4_OUTCOMES, table4Group } from './dictionary.ts';
import type { TableSpec } from './extract-table.ts';
import type { ReportTable } from './report-table.ts';
import { anyMatch, firstMatch } from './label-pattern.ts';

/** A header row of Table 4 names one of these. */
const HEADER = anyMatch([/行政复议|行政诉讼|结果维持|直接起诉/]);
/** The outcome a leaf label names (index in TABLE4_OUTCOMES), or -1. */
const outcomeOf = firstMatch(TABLE4_OUTCOMES.map((o) => o.pattern));

/** Table 4's one data row (unlabelled on the page). */
export const TABLE4_ROW = 'count';

export const table4Spec: TableSpec = {
  table: 'table4',
  rows: [],
  columns: TABLE4_COLUMNS,
  unlabelledRow: TABLE4_ROW,
  isHeaderRow: (keys) => keys.some(HEADER),
  resolveColumn(path) {
    const group = table4Group(path.join('|'));
    const leaf = path[path.length - 1] ?? '';
    const outcome = TABLE4_OUTCOMES[outcomeOf(leaf)]?.key;
    return group && outcome ? `${group}_${outcome}` : null;
  },
  columnsFromText: (_text, count) => (count === TABLE4_COLUMNS.length ? TABLE4_COLUMNS.map((d) => d.key) : null),
  fullSetFallback: true,
  groupOf: () => null,
  officialLayouts: [TABLE4_COLUMNS.map((d) => d.key)],
};

const GROUP_LABEL: Record<string, string> = {
  review: '行政复议',
  suit_direct: '行政诉讼（未经复议直接起诉）',
  suit_after_review: '行政诉讼（复议后起诉）',
};

/** For 行政复议 and both kinds of 行政诉讼: 总计 = 维持 + 纠正 + 其他 + 尚未审结 (plain sums, as data). */
export const TABLE4_SUMS = TABLE4_GROUP_KEYS.map((group) => ({
  group,
  label: GROUP_LABEL[group],
  total: `${group}_total`,
  parts: ['upheld', 'corrected', 'other', 'pending'].map((o) => `${group}_${o}`),
}));

export const table4: ReportTable = {
  key: 'table4',
  title: '政府信息公开行政复议、行政诉讼情况',
  label: '表四（复议、诉讼）',
  rows: [],
  columns: TABLE4_COLUMNS,
  groups: [],
  read: { engine: table4Spec },
  provesReport: true,
  docs: { name: 'Table 4', columnsNote: ', row `count`' },
};
