import type { Finding } from '@/lib/schema.ts';
import { placeLabel } from './labels.ts';
import { findingText } from './finding-text.ts';
import { OtherLink, ReviewControls, type OnReview } from './ReviewControls.tsx';

// One list of findings for both the on-page banner and the popup. Each item is a button (keyboard and
// screen-reader friendly) that asks the caller to show the finding's cells.

interface Props {
  findings: Finding[];
  onSelect?: (finding: Finding) => void;
  /** When given, each finding can be marked 已核实 / 已忽略 (kept in the library). */
  onReview?: OnReview;
}

export function FindingList({ findings, onSelect, onReview }: Props) {
  return (
    <ol class="nb-findings">
      {findings.map((f) => (
        <li key={f.id} class={`nb-finding nb-${f.severity}${f.review ? ` nb-${f.review.status}` : ''}`} data-finding-id={f.id}>
          <button type="button" class="nb-finding-button" onClick={() => onSelect?.(f)}>
            <span class="nb-table">{placeLabel(f.table)}</span>
            <span class="nb-message">{findingText(f)}</span>
            {f.text && <q class="nb-quote">{f.text.quote}</q>}
          </button>
          {f.other && <OtherLink other={f.other} />}
          {onReview && <ReviewControls finding={f} onReview={onReview} />}
        </li>
      ))}
    </ol>
  );
}
