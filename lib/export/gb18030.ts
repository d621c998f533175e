/**
 * GB18030 for CSV downloads read by old Excel (which ignores the UTF-8 BOM and reads the system code page).
 * TextEncoder only writes UTF-8, and iconv-lite wants Node's Buffer; but every browser (and Node with ICU)
 * *decodes* GB18030, so the encoding table is built once by decoding every two-byte code, and the four-byte
 * codes are computed (they are consecutive in code-point order over the characters the two-byte codes skip).
 * Used in the popup only.
 */

let table: Map<number, number> | null = null;
/** The BMP characters without a two-byte code, in order: the i-th has four-byte index i (GB18030-2005). */
let fourByteBmp: number[] | null = null;

function build(): void {
  const decoder = new TextDecoder('gb18030');
  table = new Map();
  const bytes = new Uint8Array(2);
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      bytes[0] = lead;
      bytes[1] = trail;
      const ch = decoder.decode(bytes);
      const cp = ch.codePointAt(0)!;
      if (ch.length === 1 && cp !== 0xfffd && !table.has(cp)) table.set(cp, (lead << 8) | trail);
    }
  }
  // Four-byte BMP codes: decode them all (39420 of them) in index order.
  const count = 39420;
  const buf = new Uint8Array(count * 4);
  for (let i = 0; i < count; i++) {
    buf[i * 4] = 0x81 + Math.floor(i / 12600);
    buf[i * 4 + 1] = 0x30 + (Math.floor(i / 1260) % 10);
    buf[i * 4 + 2] = 0x81 + (Math.floor(i / 10) % 126);
    buf[i * 4 + 3] = 0x30 + (i % 10);
  }
  const text = decoder.decode(buf);
  fourByteBmp = [];
  for (let i = 0; i < text.length; i++) fourByteBmp.push(text.charCodeAt(i));
}

function fourBytes(index: number, out: number[]): void {
  out.push(0x81 + Math.floor(index / 12600), 0x30 + (Math.floor(index / 1260) % 10), 0x81 + (Math.floor(index / 10) % 126), 0x30 + (index % 10));
}

export function encodeGb18030(text: string): Uint8Array {
  if (!table) build();
  const out: number[] = [];
  let reverse: Map<number, number> | null = null;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) out.push(cp);
    else if (cp > 0xffff) {
      fourBytes(cp - 0x10000, out);
      out[out.length - 4] += 0x90 - 0x81;
    } else {
      const two = table!.get(cp);
      if (two !== undefined) out.push(two >> 8, two & 0xff);
      else {
        reverse ??= new Map(fourByteBmp!.map((c, i) => [c, i]));
        const index = reverse.get(cp);
        if (index === undefined) throw new Error(`GB18030 cannot encode U+${cp.toString(16).toUpperCase()}`);
        fourBytes(index, out);
      }
    }
  }
  return Uint8Array.from(out);
}
