// Relations that cannot be checked are named, never skipped in silence; what can still be checked (a lower
// bound) is checked. Reports are built by hand so each case is exactly the shape under test.
import { describe, expect, it } from 'vitest';
import type { Cell, Report, Table } from '@/lib/schema.ts';
import { checkReport, runChecks } from '@/lib/checks/index.ts';
import { TABLE3_COLUMNS } from '@/lib/tables/dictionary.ts';
import { fakeReport } from '../support/fake-report.ts';
import { verdictOf } from '@/lib/checks/verdict.ts';
import { auditHtml, fixture, page } from '../support/audit-html.ts';

const COLS = TABLE3_COLUMNS.map((c) => c.key); // natural_person, commercial, research, social_welfare, legal_service, other_org, total

/** A table from rows of values in column order; `undefined` leaves the cell out, '' is blank, text is unreadable. */
function table(rows: Record<string, (number | string | undefined)[]>, cols: string[] = COLS): Table {
  const cells: Cell[] = [];
  for (const [row, values] of Object.entries(rows))
    values.forEach((v, i) => {
      if (v === undefined) return;
      const col = cols[i];
      if (typeof v === 'number') cells.push({ row, col, value: v, raw: String(v), status: 'ok' });
      else cells.push({ row, col, value: null, raw: v, status: v === '' ? 'blank' : 'unreadable' });
    });
  return { rowLabels: {}, colLabels: {}, cells };
}

function report(tables: Report['tables'], format: Report['format'] = '2021'): Report {
  return { ...fakeReport(), format, tables };
}

/** Table 4 that reconciles, so a Table 3 case is about Table 3 alone. */
const T4 = ['review', 'suit_direct', 'suit_after_review'].flatMap((g) => ['upheld', 'corrected', 'other', 'pending', 'total'].map((o) => `${g}_${o}`));
const table4ok = table({ count: [1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0] }, T4);

// A balanced Table 3 (2019 shape: one 其他处理 row).
const full: Record<string, number[]> = {
  new_received: [5, 2, 0, 0, 1, 0, 8],
  carried_over: [1, 0, 0, 0, 0, 0, 1],
  granted: [3, 1, 0, 0, 0, 0, 4],
  unable_not_held: [2, 1, 0, 0, 1, 0, 4],
  results_total: [5, 2, 0, 0, 1, 0, 8],
  carried_forward: [1, 0, 0, 0, 0, 0, 1],
};
const without = (key: string) => Object.fromEntries(Object.entries(full).filter(([k]) => k !== key));
const dropColumn = (rows: Record<string, (number | string | undefined)[]>, i: number) =>
  Object.fromEntries(Object.entries(rows).map(([k, v]) => [k, v.map((x, j) => (j === i ? undefined : x))]));

const warningsOf = (r: Report, rule: string) => runChecks(r).filter((f) => f.rule === rule && f.severity === 'warning');
const errorsOf = (r: Report) => runChecks(r).filter((f) => f.severity === 'error');

describe('Table 3 with a row missing', () => {
  it('no 二、上年结转: the balance is named as not checkable, per rule, and nothing is green', () => {
    const r = report({ table3: table(without('carried_over')), table4: table4ok });
    const [w] = warningsOf(r, 'table3.balance');
    expect(w?.message).toMatch(/^无法核对：缺少 二、上年结转/);
    expect(w.severity).toBe('warning');
    const { coverage } = checkReport(r);
    expect(coverage.notCheckable.map((n) => n.id).sort()).toEqual(
      ['natural_person', 'commercial', 'research', 'social_welfare', 'legal_service', 'other_org', 'total'].map((c) => `table3:balance:${c}`).sort(),
    );
    expect(coverage.notCheckable.every((n) => n.findingId === w.id && n.reason.includes('二、上年结转'))).toBe(true);
  });

  it('no 二 still checks the lower bound: 一 larger than (七) + 四 is an error that says only a bound was checked', () => {
    const rows: Record<string, number[]> = { ...without('carried_over'), new_received: [9, 2, 0, 0, 1, 0, 12] };
    rows.results_total = [5, 2, 0, 0, 1, 0, 8];
    const errors = errorsOf(report({ table3: table(rows), table4: table4ok }));
    const balance = errors.filter((f) => f.rule === 'table3.balance');
    expect(balance.map((f) => f.id).sort()).toEqual(['table3:balance:natural_person', 'table3:balance:total']);
    expect(balance[0].message).toContain('缺少 二、上年结转');
    expect(balance[0].message).toContain('只核对了下限');
    expect(balance[0].caveats).toEqual(['lower_bound']);
  });

  it('no （七）总计: the results total and the balance are named as not checkable', () => {
    const r = report({ table3: table(without('results_total')), table4: table4ok });
    expect(warningsOf(r, 'table3.results_total')[0]?.message).toMatch(/^无法核对：缺少 （七）总计/);
    expect(warningsOf(r, 'table3.balance')[0]?.message).toMatch(/^无法核对：缺少 （七）总计/);
    expect(errorsOf(r)).toEqual([]);
    expect(checkReport(r).coverage.notCheckable).toHaveLength(14);
  });
});

