/**
 * The CLI's plain sentences for what goes wrong around the pages rather than in them: a file that is a
 * document the CLI does not read (legacy .doc, .wps, OFD, Excel, ZIP), and an --out folder that cannot be
 * written. A reader gets one sentence, never a stack.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { extname } from 'node:path';

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export type DocumentKind = 'PDF' | 'Word' | 'LegacyWord' | 'WPS' | 'OFD' | 'Excel' | 'ZIP';

/** A report saved as a document instead of a web page, known by its first bytes (whatever its name says). */
export function documentKind(head: Uint8Array, name: string): DocumentKind | null {
  const text = new TextDecoder('latin1').decode(head);
  const pdf = text.indexOf('%PDF-');
  if (pdf >= 0 && pdf < 1024 && !text.slice(0, pdf).includes('<')) return 'PDF';
  if (text.startsWith('PK\u0003\u0004')) {
    // A .docx is a zip whose entries live under word/ (an .xlsx under xl/; an OFD holds OFD.xml).
    if (text.includes('word/')) return 'Word';
    if (text.includes('xl/')) return 'Excel';
    if (text.includes('OFD.xml') || /^\.ofd$/i.test(extname(name))) return 'OFD';
    return 'ZIP';
  }
  if (OLE.every((b, i) => head[i] === b)) {
    const ext = extname(name).toLowerCase();
    if (ext.startsWith('.xls') || ext === '.et') return 'Excel';
    return ext === '.wps' ? 'WPS' : 'LegacyWord';
  }
  return null;
}

const OPEN_THE_PAGE = '请在浏览器中打开年报的网页版，另存为 .html 后再核对';

/** What to do with a document the CLI does not read (.docx and PDFs with a text layer it does read). */
export const DOCUMENT_ADVICE: Record<Exclude<DocumentKind, 'Word' | 'PDF'>, string> = {
  LegacyWord: `这是旧版 Word 文件（.doc），无法直接核对；请用 Word 或 WPS 打开后“另存为” Word 文档（.docx）再核对，或${OPEN_THE_PAGE}`,
  WPS: `这是 WPS 文字文件（.wps），无法直接核对；请用 WPS 打开后“另存为” Word 文档（.docx）再核对，或${OPEN_THE_PAGE}`,
  OFD: `这是 OFD 版式文件，暂不支持；${OPEN_THE_PAGE}，或改用同一年报的 Word（.docx）或 PDF 版本`,
  Excel: `这是 Excel 文件；表格文件暂不支持，${OPEN_THE_PAGE}`,
  ZIP: '这是 ZIP 压缩文件，暂不支持；请先解压，再核对其中的网页、Word（.docx）或 PDF 文件',
};

/** The kind of document a file is (by its first bytes); null for anything else, or a file that cannot be read. */
export function documentFileKind(file: string): DocumentKind | null {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const head = new Uint8Array(65536);
    return documentKind(head.subarray(0, readSync(fd, head, 0, head.length, 0)), file);
  } catch {
    return null; // missing or a folder: the page reader says so
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Where a saved frame page points: the report is usually the page its <iframe> loads. */
export function iframeSources(html: string): string[] {
  const srcs = [...html.matchAll(/<iframe\b[^>]*?\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)].map((m) => (m[1] ?? m[2] ?? m[3]).trim());
  return [...new Set(srcs.filter((s) => s && !/^(?:about:|javascript:|data:)/i.test(s)))];
}

/** One sentence for a failed write into the --out folder `dir`. */
export function writeErrorSentence(err: unknown, dir: string): string {
  const code = (err as { code?: string } | null)?.code;
  if (code === 'ENOTDIR' || code === 'EEXIST') return `无法写入 ${dir}：这是一个文件，不是文件夹`;
  if (code === 'EACCES' || code === 'EPERM') return `无法写入 ${dir}：没有写入权限（只读文件夹？）`;
  if (code === 'EROFS') return `无法写入 ${dir}：所在的磁盘是只读的`;
  if (code === 'ENOSPC') return `无法写入 ${dir}：磁盘已满`;
  return `无法写入 ${dir}：${code ?? (err instanceof Error ? err.message : String(err))}`;
}
