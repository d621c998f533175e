/** A saved page from disk as a DOM (linkedom), decoding GBK/GB2312 pages as many .gov.cn sites still serve. */
import { readFileSync, statSync } from 'node:fs';
import { parseHTML } from 'linkedom';

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

export function readPage(file: string): Document {
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
  return parseHtml(html);
}

/** linkedom leaves content outside document.body when a page has no <html>/<body>; a browser does not. */
export function parseHtml(html: string): Document {
  const whole = /<body[\s>]/i.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`;
  return parseHTML(whole).document as unknown as Document;
}
