import { describe, expect, it } from 'vitest';
import { auditHtml, page, table3Header, table3Row } from '../support/audit-html.ts';

describe('layout: values that cannot be matched one-to-one to the header', () => {
  it('a row of 8 numbers under a 7-column header is kept raw and said, and none of its numbers is read', () => {
    const html = page(`<table>${table3Header()}${table3Row('一、本年新收政府信息公开申请数量', [1, 0, 0, 0, 0, 0, 1])}${table3Row('二、上年结转政府信息公开申请数量', [1, 2, 3, 4, 5, 6, 7, 8].map((n) => `<td colspan="1">${n}</td>`))}</table>`);
    const report = auditHtml(html)!.report;
    const layout = report.findings.filter((f) => f.rule === 'layout');
    expect(layout).toHaveLength(1);
    expect(layout[0]).toMatchObject({ severity: 'warning', table: 'table3' });
    expect(layout[0].message).toContain('1 | 2 | 3 | 4 | 5 | 6 | 7 | 8');
    expect(report.tables.table3!.cells.some((c) => c.row === 'carried_over')).toBe(false);
  });
});
