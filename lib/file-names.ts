import type { Report } from './schema.ts';

export type ExportKind = 'json' | 'values-csv' | 'findings-csv';

/** `<agency>-<year>-政府信息公开年报.json`: names that sort by agency and year in a downloads folder. */
export function exportFileName(report: Pick<Report, 'agency' | 'year'>, kind: ExportKind): string {
  const agency = (report.agency ?? '未知机关').replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 60);
  const year = report.year ?? '未知年度';
  const base = `${agency}-${year}-政府信息公开年报`;
  if (kind === 'json') return `${base}.json`;
  if (kind === 'values-csv') return `${base}-数据.csv`;
  return `${base}-问题清单.csv`;
}
