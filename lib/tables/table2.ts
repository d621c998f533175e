/** Table 2 — 主动公开政府信息情况: blocks 第二十条第（N）项, each with its own header row. */
import { TABLE2_COLUMNS, TABLE2_ROWS } from './dictionary.ts';
import type { TableSpec } from './extract-table.ts';
import type { ReportTable } from './report-table.ts';
import { anyMatch, firstMatch } from './label-pattern.ts';

/** The column a label names (index in TABLE2_COLUMNS), or -1. */
const columnOf = firstMatch(TABLE2_COLUMNS.map((d) => d.pattern));
/** Whether a label names any column of Table 2. */
const namesColumn = anyMatch(TABLE2_COLUMNS.map((d) => d.pattern));

export const table2Spec: TableSpec = {
  table: 'table2',
  rows: TABLE2_ROWS,
  columns: TABLE2_COLUMNS,
  // 信息内容, or (where a site dropped that cell) a row of Table 2's own column labels.
  isHeaderRow: (keys) => keys.some((k) => k === '信息内容' || (k.length < 20 && namesColumn(k))),
  resolveColumn(path) {
    const leaf = path[path.length - 1] ?? '';
    return TABLE2_COLUMNS[columnOf(leaf)]?.key ?? null;
  },
  columnsFromText(text, count) {
    // Only the block's own header: prose before it may mention the same words.
    const header = text.slice(Math.max(0, text.lastIndexOf('信息内容')));
    const found = TABLE2_COLUMNS.map((d) => ({ key: d.key, at: header.search(d.pattern) }))
      .filter((f) => f.at >= 0)
      .sort((a, b) => a.at - b.at)
      .map((f) => f.key);
    return found.length === count ? found : null;
  },
  groupOf: () => null,
  officialLayouts: [
    ['new_made', 'new_published', 'total_published'],
    ['prev_year_items', 'change', 'decisions'],
    ['prev_year_items', 'change'],
    ['procurement_items', 'procurement_amount'],
    ['issued', 'repealed', 'in_force'],
    ['decisions'],
    ['fee_amount'],
  ],
};

export const table2: ReportTable = {
  key: 'table2',
  title: '主动公开政府信息情况',
  label: '表二（主动公开）',
  rows: TABLE2_ROWS,
  columns: TABLE2_COLUMNS,
  groups: [],
  read: { engine: table2Spec },
  readsFlattenedLines: true,
  docs: { name: 'Table 2' },
};
