import { describe, expect, it } from 'vitest';
import { sameAgency } from '@/lib/agency-identity.ts';
import { checkSeries } from '@/lib/checks/series.ts';
import { newEntry, type LibraryEntry } from '@/lib/library/entry.ts';
import { allSeries, seriesView } from '@/lib/library/series-view.ts';
import type { Report } from '@/lib/schema.ts';
import { auditHtml, fixture } from '../support/audit-html.ts';

// What the library adds to a report from its agency's other years, with the real checkSeries on the
// e2e library pages (agency A: 2021 carries forward 0, 2022 carries over 2 in 自然人 and 总计).

const page = (name: string): Report => {
  const report = auditHtml(fixture(`../e2e/pages/${name}`))!.report;
  return { ...report, source: { ...report.source, url: `http://www.linxi.gov.cn/${name}` } };
};
const entry = (name: string): LibraryEntry => newEntry(page(name), new Date(0));

const a21 = entry('library-a-2021.html');
const a22 = entry('library-a-2022.html');
const b21 = entry('library-b-2021.html');
const b22 = entry('library-b-2022.html');
const all = [a22, b21, a21, b22];

describe('seriesView', () => {
  it('the later report gets its series findings; the older one a note naming the later report, on its own cells', () => {
    const later = seriesView(all, a22.key, checkSeries, sameAgency);
    expect(later.series.map((f) => [f.id, f.cells])).toEqual([
      ['series:carry_over:total', [{ row: 'carried_over', col: 'total' }]],
      ['series:carry_over:natural_person', [{ row: 'carried_over', col: 'natural_person' }]],
    ]);
    expect(later.notes).toEqual([]);
    const older = seriesView(all, a21.key, checkSeries, sameAgency);
    expect(older.series).toEqual([]);
    expect(older.notes.map((n) => [n.severity, n.table, n.cells, n.other?.year, n.other?.source.url])).toEqual([
      ['warning', 'table3', [{ row: 'carried_forward', col: 'total' }], 2022, 'http://www.linxi.gov.cn/library-a-2022.html'],
      ['warning', 'table3', [{ row: 'carried_forward', col: 'natural_person' }], 2022, 'http://www.linxi.gov.cn/library-a-2022.html'],
    ]);
    expect(older.notes[0].message).toMatch(/^临溪县市场监督管理局2022年报告与本报告对照：二、上年结转（总计）2 ≠/);
    expect(older.notes[0].other?.cells).toEqual([{ row: 'carried_over', col: 'total', value: 2 }]);
  });

  it('an intact pair, a lone report and an unknown key add nothing', () => {
    expect(seriesView(all, b22.key, checkSeries, sameAgency)).toEqual({ series: [], notes: [] });
    expect(seriesView(all, b21.key, checkSeries, sameAgency)).toEqual({ series: [], notes: [] });
    expect(seriesView([a22], a22.key, checkSeries, sameAgency)).toEqual({ series: [], notes: [] });
    expect(seriesView(all, 'url:nowhere', checkSeries, sameAgency)).toEqual({ series: [], notes: [] });
  });
});

describe('allSeries', () => {
  it('every entry’s series findings, by key', () => {
    const map = allSeries(all, checkSeries, sameAgency);
    expect([...map].map(([k, fs]) => [k, fs.length]).sort()).toEqual(
      [
        [a21.key, 0],
        [a22.key, 2],
        [b21.key, 0],
        [b22.key, 0],
      ].sort(),
    );
  });
});
