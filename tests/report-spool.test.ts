/**
 * The CLI's spool (scripts/report-spool.ts) keeps in memory only each report's agency key, year and where
 * its slim copy is on disk; the series.* findings it gives must still be those checkSeries gives on the
 * whole reports held at once — year before chosen among copies, copies that differ, carried-over rows,
 * table 2 stocks and text reused from last year.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { checkSeries } from '@/lib/checks/series.ts';
import type { Report } from '@/lib/schema.ts';
import { auditHtml } from '../scripts/read-page.ts';
import { ReportSpool } from '../scripts/report-spool.ts';
import { FIXTURES, fixture, yearPage } from './support/audit-html.ts';


const report = (html: string, name: string) => auditHtml(html, name)!.report;

/** Every fixture twice, a chain of years, two copies of 2023 with equal figures and of 2025 with different ones. */
function folder(): Report[] {
  const out: Report[] = [];
  for (const copy of [1, 2])
    for (const f of readdirSync(FIXTURES).filter((f) => f.endsWith('.html'))) {
      const r = auditHtml(fixture(f), `${copy}-${f}`);
      if (r) out.push(r.report);
    }
  for (const [y, o, f] of [[2021, 0, 2], [2022, 2, 1], [2023, 3, 0], [2024, 0, 5], [2025, 1, 0], [2026, 4, 4]]) out.push(report(yearPage(y, o, f), `chain-${y}.html`));
  out.push(report(yearPage(2023, 3, 0), 'chain-2023-copy.html'));
  out.push(report(yearPage(2025, 1, 7), 'chain-2025-corrected.html'));
  return out;
}

const seriesOf = (r: Report) => r.findings.filter((f) => f.rule.startsWith('series'));

describe('the spool of reports', () => {
  it('gives the series findings checkSeries gives on the whole reports', () => {
    const reports = folder();
    const spool = new ReportSpool();
    try {
      for (const r of reports) spool.add(r);
      const out = [...spool.reports()];
      expect(out.map((r) => r.source.file)).toEqual(reports.map((r) => r.source.file));
      const found = out.map(seriesOf);
      expect(found).toEqual(checkSeries(reports));
      // The comparison covers every rule that reads something the slim copy must carry.
      const rules = new Set(found.flat().map((f) => f.rule));
      expect([...rules].sort()).toEqual(['series.carry_over', 'series.table2_stock', 'series.text_reuse']);
      // 2026 follows two 2025 reports with different figures: compared with neither.
      expect(found[reports.findIndex((r) => r.source.file === 'chain-2026.html')]).toEqual([]);
    } finally {
      spool.close();
    }
  });

  it('gives each report back whole, its own findings first', () => {
    const reports = folder();
    const spool = new ReportSpool();
    try {
      for (const r of reports) spool.add(r);
      const out = [...spool.reports()];
      out.forEach((r, i) => {
        expect({ ...r, findings: r.findings.filter((f) => !f.rule.startsWith('series')) }).toEqual(JSON.parse(JSON.stringify(reports[i])));
      });
    } finally {
      spool.close();
    }
  });
});
