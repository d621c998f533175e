import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { auditDocument, type AuditResult } from '../../lib/audit.ts';
import type { Report } from '../../lib/schema.ts';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
export const SHARED = join(import.meta.dirname, '..', '..', '..', 'shared');

/** Parses with the browser-like DOM of the test environment (happy-dom). */
export function browserDocument(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

/** Parses with linkedom, as the CLI does. */
export function nodeDocument(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

export function auditHtml(html: string, dom: 'browser' | 'node' = 'browser'): AuditResult | null {
  return auditDocument(dom === 'browser' ? browserDocument(html) : nodeDocument(html), { file: 'test.html' });
}

/** Every report the fixtures and (when present) ../shared/corpus give, audited as the CLI reads them. */
export function auditedReports(): { name: string; report: Report }[] {
  const dirs = [FIXTURES, join(SHARED, 'corpus')].filter(existsSync);
  const out: { name: string; report: Report }[] = [];
  for (const dir of dirs)
    for (const f of readdirSync(dir).filter((f) => f.endsWith('.html')).sort()) {
      const result = auditDocument(nodeDocument(readFileSync(join(dir, f), 'utf8')), { file: f, url: `http://www.example.gov.cn/${f}` });
      if (result) out.push({ name: f, report: result.report });
    }
  return out;
}

export function fixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

/** value of one cell, or 'blank'/'dash'/'unreadable', or undefined when the model has no such cell. */
export function cellValue(report: Report, table: keyof Report['tables'], row: string, col: string) {
  const cell = report.tables[table]?.cells.find((c) => c.row === row && c.col === col);
  if (!cell) return undefined;
  return cell.status === 'ok' ? cell.value : cell.status;
}

export function errors(report: Report) {
  return report.findings.filter((f) => f.severity === 'error');
}

/** A minimal report page around some table markup. */
export function page(tables: string, title = '某某县某某局2022年政府信息公开工作年度报告'): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1>${tables}</body></html>`;
}

const T3_COLS = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'];
/** Canonical Table 3 header (three rows, label block colspan 3). */
export function table3Header(opts: { naturalLabel?: string } = {}): string {
  return `<tr><td colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="7">申请人情况</td></tr>
<tr><td rowspan="2">${opts.naturalLabel ?? '自然人'}</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>
<tr>${T3_COLS.slice(1, 6).map((c) => `<td>${c}</td>`).join('')}</tr>`;
}

/** A Table 3 data row: label colspan 3, then the given value cells (strings are raw cell HTML). */
export function table3Row(label: string, cells: (string | number)[]): string {
  return `<tr><td colspan="3">${label}</td>${cells.map((c) => (typeof c === 'number' ? `<td>${c}</td>` : c)).join('')}</tr>`;
}

/** Replaces the first numbers after `label` in clean-2021.html (the row's value cells). */
function setRow(html: string, label: string, values: number[]): string {
  const at = html.indexOf(label);
  let n = 0;
  return html.slice(0, at) + html.slice(at).replace(/<p align="center">\d+<\/p>/g, (m) => (n < values.length ? `<p align="center">${values[n++]}</p>` : m));
}

/** clean-2021.html as `year`'s report, carrying over `over` and forward `forward` (totals only: the rules compare per column). */
export function yearPage(year: number, over: number, forward: number): string {
  const html = fixture('clean-2021.html').replaceAll('临溪县市场监督管理局2022年', `临溪县市场监督管理局${year}年`);
  return setRow(setRow(html, '二、上年结转政府信息公开申请数量', [over]), '四、结转下年度继续办理', [forward]);
}
