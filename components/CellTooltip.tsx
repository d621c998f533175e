import type { Finding } from '@/lib/schema.ts';
import { ruleLabel, SEVERITY_LABEL, TABLE_LABEL } from './labels.ts';

// The explanation shown next to a marked cell on hover or keyboard focus. Positioned `fixed` from the
// cell's viewport rectangle; text is rendered by Preact as text nodes, never as HTML.

export interface TipState {
  findings: Finding[];
  rect: { top: number; bottom: number; left: number };
}

const GAP = 6;
const MAX_WIDTH = 360;

export function CellTooltip({ tip }: { tip: TipState | null }) {
  if (!tip || tip.findings.length === 0) return null;
  const viewportW = globalThis.innerWidth || 1024;
  const viewportH = globalThis.innerHeight || 768;
  const left = Math.max(4, Math.min(tip.rect.left, viewportW - MAX_WIDTH - 4));
  // Below the cell when there is room, otherwise above it.
  const below = tip.rect.bottom + GAP + 120 < viewportH;
  const style = below
    ? { left: `${left}px`, top: `${tip.rect.bottom + GAP}px` }
    : { left: `${left}px`, bottom: `${viewportH - tip.rect.top + GAP}px` };
  return (
    <div class="nb-tip" role="tooltip" style={style}>
      {tip.findings.map((f) => (
        <p key={f.id} class={`nb-tip-line nb-${f.severity}`}>
          <span class="nb-tip-kind">
            {`${SEVERITY_LABEL[f.severity]} · ${TABLE_LABEL[f.table]} · ${ruleLabel(f.rule)}`}
          </span>
          <span class="nb-tip-text">{f.message}</span>
        </p>
      ))}
    </div>
  );
}
