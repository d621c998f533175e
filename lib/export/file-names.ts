import type { Report } from '../schema.ts';

export type ExportKind = 'json' | 'values-csv' | 'findings-csv' | 'xlsx';
/** The text files `--out` writes per report (the workbook is written on its own, by `--format xlsx`). */
export const EXPORT_KINDS: ExportKind[] = ['json', 'values-csv', 'findings-csv'];

/**
 * `<agency>-<year>-政府信息公开年报.json`: names that sort by agency and year in a downloads folder.
 * `copy` 2, 3, … tells apart two reports of one agency and year (a corrected re-publication, two saved copies).
 */
export function exportFileName(report: Pick<Report, 'agency' | 'year'>, kind: ExportKind, copy = 1): string {
  const agency = (report.agency ?? '未知机关').replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 60);
  const year = report.year ?? '未知年度';
  const base = `${agency}-${year}-政府信息公开年报${copy > 1 ? `-${copy}` : ''}`;
  if (kind === 'json') return `${base}.json`;
  if (kind === 'values-csv') return `${base}-数据.csv`;
  if (kind === 'xlsx') return `${base}.xlsx`;
  return `${base}-问题清单.csv`;
}

/** The first copy number under which none of the report's files (of `kinds`) is taken, so that nothing is overwritten. */
export function freeCopyNumber(report: Pick<Report, 'agency' | 'year'>, isTaken: (fileName: string) => boolean, kinds: ExportKind[] = EXPORT_KINDS): number {
  let copy = 1;
  while (kinds.some((kind) => isTaken(exportFileName(report, kind, copy)))) copy++;
  return copy;
}
