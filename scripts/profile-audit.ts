/**
 * node scripts/profile-audit.ts [page.html] [runs]
 * Where the warm in-page audit spends its time: lib/audit.ts bundled unminified into a plain page in headless
 * Chromium, warmed up, then sampled by the V8 CPU profiler over many audits. Prints self time per function
 * (top 40, each at its line in .prof/nb-audit.js, the bundle) and writes the raw profile to .prof/audit.cpuprofile
 * (open it in Chromium's DevTools).
 * PROFILE_FIRST=1: first runs instead, as the bench's content-script runs are (25 fresh loads of the page, one audit
 * each, their samples pooled; the renderer keeps its compiled code); PROFILE_RENDERED=1: hidden as rendered (checkVisibility), as the content
 * script reads. The bench (scripts/bench.ts) measures; this tells why.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { decodePage } from './read-page.ts';
import { coreBundle } from './core-bundle.ts';

/** What the V8 CPU profiler returns, as far as it is read here. */
type Profile = { nodes: { id: number; children?: number[]; callFrame: { functionName: string; url: string; lineNumber: number } }[]; samples?: number[]; timeDeltas?: number[] };

const ROOT = path.resolve(import.meta.dirname, '..');
const file = path.resolve(process.argv[2] ?? path.join(ROOT, 'tests/fixtures/second-copy-2021.html'));
const RUNS = Number(process.argv[3] ?? 2000);
const FIRST = process.env.PROFILE_FIRST === '1';
const RENDERED = process.env.PROFILE_RENDERED === '1';
// Unminified, so the profile names our functions.
const code = await coreBundle({ minify: false });
// The bundle the profile's line numbers point into.
fs.writeFileSync(path.join(ROOT, '.prof/nb-audit.js'), code);

const html = decodePage(fs.readFileSync(file));
const server = http.createServer((req, res) => {
  if (req.url === '/nb-audit.js') return res.writeHead(200, { 'content-type': 'text/javascript' }).end(`${code}\n//# sourceURL=nb-audit.js`);
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const port = (server.address() as { port: number }).port;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true });
try {
  const page = await browser.newPage();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  /** Load the page afresh with the bundle (by URL, so the renderer keeps its compiled code, as for the content script). */
  const load = async () => {
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.addScriptTag({ url: '/nb-audit.js' });
  };
  /** `n` audits in the loaded page, profiled: ms per audit and the profile. */
  const profiled = async (n: number) => {
    await cdp.send('Profiler.start');
    const ms = await page.evaluate(([n, rendered]) => {
      const nb = (globalThis as any).NB;
      const options = rendered ? { isHidden: nb.hiddenAsRendered } : {};
      const t0 = performance.now();
      for (let i = 0; i < n; i++) nb.auditDocument(document, {}, options);
      return (performance.now() - t0) / n;
    }, [n, RENDERED] as const);
    const { profile } = await cdp.send('Profiler.stop');
    return { ms, profile };
  };
  // First runs: 3 loads to compile, then FIRST_LOADS fresh loads of one audit each, their samples pooled.
  // Warm: one load, 200 audits to warm up, then RUNS audits.
  const FIRST_LOADS = 25;
  const profiles: Profile[] = [];
  let ms = 0;
  if (FIRST) {
    for (let i = 0; i < 3; i++) await load();
    for (let i = 0; i < FIRST_LOADS; i++) {
      await load();
      const r = await profiled(1);
      ms += r.ms / FIRST_LOADS;
      profiles.push(r.profile);
    }
  } else {
    await load();
    await page.evaluate((n) => { for (let i = 0; i < n; i++) (globalThis as any).NB.auditDocument(document); }, 200);
    const r = await profiled(RUNS);
    ms = r.ms;
    profiles.push(r.profile);
  }
  // .prof/ was made by coreBundle (its entry file sits there).
  fs.writeFileSync(path.join(ROOT, '.prof/audit.cpuprofile'), JSON.stringify(profiles[profiles.length - 1]));
  const self = new Map<string, number>();
  let total = 0;
  for (const profile of profiles) {
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    // Only the samples inside an audit: a profile of first runs also holds the page load around it.
    const parentOf = new Map<number, number>();
    for (const n of profile.nodes) for (const c of n.children ?? []) parentOf.set(c, n.id);
    const inAudit = (id: number): boolean => {
      for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) if (byId.get(at)!.callFrame.functionName === 'auditDocument') return true;
      return false;
    };
    const dt = new Map<number, number>();
    profile.samples!.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas![i] ?? 0)));
    for (const [id, t] of dt) {
      if (!inAudit(id)) continue;
      const f = byId.get(id)!.callFrame;
      const name = `${f.functionName || '(anon)'}${f.url ? `:${f.lineNumber + 1}` : ` ${f.url}`}`;
      self.set(name, (self.get(name) ?? 0) + t);
      total += t;
    }
  }
  console.log(`${path.relative(ROOT, file)}: ${ms.toFixed(3)} ms per audit (${FIRST ? `first, ${FIRST_LOADS} fresh loads pooled` : `warm, ${RUNS} runs`}); sampled ${(total / 1000).toFixed(1)} ms`);
  for (const [name, t] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`${((100 * t) / total).toFixed(1).padStart(5)}%  ${name}`);
} finally {
  await browser.close();
  server.close();
}
