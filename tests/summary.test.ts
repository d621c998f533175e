import { describe, expect, it } from 'vitest';
import { summary } from '../scripts/summary.ts';
import { auditHtml, fixture } from './support/audit-html.ts';

// The CLI's text summary says the same verdict as the banner and the popup: never a green tick while something
// could not be checked.
describe('CLI text summary', () => {
  it('a clean report: the tick with what was covered', () => {
    const report = auditHtml(fixture('clean-2021.html'), 'node')!.report;
    const text = summary(report, 'clean-2021.html');
    expect(text).toContain(`✓ 本报告表格数据全部核对一致 · 已核对 ${report.coverage.relationsChecked} 项关系`);
  });

  it('a report with a column it could not place: no tick, the gap named', () => {
    const report = auditHtml(fixture('table3-remark-column-2021.html'), 'node')!.report;
    const text = summary(report, 'table3-remark-column-2021.html');
    expect(text).not.toContain('✓');
    expect(text).toMatch(/未发现不一致，但有 \d+ 项未能核对/);
  });

  it('a report with a mismatch: the cross and the arithmetic', () => {
    const report = auditHtml(fixture('seed-000-xinanjiang-2019.html'), 'node')!.report;
    const text = summary(report, 'seed-000.html');
    expect(text).toContain('✗ 本报告有 1 处数据不一致');
    expect(text).toContain('1 + 二、上年结转 6 = 7 ≠ （七）总计 0');
  });
});
