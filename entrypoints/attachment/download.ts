import { t } from '@/components/i18n.ts';

// The attachment's body, read only up to a limit: a report is a few MB, and the page holds the whole file in
// memory (and pdf.js a copy), so a huge file (a scan, a bound volume, a wrong link) is refused, not read.

/** The largest attachment read. */
export const MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024;

export type Downloaded =
  | { kind: 'bytes'; bytes: Uint8Array }
  /** `known`: the server's Content-Length; otherwise `size` is what came before the reading stopped. */
  | { kind: 'too-big'; size: number; known: boolean };

/** `res`'s body, unless its announced size (checked first) or the bytes counted while reading pass `limit`. */
export async function downloadAttachment(res: Response, limit = MAX_ATTACHMENT_BYTES): Promise<Downloaded> {
  const announced = Number(res.headers.get('content-length') ?? NaN);
  if (Number.isFinite(announced) && announced > limit) {
    await res.body?.cancel().catch(() => undefined);
    return { kind: 'too-big', size: announced, known: true };
  }
  if (!res.body) {
    const bytes = new Uint8Array(await res.arrayBuffer());
    return bytes.length > limit ? { kind: 'too-big', size: bytes.length, known: false } : { kind: 'bytes', bytes };
  }
  // Counted as it comes: the header may be missing, or false (or the size before compression).
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      return { kind: 'too-big', size: total, known: false };
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return { kind: 'bytes', bytes };
}

const megabytes = (n: number) => (n / (1024 * 1024)).toFixed(1).replace(/\.0$/, '');

/** What the reader is told of a refused attachment: its size (or that it passed the limit) and the limit. */
export function tooBigText(got: Extract<Downloaded, { kind: 'too-big' }>): string {
  return got.known ? t('attachTooBig', megabytes(got.size), megabytes(MAX_ATTACHMENT_BYTES)) : t('attachTooBigStreamed', megabytes(MAX_ATTACHMENT_BYTES));
}
