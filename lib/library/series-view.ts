/**
 * What the library adds to one report from the other years of its agency: its own series findings
 * (lib/checks/series.ts over the agency's stored reports), and notes about it from later reports — a series
 * finding belongs to the later report, but the older page shows it too, naming the later report, on its
 * own cells (`other.cells`).
 */
import type { Finding, Report } from '../schema.ts';
import { entryKey, type LibraryEntry } from './entry.ts';

export type CheckSeries = (reports: readonly Report[]) => Finding[][];
export type SameAgency = (a: Report, b: Report) => { same: boolean };

export interface SeriesView {
  /** Series findings of the report itself. */
  series: Finding[];
  /** Later reports' series findings about this one, as notes (warnings) on this report's cells. */
  notes: Finding[];
}

/** The reports of the same agency as `report` (itself included), oldest first. */
export function agencyReports(entries: readonly LibraryEntry[], report: Report, sameAgency: SameAgency): LibraryEntry[] {
  return entries
    .filter((e) => entryKey(e.report) === entryKey(report) || sameAgency(e.report, report).same)
    .sort((a, b) => (a.report.year ?? 0) - (b.report.year ?? 0));
}

/** Is `other` (a finding's other report) this report? By address when both have one, else agency and year. */
function names(other: NonNullable<Finding['other']>, report: Report): boolean {
  if (other.source.url && report.source.url) return other.source.url.replace(/#.*$/, '') === report.source.url.replace(/#.*$/, '');
  return other.year === report.year && other.agency === report.agency && other.source.title === report.source.title;
}

const valueOf = (report: Report, f: Finding, row: string, col: string) =>
  (f.table && report.tables[f.table]?.cells.find((c) => c.row === row && c.col === col)?.value) ?? null;

function yearName(report: Pick<Report, 'agency' | 'year'>): string {
  return `${report.agency ?? '未知机关'}${report.year ?? '未知年度'}年报告`;
}

/** A later report's finding about `older`, restated on the older report's cells and naming the later one. */
export function noteFromLater(f: Finding, later: Report): Finding {
  const other = f.other!;
  return {
    id: `later:${entryKey(later)}:${f.id}`,
    rule: f.rule,
    severity: 'warning',
    message: `${yearName(later)}与本报告对照：${f.message}`,
    table: f.table,
    cells: other.cells.map(({ row, col }) => ({ row, col })),
    expected: null,
    actual: null,
    other: {
      agency: later.agency,
      year: later.year,
      source: later.source,
      cells: f.cells.map(({ row, col }) => ({ row, col, value: valueOf(later, f, row, col) })),
    },
  };
}

/** The series findings and notes for the entry under `key`, from all entries of its agency. */
export function seriesView(entries: readonly LibraryEntry[], key: string, checkSeries: CheckSeries, sameAgency: SameAgency): SeriesView {
  const self = entries.find((e) => e.key === key);
  if (!self) return { series: [], notes: [] };
  const group = agencyReports(entries, self.report, sameAgency);
  if (group.length < 2) return { series: [], notes: [] };
  const found = checkSeries(group.map((e) => e.report));
  const at = group.findIndex((e) => e.key === key);
  const notes = group.flatMap((e, i) =>
    i === at ? [] : found[i].filter((f) => f.other && names(f.other, self.report)).map((f) => noteFromLater(f, e.report)),
  );
  return { series: found[at] ?? [], notes };
}

/** Every entry's series findings (for the library page and its exports), by entry key. */
export function allSeries(entries: readonly LibraryEntry[], checkSeries: CheckSeries, sameAgency: SameAgency): Map<string, Finding[]> {
  const out = new Map<string, Finding[]>();
  const done = new Set<string>();
  for (const e of entries) {
    if (done.has(e.key)) continue;
    const group = agencyReports(entries, e.report, sameAgency);
    const found = group.length > 1 ? checkSeries(group.map((g) => g.report)) : group.map(() => []);
    group.forEach((g, i) => {
      done.add(g.key);
      out.set(g.key, found[i] ?? []);
    });
  }
  return out;
}
