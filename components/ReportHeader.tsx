import type { Report } from '@/lib/schema.ts';
import { FORMAT_LABEL } from './labels.ts';

// Which report this is: enough for a journalist to cite it (title, agency, year, format).

export function ReportHeader({ report }: { report: Report }) {
  const errors = report.findings.filter((f) => f.severity === 'error').length;
  return (
    <header class="nb-report">
      <h1 class="nb-report-title">{report.source.title || '（无标题）'}</h1>
      <dl class="nb-meta">
        <dt>机关</dt>
        <dd data-testid="agency">{report.agency ?? '未识别'}</dd>
        <dt>年度</dt>
        <dd data-testid="year">{report.year ?? '未识别'}</dd>
        <dt>格式</dt>
        <dd data-testid="format">{FORMAT_LABEL[report.format]}</dd>
      </dl>
      <p class={`nb-verdict ${errors ? 'nb-bad' : 'nb-ok'}`} data-testid="verdict">
        {errors ? `本报告有 ${errors} 处数据不一致` : '✓ 本报告表格数据全部核对一致'}
      </p>
    </header>
  );
}
