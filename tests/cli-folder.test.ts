/**
 * The CLI on a folder big enough for its worker pool (scripts/audit-pool.ts) and its spool of reports
 * (scripts/report-spool.ts): the output is the same as on the main thread alone, in input order, and the
 * series.* findings computed from the slim copies are those checkSeries gives on the whole reports.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkSeries } from '@/lib/checks/series.ts';
import type { Report } from '@/lib/schema.ts';
import { FIXTURES, fixture, yearPage } from './support/audit-html.ts';

const ROOT = join(import.meta.dirname, '..');
function audit(threads: number, ...args: string[]) {
  return spawnSync(process.execPath, ['scripts/audit.ts', ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, NIANBAO_THREADS: String(threads) } });
}


describe('npm run audit on a folder, on worker threads', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-folder-'));
  // Every fixture twice (reports, a non-report, a plan), and a chain of years that breaks twice.
  for (const copy of [1, 2]) for (const f of readdirSync(FIXTURES).filter((f) => f.endsWith('.html'))) copyFileSync(join(FIXTURES, f), join(dir, `${copy}-${f}`));
  [[2021, 0, 2], [2022, 2, 1], [2023, 3, 0], [2024, 0, 5], [2025, 1, 0]].forEach(([y, o, f]) => writeFileSync(join(dir, `chain-${y}.html`), yearPage(y, o, f)));

  it.each(['json', 'csv', 'wide', 'text'])('--format %s: the same output, errors in the same order, as on the main thread', (format) => {
    const pooled = audit(2, '--format', format, dir);
    const alone = audit(1, '--format', format, dir);
    expect(pooled.stdout.length).toBeGreaterThan(1000);
    expect(pooled.stdout).toBe(alone.stdout);
    expect(pooled.stderr).toBe(alone.stderr);
    expect(pooled.status).toBe(alone.status);
  });

  it('series findings from the slim copies are those of checkSeries on the whole reports', () => {
    const reports = JSON.parse(audit(2, '--format', 'json', dir).stdout) as Report[];
    const series = reports.map((r) => r.findings.filter((f) => f.rule.startsWith('series')));
    expect(series.flat().length).toBeGreaterThan(0);
    const own = reports.map((r) => ({ ...r, findings: r.findings.filter((f) => !f.rule.startsWith('series')) }));
    expect(series).toEqual(checkSeries(own));
  });

  // Word and PDF reports are read on the workers too (PDF asynchronously, with pdf.js): 3 copies of each
  // test document, a broken .pdf and a legacy .doc named .docx, so the folder is big enough for the pool.
  it('a folder of .docx and .pdf reports: the same output on worker threads as on the main thread', () => {
    const docs = mkdtempSync(join(tmpdir(), 'nianbao-docs-'));
    const DOCUMENTS = join(ROOT, 'tests', 'documents');
    const names = readdirSync(DOCUMENTS).filter((f) => /\.(docx|pdf)$/.test(f)).sort();
    for (const copy of [1, 2, 3]) for (const f of names) copyFileSync(join(DOCUMENTS, f), join(docs, `${copy}-${f}`));
    writeFileSync(join(docs, 'broken.pdf'), '%PDF-1.7\n%âãÏÓ\n1 0 obj');
    writeFileSync(join(docs, 'old.docx'), Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]));
    const pooled = audit(2, '--format', 'json', docs);
    const alone = audit(1, '--format', 'json', docs);
    const reports = JSON.parse(pooled.stdout) as Report[];
    expect(reports.map((r) => r.source.file)).toEqual([1, 2, 3].flatMap((copy) => names.map((f) => `${copy}-${f}`)));
    expect(pooled.stderr).toContain('broken.pdf：这是 PDF 文件，但');
    expect(pooled.stderr).toContain('old.docx：这是旧版 Word 文件（.doc）');
    expect(pooled.status).toBe(1);
    expect(pooled.stdout).toBe(alone.stdout);
    expect(pooled.stderr).toBe(alone.stderr);
    expect(pooled.status).toBe(alone.status);
  }, 180_000); // 36 documents read twice through pdf.js: generous room on a busy machine, not a speed check
});
