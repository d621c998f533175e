/**
 * The report as an Excel workbook: one sheet per table laid out as the reader sees it (the same grid as
 * 复制表格 — row labels down the side, column labels across, report order), one sheet of findings and one
 * of what the report is (title, agency, year, where it was read, what the checks covered).
 * Cells are typed: a number read from the report is a number cell, an unreadable cell keeps its raw text as a
 * text cell (never a 0), a blank is an empty cell. Text is never a formula, so no CSV-style ' prefix is needed.
 * Written by write-excel-file (fflate underneath); used by the popup, the library page and the CLI only —
 * never by the content script or the auditor.
 */
import writeXlsxFile, { type Cell, type Row, type Sheet } from 'write-excel-file/universal';
import type { Report } from '../schema.ts';
import { tableGrid } from './csv.ts';
import { REPORT_TABLES } from '../tables/index.ts';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const FINDINGS_SHEET = '问题清单';
export const METADATA_SHEET = '报告信息';
/** The findings sheet's columns: the findings CSV's, less the report's own (they are on the metadata sheet). */
export const XLSX_FINDING_COLUMNS = ['id', 'severity', 'rule', 'table', 'cells', 'printed', 'computed', 'message'];

/** A value of the grid as a typed cell: numbers stay numbers, text stays text, '' and null are empty. */
function typed(value: unknown): Cell {
  if (value === '' || value === null || value === undefined) return null;
  if (typeof value === 'number') return { value, type: Number };
  return { value: String(value), type: String };
}

function tableSheets(report: Report): Sheet<never>[] {
  return REPORT_TABLES.flatMap(({ key, title, groups }) => {
    const table = report.tables[key];
    if (!table?.cells.length) return [];
    const grid = tableGrid(table, groups);
    return [{
      sheet: title,
      data: grid.map((row) => row.map(typed)),
      columns: [{ width: 36 }, ...grid[0].slice(1).map(() => ({ width: 12 }))],
      stickyRowsCount: 1,
      stickyColumnsCount: 1,
    }];
  });
}

function findingsSheet(report: Report): Sheet<never> {
  const rows: Row[] = report.findings.map((f) =>
    [f.id, f.severity, f.rule, f.table ?? '', f.cells.map((c) => `${c.row}.${c.col}`).join(' '), f.actual, f.expected, f.message].map(typed),
  );
  return {
    sheet: FINDINGS_SHEET,
    data: [XLSX_FINDING_COLUMNS.map(typed), ...rows],
    columns: [{ width: 36 }, { width: 9 }, { width: 20 }, { width: 8 }, { width: 30 }, { width: 9 }, { width: 9 }, { width: 80 }],
    stickyRowsCount: 1,
  };
}

/** `field` as in the JSON (dotted for nested ones), a Chinese label, and the value. */
export function metadataRows(report: Report): [string, string, string | number | null][] {
  const c = report.coverage;
  return [
    ['title', '标题', report.source.title],
    ['agency', '机关', report.agency],
    ['year', '年度', report.year],
    ['publishedAt', '发布日期', report.publishedAt],
    ['format', '格式', report.format],
    ['source.url', '网址', report.source.url ?? null],
    ['source.file', '文件', report.source.file ?? null],
    ['schemaVersion', '数据格式版本', report.schemaVersion],
    ['coverage.relationsChecked', '已核对关系', c.relationsChecked],
    ['coverage.numbersRead', '读取数字', c.numbersRead],
    ['coverage.cellsUnreadable', '无法识别的单元格', c.cellsUnreadable],
    ['coverage.notCheckable', '未能核对的关系', c.notCheckable.length],
    ...c.notCheckable.map((g): [string, string, string] => [`coverage.notCheckable.${g.id}`, g.subject, g.reason]),
  ];
}

function metadataSheet(report: Report): Sheet<never> {
  return {
    sheet: METADATA_SHEET,
    data: [['field', '说明', 'value'].map(typed), ...metadataRows(report).map((row) => row.map(typed))],
    columns: [{ width: 40 }, { width: 24 }, { width: 60 }],
  };
}

/** The workbook's bytes. */
export async function exportXlsx(report: Report): Promise<Uint8Array> {
  const blob = await writeXlsxFile([...tableSheets(report), findingsSheet(report), metadataSheet(report)]).toBlob();
  return new Uint8Array(await blob.arrayBuffer());
}
