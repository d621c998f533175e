/**
 * node scripts/profile-audit.ts [page.html] [runs]
 * Where the warm in-page audit spends its time: lib/audit.ts bundled unminified into a plain page in headless
 * Chromium, warmed up, then sampled by the V8 CPU profiler over many audits. Prints self time per function
 * (top 40, each at its line in .prof/nb-audit.js, the bundle) and writes the raw profile to .prof/audit.cpuprofile
 * (open it in Chromium's DevTools).
 * PROFILE_FIRST=1: one cold audit instead; PROFILE_RENDERED=1: hidden as rendered (checkVisibility), as the content
 * script reads. The bench (scripts/bench.ts) measures; this tells why.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { decodePage } from './read-page.ts';
import { coreBundle } from './core-bundle.ts';

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
const server = http.createServer((_, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html));
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const port = (server.address() as { port: number }).port;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true });
try {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${port}/`);
  // A source URL, so the profile names each anonymous function by its line in the bundle.
  await page.addScriptTag({ content: `${code}\n//# sourceURL=nb-audit.js` });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  if (!FIRST) await page.evaluate((n) => { for (let i = 0; i < n; i++) (globalThis as any).NB.auditDocument(document); }, 200);
  await cdp.send('Profiler.start');
  const ms = await page.evaluate(([n, rendered]) => {
    const nb = (globalThis as any).NB;
    const options = rendered ? { isHidden: nb.hiddenAsRendered } : {};
    const t0 = performance.now();
    for (let i = 0; i < n; i++) nb.auditDocument(document, {}, options);
    return (performance.now() - t0) / n;
  }, [FIRST ? 1 : RUNS, RENDERED] as const);
  const { profile } = await cdp.send('Profiler.stop');
  fs.mkdirSync(path.join(ROOT, '.prof'), { recursive: true });
  fs.writeFileSync(path.join(ROOT, '.prof/audit.cpuprofile'), JSON.stringify(profile));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  const dt = new Map<number, number>();
  profile.samples!.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas![i] ?? 0)));
  let total = 0;
  for (const [id, t] of dt) {
    const n = byId.get(id)!;
    const f = n.callFrame;
    const name = `${f.functionName || '(anon)'}${f.url ? `:${f.lineNumber + 1}` : ` ${f.url}`}`;
    self.set(name, (self.get(name) ?? 0) + t);
    total += t;
  }
  const idle = ['(idle)', '(program)', '(garbage collector)'].reduce((s, k) => s + ([...self].find(([n]) => n.startsWith(k))?.[1] ?? 0), 0);
  console.log(`${path.relative(ROOT, file)}: ${ms.toFixed(3)} ms per audit (${FIRST ? 'first' : `warm, ${RUNS} runs`}); sampled ${(total / 1000).toFixed(1)} ms`);
  for (const [name, t] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`${((100 * t) / total).toFixed(1).padStart(5)}%  ${name}`);
  void idle;
} finally {
  await browser.close();
  server.close();
}
