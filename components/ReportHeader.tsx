import type { Report } from '@/lib/schema.ts';
import { verdictOf } from '@/lib/checks/verdict.ts';
import { VERDICT_CLASS } from './Banner.tsx';
import { formatLabel } from './labels.ts';
import { verdictText } from './finding-text.ts';
import { t } from './i18n.ts';

// Which report this is: enough for a journalist to cite it (title, agency, year, format).

export function ReportHeader({ report }: { report: Report }) {
  const v = verdictOf(report.findings, report.coverage);
  const said = verdictText(v, report.coverage);
  return (
    <header class="nb-report">
      <h1 class="nb-report-title">{report.source.title || t('untitled')}</h1>
      <dl class="nb-meta">
        <dt>{t('agency')}</dt>
        <dd data-testid="agency">{report.agency ?? t('notRecognised')}</dd>
        <dt>{t('year')}</dt>
        <dd data-testid="year">{report.year ?? t('notRecognised')}</dd>
        <dt>{t('format')}</dt>
        <dd data-testid="format">{formatLabel(report.format)}</dd>
      </dl>
      <p class={`nb-verdict ${VERDICT_CLASS[v.kind]}`} data-testid="verdict">
        {v.kind === 'clean' ? `✓ ${said.headline}` : said.headline}
      </p>
      {v.kind !== 'clean' && (
        <p class="nb-covered" data-testid="covered">
          {said.covered}
        </p>
      )}
    </header>
  );
}
