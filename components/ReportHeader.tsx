import type { Report } from '@/lib/schema.ts';
import { verdictOf } from '@/lib/checks/verdict.ts';
import { VERDICT_CLASS } from './Banner.tsx';
import { FORMAT_LABEL } from './labels.ts';

// Which report this is: enough for a journalist to cite it (title, agency, year, format).

export function ReportHeader({ report }: { report: Report }) {
  const v = verdictOf(report.findings, report.coverage);
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
      <p class={`nb-verdict ${VERDICT_CLASS[v.kind]}`} data-testid="verdict">
        {v.kind === 'clean' ? `✓ ${v.headline}` : v.headline}
      </p>
      {v.kind !== 'clean' && (
        <p class="nb-covered" data-testid="covered">
          {v.covered}
        </p>
      )}
    </header>
  );
}
