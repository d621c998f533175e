import type { Finding, OtherReport, Review } from '@/lib/schema.ts';
import { t } from './i18n.ts';

// The reader's mark on one finding (已核实 / 已忽略, with an optional note), and the link to the other
// report a series finding names. Stateless: the note is read from its input when a button is pressed.

export type ReviewStatus = Review['status'];
export type OnReview = (finding: Finding, status: ReviewStatus | null, note?: string) => void;

export function reviewLabel(status: ReviewStatus): string {
  return status === 'confirmed' ? t('reviewConfirmed') : t('reviewDismissed');
}

export function otherName(other: Pick<OtherReport, 'agency' | 'year'>): string {
  return t('otherReport', other.agency ?? t('unknownAgency'), other.year ?? t('unknownYear'));
}

export function OtherLink({ other }: { other: OtherReport }) {
  const name = otherName(other);
  return other.source.url ? (
    <a class="nb-other" href={other.source.url} target="_blank" rel="noopener noreferrer" data-testid="nianbao-other">
      {name}
    </a>
  ) : (
    <span class="nb-other">{name}</span>
  );
}

function noteBeside(button: EventTarget | null): string | undefined {
  const input = (button as HTMLElement | null)?.parentElement?.querySelector('input');
  return input?.value.trim() || undefined;
}

export function ReviewControls({ finding, onReview }: { finding: Finding; onReview: OnReview }) {
  const review = finding.review;
  if (review) {
    return (
      <span class="nb-review" data-review={review.status}>
        <span class="nb-review-status">
          {review.note ? t('reviewWithNote', reviewLabel(review.status), review.note) : reviewLabel(review.status)}
        </span>
        <button type="button" class="nb-review-button" data-review-action="clear" onClick={() => onReview(finding, null)}>
          {t('reviewUndo')}
        </button>
      </span>
    );
  }
  // Folded to one short word until opened, so the lists stay as compact as without the library.
  return (
    <details class="nb-review">
      <summary class="nb-review-open">{t('reviewMark')}</summary>
      <input class="nb-review-note" type="text" placeholder={t('reviewNotePlaceholder')} aria-label={t('reviewNoteLabel')} />
      {(['confirmed', 'dismissed'] as const).map((status) => (
        <button
          key={status}
          type="button"
          class="nb-review-button"
          data-review-action={status}
          onClick={(e) => onReview(finding, status, noteBeside(e.currentTarget))}
        >
          {reviewLabel(status)}
        </button>
      ))}
    </details>
  );
}
