import { describe, expect, it } from 'vitest';
import { agencyKey, normalizeAgencyName, sameAgency } from '../../lib/agency-identity.ts';
import { checkSeries, previousReport, SERIES_RULES } from '../../lib/checks/series.ts';
import { FindingSchema, type Cell, type Report } from '../../lib/schema.ts';
import { fakeReport } from '../support/fake-report.ts';

const T3_COLS = ['natural_person', 'commercial', 'research', 'social_welfare', 'legal_service', 'other_org', 'total'];

function ok(row: string, col: string, value: number): Cell {
  return { row, col, value, raw: String(value), status: 'ok' };
}
function blank(row: string, col: string): Cell {
  return { row, col, value: null, raw: '', status: 'blank' };
}
/** A Table 3 row from seven values (natural person, the five legal-person columns, total); null is a blank. */
function t3Row(row: string, values: (number | null)[]): Cell[] {
  return values.map((v, i) => (v === null ? blank(row, T3_COLS[i]) : ok(row, T3_COLS[i], v)));
}

interface Opts {
  agency?: string | null;
  year: number;
  url?: string;
  carriedOver?: Cell[];
  carriedForward?: Cell[];
}
function report({ agency = '某某县人民政府', year, url = 'http://www.mm.gov.cn/a.html', carriedOver, carriedForward }: Opts): Report {
  const r = fakeReport([], [
    ...(carriedOver ?? t3Row('carried_over', [0, 0, 0, 0, 0, 0, 0])),
    ...(carriedForward ?? t3Row('carried_forward', [0, 0, 0, 0, 0, 0, 0])),
  ]);
  r.agency = agency;
  r.year = year;
  r.source = { title: `${agency}${year}年政府信息公开工作年度报告`, ...(url ? { url } : {}) };
  return r;
}

describe('agency identity', () => {
  it('normalises whitespace, brackets and full-width forms', () => {
    expect(normalizeAgencyName(' 某某市　公安局（交警支队） ')).toBe('某某市公安局(交警支队)');
    expect(normalizeAgencyName('某某市公安局【交警支队】')).toBe('某某市公安局(交警支队)');
    expect(normalizeAgencyName('某某市ＡＢ区')).toBe('某某市AB区');
    expect(agencyKey({ agency: '某某县 人民政府' })).toBe(agencyKey({ agency: '某某县人民政府' }));
    expect(agencyKey({ agency: null })).toBeNull();
  });

  it('pairs the same name from the same site, and from pages without an address', () => {
    const a = report({ year: 2021, url: 'https://www.mm.gov.cn/x/1.html' });
    const b = report({ year: 2022, url: 'http://mm.gov.cn/y/2.html', agency: '某某县 人民政府' });
    expect(sameAgency(a, b).same).toBe(true);
    expect(sameAgency(report({ year: 2021, url: '' }), report({ year: 2022, url: '' })).same).toBe(true);
  });

  it('never pairs a government with its office or a department, nor one name on two sites', () => {
    const gov = report({ year: 2021 });
    const office = sameAgency(gov, report({ year: 2022, agency: '某某县人民政府办公室' }));
    expect(office).toEqual({ same: false, why: expect.stringContaining('办公室') });
    const dept = sameAgency(gov, report({ year: 2022, agency: '某某县教育局' }));
    expect(dept.same).toBe(false);
    expect(dept.why).toContain('某某县教育局');
    const elsewhere = sameAgency(gov, report({ year: 2022, url: 'http://www.other.gov.cn/a.html' }));
    expect(elsewhere.same).toBe(false);
    expect(elsewhere.why).toContain('other.gov.cn');
    expect(sameAgency(gov, report({ year: 2022, agency: null })).same).toBe(false);
  });
});

