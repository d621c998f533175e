/**
 * Makes tests/documents/planted-2021-mismatch-cidfont.pdf and -cidfont-gbk.pdf: the fixture page
 * planted-2021-mismatch.html written as many Chinese government PDFs are, in a CID font that is NOT embedded
 * (Adobe-GB1) coded by a predefined CMap: UniGB-UCS2-H (STSong-Light), each character its two-byte UCS-2 code
 * (`<4E0A5E74> Tj`), or GBK-EUC-H (SimSun), its GBK bytes (ASCII one byte). A reader needs Adobe's CMap
 * files to know what they say. No ToUnicode map, no font file: only what such PDFs hold. Tables are ruled (every cell's box drawn), a table longer than the page goes
 * on over the next one, as a word processor lays it out. Run by hand (`npx node scripts/make-cid-pdf.ts`);
 * the output is committed.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';

const ROOT = join(import.meta.dirname, '..');
const PAGE = 'planted-2021-mismatch';

// A4 portrait, in points.
const PAGE_W = 595;
const PAGE_H = 842;
const MARGIN_X = 50;
const MARGIN_Y = 56;
const WIDTH = PAGE_W - 2 * MARGIN_X;
const TEXT = { size: 10.5, lead: 16 };
const CELL = { size: 9, lead: 12, pad: 3 };

/** Han and full-width forms are one em wide (the font's default width); ASCII half (its /W entries). */
const em = (ch: string) => (ch.charCodeAt(0) < 0x7f ? 0.5 : 1);
const textWidth = (s: string, size: number) => [...s].reduce((w, ch) => w + em(ch), 0) * size;

/** `s` broken into lines no wider than `width` (any character may end a line, as in Chinese typesetting). */
function wrap(s: string, size: number, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const ch of s) {
    if (line && textWidth(line + ch, size) > width) {
      out.push(line);
      line = '';
    }
    line += ch;
  }
  if (line) out.push(line);
  return out;
}

/** The UCS-2 codes of `s`, as UniGB-UCS2-H reads them. */
function ucs2(s: string): string {
  return [...s]
    .map((ch) => {
      const code = ch.codePointAt(0)!;
      if (code > 0xffff) throw new Error(`not in UCS-2: ${ch}`);
      return code.toString(16).toUpperCase().padStart(4, '0');
    })
    .join('');
}

/** Each GBK character's bytes, from the decoder's table (Node encodes no GBK). */
const GBK = new Map<string, string>();
const gbkDecoder = new TextDecoder('gbk');
for (let lead = 0x81; lead <= 0xfe; lead++) {
  for (let trail = 0x40; trail <= 0xfe; trail++) {
    if (trail === 0x7f) continue;
    const ch = gbkDecoder.decode(new Uint8Array([lead, trail]));
    if (ch.length === 1 && ch !== '\ufffd' && !GBK.has(ch)) GBK.set(ch, ((lead << 8) | trail).toString(16).toUpperCase());
  }
}
function gbk(s: string): string {
  return [...s]
    .map((ch) => {
      if (ch.charCodeAt(0) < 0x80) return ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0');
      const code = GBK.get(ch);
      if (!code) throw new Error(`not in GBK: ${ch}`);
      return code;
    })
    .join('');
}

const VARIANTS = [
  { file: `${PAGE}-cidfont.pdf`, font: 'STSong-Light', encoding: 'UniGB-UCS2-H', supplement: 4, encode: ucs2 },
  { file: `${PAGE}-cidfont-gbk.pdf`, font: 'SimSun', encoding: 'GBK-EUC-H', supplement: 2, encode: gbk },
];

const clean = (s: string) => s.replace(/\s+/g, '').trim();

