import type { Finding } from '@/lib/schema.ts';
import { FindingList } from './FindingList.tsx';

// The on-page summary, rendered in a shadow root just above the report's first table. Stateless on
// purpose (warnings fold with a native <details>): no hooks runtime in the content script's bundle.

interface Props {
  findings: Finding[];
  onSelect: (finding: Finding) => void;
  onDismiss: () => void;
}

export function Banner({ findings, onSelect, onDismiss }: Props) {
  const errors = findings.filter((f) => f.severity === 'error');
  const warnings = findings.filter((f) => f.severity === 'warning');
  const ok = errors.length === 0;
  return (
    <section class={`nb-banner ${ok ? 'nb-ok' : 'nb-bad'}`} role="region" aria-label="年报核对结果" tabIndex={-1}>
      <header class="nb-head">
        <strong class="nb-title" data-testid="nianbao-headline">
          {ok ? '本报告表格数据全部核对一致' : `本报告有 ${errors.length} 处数据不一致`}
        </strong>
        <span class="nb-brand">年报核对</span>
        <button type="button" class="nb-close" aria-label="关闭核对结果" title="关闭" onClick={onDismiss}>
          ×
        </button>
      </header>
      {errors.length > 0 && <FindingList findings={errors} onSelect={onSelect} />}
      {warnings.length > 0 && (
        <details class="nb-warnings">
          <summary class="nb-toggle">{warnings.length} 条提示（不计入不一致，但值得留意）</summary>
          <FindingList findings={warnings} onSelect={onSelect} />
        </details>
      )}
    </section>
  );
}