describe('series.carry_over', () => {
  it('compares 二 of Y with 四 of Y−1 per column, the finding on Y naming Y−1', () => {
    const y1 = report({ year: 2022 });
    const y = report({ year: 2023, carriedOver: t3Row('carried_over', [2, 0, 0, 0, 0, 0, 2]) });
    const [onY1, onY] = checkSeries([y1, y]);
    expect(onY1).toEqual([]);
    expect(onY.map((f) => f.rule)).toEqual(['series.carry_over', 'series.carry_over']);
    expect(onY.flatMap((f) => f.cells)).toEqual([
      { row: 'carried_over', col: 'total' },
      { row: 'carried_over', col: 'natural_person' },
    ]);
    const total = onY[0];
    expect(total.severity).toBe('error');
    expect(total.table).toBe('table3');
    expect(total.message).toBe('二、上年结转（总计）2 ≠ 2022年报告 四、结转下年度继续办理（总计）0');
    expect(total.other).toEqual({
      agency: '某某县人民政府',
      year: 2022,
      source: y1.source,
      cells: [{ row: 'carried_forward', col: 'total', value: 0 }],
    });
    for (const f of onY) FindingSchema.parse(f);
  });

  it('gives nothing for an intact chain, whatever the input order', () => {
    const chain = [2020, 2021, 2022].map((year, i) =>
      report({ year, carriedOver: t3Row('carried_over', [i, 0, 0, 0, 0, 0, i]), carriedForward: t3Row('carried_forward', [i + 1, 0, 0, 0, 0, 0, i + 1]) }),
    );
    expect(checkSeries([chain[2], chain[0], chain[1]]).flat()).toEqual([]);
  });

  it('compares only consecutive years', () => {
    const y = report({ year: 2023, carriedOver: t3Row('carried_over', [2, 0, 0, 0, 0, 0, 2]) });
    expect(checkSeries([report({ year: 2021 }), y]).flat()).toEqual([]);
  });

  it('does not compare a blank, and compares a merged legal-person group with the sum', () => {
    const merged: Cell = { row: 'carried_forward', col: 'legal_person', covers: ['commercial', 'research', 'social_welfare', 'legal_service', 'other_org'], value: 3, raw: '3', status: 'ok' };
    const y1 = report({ year: 2022, carriedForward: [blank('carried_forward', 'natural_person'), merged, ok('carried_forward', 'total', 3)] });
    const y = report({ year: 2023, carriedOver: t3Row('carried_over', [5, 1, 0, 0, 0, 1, 7]) });
    const [, onY] = checkSeries([y1, y]);
    // 自然人 blank last year: not compared. 法人 1 + 1 = 2 ≠ 3; 总计 7 ≠ 3.
    expect(onY.map((f) => f.id)).toEqual(['series:carry_over:total', 'series:carry_over:legal_person']);
    const group = onY[1];
    expect(group.cells).toHaveLength(5);
    expect(group.message).toContain('（法人或其他组织）2 ≠ 2022年报告 四、结转下年度继续办理（法人或其他组织）3');
    expect(group.other!.cells).toEqual([{ row: 'carried_forward', col: 'legal_person', value: 3 }]);
  });

  it('pairs nothing across agencies: a government against its office or a same-named agency elsewhere', () => {
    const y = report({ year: 2023, carriedOver: t3Row('carried_over', [2, 0, 0, 0, 0, 0, 2]) });
    expect(checkSeries([report({ year: 2022, agency: '某某县人民政府办公室' }), y]).flat()).toEqual([]);
    expect(checkSeries([report({ year: 2022, url: 'http://www.other.gov.cn/' }), y]).flat()).toEqual([]);
  });

  it('a re-publication of Y−1: identical copies compare (the first by address), differing copies compare with neither', () => {
    const y = report({ year: 2023, carriedOver: t3Row('carried_over', [2, 0, 0, 0, 0, 0, 2]) });
    const copyA = report({ year: 2022, url: 'http://www.mm.gov.cn/b.html' });
    const copyB = report({ year: 2022, url: 'http://www.mm.gov.cn/a.html' });
    const same = checkSeries([copyA, copyB, y])[2];
    expect(same).toHaveLength(2);
    expect(same[0].other!.source.url).toBe('http://www.mm.gov.cn/a.html');
    expect(previousReport(y, [copyA, copyB, y]).why).toContain('2 份数字相同');

    const corrected = report({ year: 2022, url: 'http://www.mm.gov.cn/c.html', carriedForward: t3Row('carried_forward', [2, 0, 0, 0, 0, 0, 2]) });
    expect(checkSeries([copyA, corrected, y])[2]).toEqual([]);
    expect(previousReport(y, [copyA, corrected, y])).toEqual({ report: null, why: expect.stringContaining('数字不同') });
  });
});