describe('Table 3 with a column missing (no 其他)', () => {
  const noOther = (rows: Record<string, (number | string | undefined)[]>) => table(dropColumn(rows, 5));

  it('a row total of 99 against parts summing to 12 is not an error, but the row total is named as only bounded', () => {
    const rows = { ...full, granted: [10, 1, 1, 0, 0, 0, 99] };
    const r = report({ table3: noOther(rows), table4: table4ok });
    expect(errorsOf(r).filter((f) => f.rule === 'table3.row_total')).toEqual([]);
    const [w] = warningsOf(r, 'table3.row_total');
    expect(w.message).toMatch(/^无法核对：缺少 其他列/);
    expect(w.message).toContain('已核对下限');
    expect(w.message).toContain('（一）予以公开');
  });

  it('a row total smaller than the parts present is an error, and says 其他 is missing and only a lower bound was checked', () => {
    const rows = { ...full, granted: [10, 1, 1, 0, 0, 0, 5] };
    const [e] = errorsOf(report({ table3: noOther(rows), table4: table4ok })).filter((f) => f.rule === 'table3.row_total');
    expect(e.id).toBe('table3:row_total:granted');
    expect(e.message).toContain('缺少 其他');
    expect(e.message).toContain('只核对了下限');
    expect(e).toMatchObject({ expected: 12, actual: 5, caveats: ['lower_bound'] });
  });

  it('the 其他 column’s own relations are named', () => {
    const r = report({ table3: noOther(full), table4: table4ok });
    const ids = checkReport(r).coverage.notCheckable.map((n) => n.id);
    expect(ids).toContain('table3:results_total:other_org');
    expect(ids).toContain('table3:balance:other_org');
    expect(ids.filter((id) => id.startsWith('table3:row_total:'))).toHaveLength(6);
  });

  it('none of the five 法人或其他组织 columns read: named as such', () => {
    const rows = Object.fromEntries(Object.entries(full).map(([k, v]) => [k, v.map((x, j) => (j >= 1 && j <= 5 ? undefined : x))]));
    const r = report({ table3: table(rows), table4: table4ok });
    expect(warningsOf(r, 'table3.row_total')[0].message).toContain('缺少 法人或其他组织的任何一列');
    expect(warningsOf(r, 'table3.results_total')[0].message).toContain('缺少 法人或其他组织的任何一列');
  });
});

