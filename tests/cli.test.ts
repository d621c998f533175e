// The real command, as a user runs it: `npm run audit -- …` is `node scripts/audit.ts …` on Node 22.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReportSchema } from '../lib/schema.ts';
import { FIXTURES } from './support/audit-html.ts';

const ROOT = join(import.meta.dirname, '..');
function audit(...args: string[]) {
  return spawnSync(process.execPath, ['scripts/audit.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
}

describe('npm run audit', () => {
  it('prints a readable summary with the mismatch spelled out', () => {
    const r = audit(join(FIXTURES, 'seed-000-xinanjiang-2019.html'));
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('新安江街道');
    expect(r.stdout).toContain('1 处数据不一致');
    expect(r.stdout).toContain('= 7 ≠');
  });

  it('--format json gives exactly the schema’s JSON, one document per file', () => {
    const r = audit('--format', 'json', join(FIXTURES, 'seed-002-chanba-2020.html'));
    expect(r.status).toBe(0);
    const report = ReportSchema.parse(JSON.parse(r.stdout));
    expect(report.tables.table3!.cells).toHaveLength(161);
    expect(report.source.file).toBe('seed-002-chanba-2020.html');
  });

  it('--format json on several files gives an array', () => {
    const r = audit('--format=json', join(FIXTURES, 'seed-000-xinanjiang-2019.html'), join(FIXTURES, 'seed-002-chanba-2020.html'));
    const list = JSON.parse(r.stdout);
    expect(list).toHaveLength(2);
    expect(list.map((x: unknown) => ReportSchema.parse(x).agency)).toEqual(['新安江街道', '区浐灞办']);
  });

  it('--out writes JSON, values CSV and findings CSV per report', () => {
    const out = mkdtempSync(join(tmpdir(), 'nianbao-'));
    const r = audit('--out', out, join(FIXTURES, 'seed-000-xinanjiang-2019.html'));
    expect(r.status).toBe(0);
    expect(readdirSync(out).sort()).toEqual([
      '新安江街道-2019-政府信息公开年报-数据.csv',
      '新安江街道-2019-政府信息公开年报-问题清单.csv',
      '新安江街道-2019-政府信息公开年报.json',
    ]);
    const findings = readFileSync(join(out, '新安江街道-2019-政府信息公开年报-问题清单.csv'), 'utf8');
    expect(findings.startsWith('\ufeff')).toBe(true);
    expect(findings).toContain('table3:balance:total');
  });

  it('says plainly when a file is missing, not HTML, or not a report — and exits non-zero', () => {
    const missing = audit(join(FIXTURES, 'no-such-file.html'));
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toContain('找不到');
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-'));
    writeFileSync(join(dir, 'notes.html'), 'just some words, no markup');
    const notHtml = audit(join(dir, 'notes.html'));
    expect(notHtml.status).not.toBe(0);
    expect(notHtml.stderr).toContain('不是 HTML');
    const plan = audit(join(FIXTURES, 'seed-004-longjiaquan-plan.html'));
    expect(plan.status).not.toBe(0);
    expect(plan.stderr).toContain('没有找到政府信息公开年报的表格');
    expect(audit('--format', 'xml', 'x.html').stderr).toContain('--format');
  });

  it('reads a report that the saved page’s own script would have written in (var content = "…" + "…")', () => {
    const r = audit('--format', 'json', join(FIXTURES, 'late-injected-2021.html'));
    expect(r.status).toBe(0);
    const report = ReportSchema.parse(JSON.parse(r.stdout));
    expect(report.agency).toBe('临溪县卫生健康局');
    expect(report.tables.table3!.cells.find((c) => c.row === 'new_received' && c.col === 'total')!.value).toBe(33);
  });

  it('reads a saved fragment without <html>/<body>, as a browser would', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-'));
    const html = readFileSync(join(FIXTURES, 'clean-2021.html'), 'utf8').replace(/<\/?(?:html|body)[^>]*>/g, '');
    writeFileSync(join(dir, 'fragment.html'), html);
    const r = audit('--format', 'json', join(dir, 'fragment.html'));
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).tables.table3.cells).toHaveLength(175);
  });

  it('reads a GBK-encoded page (many .gov.cn sites still serve GB2312)', () => {
    const html = readFileSync(join(FIXTURES, 'seed-000-xinanjiang-2019.html'), 'utf8').replace(/charset="?utf-8"?/i, 'charset="gbk"');
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-'));
    const encoded = execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: html });
    writeFileSync(join(dir, 'gbk.html'), encoded);
    const r = audit('--format', 'json', join(dir, 'gbk.html'));
    expect(JSON.parse(r.stdout).agency).toBe('新安江街道');
  });
});
