import { describe, expect, it } from 'vitest';
import { auditHtml, cellValue, errors, fixture, page } from '../support/audit-html.ts';

const OUTCOMES = '<td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td>';
function table4(values: (number | string)[], splitHeader = false): string {
  const head1 = '<tr><td colspan="5">行政复议</td><td colspan="10">行政诉讼</td></tr>';
  const head2 = `<tr><td rowspan="2">结果维持</td><td rowspan="2">结果纠正</td><td rowspan="2">其他结果</td><td rowspan="2">尚未审结</td><td rowspan="2">总计</td><td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td></tr><tr>${OUTCOMES}${OUTCOMES}</tr>`;
  const data = `<tr>${values.map((v) => `<td>${v}</td>`).join('')}</tr>`;
  return splitHeader
    ? `<table border="1">${head1}${head2}</table><table border="1">${data}</table>`
    : `<table border="1">${head1}${head2}${data}</table>`;
}

describe('Table 4', () => {
  const ok = [1, 1, 0, 1, 3, 2, 0, 0, 0, 2, 0, 0, 0, 1, 1];
  it('reads 15 values under group_outcome keys and finds nothing wrong', () => {
    const { report } = auditHtml(page(table4(ok)))!;
    expect(cellValue(report, 'table4', 'count', 'review_total')).toBe(3);
    expect(cellValue(report, 'table4', 'count', 'suit_direct_upheld')).toBe(2);
    expect(cellValue(report, 'table4', 'count', 'suit_after_review_pending')).toBe(1);
    expect(errors(report)).toEqual([]);
  });
  it('checks each group total', () => {
    const broken = [...ok];
    broken[14] = 2;
    const { report } = auditHtml(page(table4(broken)))!;
    expect(errors(report).map((f) => [f.id, f.message])).toEqual([
      ['table4:group_total:suit_after_review', '行政诉讼（复议后起诉）：总计 2 ≠ 结果维持 0 + 结果纠正 0 + 其他结果 0 + 尚未审结 1 = 1'],
    ]);
  });
  it('reads the data row when the header sits in another <table>', () => {
    const { report } = auditHtml(page(table4(ok, true)))!;
    expect(report.tables.table4!.cells).toHaveLength(15);
    expect(cellValue(report, 'table4', 'count', 'review_total')).toBe(3);
  });
});

describe('legacy 统计表 checks', () => {
  it('flags a parent that is not the sum of its listed children', () => {
    const html = fixture('seed-001-xiachuan-2017-legacy.html').replace(/(1\.当面申请数[\s\S]*?)>0件</, '$1>3件<');
    const { report } = auditHtml(html)!;
    expect(cellValue(report, 'legacy', 'requests_in_person', 'value')).toBe(3);
    const found = errors(report);
    expect(found.map((f) => f.id)).toEqual(['legacy:sum:requests_received:value']);
    expect(found[0].message).toContain('收到申请数');
    expect(found[0]).toMatchObject({ actual: 0, expected: 3 });
  });
  it('a 单位 cell written 万, a source newline, 元 still gives the unit 万元 (a browser shows "万 元")', () => {
    const html = fixture('seed-001-xiachuan-2017-legacy.html').replace(/(政府信息公开专项经费[\s\S]*?)>万元</, '$1><span>万</span>\n<span>元</span><');
    const { report } = auditHtml(html)!;
    expect(report.tables.legacy!.cells.find((c) => c.row === 'budget')).toMatchObject({ status: 'blank', unit: '万元' });
  });
  it('warns (never errors) when a part exceeds its whole', () => {
    const html = fixture('seed-001-xiachuan-2017-legacy.html').replace(/(2\.政府网站公开政府信息数[\s\S]*?)>78条</, '$1>90条<');
    const { report } = auditHtml(html)!;
    expect(errors(report)).toEqual([]);
    expect(report.findings.find((f) => f.rule === 'legacy.at_most')).toMatchObject({ severity: 'warning', actual: 90 });
  });
});

describe('Table 4 under a header we can only partly read', () => {
  it('places a full row of 15 values in the official column order', () => {
    const html = page(`<table border="1"><tr><td colspan="5">行政复议</td><td colspan="10">行政诉讼</td></tr>
      <tr><td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td><td colspan="10">（诉讼情况）</td></tr>
      <tr>${[1, 0, 0, 0, 1, 2, 0, 0, 0, 2, 0, 0, 0, 1, 1].map((v) => `<td>${v}</td>`).join('')}</tr></table>`);
    const { report } = auditHtml(html)!;
    expect(report.tables.table4!.cells).toHaveLength(15);
    expect(report.tables.table4!.cells.every((c) => c.source?.kind === 'table')).toBe(true);
    expect(cellValue(report, 'table4', 'count', 'suit_direct_total')).toBe(2);
    expect(cellValue(report, 'table4', 'count', 'suit_after_review_pending')).toBe(1);
    expect(errors(report)).toEqual([]);
  });
});
