import { counted } from '@/lib/library/entry.ts';
import type { Coverage, Finding } from '@/lib/schema.ts';
import { verdictOf } from '@/lib/checks/verdict.ts';
import { FindingList } from './FindingList.tsx';
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

const HELP_LABEL = '说明';
const HELP_TITLE = '每项核对的含义、数字怎样读取、隐私';

export const VERDICT_CLASS = { errors: 'nb-bad', gaps: 'nb-gap', unchecked: 'nb-gap', clean: 'nb-ok' } as const;

export function Banner({ findings, coverage, onSelect, onDismiss, onReview, later = [], onHelp }: Props) {
  const live = counted(findings);
  const dismissed = findings.filter((f) => !live.includes(f));
  const v = verdictOf(live, coverage);
  return (
    <section class={`nb-banner ${VERDICT_CLASS[v.kind]}`} role="region" aria-label="年报核对结果" tabIndex={-1}>
      <header class="nb-head">
        <strong class="nb-title" data-testid="nianbao-headline">
          {v.headline}
        </strong>
        <span class="nb-brand">年报核对</span>
        {onHelp && (
          <button type="button" class="nb-help" title={HELP_TITLE} data-testid="nianbao-help" onClick={onHelp}>
            {HELP_LABEL}
          </button>
        )}
        <button type="button" class="nb-close" aria-label="关闭核对结果" title="关闭" onClick={onDismiss}>
          ×
        </button>
      </header>
      {v.kind !== 'clean' && (
        <p class="nb-covered" data-testid="nianbao-covered">
          {v.covered}
        </p>
      )}
      {v.errors.length > 0 && <FindingList findings={v.errors} onSelect={onSelect} onReview={onReview} />}
      {v.gaps.length > 0 && (
        <div class="nb-gaps" data-testid="nianbao-gaps">
          <p class="nb-gaps-title">未能核对（{v.gaps.length}）</p>
          <FindingList findings={v.gaps} onSelect={onSelect} onReview={onReview} />
        </div>
      )}
      {v.prose.length > 0 && (
        <div class="nb-prose" data-testid="nianbao-prose">
          <p class="nb-gaps-title">正文与表格不符（{v.prose.length}）</p>
          <FindingList findings={v.prose} onSelect={onSelect} />
        </div>
      )}
      {v.form.length > 0 && (
        <div class="nb-form" data-testid="nianbao-form">
          <p class="nb-gaps-title">形式（{v.form.length}）</p>
          <FindingList findings={v.form} onSelect={onSelect} />
        </div>
      )}
      {v.notes.length > 0 && (
        <details class="nb-warnings">
          <summary class="nb-toggle">{v.notes.length} 条提示（不计入不一致，但值得留意）</summary>
          <FindingList findings={v.notes} onSelect={onSelect} onReview={onReview} />
        </details>
      )}
      {later.length > 0 && (
        <div class="nb-later" data-testid="nianbao-later">
          <p class="nb-gaps-title">后一年度报告的对照（{later.length}）</p>
          <FindingList findings={later} onSelect={onSelect} />
        </div>
      )}
      {dismissed.length > 0 && (
        <details class="nb-dismissed" data-testid="nianbao-dismissed">
          <summary class="nb-toggle">已忽略 {dismissed.length} 条（不计入）</summary>
          <FindingList findings={dismissed} onSelect={onSelect} onReview={onReview} />
        </details>
      )}
    </section>
  );
}
