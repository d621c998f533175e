// The real command, as a user runs it: `npm run audit -- …` is `node scripts/audit.ts …` on Node 22.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { ReportSchema } from '../lib/schema.ts';
import { writeErrorSentence } from '../scripts/audit-errors.ts';
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

  // ---- a CLI that explains itself

  const tmp = () => mkdtempSync(join(tmpdir(), 'nianbao-'));
  /** No Node internals on stderr: a reader gets sentences, not a stack trace. */
  const noStack = (stderr: string) => expect(stderr).not.toMatch(/\n\s+at |node:internal|Error:|Node\.js v/);

  it('a folder with no page says so and exits non-zero', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'report.doc'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    const r = audit(dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('没有 .html/.htm 网页');
    expect(r.stderr).toContain('1 个 Word');
    noStack(r.stderr);
  });

  it.each([
    ['--out without a value', ['--out']],
    ['--out followed by another flag', ['--out', '--format', 'json', 'x.html']],
    ['an unknown flag', ['--fromat', 'json', 'x.html']],
    ['a lone -', ['-']],
    ['--format without a value', ['--format']],
  ])('%s is an argument error: exit 2 with the usage line', (_name, args) => {
    const r = audit(...args);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('usage: npm run audit --');
    expect(r.stdout).toBe('');
    noStack(r.stderr);
  });

  it('--out onto a file gives one plain sentence, not a stack trace', () => {
    const dir = tmp();
    const file = join(dir, 'taken');
    writeFileSync(file, 'x');
    const r = audit('--out', file, join(FIXTURES, 'seed-000-xinanjiang-2019.html'));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('不是文件夹');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    noStack(r.stderr);
  });

  // Tests run as root here, and root writes into a read-only folder anyway; so the sentence for a refused
  // write is checked on the error Node raises (the same code path the CLI takes), and the real folder
  // only when not root.
  it('a folder we may not write to is named in one sentence', () => {
    const err = Object.assign(new Error("EACCES: permission denied, open '/srv/out/a.json'"), { code: 'EACCES', path: '/srv/out/a.json' });
    expect(writeErrorSentence(err, '/srv/out')).toBe('无法写入 /srv/out：没有写入权限（只读文件夹？）');
    const rofs = Object.assign(new Error('EROFS'), { code: 'EROFS' });
    expect(writeErrorSentence(rofs, '/mnt/cd')).toContain('只读');
  });
  it.skipIf(process.getuid?.() === 0)('a read-only folder, for real (skipped as root: root may write there)', () => {
    const dir = tmp();
    execFileSync('chmod', ['555', dir]);
    const r = audit('--out', dir, join(FIXTURES, 'seed-000-xinanjiang-2019.html'));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('没有写入权限');
    noStack(r.stderr);
  });

  it('writing into a closed pipe (| head -1) ends quietly', () => {
    // Eight reports: ~270 KB of CSV, far more than a pipe buffers, so the write does meet the closed pipe.
    const dir = tmp();
    for (let i = 0; i < 8; i++) copyFileSync(join(FIXTURES, 'clean-2021.html'), join(dir, `r${i}.html`));
    const r = spawnSync('bash', ['-c', `"${process.execPath}" scripts/audit.ts --format csv "${dir}" | head -1; exit \${PIPESTATUS[0]}`], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stdout.replace(/^\ufeff/, '').trim()).toMatch(/^agency,year,/);
    expect(r.stderr).not.toContain('EPIPE');
    noStack(r.stderr);
    expect(r.status).toBe(0);
  });

  it('--format json on a folder is always an array, even with one report in it; one FILE stays one object', () => {
    const dir = tmp();
    copyFileSync(join(FIXTURES, 'seed-000-xinanjiang-2019.html'), join(dir, 'a.html'));
    copyFileSync(join(FIXTURES, 'non-report-news-list.html'), join(dir, 'b.html'));
    const r = audit('--format', 'json', dir);
    expect(r.status).toBe(1); // b.html holds no report, and says so
    const list = JSON.parse(r.stdout);
    expect(Array.isArray(list)).toBe(true);
    expect(list.map((x: unknown) => ReportSchema.parse(x).agency)).toEqual(['新安江街道']);
    const one = audit('--format', 'json', join(dir, 'a.html'));
    expect(Array.isArray(JSON.parse(one.stdout))).toBe(false);
  });

  const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  it.each([
    // PDFs are read (issue 17): a broken one is named a PDF, and one without text a scan, with what to do.
    ['report.pdf', Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj'), '这是 PDF 文件，但', '无法打开'],
    ['report.html', Buffer.from('%PDF-1.4\n'), '这是 PDF 文件，但', '无法打开'],
    [
      'scan.pdf',
      Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n'),
      '这是扫描版 PDF',
      '网页版另存为 .html',
    ],
    // A legacy binary .doc or .wps cannot be read: say so, and say how to make it a .docx.
    ['report.doc', Buffer.concat([OLE, Buffer.alloc(504)]), '这是旧版 Word 文件（.doc）', '另存为” Word 文档（.docx）'],
    ['report.wps', Buffer.concat([OLE, Buffer.alloc(504)]), '这是 WPS 文字文件（.wps）', '另存为” Word 文档（.docx）'],
    ['report.ofd', Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(26), Buffer.from('OFD.xml')]), '这是 OFD 版式文件', '另存为 .html'],
  ])('%s is named for what it is, with what to do, not called “not HTML”', (name, bytes, says, todo) => {
    const dir = tmp();
    writeFileSync(join(dir, name), bytes);
    const r = audit(join(dir, name));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(says);
    expect(r.stderr).toContain(todo);
    expect(r.stderr).not.toContain('不是 HTML');
    noStack(r.stderr);
  });

  // Word (.docx) reports are read (issue 17); one that is broken says so in a sentence.
  it('a broken .docx is named as a Word file that could not be read', () => {
    const dir = tmp();
    const bytes = Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(26), Buffer.from('[Content_Types].xml'), Buffer.alloc(40), Buffer.from('PK\x03\x04'), Buffer.alloc(26), Buffer.from('word/document.xml')]);
    writeFileSync(join(dir, 'report.docx'), bytes);
    const r = audit(join(dir, 'report.docx'));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('这是 Word 文件（.docx），但无法读取');
    noStack(r.stderr);
  });

  it('a .docx report gives the same JSON as its page, with source.file and format', () => {
    const docx = audit('--format', 'json', join(ROOT, 'tests', 'documents', 'seed-000-xinanjiang-2019.docx'));
    expect(docx.status).toBe(0);
    const report = ReportSchema.parse(JSON.parse(docx.stdout));
    expect(report.source.file).toBe('seed-000-xinanjiang-2019.docx');
    expect(report.format).toBe('2019');
    const page = ReportSchema.parse(JSON.parse(audit('--format', 'json', join(FIXTURES, 'seed-000-xinanjiang-2019.html')).stdout));
    expect(report.findings).toEqual(page.findings);
    expect(report.tables.table3!.cells.map((c) => [c.row, c.col, c.value])).toEqual(page.tables.table3!.cells.map((c) => [c.row, c.col, c.value]));
  });

  it('a .pdf report gives the same findings as its page, each value with its page and box', () => {
    const pdf = audit('--format', 'json', join(ROOT, 'tests', 'documents', 'planted-2021-mismatch.pdf'));
    expect(pdf.status).toBe(0);
    const report = ReportSchema.parse(JSON.parse(pdf.stdout));
    expect(report.source.file).toBe('planted-2021-mismatch.pdf');
    const page = ReportSchema.parse(JSON.parse(audit('--format', 'json', join(FIXTURES, 'planted-2021-mismatch.html')).stdout));
    expect(report.findings).toEqual(page.findings);
    expect(report.findings.length).toBeGreaterThan(0);
    expect(report.tables.table4!.cells[0].source).toMatchObject({ kind: 'pdf', page: expect.any(Number) });
  });

  it('a folder of .docx reports is read like a folder of pages', () => {
    const dir = tmp();
    for (const f of ['clean-2021.docx', 'seed-001-xiachuan-2017-legacy.docx']) copyFileSync(join(ROOT, 'tests', 'documents', f), join(dir, f));
    const r = audit('--format', 'json', dir);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).map((x: unknown) => ReportSchema.parse(x).format)).toEqual(['2021', 'legacy']);
  });

  it('a saved page whose report sits in an <iframe> says where to look', () => {
    const dir = tmp();
    writeFileSync(
      join(dir, 'frame.html'),
      '<!doctype html><html><head><title>某县2022年政府信息公开工作年度报告</title></head><body><div class="nav">首页</div>' +
        '<iframe src="https://www.example.gov.cn/art/2023/1/16/report.html" width="100%"></iframe><iframe src="about:blank"></iframe></body></html>',
    );
    const r = audit(join(dir, 'frame.html'));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('iframe');
    expect(r.stderr).toContain('https://www.example.gov.cn/art/2023/1/16/report.html');
    expect(r.stderr).not.toContain('about:blank');
  });

  it('--out never overwrites: two copies of one report, and a second run into the same folder, keep every file', () => {
    const dir = tmp();
    const out = join(tmp(), 'out');
    copyFileSync(join(FIXTURES, 'seed-000-xinanjiang-2019.html'), join(dir, 'a.html'));
    copyFileSync(join(FIXTURES, 'seed-000-xinanjiang-2019.html'), join(dir, 'b.html'));
    const first = audit('--out', out, dir);
    expect(first.status).toBe(0);
    expect(readdirSync(out).sort()).toEqual([
      '新安江街道-2019-政府信息公开年报-2-数据.csv',
      '新安江街道-2019-政府信息公开年报-2-问题清单.csv',
      '新安江街道-2019-政府信息公开年报-2.json',
      '新安江街道-2019-政府信息公开年报-数据.csv',
      '新安江街道-2019-政府信息公开年报-问题清单.csv',
      '新安江街道-2019-政府信息公开年报.json',
      // A folder's whole set, too (see tests/checks/series.test.ts).
      `${basename(dir)}-reports.json`,
      `${basename(dir)}-wide.csv`,
    ].sort());
    expect(first.stderr).toContain('b.html');
    expect(first.stderr).toContain('-2');
    expect(JSON.parse(readFileSync(join(out, '新安江街道-2019-政府信息公开年报.json'), 'utf8')).source.file).toBe('a.html');
    expect(JSON.parse(readFileSync(join(out, '新安江街道-2019-政府信息公开年报-2.json'), 'utf8')).source.file).toBe('b.html');

    // Files from an earlier run are never replaced: a marker in one stays, the new ones go beside them.
    writeFileSync(join(out, '新安江街道-2019-政府信息公开年报.json'), 'earlier run');
    const second = audit('--out', out, join(dir, 'a.html'));
    expect(second.status).toBe(0);
    expect(readFileSync(join(out, '新安江街道-2019-政府信息公开年报.json'), 'utf8')).toBe('earlier run');
    expect(readdirSync(out)).toHaveLength(11);
    expect(readdirSync(out)).toContain('新安江街道-2019-政府信息公开年报-3.json');
    expect(second.stderr).toContain('-3');
  });

  it('--format xlsx --out writes one workbook per report, whose numbers are the JSON’s, and never overwrites', () => {
    const out = mkdtempSync(join(tmpdir(), 'nianbao-'));
    const page = join(FIXTURES, 'seed-002-chanba-2020.html');
    expect(audit('--format', 'xlsx', '--out', out, page).status).toBe(0);
    const name = '区浐灞办-2020-政府信息公开年报.xlsx';
    expect(readdirSync(out)).toEqual([name]);
    const report = ReportSchema.parse(JSON.parse(audit('--format', 'json', page).stdout));
    const wb = XLSX.read(readFileSync(join(out, name)), { type: 'buffer' });
    // Read back by SheetJS (not the writer): the table's number cells are exactly the report's numbers.
    const sheetNumbers = (sheet: string) =>
      Object.entries(wb.Sheets[sheet]).flatMap(([ref, c]) => (!ref.startsWith('!') && (c as XLSX.CellObject).t === 'n' ? [(c as XLSX.CellObject).v as number] : []));
    const okValues = (key: 'table2' | 'table3' | 'table4') => report.tables[key]!.cells.filter((c) => c.status === 'ok').map((c) => c.value!);
    expect(sheetNumbers('收到和处理政府信息公开申请情况').sort((a, b) => a - b)).toEqual(okValues('table3').sort((a, b) => a - b));
    expect(sheetNumbers('主动公开政府信息情况').sort((a, b) => a - b)).toEqual(okValues('table2').sort((a, b) => a - b));
    // A second run into the same folder keeps the first workbook and names the new one …-2.
    const first = readFileSync(join(out, name));
    const again = audit('--format', 'xlsx', '--out', out, page);
    expect(again.status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['区浐灞办-2020-政府信息公开年报-2.xlsx', name]);
    expect(readFileSync(join(out, name)).equals(first)).toBe(true);
    expect(again.stderr).toContain('不覆盖');
  });

  it('--format xlsx without --out is a usage error (a workbook does not go to the terminal)', () => {
    const r = audit('--format', 'xlsx', join(FIXTURES, 'seed-002-chanba-2020.html'));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--out');
    expect(r.stdout).toBe('');
  });

  it('--schema prints the JSON Schema the extension ships, whose $id every JSON export names', () => {
    const r = audit('--schema');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(readFileSync(join(ROOT, 'public', 'schema', 'report.schema.json'), 'utf8'));
    const json = JSON.parse(audit('--format', 'json', join(FIXTURES, 'seed-000-xinanjiang-2019.html')).stdout);
    expect(json.$schema).toBe(JSON.parse(r.stdout).$id);
  });
});
