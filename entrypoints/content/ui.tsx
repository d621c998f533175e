import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { AuditResult } from '@/lib/audit.ts';
import type { Finding } from '@/lib/schema.ts';
import { ArrivalPill } from '@/components/ArrivalPill.tsx';
import { Banner } from '@/components/Banner.tsx';
import type { OnReview } from '@/components/ReviewControls.tsx';
import { CellTooltip, type TipState } from '@/components/CellTooltip.tsx';
import type { OpenHelpMsg } from '@/entrypoints/shared/messages.ts';
import { firstReportTable } from './anchor.ts';
import { logError } from './log.ts';
import type { Marks } from './mark-cells.ts';
import { revealElement } from './reveal.ts';
import { revealProse } from './prose-highlight.ts';
import { createShadowHost } from './shadow-host.ts';
import { timed } from './timing.ts';
import { watchTooltips } from './tooltip.ts';

// The shadow-root UIs: the summary banner just before the report's first table, a pill pinned to the
// viewport until the banner is seen, and one tooltip layer at the end of <body> that follows the marked
// cells. All go away with the content script.

export function revealFinding(finding: Finding, marks: Marks): boolean {
  // A prose finding is about its quoted sentence first (its cells are marked too).
  if (finding.text && revealProse(finding.id)) return true;
  const el = marks.main.get(finding.id);
  if (el) revealElement(el);
  return !!el;
}

export interface MountedBanner {
  host: HTMLElement;
  /** The one listener called when the reader closes the banner. */
  onDismiss(listener: () => void): void;
  /** Show the findings anew (the library added series findings, notes or review marks). */
  update?(findings: Finding[], later: Finding[]): void;
}

export function mountBanner(ctx: ContentScriptContext, result: AuditResult, marks: Marks, onReview?: OnReview): MountedBanner {
  return timed('ui-banner', () => {
    const table = firstReportTable(result);
    const ui = createShadowHost('nianbao-banner', (host) => (table ? table.before(host) : document.body.prepend(host)));
    let dismissed = () => {};
    const remove = () => {
      render(null, ui.container);
      ui.remove();
    };
    const dismiss = () => {
      remove();
      dismissed();
    };
    let gone = false;
    const show = (findings: Finding[], later: Finding[]) =>
      !gone &&
      render(
        <Banner
          findings={findings}
          coverage={result.report.coverage}
          onSelect={(f) => revealFinding(f, marks)}
          onDismiss={() => ((gone = true), dismiss())}
          onReview={onReview}
          later={later}
          onHelp={() => void browser.runtime.sendMessage({ type: 'nianbao/open-help' } satisfies OpenHelpMsg).catch((err: unknown) => logError('help', err))}
        />,
        ui.container,
      );
    show(result.report.findings, []);
    ctx.onInvalidated(remove);
    return { host: ui.host, onDismiss: (listener) => (dismissed = listener), update: show };
  });
}

/**
 * The pill at the top of the viewport, for as long as the banner has not been seen: shown only if the
 * banner is out of view on arrival, gone once it comes into view, is dismissed, or the pill is closed.
 */
export function mountPill(ctx: ContentScriptContext, findings: Finding[], banner: MountedBanner): void {
  let ui: ReturnType<typeof createShadowHost> | undefined;
  let over = false;
  // The pill's Preact tree holds no hooks or effects: removing its host is all the unmounting it needs.
  const end = () => {
    over = true;
    observer.disconnect();
    ui?.remove();
  };
  // Focus scrolls the banner into view, and keyboard users land on it.
  const jump = () => {
    banner.host.shadowRoot?.querySelector<HTMLElement>('.nb-banner')?.focus();
    end();
  };
  const observer = new IntersectionObserver((entries) => {
    if (over) return;
    if (entries.some((e) => e.isIntersecting)) return end();
    if (ui) return;
    ui = createShadowHost('nianbao-pill', (host) => document.documentElement.append(host));
    render(<ArrivalPill findings={findings} onJump={jump} onDismiss={end} />, ui.container);
  });
  observer.observe(banner.host);
  banner.onDismiss(end);
  ctx.onInvalidated(end);
}

export function mountTooltips(ctx: ContentScriptContext, marks: Marks): void {
  timed('ui-tooltip', () => {
    const ui = createShadowHost('nianbao-tip', (host) => document.body.append(host));
    watchTooltips(document, marks, (tip: TipState | null) => render(<CellTooltip tip={tip} />, ui.container), ctx.signal, ui.host);
    ctx.onInvalidated(() => {
      render(null, ui.container);
      ui.remove();
    });
  });
}
