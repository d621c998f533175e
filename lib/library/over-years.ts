/**
 * Key figures of one agency over the years, for the library's table and chart. Each figure is read from
 * the report's own cells (status ok); a figure whose cells are not all read is null ("—"), never 0.
 */
import type { Report, TableKey } from '../schema.ts';

export interface YearFigures {
  year: number;
  /** 表三 一、本年新收 · 总计 */
  newRequests: number | null;
  /** 表三 二、上年结转 · 总计 */
  carriedOver: number | null;
  /** (予以公开 + 部分公开) / （七）总计, all in the 总计 column. */
  disclosedShare: number | null;
  /** 表四 行政复议 · 总计 */
  reviews: number | null;
  /** 表四 未经复议直接起诉 · 总计 + 复议后起诉 · 总计 */
  lawsuits: number | null;
  /** 表四 行政复议 · 结果纠正 / 行政复议 · 总计 */
  reviewsCorrectedShare: number | null;
}

export const FIGURE_LABELS: Record<Exclude<keyof YearFigures, 'year'>, string> = {
  newRequests: '本年新收申请',
  carriedOver: '上年结转',
  disclosedShare: '全部或部分公开占办结比例',
  reviews: '行政复议',
  lawsuits: '行政诉讼',
  reviewsCorrectedShare: '复议纠错率',
};

export const SHARE_FIGURES = new Set<keyof YearFigures>(['disclosedShare', 'reviewsCorrectedShare']);

function value(report: Report, table: TableKey, row: string, col: string): number | null {
  const cell = report.tables[table]?.cells.find((c) => c.row === row && (c.col === col || c.covers?.includes(col)));
  return cell?.status === 'ok' && !cell.covers ? cell.value : null;
}

const sum = (...xs: (number | null)[]) => (xs.every((x) => x !== null) ? (xs as number[]).reduce((a, b) => a + b, 0) : null);
const share = (part: number | null, whole: number | null) => (part === null || !whole ? null : part / whole);

export function yearFigures(report: Report & { year: number }): YearFigures {
  const t3 = (row: string) => value(report, 'table3', row, 'total');
  const t4 = (col: string) => value(report, 'table4', 'count', col);
  return {
    year: report.year,
    newRequests: t3('new_received'),
    carriedOver: t3('carried_over'),
    disclosedShare: share(sum(t3('granted'), t3('partly_granted')), t3('results_total')),
    reviews: t4('review_total'),
    lawsuits: sum(t4('suit_direct_total'), t4('suit_after_review_total')),
    reviewsCorrectedShare: share(t4('review_corrected'), t4('review_total')),
  };
}

/** One row per year, oldest first; of two reports of one year, the one read last (first in `reports`) wins. */
export function overYears(reports: readonly Report[]): YearFigures[] {
  const byYear = new Map<number, YearFigures>();
  for (const r of reports) if (r.year !== null && !byYear.has(r.year)) byYear.set(r.year, yearFigures(r as Report & { year: number }));
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

export function formatFigure(key: keyof YearFigures, v: number | null): string {
  if (v === null) return '—';
  return SHARE_FIGURES.has(key) ? `${(v * 100).toFixed(1)}%` : String(v);
}
