import { describe, expect, it } from 'vitest';
import { encodeGb18030 } from '../../lib/export/gb18030.ts';

const decode = (bytes: Uint8Array) => new TextDecoder('gb18030').decode(bytes);

describe('GB18030 encoder', () => {
  it('writes the known two-byte codes of common report words (GBK) and ASCII as is', () => {
    // 中 = D6D0, 文 = CEC4 in GB2312/GBK/GB18030.
    expect([...encodeGb18030('中文,1\r\n')]).toEqual([0xd6, 0xd0, 0xce, 0xc4, 0x2c, 0x31, 0x0d, 0x0a]);
  });

  it('round-trips a CSV line with full-width punctuation, the euro sign, a four-byte BMP character and an emoji', () => {
    const text = '"临溪县市场监督管理局","（一）予以公开",€,\u00e9,\u0e01,𠀀😀,—,…';
    expect(decode(encodeGb18030(text))).toBe(text);
    // U+0080 is the first four-byte code: 81 30 81 30.
    expect([...encodeGb18030('\u0080')]).toEqual([0x81, 0x30, 0x81, 0x30]);
    // U+10000 is the first supplementary one: 90 30 81 30.
    expect([...encodeGb18030('\u{10000}')]).toEqual([0x90, 0x30, 0x81, 0x30]);
  });

  it('round-trips every BMP character outside the private-use area (some of whose codes GB18030-2022 moved to standard characters)', () => {
    let text = '';
    for (let cp = 0x80; cp <= 0xffff; cp++) if (cp < 0xd800 || cp > 0xf8ff) text += String.fromCharCode(cp);
    expect(decode(encodeGb18030(text))).toBe(text);
    // Never a silent substitute: the caller falls back to UTF-8.
    expect(() => encodeGb18030('\ue5e5')).toThrow(/U\+E5E5/);
  });
});