class Pages {
  readonly streams: string[][] = [];
  /** Distance from the current page's top of the next thing laid out. */
  y = MARGIN_Y;
  readonly encode: (s: string) => string;
  constructor(encode: (s: string) => string) {
    this.encode = encode;
    this.newPage();
  }
  newPage() {
    this.streams.push(['0.5 w']);
    this.y = MARGIN_Y;
  }
  get ops() {
    return this.streams.at(-1)!;
  }
  /** Text whose top is at `top` (from the page's top). */
  text(s: string, x: number, top: number, size: number, page = this.streams.length - 1) {
    const baseline = PAGE_H - top - size * 0.88;
    this.streams[page]!.push(`BT /F1 ${size} Tf 1 0 0 1 ${x.toFixed(2)} ${baseline.toFixed(2)} Tm <${this.encode(s)}> Tj ET`);
  }
  box(x0: number, top: number, x1: number, bottom: number, page: number) {
    const [a, b] = [PAGE_H - top, PAGE_H - bottom];
    this.streams[page]!.push(`${x0.toFixed(2)} ${a.toFixed(2)} m ${x1.toFixed(2)} ${a.toFixed(2)} l ${x1.toFixed(2)} ${b.toFixed(2)} l ${x0.toFixed(2)} ${b.toFixed(2)} l h S`);
  }
  paragraph(s: string, size = TEXT.size, centred = false) {
    for (const line of wrap(s, size, WIDTH)) {
      if (this.y + TEXT.lead > PAGE_H - MARGIN_Y) this.newPage();
      const x = centred ? MARGIN_X + (WIDTH - textWidth(line, size)) / 2 : MARGIN_X;
      this.text(line, x, this.y, size);
      this.y += TEXT.lead;
    }
    this.y += 4;
  }
  table(table: Element) {
    // The grid: each cell at its row and first column, spans resolved.
    const cells: { r: number; c: number; rs: number; cs: number; text: string; centred: boolean }[] = [];
    const taken = new Set<string>();
    const rows = [...table.querySelectorAll('tr')];
    rows.forEach((tr, r) => {
      let c = 0;
      for (const td of tr.querySelectorAll('td, th')) {
        while (taken.has(`${r},${c}`)) c++;
        const rs = Number(td.getAttribute('rowspan') ?? 1);
        const cs = Number(td.getAttribute('colspan') ?? 1);
        for (let i = 0; i < rs; i++) for (let j = 0; j < cs; j++) taken.add(`${r + i},${c + j}`);
        cells.push({ r, c, rs, cs, text: clean(td.textContent ?? ''), centred: td.querySelector('[align="center"]') !== null });
        c += cs;
      }
    });
    const ncols = Math.max(...cells.map((x) => x.c + x.cs));
    // Label columns twice as wide as value columns (a column with a number in a cell of its own holds values).
    const valueCol = Array.from({ length: ncols }, (_, c) => cells.some((x) => x.c === c && x.cs === 1 && /^[\d.]+$/.test(x.text)));
    const weights = valueCol.map((v) => (v ? 1 : 2));
    const unit = WIDTH / weights.reduce((a, b) => a + b, 0);
    const xs = [MARGIN_X];
    for (const w of weights) xs.push(xs.at(-1)! + w * unit);
    const inner = (x: (typeof cells)[number]) => xs[x.c + x.cs]! - xs[x.c]! - 2 * CELL.pad;
    const linesOf = (x: (typeof cells)[number]) => wrap(x.text, CELL.size, inner(x));
    const need = (x: (typeof cells)[number]) => Math.max(1, linesOf(x).length) * CELL.lead + 2 * CELL.pad;
    // Row heights: each row as tall as its own cells need, a spanning cell's need added to its last row.
    const heights = rows.map((_, r) => Math.max(CELL.lead + 2 * CELL.pad, ...cells.filter((x) => x.r === r && x.rs === 1).map(need)));
    for (const x of cells.filter((x) => x.rs > 1)) {
      const have = heights.slice(x.r, x.r + x.rs).reduce((a, b) => a + b, 0);
      if (need(x) > have) heights[x.r + x.rs - 1]! += need(x) - have;
    }
    // Rows placed down the pages: a row that does not fit starts the next page.
    const place: { page: number; top: number }[] = [];
    this.y += 4;
    heights.forEach((h) => {
      if (this.y + h > PAGE_H - MARGIN_Y) this.newPage();
      place.push({ page: this.streams.length - 1, top: this.y });
      this.y += h;
    });
    this.y += 8;
    for (const x of cells) {
      // A cell broken by a page end is boxed on each page; its text is printed in its first part.
      for (let r = x.r; r < x.r + x.rs; ) {
        const page = place[r]!.page;
        let end = r;
        while (end + 1 < x.r + x.rs && place[end + 1]!.page === page) end++;
        this.box(xs[x.c]!, place[r]!.top, xs[x.c + x.cs]!, place[end]!.top + heights[end]!, page);
        r = end + 1;
      }
      linesOf(x).forEach((line, i) => {
        const left = x.centred ? xs[x.c]! + (xs[x.c + x.cs]! - xs[x.c]! - textWidth(line, CELL.size)) / 2 : xs[x.c]! + CELL.pad;
        this.text(line, left, place[x.r]!.top + CELL.pad + i * CELL.lead, CELL.size, place[x.r]!.page);
      });
    }
  }
}

const { document } = parseHTML(readFileSync(join(ROOT, 'tests/fixtures', `${PAGE}.html`), 'utf8'));

for (const variant of VARIANTS) {
  const pages = new Pages(variant.encode);
  // The page's record table (索引号, 发布机构, …), the title, then the article.
  pages.table(document.querySelector('.article-tb table')!);
  pages.paragraph(clean(document.querySelector('h1')!.textContent ?? ''), 16, true);
  for (const el of document.querySelector('#zoom')!.children) {
    if (el.tagName === 'TABLE') pages.table(el);
    else if (clean(el.textContent ?? '')) pages.paragraph(clean(el.textContent ?? ''));
  }

  // The PDF: catalog, page tree, the font (Type0 over a CIDFontType0 with no font file), info, then each
  // page and its content stream.
  const objects: string[] = [];
  const add = (body: string) => objects.push(body) - 1 + 1;
  const utf16 = (s: string) => `<FEFF${ucs2(s)}>`;
  const catalog = add('<< /Type /Catalog /Pages 2 0 R >>');
  add('PAGES');
  const cidFont = add(
    `<< /Type /Font /Subtype /CIDFontType0 /BaseFont /${variant.font} /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement ${variant.supplement} >> ` +
      '/FontDescriptor 5 0 R /DW 1000 /W [1 95 500 814 907 500] >>',
  );
  const font = add(`<< /Type /Font /Subtype /Type0 /BaseFont /${variant.font} /Encoding /${variant.encoding} /DescendantFonts [${cidFont} 0 R] >>`);
  add(`<< /Type /FontDescriptor /FontName /${variant.font} /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>`);
  const info = add(`<< /Title ${utf16(clean(document.title))} /Producer (scripts/make-cid-pdf.ts) >>`);
  const kids: number[] = [];
  for (const ops of pages.streams) {
    const stream = ops.join('\n');
    const content = add(`<< /Length ${Buffer.byteLength(stream)} >>\nstream\n${stream}\nendstream`);
    kids.push(add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE_W} ${PAGE_H}] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${content} 0 R >>`));
  }
  objects[1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;

  let pdf = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(pdf, 'latin1'));
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R /Info ${info} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  const out = join(ROOT, 'tests/documents', variant.file);
  writeFileSync(out, Buffer.from(pdf, 'latin1'));
  console.log(`${out}: ${pages.streams.length} pages, ${Buffer.byteLength(pdf, 'latin1')} B`);
}
