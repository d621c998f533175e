// A total printed as 无, / or 不适用 is not a blank cell: the finding quotes what the page prints, so a
// reader looking for an empty cell is not sent looking for one that is not there.
import { describe, expect, it } from 'vitest';
import { auditHtml } from '../support/audit-html.ts';

function page(total: string): string {
  return `<!doctype html><html><head><title>某县2021年政府信息公开工作年度报告</title></head><body>
    <table><tr><td colspan="3" rowspan="3">x</td><td colspan="7">申请人情况</td></tr>
    <tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>
    <tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>
    <tr><td colspan="3">一、本年新收政府信息公开申请数量</td><td>3</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>${total}</td></tr></table></body></html>`;
}

function rowTotalMessage(total: string): string | undefined {
  return auditHtml(page(total))!.report.findings.find((f) => f.id === 'table3:row_total:new_received')?.message;
}

describe('a 总计 the report did not fill in', () => {
  it.each(['无', '/', '不适用'])('printed as %s is quoted as such, not called blank', (printed) => {
    const message = rowTotalMessage(printed);
    expect(message).toContain(`总计为“${printed}”（未填报）`);
    expect(message).toContain('分项之和为 4');
    expect(message).not.toContain('空白');
  });

  it('left empty is still called blank', () => {
    expect(rowTotalMessage('')).toContain('总计空白（未填报），分项之和为 4');
  });
});
