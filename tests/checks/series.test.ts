import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { agencyKey, normalizeAgencyName, sameAgency } from '../../lib/agency-identity.ts';
import { checkSeries, previousReport, SERIES_RULES } from '../../lib/checks/series.ts';
import { FindingSchema, ReportSchema, type Cell, type Finding, type Report } from '../../lib/schema.ts';
import { ruleInfo } from '../../lib/checks/catalog.ts';
import { fixture } from '../support/audit-html.ts';
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

// ---- Done when: the real CLI on folders of generated pages (clean-2021.html with its title, year and cells changed)

const ROOT = join(import.meta.dirname, '..', '..');
function audit(...args: string[]) {
  return spawnSync(process.execPath, ['scripts/audit.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
}

/** Replaces the first `count` numbers after `label` in the page (the row's value cells). */
function setRow(html: string, label: string, values: number[]): string {
  const at = html.indexOf(label);
  if (at < 0) throw new Error(`no row ${label}`);
  let n = 0;
  const rest = html.slice(at).replace(/<p align="center">\d+<\/p>/g, (m) => (n < values.length ? `<p align="center">${values[n++]}</p>` : m));
  return html.slice(0, at) + rest;
}

const RESULTS = [53, 9, 1, 0, 3, 1]; // clean-2021's （七）总计 by column
const withTotal = (v: number[]) => [...v, v.reduce((a, b) => a + b, 0)];
/**
 * clean-2021.html as the report of `agency` for `year`, carrying over `carriedOver` and forward `carriedForward`
 * (six columns), 一 set so that the page balances (一 + 二 = 三（七） + 四), and 行政规范性文件 in force `inForce`.
 */
function reportPage(agency: string, year: number, carriedOver: number[], carriedForward: number[], inForce = 12): string {
  const newReceived = RESULTS.map((r, i) => r + carriedForward[i] - carriedOver[i]);
  let html = fixture('clean-2021.html').replaceAll('临溪县市场监督管理局2022年', `${agency}${year}年`);
  html = setRow(html, '一、本年新收政府信息公开申请数量', withTotal(newReceived));
  html = setRow(html, '二、上年结转政府信息公开申请数量', withTotal(carriedOver));
  html = setRow(html, '四、结转下年度继续办理', withTotal(carriedForward));
  return setRow(html, '<p>行政规范性文件</p>', [3, 1, inForce]);
}

/** The generated pages change clean-2021's title and figures without rewriting its text: prose.* and form.* rightly say so. */
// The pages below are made from one template, so their prose repeats word for word: series.text_reuse is
// right on them, and is left out here with the prose rules (the chain test checks it fires where it should).
const notProse = (f: Finding) => !['prose', 'form'].includes(ruleInfo(f.rule)?.scope ?? '') && f.rule !== 'series.text_reuse';

describe('npm run audit on a folder: checks across reports', () => {
  const AGENCY = '临溪县市场监督管理局';

  it('an intact seven-year chain among other agencies’ reports gives no series finding', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-series-'));
    const carries = [[0, 0, 0, 0, 0, 0], [2, 1, 0, 0, 0, 0], [3, 0, 0, 0, 1, 0], [1, 1, 1, 0, 0, 0], [0, 0, 0, 0, 0, 0], [4, 0, 0, 0, 0, 1], [2, 0, 0, 0, 0, 0], [1, 0, 0, 0, 0, 0]];
    for (let i = 0; i < 7; i++) {
      const year = 2016 + i + 5; // 2021 … 2027: the 2021 format throughout
      writeFileSync(join(dir, `${AGENCY}-${year}.html`), reportPage(AGENCY, year, carries[i], carries[i + 1], 12 + 2 * i));
    }
    // Other publishers whose figures do not chain with the agency's (nor with each other's): never paired.
    writeFileSync(join(dir, 'gov-2022.html'), reportPage('临溪县人民政府', 2022, [5, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0], 40));
    writeFileSync(join(dir, 'office-2023.html'), reportPage('临溪县人民政府办公室', 2023, [3, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0], 7));
    writeFileSync(join(dir, 'other-2022.html'), reportPage('临溪县教育局', 2022, [1, 1, 0, 0, 0, 0], [2, 0, 0, 0, 0, 0], 3));
    writeFileSync(join(dir, 'other-2023.html'), reportPage(`${AGENCY}办公室`, 2023, [3, 3, 0, 0, 0, 0], [2, 0, 0, 0, 0, 0], 99));

    const r = audit('--format', 'json', dir);
    expect(r.status).toBe(0);
    const reports = (JSON.parse(r.stdout) as unknown[]).map((x) => ReportSchema.parse(x));
    expect(reports).toHaveLength(11);
    expect(reports.filter((x) => x.agency === AGENCY).map((x) => x.year).sort()).toEqual([2021, 2022, 2023, 2024, 2025, 2026, 2027]);
    // Each page is consistent in itself, and nothing across them.
    expect(reports.flatMap((x) => x.findings.filter((f) => f.severity === 'error'))).toEqual([]);
    expect(reports.flatMap((x) => x.findings.filter((f) => f.rule.startsWith('series.') && f.rule !== 'series.text_reuse'))).toEqual([]);
    // Same template every year: the text is reused from 2022 on, and only within the agency's own chain.
    const reused = reports.filter((x) => x.findings.some((f) => f.rule === 'series.text_reuse'));
    expect(reused.map((x) => [x.agency, x.year]).sort()).toEqual([2022, 2023, 2024, 2025, 2026, 2027].map((y) => [AGENCY, y]));
  });

  it('四 = 0 in year Y−1 and 二 = 2 in year Y: series.carry_over on year Y, in every output', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-series-'));
    writeFileSync(join(dir, 'a-2022.html'), reportPage(AGENCY, 2022, [0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0], 10));
    writeFileSync(join(dir, 'b-2023.html'), reportPage(AGENCY, 2023, [2, 0, 0, 0, 0, 0], [3, 1, 0, 0, 0, 0], 12));

    const json = audit('--format', 'json', dir);
    expect(json.status).toBe(0);
    const [y1, y] = (JSON.parse(json.stdout) as unknown[]).map((x) => ReportSchema.parse(x));
    expect(y1.year).toBe(2022);
    expect(y1.findings.filter(notProse)).toEqual([]);
    expect(y.findings.filter((f) => notProse(f) && f.rule !== 'series.carry_over')).toEqual([]);
    const series = y.findings.filter((f) => f.rule === 'series.carry_over');
    expect(series.flatMap((f) => f.cells)).toEqual([
      { row: 'carried_over', col: 'total' },
      { row: 'carried_over', col: 'natural_person' },
    ]);
    expect(series[0].message).toBe('二、上年结转（总计）2 ≠ 2022年报告 四、结转下年度继续办理（总计）0');
    expect(series[0].other).toMatchObject({ agency: AGENCY, year: 2022, source: { file: 'a-2022.html' } });

    const text = audit(dir);
    expect(text.stdout).toContain('2 处数据不一致');
    expect(text.stdout).toContain('二、上年结转（自然人）2 ≠ 2022年报告 四、结转下年度继续办理（自然人）0');

    const out = mkdtempSync(join(tmpdir(), 'nianbao-series-out-'));
    expect(audit('--out', out, dir).status).toBe(0);
    const prefix = basename(dir);
    expect(readdirSync(out)).toEqual(expect.arrayContaining([`${prefix}-wide.csv`, `${prefix}-reports.json`]));
    const findings = Papa.parse<Record<string, string>>(readFileSync(join(out, `${AGENCY}-2023-政府信息公开年报-问题清单.csv`), 'utf8').replace(/^\ufeff/, ''), { header: true, skipEmptyLines: true }).data;
    expect(findings.filter((f) => !/^(?:prose\.|form\.|series\.text_reuse)/.test(f.rule)).map((f) => [f.rule, f.cells, f.printed, f.computed])).toEqual([
      ['series.carry_over', 'carried_over.total', '2', '0'],
      ['series.carry_over', 'carried_over.natural_person', '2', '0'],
    ]);
    const all = JSON.parse(readFileSync(join(out, `${prefix}-reports.json`), 'utf8')) as unknown[];
    expect(all.map((x) => ReportSchema.parse(x).findings.filter(notProse).length)).toEqual([0, 2]);

    // The wide CSV: one line per report, numbers as numbers.
    const wide = Papa.parse<Record<string, unknown>>(readFileSync(join(out, `${prefix}-wide.csv`), 'utf8').replace(/^\ufeff/, ''), { header: true, dynamicTyping: true, skipEmptyLines: true });
    expect(wide.errors).toEqual([]);
    expect(wide.meta.fields!.slice(0, 4)).toEqual(['agency', 'year', 'title', 'source_url']);
    expect(wide.data.map((row) => [row.agency, row.year, row['table3.carried_over.natural_person'], row['table3.carried_forward.total'], row['table2.normative_documents.in_force']])).toEqual([
      [AGENCY, 2022, 0, 0, 10],
      [AGENCY, 2023, 2, 4, 12],
    ]);
    expect(wide.data[1].source_url).toBe('b-2023.html');
    expect(wide.data[1]['table3.new_received.total']).toBe(69);

    // --format wide prints the same CSV.
    expect(audit('--format', 'wide', dir).stdout).toBe(readFileSync(join(out, `${prefix}-wide.csv`), 'utf8'));
  });
});
