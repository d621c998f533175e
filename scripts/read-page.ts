/**
 * A saved page from disk, the way the CLI reads it: decoded (GBK/GB2312 pages too, as many .gov.cn sites
 * still serve), parsed into the light DOM of scripts/light-dom.ts (linkedom on request), and audited — falling back to the report the page's own script
 * would have written in (see lib/read/scripted-article.ts).
 */
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parseHTML } from 'linkedom';
import { parseLight } from './light-dom.ts';
import { auditDocument, type AuditResult } from '../lib/audit.ts';
import { auditDocx, auditPdf } from '../lib/audit-attachment.ts';
import { PdfError } from '../lib/read/pdf.ts';
import { DocxError } from '../lib/read/docx.ts';
import { SCANNED_PDF_ADVICE } from '../lib/document-kind.ts';
import { mayHoldReport } from '../lib/report-detection.ts';
import { scriptedArticleHtml } from '../lib/read/scripted-article.ts';

export class InputError extends Error {}

/**
 * GB18030 reading of valid UTF-8 text pairs its bytes into characters mostly outside GB2312's common
 * set; a real GBK page's text is almost all inside it. Enough such pairs (not a stray "é") and the page
 * is UTF-8, whatever its label says.
 */
function looksLikeMislabelledUtf8(bytes: Uint8Array): boolean {
  let pairs = 0;
  let outside = 0;
  for (let i = 0; i < bytes.length; i++) {
    const lead = bytes[i];
    if (lead < 0x80) continue;
    const trail = bytes[++i] ?? 0;
    pairs++;
    if (lead < 0xa1 || lead > 0xf7 || trail < 0xa1 || trail > 0xfe) outside++;
  }
  return pairs >= 8 && outside / pairs > 0.3;
}

function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** The text of a saved page, decoded as a browser would: a byte order mark first, then the declared charset. */
export function decodePage(bytes: Uint8Array): string {
  // A BOM wins over any <meta charset> (the decoders drop it).
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  // Only an ASCII charset name is looked for: latin1 reads each byte as one character, as windows-1252 does.
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 4096)).toString('latin1');
  const declared = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
  const utf8 = strictUtf8(bytes);
  if (declared && /gb2312|gbk|gb18030/.test(declared)) {
    // Pages re-saved as UTF-8 often keep their old GB2312 label; read as GB18030 they are mojibake.
    return utf8 !== null && looksLikeMislabelledUtf8(bytes) ? utf8 : new TextDecoder('gb18030').decode(bytes);
  }
  return utf8 ?? new TextDecoder('gb18030').decode(bytes);
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

/** Elements whose content a browser never shows as text (template content is not even in its tree). */
const UNRENDERED = 'script, style, template, noscript';

/** Did the parser put everything under <html><body>? linkedom does not when a page has no <body> tag. */
function wellFormed(doc: Document): boolean {
  const root = doc.documentElement;
  if (!root || (root.localName ?? root.tagName.toLowerCase()) !== 'html' || doc.body?.parentNode !== root) return false;
  for (let n = root.firstChild; n; n = n.nextSibling) {
    if (n === doc.body || n === doc.head || n.nodeType === 8) continue;
    if (n.nodeType !== 3 || (n.nodeValue ?? '').trim()) return false;
  }
  return true;
}

/**
 * How a page becomes a document: `light` (the default) builds only the light tree of scripts/light-dom.ts,
 * which reads every page as linkedom does (tests/read/light-dom.test.ts); `linkedom` builds a full DOM,
 * for callers that need one (it stays as the reference and as the fallback should a page ever need
 * more than the light tree offers).
 */
export type PageParser = 'light' | 'linkedom';

function parseWith(html: string, parser: PageParser): Document {
  return (parser === 'light' ? parseLight(html) : parseHTML(html).document) as unknown as Document;
}

/**
 * The page parsed by the HTML parser itself (comments, <script> and raw text such as <textarea> are
 * its tokenizer's business: regular expressions over the source get `<!-->` and `<textarea><script>`
 * wrong), then stripped of what a browser never renders. `scripts`: the inline scripts' source.
 */
function parsePage(html: string, parser: PageParser): { doc: Document; scripts: string[] } {
  let doc = parseWith(html, parser);
  if (!wellFormed(doc)) doc = parseWith(`<!doctype html><html><head></head><body>${html}</body></html>`, parser);
  const scripts: string[] = [];
  for (const el of Array.from(doc.querySelectorAll(UNRENDERED))) {
    if ((el.localName ?? el.tagName.toLowerCase()) === 'script') scripts.push(el.textContent ?? '');
    el.remove();
  }
  return { doc, scripts };
}

/** linkedom leaves content outside document.body when a page has no <html>/<body>; a browser does not. */
export function parseHtml(html: string, parser: PageParser = 'linkedom'): Document {
  return parsePage(html, parser).doc;
}

export function readPage(file: string, parser: PageParser = 'linkedom'): Document {
  return parseHtml(readHtml(file), parser);
}

/** The CLI's audit of one saved page: the page as saved, else the report its own script would write in. */
export function auditFile(file: string, name = file, parser: PageParser = 'light'): AuditResult | null {
  return auditHtml(readHtml(file), name, parser);
}

/** auditFile on a page already read and decoded. */
export function auditHtml(html: string, name: string, parser: PageParser = 'light'): AuditResult | null {
  // Most saved pages are not reports: when the source lacks every word a report table prints (and hides no
  // text in character references), there is nothing to parse.
  if (!mayHoldReport(html) && !/&#x?[0-9a-f]+;/i.test(html)) return null;
  const { doc, scripts } = parsePage(html, parser);
  const direct = auditDocument(doc, { file: name });
  if (direct) return direct;
  const article = scriptedArticleHtml(scripts);
  if (!article) return null;
  const scripted = parseHtml(`<!doctype html><html><head><title></title></head><body>${article}</body></html>`, parser);
  scripted.title = doc.title;
  return auditDocument(scripted, { file: name });
}

function readBytes(file: string): Uint8Array {
  try {
    return readFileSync(file);
  } catch {
    throw new InputError(`${file}：找不到或无法读取这个文件`);
  }
}

/** The CLI's audit of a Word (.docx) report: its tables and paragraphs read as a page (lib/read/docx.ts). */
export function auditDocxFile(file: string, name = file): AuditResult | null {
  try {
    return auditDocx(readBytes(file), parseHtml, { file: name });
  } catch (e) {
    if (e instanceof DocxError) throw new InputError(`${file}：这是 Word 文件（.docx），但无法读取：${e.message}`);
    throw e;
  }
}

/** pdf.js's data files where npm installed them: in Node, pdf.js reads them as file paths. */
function pdfJsData() {
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  return { cMapUrl: join(root, 'cmaps') + '/', standardFontDataUrl: join(root, 'standard_fonts') + '/' };
}

/** The CLI's audit of a PDF report (pdf.js's legacy build, loaded only when a PDF comes). */
export async function auditPdfFile(file: string, name = file): Promise<AuditResult | null> {
  const { getDocument, OPS } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  try {
    return await auditPdf({ getDocument, OPS, data: pdfJsData() }, readBytes(file), parseHtml, { file: name });
  } catch (e) {
    if (!(e instanceof PdfError)) throw e;
    if (e.kind === 'scanned') throw new InputError(`${file}：${e.message}，${SCANNED_PDF_ADVICE}`);
    throw new InputError(`${file}：这是 PDF 文件，但${e.message}`);
  }
}
