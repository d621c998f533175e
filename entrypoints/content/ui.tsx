import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { AuditResult } from '@/lib/audit.ts';
import type { Finding } from '@/lib/schema.ts';
import { Banner } from '@/components/Banner.tsx';
import { CellTooltip, type TipState } from '@/components/CellTooltip.tsx';
import { firstReportTable } from './anchor.ts';
import type { Marks } from './mark-cells.ts';
import { revealElement } from './reveal.ts';
import { createShadowHost } from './shadow-host.ts';
import { timed } from './timing.ts';
import { watchTooltips } from './tooltip.ts';

// The two shadow-root UIs: the summary banner just before the report's first table, and one tooltip
// layer at the end of <body> that follows the marked cells. Both go away with the content script.

export function revealFinding(finding: Finding, marks: Marks): boolean {
  const el = marks.elements.get(finding.id)?.[0];
  if (el) revealElement(el);
  return !!el;
}

export function mountBanner(ctx: ContentScriptContext, result: AuditResult, marks: Marks): void {
  timed('ui-banner', () => {
    const table = firstReportTable(result);
    const ui = createShadowHost('nianbao-banner', (host) => (table ? table.before(host) : document.body.prepend(host)));
    const remove = () => {
      render(null, ui.container);
      ui.remove();
    };
    render(
      <Banner findings={result.report.findings} coverage={result.report.coverage} onSelect={(f) => revealFinding(f, marks)} onDismiss={remove} />,
      ui.container,
    );
    ctx.onInvalidated(remove);
  });
}

export function mountTooltips(ctx: ContentScriptContext, marks: Marks): void {
  timed('ui-tooltip', () => {
    const ui = createShadowHost('nianbao-tip', (host) => document.body.append(host));
    watchTooltips(document, marks, (tip: TipState | null) => render(<CellTooltip tip={tip} />, ui.container), ctx.signal);
    ctx.onInvalidated(() => {
      render(null, ui.container);
      ui.remove();
    });
  });
}
