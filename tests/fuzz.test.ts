/**
 * Fuzzing the whole core, page in → report out (`auditDocument`), on random and mutated pages. The
 * generators and the oracle are in tests/support/fuzz-core.ts (what every case must satisfy is listed
 * there: never throws, never writes to the page, schema-valid report, every ok value read from an element
 * of the page that reads back as that value, digits present in the page text, bounded CPU time). A failure
 * names its property, seed, reason and the failing case's size; the full fast-check report follows.
 *
 * Case count: FUZZ_RUNS (default 200) random pages, plus FUZZ_RUNS/40 mutated real report tables, plus
 * fixed nasty and big cases, from the fixed seed of tests/support/property-seed.ts. `npm run fuzz` sets
 * FUZZ_RUNS=100000 and draws a new seed. Pages are parsed by linkedom (what the
 * CLI uses; fast) for 7 cases in 8 and by happy-dom for the rest.
 *
 * Long runs (FUZZ_RUNS ≥ 5000) split the cases over FUZZ_THREADS worker threads (default: one per core,
 * at most 4), each with its own seed. To replay a failure, run with the printed seed:
 * FUZZ_THREADS=1 FUZZ_SEED=<seed> FUZZ_RUNS=<runs> npx vitest run --project unit tests/fuzz.test.ts
 */
import { afterAll, describe, expect, it } from 'vitest';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { join, resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { auditDocument } from '@/lib/audit.ts';
import { TABLE3_COLUMNS, TABLE3_ROWS } from '@/lib/tables/dictionary.ts';
import fc from 'fast-check';
import {
  auditChecked,
  closeHappyDom,
  cpuMs,
  failureReport,
  parse,
  runShare,
  stats,
  wrapPage,
  type Dom,
  type FuzzStats,
  type ShareOptions,
  type ShareResult,
} from './support/fuzz-core.ts';
import { PROPERTY_SEED } from './support/property-seed.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
const MUTATION_RUNS = Math.max(10, Math.ceil(RUNS / 40));
const SEED = PROPERTY_SEED ?? Math.floor(Math.random() * 2 ** 31);
const THREADS = Math.max(1, Number(process.env.FUZZ_THREADS ?? (RUNS >= 5000 ? Math.min(availableParallelism(), 4) : 1)));
// Paths, not URLs: in the happy-dom environment the global URL is happy-dom's, which Node's APIs reject.
const ROOT = resolve(import.meta.dirname, '..');

const started = performance.now();
const totals: FuzzStats = { cases: 0, reports: 0, okValues: 0, linkedom: 0, happy: 0, maxMs: 0, parseMs: 0, auditMs: 0, checkMs: 0 };
function add(s: FuzzStats) {
  for (const k of Object.keys(totals) as (keyof FuzzStats)[]) totals[k] = k === 'maxMs' ? Math.max(totals[k], s[k]) : totals[k] + s[k];
}

function runInWorker(options: ShareOptions, k: number): Promise<ShareResult> {
  const which = `fuzz worker thread ${k} (seed ${options.seed})`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(join(import.meta.dirname, 'support/fuzz-worker.ts'), { workerData: options });
    worker.once('message', resolve);
    worker.once('error', (err) => reject(new Error(`${which} crashed: ${err instanceof Error ? err.stack : String(err)}`)));
    worker.once('exit', (code) => code !== 0 && reject(new Error(`${which} exited with ${code}`)));
  });
}

// ---------------------------------------------------------------- tests

