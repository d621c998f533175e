/** Table 3 — 收到和处理政府信息公开申请情况: which labels make its header, rows and columns. */
import { LEGAL_PERSON_COLUMNS, TABLE3_COLUMNS, TABLE3_PART_COLUMNS, TABLE3_ROWS } from './dictionary.ts';
import type { TableSpec } from './extract-table.ts';
import type { ReportTable } from './report-table.ts';
import { anyMatch, firstMatch } from './label-pattern.ts';

const HEADER = anyMatch([/申请人情况|自然人|法人或其他组织|商业企业|科研机构|公益组织|法律服务机构/]);
/** The column a leaf label names (index in TABLE3_COLUMNS), or -1. */
const columnOf = firstMatch(TABLE3_COLUMNS.map((d) => d.pattern));
const ALL = [...TABLE3_PART_COLUMNS, 'total'];

export const table3Spec: TableSpec = {
  table: 'table3',
  rows: TABLE3_ROWS,
  columns: TABLE3_COLUMNS,
  lastRow: 'carried_forward',
  isHeaderRow: (keys) => keys.some(HEADER),
  resolveColumn(path) {
    const leaf = path[path.length - 1] ?? '';
    const column = columnOf(leaf);
    if (column >= 0) return TABLE3_COLUMNS[column].key;
    if (/法人或其他组织/.test(leaf)) return 'legal_person';
    // The 自然人 header is missing on some pages: a column under 申请人情况 with no label of its own.
    if (path.some((p) => /申请人情况/.test(p)) && !path.some((p) => /法人或其他组织/.test(p))) return 'natural_person';
    return null;
  },
  columnsFromText: (_text, count) => (count === ALL.length ? ALL : null),
  officialLayouts: [TABLE3_COLUMNS.map((d) => d.key)],
  fullSetFallback: true,
  groupOf(keys) {
    if (keys.length === LEGAL_PERSON_COLUMNS.length && LEGAL_PERSON_COLUMNS.every((k) => keys.includes(k)))
      return { col: 'legal_person', covers: LEGAL_PERSON_COLUMNS };
    if (ALL.every((k) => keys.includes(k))) return { col: 'total', covers: ALL };
    return null;
  },
};

/** 一 + 二 = 三(七) + 四, per column: the balance the table itself prints. */
export const TABLE3_BALANCE = { left: ['new_received', 'carried_over'], right: ['results_total', 'carried_forward'] };

export const table3: ReportTable = {
  key: 'table3',
  title: '收到和处理政府信息公开申请情况',
  label: '表三（依申请公开）',
  rows: TABLE3_ROWS,
  columns: TABLE3_COLUMNS,
  groups: [{ key: 'legal_person', label: '法人或其他组织', covers: LEGAL_PERSON_COLUMNS }],
  read: { engine: table3Spec },
  provesReport: true,
  readsFlattenedLines: true,
  docs: { name: 'Table 3' },
};
