import { REPORT_TABLES } from '../lib/tables/index.ts';
import type { Report } from '../lib/schema.ts';
import { verdictOf } from '../lib/checks/verdict.ts';

/** The verdict's mark: a tick only for the clean verdict (the same one the banner and the popup show). */
const MARK = { clean: '✓', errors: '✗', gaps: '!', unchecked: '!' } as const;

/** The CLI's readable summary of one report. */
export function summary(report: Report, file: string): string {
  const lines = [`== ${file}`, `   ${report.source.title}`, `   机关：${report.agency ?? '未识别'}  年度：${report.year ?? '未识别'}  格式：${report.format}`];
  for (const { key, title } of REPORT_TABLES) {
    const t = report.tables[key];
    if (!t) continue;
    const ok = t.cells.filter((c) => c.status === 'ok').length;
    lines.push(`   ${title}：读取 ${t.cells.length} 个单元格（${ok} 个数字）`);
  }
  const v = verdictOf(report.findings, report.coverage);
  lines.push(`   ${MARK[v.kind]} ${v.headline}${v.kind === 'clean' ? '' : `（${v.covered}）`}`);
  const list = (title: string, findings: Report['findings']) => {
    if (!findings.length) return;
    lines.push(`   ${title}（${findings.length}）：`);
    for (const f of findings) lines.push(`     - ${f.message}`, ...(f.text ? [`       「${f.text.quote}」`] : []));
  };
  list('数据不一致', v.errors);
  list('未能核对', v.gaps);
  list('正文与表格不符', v.prose);
  list('形式', v.form);
  list('提示', v.notes);
  return `${lines.join('\n')}\n\n`;
}