describe('fuzz: auditDocument', () => {
  afterAll(async () => {
    await closeHappyDom();
    add(stats); // the cases run on this thread (the nasty and big ones, and its share when THREADS = 1)
    const s = (performance.now() - started) / 1000;
    const t = totals;
    console.log(
      `fuzz: ${t.cases} cases in ${s.toFixed(1)} s on ${THREADS} thread(s), seed ${SEED} ` +
        `(${Math.round(t.cases / s)}/s; linkedom ${t.linkedom}, happy-dom ${t.happy}); ` +
        `${t.reports} reports, ${t.okValues} ok values checked; slowest audit ${t.maxMs.toFixed(1)} ms; ` +
        `thread time in parse ${(t.parseMs / 1000).toFixed(1)} s, audit ${(t.auditMs / 1000).toFixed(1)} s, checks ${((t.checkMs - t.auditMs) / 1000).toFixed(1)} s`,
    );
  });

  it(`random pages (${RUNS} runs) and mutated real report tables (${MUTATION_RUNS} runs)`, async () => {
    // Split the runs over the threads; thread k gets seed SEED + 2k (and SEED + 2k + 1 for its mutations).
    const share = (n: number, k: number) => Math.floor(n / THREADS) + (k < n % THREADS ? 1 : 0);
    const options = Array.from({ length: THREADS }, (_, k): ShareOptions => ({
      pages: share(RUNS, k),
      mutated: share(MUTATION_RUNS, k),
      seed: SEED + 2 * k,
      root: ROOT,
    }));
    let results: ShareResult[];
    if (THREADS === 1) {
      const before = { ...stats };
      const r = await runShare(options[0]);
      // runShare reports this thread's running totals: keep only what it added (afterAll adds the rest).
      for (const k of Object.keys(stats) as (keyof FuzzStats)[]) (stats as unknown as Record<string, number>)[k] = before[k];
      results = [r];
    } else {
      results = await Promise.all(options.map((o, k) => runInWorker(o, k)));
    }
    results.forEach((r) => add(r.stats));
    const failures = results.map((r, k) => r.failure && `thread ${k} (seed ${options[k].seed}, ${options[k].pages} pages + ${options[k].mutated} mutated):\n${r.failure}`).filter(Boolean);
    // Printed in full as well: an assertion diff may be cut short.
    if (failures.length) console.error(`fuzz: ${failures.length} thread(s) failed\n${failures.join('\n\n')}`);
    expect(failures.join('\n\n')).toBe('');
    expect(results.reduce((n, r) => n + r.stats.cases, 0)).toBeGreaterThanOrEqual(RUNS + MUTATION_RUNS);
    expect(results.reduce((n, r) => n + r.stats.reports, 0), 'cases that reach a report').toBeGreaterThan(RUNS / 4);
  }, 60 * 60_000);

  it('hand-picked nasty pages', () => {
    const nasty = [
      '<title>2021年政府信息公开工作年度报告</title><p>申请人情况</p>',
      '<title>年度报告</title><table><tr><td colspan="100000" rowspan="0">申请人情况</td></tr><tr><td>自然人</td><td>1</td></tr></table>',
      '<title>年度报告</title><table><tr><th>申请人情况</th><th>自然人</th><th>总计</th></tr><tr><td>本年新收</td><td rowspan="-3">１，２３４</td><td colspan="abc">－５</td></tr></table>',
      '<title>年度报告</title><table><tr><td>申请人情况<table><tr><td>自然人</td><td>9</td></tr></table></td></tr><tr><td>本年新收</td><td>3</td></tr></table>',
      '<title>年度报告</title><table><thead></thead><tbody></tbody><tfoot><tr></tr></tfoot></table>',
      '<title>年度报告</title><div>行政复议</div><p>结果维持</p><p>1</p><p>2</p><p>9999999</p>',
      '<title>政府信息公开情况统计表</title><table><tr><td>统计指标</td><td>单位</td><td>统计数</td></tr><tr><td>（一）主动公开政府信息数</td><td>78条</td><td></td></tr></table>',
      '<table><tr><td>\u202e申请人情况\u202c</td><td>\ud800</td></tr></table>',
      '',
      '<html></html>',
      '<frameset><frame></frameset>',
    ];
    for (const html of nasty) {
      // happy-dom gets the markup as it is; linkedom needs a whole document (see wrapPage).
      auditChecked(parse(html, 'happy-dom'));
      auditChecked(parse(wrapPage('2021年政府信息公开工作年度报告', html), 'linkedom'));
    }
  });

  it('a 10 000-row report-like table', () => {
    const labels = TABLE3_ROWS.map((r) => r.label);
    let seed = 12345;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n);
    const header = `<tr><th rowspan="2">申请人情况</th><th>自然人</th><th colspan="5">法人或其他组织</th><th>总计</th></tr><tr><td></td>${TABLE3_COLUMNS.slice(1, 6).map((c) => `<td>${c.label}</td>`).join('')}<td></td></tr>`;
    const rows: string[] = [];
    for (let i = 0; i < 10_000; i++) {
      const span = rnd(20) === 0 ? ` rowspan="${rnd(4)}"` : rnd(30) === 0 ? ` colspan="${rnd(3)}"` : '';
      rows.push(`<tr><td${span}>${labels[rnd(labels.length)]}</td>${Array.from({ length: 7 }, () => `<td>${rnd(5) ? rnd(1000) : '—'}</td>`).join('')}</tr>`);
    }
    const html = wrapPage('某县2021年政府信息公开工作年度报告', `<table>${header}${rows.join('')}</table>`);
    // happy-dom is slow on very large documents (~13 s here): only in the long run.
    const doms: Dom[] = RUNS >= 10_000 ? ['linkedom', 'happy-dom'] : ['linkedom'];
    for (const dom of doms) {
      const doc = parse(html, dom);
      const t0 = performance.now();
      const report = auditChecked(doc);
      const ms = performance.now() - t0;
      console.log(`fuzz: 10 000-row table (${doc.querySelectorAll('*').length} elements) in ${dom}: ${ms.toFixed(0)} ms`);
      expect(report?.tables.table3?.cells.length).toBeGreaterThan(0);
    }
  }, 120_000);
});

