import type { Finding } from '@/lib/schema.ts';
import { TABLE_LABEL, REPORT_LABEL } from './labels.ts';

// One list of findings for both the on-page banner and the popup. Each item is a button (keyboard and
// screen-reader friendly) that asks the caller to show the finding's cells.

interface Props {
  findings: Finding[];
  onSelect?: (finding: Finding) => void;
}

export function FindingList({ findings, onSelect }: Props) {
  return (
    <ol class="nb-findings">
      {findings.map((f) => (
        <li key={f.id} class={`nb-finding nb-${f.severity}`} data-finding-id={f.id}>
          <button type="button" class="nb-finding-button" onClick={() => onSelect?.(f)}>
            <span class="nb-table">{f.table ? TABLE_LABEL[f.table] : REPORT_LABEL}</span>
            <span class="nb-message">{f.message}</span>
            {f.text && <q class="nb-quote">{f.text.quote}</q>}
          </button>
        </li>
      ))}
    </ol>
  );
}
