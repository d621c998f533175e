/**
 * The CLI's plain sentences for what goes wrong around the pages rather than in them: a file that is a
 * document the CLI does not read (legacy .doc, .wps, OFD, Excel, ZIP: lib/document-kind.ts), and an --out folder that cannot be
 * written. A reader gets one sentence, never a stack.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { documentKind, type DocumentKind } from '../lib/document-kind.ts';

export { documentKind, DOCUMENT_ADVICE, type DocumentKind } from '../lib/document-kind.ts';

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
