/**
 * A saved page from disk, the way the CLI reads it: decoded (GBK/GB2312 pages too, as many .gov.cn sites
 * still serve), parsed with linkedom, and audited — falling back to the report the page's own script
 * would have written in (see lib/scripted-article.ts).
 */
import { readFileSync, statSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { auditDocument, mayHoldReport, type AuditResult } from '../lib/audit.ts';
import { scriptedArticleHtml } from '../lib/scripted-article.ts';

export class InputError extends Error {}

export function decodePage(bytes: Uint8Array): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const declared = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
  if (declared && /gb2312|gbk|gb18030/.test(declared)) return new TextDecoder('gb18030').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

function readHtml(file: string): string {
  let bytes: Uint8Array;
  try {
    if (statSync(file).isDirectory()) throw new InputError(`${file}：这是一个目录`);
    bytes = readFileSync(file);
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`${file}：找不到或无法读取这个文件`);
  }
  const html = decodePage(bytes);
  if (!/<(?:html|body|table|p|div)[\s>]/i.test(html)) throw new InputError(`${file}：不是 HTML 网页（没有找到 <html>/<body>/<table> 等标签）`);
  return html;
}

/** What a browser never renders as text; dropping it before parsing saves linkedom a tenth of its work. */
const UNRENDERED = /<script\b[\s\S]*?<\/script\s*>|<style\b[\s\S]*?<\/style\s*>|<!--[\s\S]*?-->/gi;

/** linkedom leaves content outside document.body when a page has no <html>/<body>; a browser does not. */
export function parseHtml(html: string): Document {
  const stripped = html.replace(UNRENDERED, '');
  const whole = /<body[\s>]/i.test(stripped) ? stripped : `<!doctype html><html><head></head><body>${stripped}</body></html>`;
  return parseHTML(whole).document as unknown as Document;
}

export function readPage(file: string): Document {
  return parseHtml(readHtml(file));
}

/** The CLI's audit of one saved page: the page as saved, else the report its own script would write in. */
export function auditFile(file: string, name = file): AuditResult | null {
  const html = readHtml(file);
  // Most saved pages are not reports: when the source lacks every word a report table prints (and hides no
  // text in character references), there is nothing to parse.
  if (!mayHoldReport(html) && !/&#x?[0-9a-f]+;/i.test(html)) return null;
  const doc = parseHtml(html);
  const direct = auditDocument(doc, { file: name });
  if (direct) return direct;
  const scripts = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script\s*>/gi)].map((m) => m[1]);
  const article = scriptedArticleHtml(scripts);
  if (!article) return null;
  const scripted = parseHtml(`<!doctype html><html><head><title></title></head><body>${article}</body></html>`);
  scripted.title = doc.title;
  return auditDocument(scripted, { file: name });
}
