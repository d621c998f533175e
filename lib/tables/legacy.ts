/**
 * The legacy 政府信息公开情况统计表 (reports up to 2018): one indicator per row, with a unit column and
 * one or two value columns (统计数; some provinces add 历年累计). Seed 001 writes the value with its
 * unit in the 单位 column (`78条`) and leaves 统计数 empty: the number is read wherever it is in the row.
 */
import { LEGACY_COLUMNS, LEGACY_ROWS, type KeyDef } from './dictionary.ts';
import type { ExtractedTable, PlacedCell } from './extract-table.ts';
import type { ReportTable } from './report-table.ts';
import { LEGACY_SIGNATURE } from '../report-detection.ts';
import type { RowCell, TableRow } from '../read/table-rows.ts';
import { firstMatch, matchesLabel } from './label-pattern.ts';

const NUMBERING = /^(?:其中[:：]?|[一二三四五六七八九十]+[、.．]|\([一二三四五六七八九十\d]+\)|\d+[.、．]|[①-⑳])+/;
const HEADER = /统计指标|指标名称|^指标$/;
const UNIT = /单位/;

const rowOf = firstMatch(LEGACY_ROWS.map((d) => d.pattern));

function matchLegacyRow(label: string, parent: string): KeyDef | null {
  const bare = label.replace(NUMBERING, '').replace(/\(.*?\)$/, '');
  for (let at = rowOf(bare); at >= 0; at = rowOf(bare, at + 1)) {
    const def = LEGACY_ROWS[at];
    if (!def.group || matchesLabel(def.group, parent)) return def;
  }
  return null;
}

function placed(row: string, col: string, cell: RowCell, unit?: string): PlacedCell {
  const n = cell.number;
  const u = n.unit ?? unit;
  return {
    cell: { row, col, value: n.value, raw: n.raw, status: n.status, ...(u ? { unit: u } : {}), source: cell.source },
    el: cell.el,
  };
}

export function extractLegacy(rows: TableRow[]): ExtractedTable | null {
  const out: ExtractedTable = { table: 'legacy', cells: [], rowLabels: {}, colLabels: {}, problems: [] };
  let columns: { key: string; c0: number }[] | null = null;
  let unitCol = -1;
  let headerTable = -1;
  let parent = '';
  for (const row of rows) {
    const first = row.cells[0];
    if (!first) continue;
    if (!columns || row.table !== headerTable) {
      if (!HEADER.test(first.key)) continue;
      headerTable = row.table;
      columns = [];
      for (const cell of row.cells.slice(1)) {
        if (UNIT.test(cell.key)) unitCol = cell.c0!;
        else {
          const def = LEGACY_COLUMNS.find((d) => matchesLabel(d.pattern, cell.key)) ?? LEGACY_COLUMNS[0];
          if (!columns.some((c) => c.key === def.key)) columns.push({ key: def.key, c0: cell.c0! });
          out.colLabels[def.key] = cell.text;
        }
      }
      continue;
    }
    const def = matchLegacyRow(first.key, parent);
    if (!def) continue;
    if (/^[一二三四五六七八九十]+[、.．]/.test(first.key) || def.key.endsWith('_total') || def.key === 'reply_denied') parent = first.key;
    if (out.rowLabels[def.key]) continue;
    out.rowLabels[def.key] = first.text;
    const unitCell = row.cells.find((c) => c.c0 === unitCol);
    // A unit is a word: "万 元" (a source newline inside the cell) is 万元, as readNumber reads "7 万 元".
    const unitText = unitCell && unitCell.number.status === 'unreadable' ? unitCell.text.replace(/[—-]+|\s+/g, '') : undefined;
    for (const col of columns) {
      const cell = row.cells.find((c) => c.c0 === col.c0 && c !== first);
      if (!cell) continue;
      // 78条 in the 单位 column with 统计数 left empty: the number lives in the unit cell.
      const useUnitCell = col.key === 'value' && cell.number.status === 'blank' && unitCell?.number.status === 'ok';
      out.cells.push(useUnitCell ? placed(def.key, col.key, unitCell!) : placed(def.key, col.key, cell, unitText || undefined));
    }
  }
  return out.cells.length ? out : null;
}

/** Legacy sums that must hold (errors): parent = its listed children. */
export const LEGACY_SUMS: [string, string[]][] = [
  ['requests_received', ['requests_in_person', 'requests_fax', 'requests_online', 'requests_letter', 'requests_letter_fax']],
  ['requests_closed', ['closed_on_time', 'closed_extended']],
  ['replies_total', ['reply_already_public', 'reply_granted', 'reply_partly', 'reply_denied', 'reply_not_this_agency', 'reply_not_exist', 'reply_correction', 'reply_other_channel', 'reply_other']],
  ['reply_denied', ['denied_state_secret', 'denied_commercial_secret', 'denied_privacy', 'denied_security_stability', 'denied_not_gov_info', 'denied_other_law']],
  ['request_types_total', LEGACY_ROWS.filter((r) => r.key.startsWith('type_')).map((r) => r.key)],
  ['reviews_total', ['review_upheld', 'review_corrected', 'review_other']],
  ['suits_total', ['suit_upheld', 'suit_corrected', 'suit_other']],
  ['staff_total', ['staff_full_time', 'staff_part_time']],
];

/** Legacy expectations (warnings): child ≤ parent. */
export const LEGACY_AT_MOST: [string, string][] = [
  ['proactive_normative', 'proactive_total'],
  ['channel_gazette', 'proactive_total'],
  ['channel_website', 'proactive_total'],
  ['channel_weibo', 'proactive_total'],
  ['channel_wechat', 'proactive_total'],
  ['channel_other', 'proactive_total'],
  ['press_conferences_by_heads', 'press_conferences'],
  ['online_interviews_by_heads', 'online_interviews'],
  ['requests_closed', 'requests_received'],
];

export const legacy: ReportTable = {
  key: 'legacy',
  title: '政府信息公开情况统计表',
  label: '统计表（旧版格式）',
  rows: LEGACY_ROWS,
  columns: LEGACY_COLUMNS,
  groups: [],
  read: { own: extractLegacy, signature: LEGACY_SIGNATURE },
  docs: { name: 'Legacy 统计表' },
};
