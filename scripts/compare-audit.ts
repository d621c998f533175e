/**
 * node scripts/compare-audit.ts <checkoutA> <checkoutB> [page.html] [--first] [--rendered]
 *
 * Two checkouts' in-page audit (lib/audit.ts, each bundled as scripts/bench.ts bundles it) on the same page in
 * headless Chromium, measured in turns so that the machine's load falls on both alike, beside a bare walk of the
 * cells. Warm (default): one tab, warmed up, then A, B and the walk in turns, 400 rounds. `--first`: each variant in
 * its own tab, navigated afresh 25 times (as the bench's content-script runs are: the renderer keeps its compiled
 * code, so this is a first run with cold type feedback), against a first-run walk. `--rendered`: hidden as rendered
 * (checkVisibility), as the content script reads; otherwise from the markup. Medians; B/A < 1 means B is faster.
 * For a change's effect before it lands: `git worktree add ../before main`, then compare `../before` with `.`.
 * JSFLAGS=… passes V8 flags to Chromium (for diagnosis only).
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { decodePage } from './read-page.ts';
import { coreBundle } from './core-bundle.ts';

const args = process.argv.slice(2);
const flags = new Set(args.filter((a) => a.startsWith('--')));
const [rootA, rootB, pageArg] = args.filter((a) => !a.startsWith('--'));
if (!rootA || !rootB) throw new Error('usage: node scripts/compare-audit.ts <checkoutA> <checkoutB> [page.html] [--first] [--rendered]');
const ROOT = path.resolve(import.meta.dirname, '..');
const file = path.resolve(pageArg ?? path.join(ROOT, 'tests/fixtures/second-copy-2021.html'));
const FIRST = flags.has('--first');
const RENDERED = flags.has('--rendered');

const code: Record<string, string> = { A: await coreBundle({ root: rootA, name: 'NBA' }), B: await coreBundle({ root: rootB, name: 'NBB' }) };
const html = decodePage(fs.readFileSync(file));
// Cross-origin isolated (localhost is a secure context): performance.now() at 5 µs, not 100 µs.
const isolated = { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp', 'cross-origin-resource-policy': 'same-origin' };
const server = http.createServer((req, res) => {
  const variant = /^\/(A|B)\.js$/.exec(req.url ?? '')?.[1];
  if (variant) return res.writeHead(200, { ...isolated, 'content-type': 'text/javascript' }).end(code[variant]);
  res.writeHead(200, { ...isolated, 'content-type': 'text/html; charset=utf-8' }).end(html);
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${(server.address() as { port: number }).port}/page.html`;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true, args: process.env.JSFLAGS ? [`--js-flags=${process.env.JSFLAGS}`] : [] });

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** One audit by variant `k` (loaded as global NB<k>) in `page`, in ms. */
const auditOnce = (page: Page, k: string) =>
  page.evaluate(
    ([name, rendered]) => {
      const nb = (globalThis as unknown as Record<string, { auditDocument: Function; hiddenAsRendered: unknown }>)[name];
      const t0 = performance.now();
      nb.auditDocument(document, {}, rendered ? { isHidden: nb.hiddenAsRendered } : {});
      return performance.now() - t0;
    },
    [`NB${k}`, RENDERED] as const,
  );
const walkOnce = (page: Page) =>
  page.evaluate(() => {
    const t0 = performance.now();
    let n = 0;
    for (const c of document.querySelectorAll('td, th')) n += (c.textContent ?? '').length;
    return performance.now() - t0 + n * 0;
  });

async function firstRuns(): Promise<Record<string, number[]>> {
  const out: Record<string, number[]> = { A: [], B: [], walk: [] };
  const tabs: Record<string, Page> = { A: await browser.newPage(), B: await browser.newPage(), walk: await browser.newPage() };
  for (let i = 0; i < 28; i++) {
    for (const k of ['A', 'B', 'walk']) {
      await tabs[k].goto(base);
      if (k !== 'walk') await tabs[k].addScriptTag({ url: `/${k}.js` });
      const ms = k === 'walk' ? await walkOnce(tabs[k]) : await auditOnce(tabs[k], k);
      if (i >= 3) out[k].push(ms); // the first loads also compile the code
    }
  }
  return out;
}

async function warmRuns(): Promise<Record<string, number[]>> {
  const page = await browser.newPage();
  await page.goto(base);
  // Both variants in one page, under their own globals.
  for (const k of ['A', 'B']) await page.addScriptTag({ content: code[k] });
  return page.evaluate((rendered) => {
    const g = globalThis as unknown as Record<string, { auditDocument: Function; hiddenAsRendered: unknown }>;
    const audit = (nb: (typeof g)[string]) => () => nb.auditDocument(document, {}, rendered ? { isHidden: nb.hiddenAsRendered } : {});
    const fns: Record<string, () => unknown> = {
      A: audit(g.NBA),
      B: audit(g.NBB),
      walk: () => {
        let n = 0;
        for (const c of document.querySelectorAll('td, th')) n += (c.textContent ?? '').length;
        return n;
      },
    };
    const out: Record<string, number[]> = { A: [], B: [], walk: [] };
    for (let i = 0; i < 30; i++) for (const k in fns) fns[k]();
    for (let i = 0; i < 400; i++) {
      for (const k in fns) {
        const t0 = performance.now();
        fns[k]();
        out[k].push(performance.now() - t0);
      }
    }
    return out;
  }, RENDERED);
}

try {
  const runs = FIRST ? await firstRuns() : await warmRuns();
  const [a, b, w] = [median(runs.A), median(runs.B), median(runs.walk)];
  const what = `${path.relative(ROOT, file)}, ${FIRST ? 'first run' : 'warm'}, hidden ${RENDERED ? 'as rendered' : 'by markup'}`;
  console.log(`${what}\n  A ${a.toFixed(3)} ms (${(a / w).toFixed(1)}× walk)  B ${b.toFixed(3)} ms (${(b / w).toFixed(1)}× walk)  walk ${w.toFixed(3)} ms  B/A ${(b / a).toFixed(2)}`);
} finally {
  await browser.close();
  server.close();
}