describe('Table 4 and the legacy sums', () => {
  it('Table 4 without its 行政复议 group: a named warning, the other groups checked', () => {
    const t4 = table({ count: [undefined, undefined, undefined, undefined, undefined, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0] }, T4);
    const r = report({ table3: table(full), table4: t4 });
    const [w] = warningsOf(r, 'table4.group_total');
    expect(w.message).toContain('缺少 行政复议一组');
    const { coverage } = checkReport(r);
    expect(coverage.notCheckable.map((n) => n.id)).toEqual(['table4:group_total:review']);
    expect(coverage.relationsChecked).toBeGreaterThanOrEqual(2);
  });

  it('Table 4 without a 总计 cell: named; without a part: lower bound', () => {
    const noTotal = table({ count: [1, 0, 0, 0, undefined, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0] }, T4);
    expect(warningsOf(report({ table3: table(full), table4: noTotal }), 'table4.group_total')[0].message).toContain('缺少 行政复议·总计');
    const noPart = table({ count: [3, 1, undefined, 0, 2, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0] }, T4);
    const [e] = errorsOf(report({ table3: table(full), table4: noPart }));
    expect(e).toMatchObject({ id: 'table4:group_total:review', expected: 4, actual: 2, caveats: ['lower_bound'] });
    expect(e.message).toContain('只核对了下限');
  });

  it('legacy: children read without their parent are named; a parent printed without children is how old forms are', () => {
    const legacy = table({ review_upheld: [1], review_corrected: [0], review_other: [0], suits_total: [2] }, ['value']);
    const r = report({ legacy }, 'legacy');
    const w = warningsOf(r, 'legacy.sum');
    expect(w).toHaveLength(1);
    expect(w[0].message).toContain('缺少 四、行政复议数量');
  });
});

describe('a page whose Table 3 has no 其他 column', () => {
  it('is read and checked as far as it can be, end to end', () => {
    // The canonical header (label block 3 wide) with four 法人或其他组织 columns: no 其他.
    const head = `<tr><td colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="6">申请人情况</td></tr>
<tr><td rowspan="2">自然人</td><td colspan="4">法人或其他组织</td><td rowspan="2">总计</td></tr>
<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td></tr>`;
    const row = (label: string, v: number[]) => `<tr>${label}${v.map((n) => `<td>${n}</td>`).join('')}</tr>`;
    const html = page(`<table border="1">${head}
${row('<td colspan="3">一、本年新收政府信息公开申请数量</td>', [5, 2, 0, 0, 1, 8])}
${row('<td colspan="3">二、上年结转政府信息公开申请数量</td>', [1, 0, 0, 0, 0, 1])}
${row('<td rowspan="2">三、本年度办理结果</td><td colspan="2">（一）予以公开</td>', [10, 1, 1, 0, 0, 99])}
${row('<td colspan="2">（七）总计</td>', [5, 2, 0, 0, 1, 8])}
${row('<td colspan="3">四、结转下年度继续办理</td>', [1, 0, 0, 0, 0, 1])}</table>`);
    const { report: r } = auditHtml(html)!;
    expect(r.tables.table3!.cells.some((c) => c.col === 'other_org')).toBe(false);
    const rowTotal = r.findings.find((f) => f.rule === 'table3.row_total' && f.severity === 'warning');
    expect(rowTotal?.message).toMatch(/^无法核对：缺少 其他列/);
    expect(r.coverage.notCheckable.some((n) => n.id === 'table3:row_total:granted')).toBe(true);
  });
});

describe('the verdict on the fixtures', () => {
  it('a clean 2021 report is green and says what it covered: 25 row totals + 7 results totals + 7 balances + 3 Table 4 groups', () => {
    const { report: r } = auditHtml(fixture('clean-2021.html'))!;
    expect(r.coverage.notCheckable).toEqual([]);
    expect(r.coverage.relationsChecked).toBe(25 + 7 + 7 + 3);
    expect(verdictOf(r.findings, r.coverage).headline).toBe(`本报告表格数据全部核对一致 · 已核对 42 项关系，读取 ${r.coverage.numbersRead} 个数字`);
  });

  it('seed 000: the broken balance leads; the per-column relations it does not print are notes, not gaps', () => {
    const { report: r } = auditHtml(fixture('seed-000-xinanjiang-2019.html'))!;
    const v = verdictOf(r.findings, r.coverage);
    expect(v.headline).toBe('本报告有 1 处数据不一致');
    expect(v.gaps).toEqual([]);
    expect(v.notes.map((f) => f.id)).toEqual(expect.arrayContaining(['table3:results_total:not_printed:row:ignored_confirmation+row:ignored_mass_repeat+row:ignored_petition+row:ignored_publication+row:ignored_repeat+row:other+row:results_total+row:unable_unclear']));
  });
});
