import { REPORT_TABLES } from '../lib/tables/index.ts';
import type { Report } from '../lib/schema.ts';

/** The CLI's readable summary of one report. */
export function summary(report: Report, file: string): string {
  const lines = [`== ${file}`, `   ${report.source.title}`, `   机关：${report.agency ?? '未识别'}  年度：${report.year ?? '未识别'}  格式：${report.format}`];
  for (const { key, title } of REPORT_TABLES) {
    const t = report.tables[key];
    if (!t) continue;
    const ok = t.cells.filter((c) => c.status === 'ok').length;
    lines.push(`   ${title}：读取 ${t.cells.length} 个单元格（${ok} 个数字）`);
  }
  const errors = report.findings.filter((f) => f.severity === 'error');
  const warnings = report.findings.filter((f) => f.severity === 'warning');
  lines.push(errors.length ? `   ✗ ${errors.length} 处数据不一致：` : '   ✓ 各表合计全部核对一致');
  for (const f of errors) lines.push(`     - ${f.message}`);
  if (warnings.length) lines.push(`   ! ${warnings.length} 条提示：`);
  for (const f of warnings) lines.push(`     - ${f.message}`, ...(f.text ? [`       「${f.text.quote}」`] : []));
  return `${lines.join('\n')}\n\n`;
}
