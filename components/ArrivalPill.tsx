import type { Finding } from '@/lib/schema.ts';
import { severityCount } from '@/lib/checks/finding.ts';
import { t } from './i18n.ts';

// Seen on arrival: a small pill pinned to the top-right corner of the viewport while the banner is out
// of sight. It says the count and jumps to the banner; its own × closes it. Stateless, like the banner.
// (No form around it, so the buttons need no type.)

interface Props {
  findings: Finding[];
  onJump: () => void;
  onDismiss: () => void;
}

export function pillText(findings: Finding[]): string {
  const errors = severityCount(findings).error;
  return errors ? t('pillErrors', errors) : t('pillClean');
}

export function ArrivalPill({ findings, onJump, onDismiss }: Props) {
  const text = pillText(findings);
  return (
    <div class={`nb-pill ${severityCount(findings).error ? 'nb-bad' : 'nb-ok'}`}>
      <button class="nb-pill-jump" onClick={onJump}>
        {text}
      </button>
      <button class="nb-pill-close" aria-label={t('close')} onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