describe('fuzz: a failure says what failed', () => {
  it('names the property, the seed, the reason and the failing case’s size', async () => {
    const options = { pages: 50, mutated: 0, seed: 7, root: ROOT };
    const details = await fc.check(
      fc.property(fc.string({ minLength: 1 }), (s) => {
        if (s.length > 3) throw new Error('too long');
      }),
      { numRuns: 200, seed: 7 },
    );
    const report = failureReport('strings stay short', options, 7, details, ([s]) => `${s.length} characters`)!;
    expect(report).toContain('property "strings stay short" failed');
    expect(report).toContain('seed 7');
    expect(report).toContain('reason: too long');
    expect(report).toMatch(/case: 4 characters/); // shrunk to the smallest failing string
    expect(report).toContain('FUZZ_SEED=7');
  });
});

// Found by this fuzz suite: a dense grid can be far larger than the page (one row of colspan=1000 cells
// widens every row; rows starting with rowspan="0" make an N × N staircase). lib/read/table-grid.ts now bounds
// the grid (MAX_SLOTS / MAX_GRID, flagged `truncated`); these keep it bounded.
describe('fuzz: hostile spans cost in proportion to the page', () => {
  // This thread's CPU time, the best of two: a loaded machine must not make the ratio fail.
  const time = (body: string) => {
    const doc = parseHTML(wrapPage('某县2021年政府信息公开工作年度报告', `<p>申请人情况</p>${body}`)).document as unknown as Document;
    let best = Infinity;
    for (let i = 0; i < 2; i++) {
      const c0 = cpuMs();
      auditDocument(doc);
      best = Math.min(best, cpuMs() - c0);
    }
    return best;
  };
  const ratio = (plain: string, nasty: string) => {
    time(plain); // warm-up
    return time(nasty) / Math.max(time(plain), 20);
  };
  const rows = (n: number, first: string) => `<tr>${first}<td>5</td></tr>`.repeat(n);

  it('wide row: 9 more colspan=1000 cells in row 1 of a 1 000-row table cost < 5× the audit without them', () => {
    const table = (wide: number) => `<table><tr>${'<td colspan="1000">1</td>'.repeat(wide)}</tr>${rows(1000, '<td>自然人</td>')}</table>`;
    expect(ratio(table(1), table(10))).toBeLessThan(5);
  });

  it('staircase: 2 000 rows starting with rowspan="0" cost < 5× the same rows with rowspan="1"', () => {
    const table = (span: string) => `<table><tbody>${rows(2000, `<td rowspan="${span}">自然人</td>`)}</tbody></table>`;
    expect(ratio(table('1'), table('0'))).toBeLessThan(5);
  });
});
