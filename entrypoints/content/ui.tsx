import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { AuditResult } from '@/lib/audit.ts';
import type { Finding } from '@/lib/schema.ts';
import { Banner } from '@/components/Banner.tsx';
import { CellTooltip, type TipState } from '@/components/CellTooltip.tsx';
import { firstReportTable } from './anchor.ts';
import type { Marks } from './mark-cells.ts';
import { revealElement } from './reveal.ts';
import { timed } from './timing.ts';
import { watchTooltips } from './tooltip.ts';

// The two shadow-root UIs (page CSS can't reach in, ours can't leak out): the summary banner above the
// report's first table, and one tooltip layer at the end of <body> that follows the marked cells.

export function revealFinding(finding: Finding, marks: Marks): boolean {
  const el = marks.elements.get(finding.id)?.[0];
  if (el) revealElement(el);
  return !!el;
}

export async function mountBanner(ctx: ContentScriptContext, result: AuditResult, marks: Marks): Promise<void> {
  const table = firstReportTable(result);
  const ui = await createShadowRootUi<HTMLElement>(ctx, {
    name: 'nianbao-banner',
    position: 'inline',
    anchor: table ?? document.body,
    append: table ? 'before' : 'first',
    onMount: (container) =>
      timed('ui-banner', () => {
        render(
          <Banner
            findings={result.report.findings}
            onSelect={(f) => revealFinding(f, marks)}
            onDismiss={() => ui.remove()}
          />,
          container,
        );
        return container;
      }),
    onRemove: (container) => container && render(null, container),
  });
  ui.mount();
}

export async function mountTooltips(ctx: ContentScriptContext, marks: Marks): Promise<void> {
  const ui = await createShadowRootUi<HTMLElement>(ctx, {
    name: 'nianbao-tip',
    position: 'inline',
    anchor: document.body,
    append: 'last',
    onMount: (container) => {
      const show = (tip: TipState | null) => render(<CellTooltip tip={tip} />, container);
      watchTooltips(document, marks, show, ctx.signal);
      return container;
    },
    onRemove: (container) => container && render(null, container),
  });
  ui.mount();
}
