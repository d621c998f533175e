import type { Finding } from '@/lib/schema.ts';
import { placeLabel, ruleLabel, severityLabel } from './labels.ts';
import { findingText } from './finding-text.ts';

// The explanation shown next to a marked cell on hover or keyboard focus. Positioned `fixed` from the
// cell's viewport rectangle; text is rendered by Preact as text nodes, never as HTML.

export interface TipState {
  findings: Finding[];
  rect: { top: number; bottom: number; left: number; right: number };
  /** Said first, e.g. that failed checks cross at this cell. */
  note?: string;
}

const GAP = 8;
const MAX_WIDTH = 360;
const MIN_SIDE = 240;

/**
 * Beside the cell (right of it) when there is room, so the tip doesn't hide the numbers the message
 * talks about (they sit in the cell's row and column); otherwise below it, or above near the bottom.
 */
export function tipPosition(rect: TipState['rect'], viewportW: number, viewportH: number): Record<string, string> {
  const right = viewportW - rect.right - GAP - 4;
  if (right >= MIN_SIDE) {
    const top = Math.max(4, Math.min(rect.top, viewportH - 160));
    return { left: `${rect.right + GAP}px`, top: `${top}px`, maxWidth: `${Math.min(MAX_WIDTH, right)}px` };
  }
  const left = `${Math.max(4, Math.min(rect.left, viewportW - MAX_WIDTH - 4))}px`;
  if (rect.bottom + GAP + 140 < viewportH) return { left, top: `${rect.bottom + GAP}px` };
  return { left, bottom: `${viewportH - rect.top + GAP}px` };
}

export function CellTooltip({ tip }: { tip: TipState | null }) {
  if (!tip || tip.findings.length === 0) return null;
  const style = tipPosition(tip.rect, globalThis.innerWidth || 1024, globalThis.innerHeight || 768);
  return (
    <div class="nb-tip" role="tooltip" style={style}>
      {tip.note && <p class="nb-tip-line nb-tip-kind">{tip.note}</p>}
      {tip.findings.map((f) => (
        <p key={f.id} class={`nb-tip-line nb-${f.severity}`}>
          <span class="nb-tip-kind">{`${severityLabel(f.severity)} · ${placeLabel(f.table)} · ${ruleLabel(f.rule)}`}</span>
          <span class="nb-tip-text">{findingText(f)}</span>
        </p>
      ))}
    </div>
  );
}
