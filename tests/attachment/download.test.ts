import { describe, expect, it } from 'vitest';
import { downloadAttachment, MAX_ATTACHMENT_BYTES, tooBigText } from '@/entrypoints/attachment/download.ts';
import { setLanguage } from '@/components/i18n.ts';

// The attachment page reads at most MAX_ATTACHMENT_BYTES: the size the server announces is checked before
// the body is read, and the body is counted as it comes (a missing or false Content-Length).

/** A response whose body comes in `chunks` chunks of `size` bytes; `pulled` counts the chunks handed out. */
function streamed(chunks: number, size: number, headers: Record<string, string> = {}) {
  const state = { pulled: 0, cancelled: false };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (state.pulled === chunks) return controller.close();
      state.pulled++;
      controller.enqueue(new Uint8Array(size).fill(state.pulled));
    },
    cancel() {
      state.cancelled = true;
    },
  });
  return { res: new Response(body, { headers }), state };
}

describe('downloadAttachment', () => {
  it('is 50 MB', () => {
    expect(MAX_ATTACHMENT_BYTES).toBe(50 * 1024 * 1024);
  });

  it('reads a body within the limit whole, in order', async () => {
    const { res } = streamed(3, 4, { 'content-length': '12' });
    const got = await downloadAttachment(res, 12);
    expect(got).toEqual({ kind: 'bytes', bytes: new Uint8Array([1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3]) });
  });

  it('a Content-Length over the limit: refused with that size, before any of the body is read', async () => {
    const { res, state } = streamed(3, 4, { 'content-length': '13' });
    expect(await downloadAttachment(res, 12)).toEqual({ kind: 'too-big', size: 13, known: true });
    expect(state.pulled).toBeLessThanOrEqual(1);
    expect(state.cancelled).toBe(true);
  });

  it('no Content-Length, or a false one: counted while reading, stopped past the limit', async () => {
    const none = streamed(100, 5);
    expect(await downloadAttachment(none.res, 12)).toEqual({ kind: 'too-big', size: 15, known: false });
    expect(none.state.pulled).toBeLessThan(100);
    expect(none.state.cancelled).toBe(true);
    const lying = streamed(100, 5, { 'content-length': '10' });
    expect(await downloadAttachment(lying.res, 12)).toEqual({ kind: 'too-big', size: 15, known: false });
  });

  it('exactly the limit is read', async () => {
    const { res } = streamed(3, 4);
    expect((await downloadAttachment(res, 12)).kind).toBe('bytes');
  });

  it('tells the reader the size (or how much came before it stopped) and the limit, in both languages', () => {
    setLanguage('zh');
    expect(tooBigText({ kind: 'too-big', size: 83.4 * 1024 * 1024, known: true })).toBe('附件有 83.4 MB，超过了可核对的上限（50 MB），没有读取。年报一般只有几 MB；这么大的文件多半是扫描件或合订本，请改用年报的网页版或 Word（.docx）版本。');
    expect(tooBigText({ kind: 'too-big', size: MAX_ATTACHMENT_BYTES + 1, known: false })).toContain('超过 50 MB');
    setLanguage('en');
    expect(tooBigText({ kind: 'too-big', size: 83.4 * 1024 * 1024, known: true })).toContain('83.4 MB');
    expect(tooBigText({ kind: 'too-big', size: 83.4 * 1024 * 1024, known: true })).toContain('50 MB');
    setLanguage('zh');
  });
});
