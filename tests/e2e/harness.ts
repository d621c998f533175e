import type { Page } from 'playwright-core';
import { GOV, pageHtml } from '../../scripts/browser-with-extension.ts';

export * from '../../scripts/browser-with-extension.ts';

/** Content-script cost entries, read from the page's own (main-world) performance timeline. */
export async function nianbaoTiming(page: Page) {
  return page.evaluate(() => ({
    costs: performance
      .getEntriesByType('measure')
      .filter((e) => e.name.startsWith('nianbao:cost:'))
      .map((e) => ({ name: e.name, ms: e.duration })),
    done: (performance.getEntriesByName('nianbao:done')[0] as PerformanceMark | undefined)?.detail ?? null,
  }));
}

/**
 * What the audit core itself says about a served page (a fixture, or an e2e-only page in tests/e2e/pages),
 * run in Node on linkedom (independent of the browser).
 */
export async function expectedAudit(name: string) {
  const { auditDocument } = await import('../../lib/audit.ts');
  const { nodeDocument } = await import('../support/audit-html.ts');
  const html = pageHtml(name);
  if (html === undefined) throw new Error(`No page named ${name}`);
  const doc = nodeDocument(html);
  const result = auditDocument(doc, { url: `${GOV}/${name}` });
  if (!result) return null;
  // A cell's identity that survives re-parsing: its tag and its index among same-tag elements.
  const keyOf = (el: Element) => `${el.tagName.toLowerCase()}:${Array.prototype.indexOf.call(doc.getElementsByTagName(el.tagName), el)}`;
  // Which cells carry which mark: the pure plan (lib/mark-plan.ts, unit-tested on its own) placed on this DOM.
  const { planMarks, cellKey } = await import('../../lib/mark-plan.ts');
  const plan = planMarks(result.report);
  const keysOf = (pick: (p: (typeof plan.findings)[number]) => { table: string | null; refs: { row: string; col: string }[] }) =>
    [
      ...new Set(
        plan.findings
          .map(pick)
          .flatMap(({ table, refs }) => (table ? refs.map((ref) => result.elementFor(table as 'table3', ref)) : []))
          .filter((el): el is Element => !!el)
          .map(keyOf),
      ),
    ].sort();
  const withRole = (role: string) => (p: (typeof plan.findings)[number]) => ({
    table: p.finding.table,
    refs: p.cells.filter((c) => c.role === role).map((c) => c.ref),
  });
  return {
    report: result.report,
    /** Cells marked strongly (data-nianbao-finding): printed totals of failed sums. */
    errorKeys: keysOf(withRole('total')),
    /** Cells marked lightly (data-nianbao-involved): non-zero parts. */
    involvedKeys: keysOf(withRole('part')),
    warningKeys: keysOf(withRole('warning')),
    culpritKeys: keysOf((p) => ({
      table: p.finding.table,
      refs: p.cells.map((c) => c.ref).filter((ref) => !!p.finding.table && plan.culprits.has(cellKey(p.finding.table, ref))),
    })),
    /** The one tab stop of each marked finding. */
    mainKeys: keysOf((p) => ({ table: p.finding.table, refs: p.cells.length && p.main ? [p.main] : [] })),
  };
}

/** The same identity for the elements carrying `attr` in the live page. */
export function markedKeys(page: Page, attr: string): Promise<string[]> {
  return page.evaluate((a) => {
    const key = (el: Element) =>
      `${el.tagName.toLowerCase()}:${Array.prototype.indexOf.call(document.getElementsByTagName(el.tagName), el)}`;
    return [...document.querySelectorAll(`[${a}]`)].map(key).sort();
  }, attr);
}

/** Anything of ours in the page's DOM: hosts, stylesheet, attributes. */
export function injectedByUs(page: Page) {
  return page.evaluate(() => ({
    hosts: document.querySelectorAll('nianbao-banner, nianbao-tip, nianbao-pill').length,
    style: !!document.getElementById('nianbao-check-marks'),
    attrs: [...document.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => a.name.startsWith('data-nianbao'))).length,
  }));
}