function table2Report(year: number, rows: Record<string, [number | null, number | null, number | null]>): Report {
  const r = report({ year });
  const cells: Cell[] = Object.entries(rows).flatMap(([row, values]) =>
    (['issued', 'repealed', 'in_force'] as const).map((col, i) => (values[i] === null ? blank(row, col) : ok(row, col, values[i]!))),
  );
  r.tables.table2 = { rowLabels: {}, colLabels: {}, cells };
  return r;
}

describe('series.table2_stock', () => {
  it('warns with the arithmetic when in force ≠ last year’s + issued − repealed', () => {
    const y1 = table2Report(2022, { regulations: [1, 0, 10], normative_documents: [4, 1, 20] });
    const y = table2Report(2023, { regulations: [3, 1, 12], normative_documents: [2, null, 25] });
    const [, onY] = checkSeries([y1, y]);
    expect(onY).toHaveLength(1);
    const f = onY[0];
    expect(f).toMatchObject({ rule: 'series.table2_stock', severity: 'warning', table: 'table2', expected: 22, actual: 25 });
    expect(f.message).toContain('行政规范性文件 现行有效件数 25 ≠ 2022年报告 现行有效件数 20 + 本年制发件数 2 − 本年废止件数 0 = 22');
    expect(f.cells).toEqual([
      { row: 'normative_documents', col: 'in_force' },
      { row: 'normative_documents', col: 'issued' },
      { row: 'normative_documents', col: 'repealed' },
    ]);
    expect(f.other!.cells).toEqual([{ row: 'normative_documents', col: 'in_force', value: 20 }]);
  });

  it('says nothing when a 现行有效件数 is blank or a report is not in the 2021 format', () => {
    const y1 = table2Report(2022, { regulations: [1, 0, null] });
    expect(checkSeries([y1, table2Report(2023, { regulations: [3, 1, 99] })]).flat()).toEqual([]);
    const old = table2Report(2022, { regulations: [1, 0, 10] });
    old.format = '2019';
    expect(checkSeries([old, table2Report(2023, { regulations: [3, 1, 99] })]).flat()).toEqual([]);
  });
});

function legacyReport(year: number, cumulative: number | null, value = 5): Report {
  const r = report({ year });
  r.format = 'legacy';
  r.tables = {
    legacy: {
      rowLabels: {},
      colLabels: {},
      cells: [ok('proactive_total', 'value', value), cumulative === null ? blank('proactive_total', 'cumulative') : ok('proactive_total', 'cumulative', cumulative)],
    },
  };
  return r;
}

describe('series.cumulative', () => {
  it('warns when a 历年累计 figure falls', () => {
    const [, onY] = checkSeries([legacyReport(2017, 81916), legacyReport(2018, 12106)]);
    expect(onY).toHaveLength(1);
    expect(onY[0]).toMatchObject({ rule: 'series.cumulative', severity: 'warning', table: 'legacy', cells: [{ row: 'proactive_total', col: 'cumulative' }], expected: 81916, actual: 12106 });
    expect(onY[0].message).toContain('12106 < 2017年报告 历年累计 81916');
  });

  it('is quiet when it grows or is blank', () => {
    expect(checkSeries([legacyReport(2017, 100), legacyReport(2018, 120)]).flat()).toEqual([]);
    expect(checkSeries([legacyReport(2017, 100), legacyReport(2018, null)]).flat()).toEqual([]);
  });
});

describe('SERIES_RULES', () => {
  it('describes each series rule once, in scope series', () => {
    expect(SERIES_RULES.map((r) => r.id)).toEqual(['series.carry_over', 'series.table2_stock', 'series.cumulative']);
    expect(SERIES_RULES.every((r) => r.scope === 'series' && r.explain.zh && r.explain.en)).toBe(true);
    expect(SERIES_RULES.find((r) => r.id === 'series.carry_over')!.severity).toBe('error');
  });
});
