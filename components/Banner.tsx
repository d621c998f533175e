import { counted } from '@/lib/library/entry.ts';
import type { Coverage, Finding } from '@/lib/schema.ts';
import { verdictOf } from '@/lib/checks/verdict.ts';
import { FindingList } from './FindingList.tsx';
import { verdictText } from './finding-text.ts';
import { t } from './i18n.ts';
import type { OnReview } from './ReviewControls.tsx';

// The on-page summary, rendered in a shadow root just above the report's first table. Stateless on
// purpose (notes fold with a native <details>): no hooks runtime in the content script's bundle.
// The verdict and which findings block it: lib/checks/verdict.ts.

interface Props {
  findings: Finding[];
  coverage: Coverage;
  onSelect: (finding: Finding) => void;
  onDismiss: () => void;
  /** Marks findings 已核实 / 已忽略 (the library keeps them); dismissed ones are greyed and not counted. */
  onReview?: OnReview;
  /** Later reports' findings about this one (series, from the library), shown as notes. */
  later?: Finding[];
  /** Opens the help page (through the background: a page cannot open an extension page itself). */
  onHelp?: () => void;
}

export const VERDICT_CLASS = { errors: 'nb-bad', gaps: 'nb-gap', unchecked: 'nb-gap', clean: 'nb-ok' } as const;

export function Banner({ findings, coverage, onSelect, onDismiss, onReview, later = [], onHelp }: Props) {
  const live = counted(findings);
  const dismissed = findings.filter((f) => !live.includes(f));
  const v = verdictOf(live, coverage);
  const said = verdictText(v, coverage);
  return (
    <section class={`nb-banner ${VERDICT_CLASS[v.kind]}`} role="region" aria-label={t('bannerRegion')} tabIndex={-1}>
      <header class="nb-head">
        <strong class="nb-title" data-testid="nianbao-headline">
          {said.headline}
        </strong>
        <span class="nb-brand">{t('appName')}</span>
        {onHelp && (
          <button type="button" class="nb-help" title={t('bannerHelpTitle')} data-testid="nianbao-help" onClick={onHelp}>
            {t('bannerHelp')}
          </button>
        )}
        <button type="button" class="nb-close" aria-label={t('bannerClose')} title={t('close')} onClick={onDismiss}>
          ×
        </button>
      </header>
      {v.kind !== 'clean' && (
        <p class="nb-covered" data-testid="nianbao-covered">
          {said.covered}
        </p>
      )}
      {v.errors.length > 0 && <FindingList findings={v.errors} onSelect={onSelect} onReview={onReview} />}
      {v.gaps.length > 0 && (
        <div class="nb-gaps" data-testid="nianbao-gaps">
          <p class="nb-gaps-title">{t('groupGaps', v.gaps.length)}</p>
          <FindingList findings={v.gaps} onSelect={onSelect} onReview={onReview} />
        </div>
      )}
      {v.prose.length > 0 && (
        <div class="nb-prose" data-testid="nianbao-prose">
          <p class="nb-gaps-title">{t('groupProse', v.prose.length)}</p>
          <FindingList findings={v.prose} onSelect={onSelect} />
        </div>
      )}
      {v.form.length > 0 && (
        <div class="nb-form" data-testid="nianbao-form">
          <p class="nb-gaps-title">{t('groupForm', v.form.length)}</p>
          <FindingList findings={v.form} onSelect={onSelect} />
        </div>
      )}
      {v.notes.length > 0 && (
        <details class="nb-warnings">
          <summary class="nb-toggle">{t('bannerNotes', v.notes.length)}</summary>
          <FindingList findings={v.notes} onSelect={onSelect} onReview={onReview} />
        </details>
      )}
      {later.length > 0 && (
        <div class="nb-later" data-testid="nianbao-later">
          <p class="nb-gaps-title">{t('groupLater', later.length)}</p>
          <FindingList findings={later} onSelect={onSelect} />
        </div>
      )}
      {dismissed.length > 0 && (
        <details class="nb-dismissed" data-testid="nianbao-dismissed">
          <summary class="nb-toggle">{t('bannerDismissed', dismissed.length)}</summary>
          <FindingList findings={dismissed} onSelect={onSelect} onReview={onReview} />
        </details>
      )}
    </section>
  );
}
