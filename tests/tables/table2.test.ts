import { describe, expect, it } from 'vitest';
import { auditHtml, cellValue, page } from '../support/audit-html.ts';

const TABLE2_2021 = (headerLabel: string) => `<table border="1">
<tr><td colspan="4">第二十条第（一）项</td></tr>
<tr><td>${headerLabel}</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>
<tr><td>规章</td><td>0</td><td>0</td><td>3</td></tr>
<tr><td>行政规范性文件</td><td>5</td><td>1</td><td>12</td></tr>
<tr><td colspan="4">第二十条第（五）项</td></tr>
<tr><td>${headerLabel}</td><td colspan="3">本年处理决定数量</td></tr>
<tr><td>行政许可</td><td colspan="3">1,203</td></tr>
<tr><td colspan="4">第二十条第（八）项</td></tr>
<tr><td>${headerLabel}</td><td colspan="3">本年收费金额（单位：万元）</td></tr>
<tr><td>行政事业性收费</td><td colspan="3">12.5</td></tr>
</table>`;

describe('Table 2 (2021 format)', () => {
  it('reads each block under its own header, with separators and decimals', () => {
    const { report } = auditHtml(page(TABLE2_2021('信息内容')))!;
    expect(cellValue(report, 'table2', 'normative_documents', 'issued')).toBe(5);
    expect(cellValue(report, 'table2', 'normative_documents', 'in_force')).toBe(12);
    expect(cellValue(report, 'table2', 'licensing', 'decisions')).toBe(1203);
    expect(cellValue(report, 'table2', 'fees', 'fee_amount')).toBe(12.5);
    expect(report.format).toBe('2021');
    expect(report.findings.filter((f) => f.rule === 'plausibility')).toEqual([]);
  });

  it('finds the block headers when a site left the 信息内容 cell empty', () => {
    const { report } = auditHtml(page(TABLE2_2021('')))!;
    expect(cellValue(report, 'table2', 'regulations', 'in_force')).toBe(3);
    expect(cellValue(report, 'table2', 'licensing', 'decisions')).toBe(1203);
  });

  it('warns (never errors) when more rules were issued than are in force', () => {
    const { report } = auditHtml(page(TABLE2_2021('信息内容').replace('<td>5</td><td>1</td><td>12</td>', '<td>15</td><td>1</td><td>12</td>')))!;
    const f = report.findings.find((x) => x.rule === 'table2.expectation')!;
    expect(f).toMatchObject({ severity: 'warning', actual: 15 });
  });
});
