import { describe, expect, it } from 'vitest';
import { formatFigure, overYears, yearFigures } from '@/lib/library/over-years.ts';
import type { Report } from '@/lib/schema.ts';
import { auditHtml, fixture } from '../support/audit-html.ts';

// Key figures by year, against the hand-checked figures of clean-2021.html (tests/fixtures/expected.json):
// 新收 66, 上年结转 5, 予以公开 31 + 部分公开 4 of 67 办结, 复议 2 (1 纠正), 诉讼 2 + 1.

const clean = auditHtml(fixture('clean-2021.html'))!.report as Report & { year: number };

describe('yearFigures', () => {
  it('reads the six figures from the report’s own cells', () => {
    expect(yearFigures(clean)).toEqual({
      year: 2022,
      newRequests: 66,
      carriedOver: 5,
      disclosedShare: 35 / 67,
      reviews: 2,
      lawsuits: 3,
      reviewsCorrectedShare: 1 / 2,
    });
    expect(formatFigure('disclosedShare', 35 / 67)).toBe('52.2%');
    expect(formatFigure('lawsuits', 3)).toBe('3');
  });

  it('a figure whose cell is not read is unknown (—), never 0; no review: no corrected share', () => {
    const t3 = clean.tables.table3!;
    const blanked: Report & { year: number } = {
      ...clean,
      tables: {
        table3: { ...t3, cells: t3.cells.map((c) => (c.row === 'carried_over' && c.col === 'total' ? { ...c, value: null, raw: '', status: 'blank' as const } : c)) },
      },
    };
    const f = yearFigures(blanked);
    expect([f.carriedOver, f.reviews, f.lawsuits, f.reviewsCorrectedShare]).toEqual([null, null, null, null]);
    expect(f.newRequests).toBe(66);
    expect(formatFigure('carriedOver', null)).toBe('—');
  });
});

describe('overYears', () => {
  it('one row per year, oldest first; the first report given for a year wins', () => {
    const y2021 = { ...clean, year: 2021 };
    const other2022 = { ...clean, tables: {} };
    const rows = overYears([clean, y2021, other2022, { ...clean, year: null }]);
    expect(rows.map((r) => [r.year, r.newRequests])).toEqual([
      [2021, 66],
      [2022, 66],
    ]);
  });
});
