// The CLI reads a saved file as a browser would: the encoding a browser would pick (a BOM wins over a
// stale <meta charset>), and the HTML parser's own idea of comments, scripts and raw text — not regular
// expressions run over the source first.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditFile, decodePage, parseHtml } from '../../scripts/read-page.ts';
import { cellValue, errors, fixture, FIXTURES } from '../support/audit-html.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);
const gb18030 = (s: string) => new Uint8Array(execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: s }));
function utf16(s: string, endian: 'le' | 'be'): Uint8Array {
  const out = new Uint8Array(2 + s.length * 2);
  out.set(endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out[2 + 2 * i + (endian === 'le' ? 0 : 1)] = c & 0xff;
    out[2 + 2 * i + (endian === 'le' ? 1 : 0)] = c >> 8;
  }
  return out;
}
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) out.set(p, (at += p.length) - p.length);
  return out;
};

const PAGE = '<!doctype html><html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk"><title>某某县2022年政府信息公开工作年度报告</title></head><body><p>本年新收政府信息公开申请数量</p></body></html>';
const TEXT = '本年新收政府信息公开申请数量';

describe('decodePage: the encoding a browser would use', () => {
  it('a UTF-8 BOM wins over a stale charset=gbk meta', () => {
    const html = decodePage(concat(new Uint8Array([0xef, 0xbb, 0xbf]), utf8(PAGE)));
    expect(html).toContain(TEXT);
    expect(html.charCodeAt(0)).not.toBe(0xfeff);
  });

  it.each(['le', 'be'] as const)('a UTF-16%s BOM is obeyed', (endian) => {
    const html = decodePage(utf16(PAGE, endian));
    expect(html).toContain(TEXT);
    expect(html.startsWith('<!doctype html>')).toBe(true);
  });

  it('valid UTF-8 labelled gb2312 is read as UTF-8 (GB18030 would give mojibake)', () => {
    expect(decodePage(utf8(PAGE.replace('gbk', 'gb2312')))).toContain(TEXT);
  });

  it('a real GBK page labelled gb2312 is still read as GBK', () => {
    expect(decodePage(gb18030(PAGE.replace('gbk', 'gb2312')))).toContain(TEXT);
  });

  it('a GBK page without a label is read as GBK (not valid UTF-8)', () => {
    expect(decodePage(gb18030(PAGE.replace(/<meta[^>]*>/, '')))).toContain(TEXT);
  });

  it('a UTF-8 page labelled gbk whose only non-ASCII text is short and ambiguous stays GBK', () => {
    // "Ã©" in GBK bytes is C3 A9 — also valid UTF-8 ("é"). Too little to overrule the label.
    const ascii = PAGE.slice(0, PAGE.indexOf('<body>') + 6).replace(/<title>.*<\/title>/, '<title>report</title>');
    const bytes = concat(utf8(ascii), new Uint8Array([0xc3, 0xa9]), utf8('</body></html>'));
    expect(decodePage(bytes)).toContain(new TextDecoder('gb18030').decode(new Uint8Array([0xc3, 0xa9])));
  });
});

describe('parseHtml: comments, scripts and raw text as the HTML parser sees them', () => {
  const clean = fixture('clean-2021.html');
  const tablesOf = (html: string) => Array.from(parseHtml(html).getElementsByTagName('table')).length;

  it('an empty comment <!--> does not swallow the tables up to the next -->', () => {
    const html = clean.replace('<div class="article-content" id="zoom">', '<div class="article-content" id="zoom"><!-->').replace('</body>', '<!-- footer --></body>');
    expect(tablesOf(html)).toBe(tablesOf(clean));
  });

  it('<script> written inside a <textarea> is text: Table 4 after it is read', () => {
    const html = clean.replace('<h1 class="article-title">', '<textarea>示例：<script></textarea><h1 class="article-title">').replace('</body>', '<script>var x = 1;</script></body>');
    expect(tablesOf(html)).toBe(tablesOf(clean));
  });

  it('the content of <template>, <noscript>, <script> and <style> is not in the document', () => {
    const doc = parseHtml('<html><body><template><table><tr><td>1</td></tr></table></template><noscript><table><tr><td>2</td></tr></table></noscript><script>var t = "<table>";</script><style>td{}</style><p>x</p></body></html>');
    expect(doc.getElementsByTagName('table').length).toBe(0);
    expect(doc.body.textContent).toBe('x');
  });
});

describe('auditFile reads the saved page as a browser would', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-read-'));
  const clean = fixture('clean-2021.html');
  const write = (name: string, data: string | Uint8Array) => {
    const file = join(dir, name);
    writeFileSync(file, data);
    return file;
  };

  it('<!--> and <textarea><script>: every table read, no false error', () => {
    const html = clean
      .replace('<div class="article-content" id="zoom">', '<div class="article-content" id="zoom"><!-->')
      .replace('<h1 class="article-title">', '<textarea><script></textarea><h1 class="article-title">')
      .replace('</body>', '<!-- end --><script>var x = 1;</script></body>');
    const report = auditFile(write('tricky.html', html))!.report;
    expect(report.tables.table3!.cells).toHaveLength(175);
    expect(cellValue(report, 'table4', 'count', 'review_total')).toBe(2);
    expect(cellValue(report, 'table2', 'licensing', 'decisions')).toBe(1286);
    expect(errors(report)).toEqual([]);
  });

  it('a draft table with a wrong total inside <noscript> is not audited', () => {
    const table3 = clean.split('\n').find((l) => l.includes('申请人情况'))!;
    const draft = table3.replace('<p align="center">66</p>', '<p align="center">99</p>');
    const report = auditFile(write('noscript.html', clean.replace(table3, `<noscript>${draft}</noscript>${table3}`)))!.report;
    expect(cellValue(report, 'table3', 'new_received', 'total')).toBe(66);
    expect(errors(report)).toEqual([]);
  });

  it('a UTF-8 page with a BOM and a stale gbk meta', () => {
    const html = clean.replace('<meta charset="utf-8">', '<meta charset="gbk">');
    const report = auditFile(write('bom.html', concat(new Uint8Array([0xef, 0xbb, 0xbf]), utf8(html))))!.report;
    expect(report.agency).toBe('临溪县市场监督管理局');
    expect(errors(report)).toEqual([]);
  });

  it('the report a saved page’s own script would write in is still found', () => {
    const report = auditFile(join(FIXTURES, 'late-injected-2021.html'))!.report;
    expect(report.agency).toBe('临溪县卫生健康局');
    expect(cellValue(report, 'table3', 'new_received', 'total')).toBe(33);
  });
});
