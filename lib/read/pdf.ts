/**
 * A PDF report (one with a text layer, as Word and WPS export it) as the HTML the page pipeline reads.
 * Tables are rebuilt from what is drawn: the ruling lines (stroked paths and the thin filled rectangles
 * word processors draw borders with) give the rows and columns, a missing line between two slots merges
 * them (colspan/rowspan), and each piece of text goes into the cell its centre falls in. A table that
 * goes on over the next page (same columns, at the top of that page) is joined into one. The text outside
 * the tables becomes paragraphs. Tables printed without ruling lines (or with only a few rules) are
 * rebuilt from where their text stands (lib/read/pdf-clusters.ts), or left as text when that is not sure;
 * a page's table-like last lines are read again above the next page's text, so a header or first rows
 * cut off by the page end join their table. Every cell remembers its page and box (`PdfDocument.boxes`),
 * so a value can be shown where it is printed.
 *
 * Pure: the caller passes pdf.js (the legacy build in Node; the regular one in an extension page), so
 * this module never loads it by itself and stays out of the content script and the auditor.
 */
import type { getDocument as GetDocument, OPS as PdfOps } from 'pdfjs-dist';
import { clusterTables, hasValue, tableTail } from './pdf-clusters.ts';
import { lines, lineText, type TextBit } from './pdf-text-lines.ts';

export interface PdfJs {
  getDocument: typeof GetDocument;
  OPS: typeof PdfOps;
  /**
   * Where pdf.js finds its data files (pdfjs-dist/cmaps/ and pdfjs-dist/standard_fonts/), each ending in '/':
   * file paths in Node, the extension's own URLs in its page. Without the CMaps, text coded by one of Adobe's
   * predefined CMaps (a Chinese font not embedded, e.g. STSong-Light with UniGB-UCS2-H) reads as nothing.
   */
  data: PdfJsData;
}

export interface PdfJsData {
  cMapUrl: string;
  standardFontDataUrl: string;
}

/** getDocument's options for these files (the CMaps are the packed .bcmap ones pdfjs-dist ships). */
export const pdfJsDataOptions = (data: PdfJsData) => ({ cMapUrl: data.cMapUrl, cMapPacked: true, standardFontDataUrl: data.standardFontDataUrl });

export class PdfError extends Error {
  /** 'scanned': no text layer (the pages are pictures); 'unreadable': not a PDF pdf.js can open. */
  readonly kind: 'scanned' | 'unreadable';
  constructor(message: string, kind: 'scanned' | 'unreadable') {
    super(message);
    this.kind = kind;
  }
}

/** Where a cell is printed: 1-based page, box [left, top, right, bottom] in PDF points from the page's top left. */
export interface PdfPlace {
  page: number;
  box: [number, number, number, number];
}


interface Segment {
  /** Horizontal: y fixed, from a to b in x. Vertical: x fixed, from a to b in y (top-down). */
  at: number;
  a: number;
  b: number;
}

interface PageContent {
  bits: TextBit[];
  hs: Segment[];
  vs: Segment[];
  width: number;
  height: number;
}

/** Full-width characters (Han, kana, full-width forms and punctuation) are one em wide; others about half. */
const charWidth = (ch: string) => (/[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 1 : 0.5);

/**
 * pdf.js joins the text of neighbouring cells on one line into one item, with a space for each gap. Its
 * words, each placed by its characters' widths (the gaps share what is left), go each into its own cell.
 */
function words(str: string, x: number, width: number, y: number, size: number): TextBit[] {
  const parts = str.split(/(\s+)/);
  const wordParts = parts.filter((p, i) => i % 2 === 0 && p);
  if (wordParts.length <= 1) return str.trim() ? [{ str: str.trim(), x0: x, x1: x + width, y, size }] : [];
  const em = (p: string) => [...p].reduce((s, ch) => s + charWidth(ch), 0) * size;
  const inked = wordParts.reduce((s, p) => s + em(p), 0);
  const gaps = parts.filter((p, i) => i % 2 === 1 && p).length + (parts[0] ? 0 : -1) + (parts.at(-1) ? 0 : -1);
  const scale = inked > width ? width / inked : 1;
  const gap = inked > width ? 0 : (width - inked) / Math.max(gaps, 1);
  const out: TextBit[] = [];
  let at = x;
  parts.forEach((p, i) => {
    if (!p) return;
    if (i % 2 === 1) {
      if (out.length) at += gap;
      return;
    }
    const w = em(p) * scale;
    out.push({ str: p, x0: at, x1: at + w, y, size });
    at += w;
  });
  return out;
}

/** Lines closer than this (points) are the same line: double borders, rounding, half a line width. */
const SNAP = 2;
/** A filled rectangle this thin is a drawn line. */
const THIN = 3;

type Matrix = [number, number, number, number, number, number];
const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
const multiply = (m: Matrix, n: Matrix): Matrix => [
  n[0] * m[0] + n[1] * m[2],
  n[0] * m[1] + n[1] * m[3],
  n[2] * m[0] + n[3] * m[2],
  n[2] * m[1] + n[3] * m[3],
  n[4] * m[0] + n[5] * m[2] + m[4],
  n[4] * m[1] + n[5] * m[3] + m[5],
];

/** pdf.js's path data: a flat list of DrawOPS codes (moveTo 0, lineTo 1, curveTo 2, quadraticCurveTo 3, closePath 4) and their coordinates. */
function subpaths(data: ArrayLike<number>): [number, number][][] {
  const out: [number, number][][] = [];
  let current: [number, number][] = [];
  for (let i = 0; i < data.length; ) {
    const op = data[i++];
    if (op === 0) {
      if (current.length) out.push(current);
      current = [[data[i], data[i + 1]]];
      i += 2;
    } else if (op === 1) {
      current.push([data[i], data[i + 1]]);
      i += 2;
    } else if (op === 2) {
      current.push([data[i + 4], data[i + 5]]);
      i += 6;
    } else if (op === 3) {
      current.push([data[i + 2], data[i + 3]]);
      i += 4;
    } else if (op === 4) {
      if (current.length) current.push(current[0]);
    } else break; // an unknown code: stop rather than misread the rest
  }
  if (current.length) out.push(current);
  return out;
}

async function readPage(pdfjs: PdfJs, page: Awaited<ReturnType<Awaited<ReturnType<typeof GetDocument>['promise']>['getPage']>>): Promise<PageContent> {
  const [, , width, height] = page.view;
  const flip = (y: number) => height - y;
  const OPS = pdfjs.OPS;
  const text = await page.getTextContent();
  const bits: TextBit[] = [];
  for (const item of text.items) {
    if (!('str' in item) || !item.str) continue;
    const [, , c, d, e, f] = item.transform as number[];
    const size = Math.hypot(c, d) || item.height || 10;
    bits.push(...words(item.str, e, item.width, flip(f + size * 0.35), size));
  }

  const ops = await page.getOperatorList();
  const hs: Segment[] = [];
  const vs: Segment[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const painted = new Set([OPS.stroke, OPS.closeStroke, OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const filled = new Set([OPS.fill, OPS.eoFill]);
  const addLine = (x0: number, y0: number, x1: number, y1: number) => {
    if (Math.abs(y0 - y1) < 0.5 && Math.abs(x1 - x0) >= THIN) hs.push({ at: flip((y0 + y1) / 2), a: Math.min(x0, x1), b: Math.max(x0, x1) });
    else if (Math.abs(x0 - x1) < 0.5 && Math.abs(y1 - y0) >= THIN) vs.push({ at: (x0 + x1) / 2, a: flip(Math.max(y0, y1)), b: flip(Math.min(y0, y1)) });
  };
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform) ctm = multiply(ctm, args as Matrix);
    else if (fn === OPS.constructPath) {
      const [op, data] = args as [number, [ArrayLike<number>] | null];
      if (!painted.has(op) || !data?.[0]) continue;
      for (const path of subpaths(data[0])) {
        const points = path.map(([x, y]) => apply(ctm, x, y));
        const xs = points.map((p) => p[0]);
        const ys = points.map((p) => p[1]);
        const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
        // A thin filled rectangle is how Word, WPS and LibreOffice draw a border: its middle line.
        if (filled.has(op) && x1 - x0 < THIN && y1 - y0 >= THIN) addLine((x0 + x1) / 2, y0, (x0 + x1) / 2, y1);
        else if (filled.has(op) && y1 - y0 < THIN && x1 - x0 >= THIN) addLine(x0, (y0 + y1) / 2, x1, (y0 + y1) / 2);
        else if ((x1 - x0) * (y1 - y0) > width * height * 0.5) continue; // a page background, not a border
        else for (let k = 1; k < points.length; k++) addLine(points[k - 1][0], points[k - 1][1], points[k][0], points[k][1]);
      }
    }
  }
  return { bits, hs, vs, width, height };
}

/** Sorted positions, those within SNAP of the previous one merged (their mean). */
function cluster(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const v of sorted) {
    const last = out.at(-1);
    if (last && v - last[last.length - 1] <= SNAP) last.push(v);
    else out.push([v]);
  }
  return out.map((g) => g.reduce((s, v) => s + v, 0) / g.length);
}

interface Frame {
  xs: number[];
  ys: number[];
  hs: Segment[];
  vs: Segment[];
}

/** Groups of ruling lines that touch one another: each with two rows or two columns at least is a table. */
function frames(hs: Segment[], vs: Segment[]): Frame[] {
  const all = [...hs.map((s) => ({ s, h: true })), ...vs.map((s) => ({ s, h: false }))];
  const parent = all.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (let i = 0; i < hs.length; i++) {
    for (let j = hs.length; j < all.length; j++) {
      const h = all[i].s;
      const v = all[j].s;
      if (v.at >= h.a - SNAP && v.at <= h.b + SNAP && h.at >= v.a - SNAP && h.at <= v.b + SNAP) parent[find(i)] = find(j);
    }
  }
  const groups = new Map<number, { hs: Segment[]; vs: Segment[] }>();
  all.forEach(({ s, h }, i) => {
    const g = groups.get(find(i)) ?? { hs: [], vs: [] };
    (h ? g.hs : g.vs).push(s);
    groups.set(find(i), g);
  });
  const out: Frame[] = [];
  for (const g of groups.values()) {
    if (!g.hs.length || !g.vs.length) continue;
    const xs = cluster(g.vs.map((s) => s.at));
    const ys = cluster(g.hs.map((s) => s.at));
    if (xs.length < 2 || ys.length < 2 || (xs.length === 2 && ys.length === 2)) continue; // a box around text, not a table
    out.push({ xs, ys, hs: g.hs, vs: g.vs });
  }
  return out.sort((a, b) => a.ys[0] - b.ys[0]);
}

interface LaidCell {
  r0: number;
  r1: number;
  c0: number;
  c1: number;
  bits: TextBit[];
  /** Where the column's text runs from and to, when no ruling line shows the cell's edges (a clustered table). */
  textEdges?: [number, number];
}

/** The slots of a frame joined wherever no line parts them, as cells spanning [r0, r1) × [c0, c1). */
function layFrame(frame: Frame): LaidCell[] {
  const { xs, ys } = frame;
  const rows = ys.length - 1;
  const cols = xs.length - 1;
  const ruled = (segs: Segment[], at: number, from: number, to: number) => {
    const mid = (from + to) / 2;
    return segs.some((s) => Math.abs(s.at - at) <= SNAP && s.a - SNAP <= mid && s.b + SNAP >= mid);
  };
  const parent = Array.from({ length: rows * cols }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (c + 1 < cols && !ruled(frame.vs, xs[c + 1], ys[r], ys[r + 1])) parent[find(r * cols + c + 1)] = find(r * cols + c);
      if (r + 1 < rows && !ruled(frame.hs, ys[r + 1], xs[c], xs[c + 1])) parent[find((r + 1) * cols + c)] = find(r * cols + c);
    }
  }
  const cells = new Map<number, LaidCell>();
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const root = find(r * cols + c);
      const cell = cells.get(root);
      if (!cell) cells.set(root, { r0: r, r1: r + 1, c0: c, c1: c + 1, bits: [] });
      else {
        cell.r1 = Math.max(cell.r1, r + 1);
        cell.c1 = Math.max(cell.c1, c + 1);
      }
    }
  }
  return [...cells.values()];
}

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/**
 * A cell's text: a line that runs to the cell's right edge was wrapped there, so the next line goes on
 * (no break); any other line ends a paragraph. A number never wraps. `wrapped`: the last line ran to the edge (the text may go
 * on in the same cell on the next page).
 */
function cellText(bits: TextBit[], left: number, right: number): { text: string; wrapped: boolean } {
  let out = '';
  let wrapped = false;
  for (const line of lines(bits)) {
    const text = lineText(line).trim();
    if (!text) continue;
    const start = Math.min(...line.map((b) => b.x0));
    const end = Math.max(...line.map((b) => b.x1));
    // Filled from edge to edge: a short number centred in a narrow column does not count.
    wrapped = right - end < line[0].size * 1.5 && start - left < line[0].size * 1.5 && !/^[\d.,\s%-]+$/.test(text);
    out += text + (wrapped ? '' : '\n');
  }
  return { text: out.replace(/\n$/, ''), wrapped };
}

interface PageTable {
  frame: Frame;
  cells: LaidCell[];
  top: number;
  bottom: number;
  /** Rebuilt from where the text stands (no ruling lines): its edges are those of its text. */
  clustered?: boolean;
  /** Of a clustered table: the index in frame.xs where its value columns start. */
  valuesFrom?: number;
  valueCentres?: number[];
}

interface Block {
  top: number;
  html: string;
}

export interface PdfDocument {
  /** The document's Title (its metadata) or ''. */
  title: string;
  html: string;
  /** The paragraphs outside the tables, one a line. */
  articleText: string;
  pages: number;
  /** Where each cell of the n-th <table> of `html` is printed: boxes[table] keyed by `${row},${col}`. */
  boxes: Map<string, PdfPlace>[];
}

/** A cell of a table being joined over pages: its rows are counted from the table's first row. */
interface JoinedCell {
  r0: number;
  r1: number;
  /** Left and right edges: the joined table's columns are those of all its parts. */
  x0: number;
  x1: number;
  text: string;
  wrapped: boolean;
  place: PdfPlace;
}

interface OpenTable {
  cells: JoinedCell[];
  frame: Frame;
  /** Of a clustered table: where its value columns start in frame.xs. */
  valuesFrom?: number;
  valueCentres?: number[];
  rowCount: number;
  block: Block;
  atPageEnd: boolean;
}

/**
 * Where a table goes on over a page break, the cells the break cut in two are joined again: a cell that
 * spans rows on both sides and is empty below the break (a merged label), and the whole last row when it
 * was itself broken (a cell's text wrapped at the edge goes on below, and below holds text only where the
 * row above does: the values were all above).
 */
function joinAtBreak(above: JoinedCell[], lastRow: number, below: JoinedCell[]): { joined: Set<JoinedCell>; shift: 0 | 1 } {
  const joined = new Set<JoinedCell>();
  const bottom = above.filter((c) => c.r1 === lastRow);
  const counterpart = (c: JoinedCell) => bottom.find((u) => Math.abs(u.x0 - c.x0) <= SNAP && Math.abs(u.x1 - c.x1) <= SNAP);
  const pairs = below.filter((c) => c.r0 === lastRow).map((c) => [counterpart(c), c] as const);
  // The whole first row below is the rest of the last row above: text only where a cell's text ran on.
  const rowBroken =
    pairs.every(([up, down]) => up && (!down.text || up.wrapped)) && pairs.some(([up, down]) => up?.wrapped && down.text);
  for (const [up, down] of pairs) {
    if (!up) continue;
    const textGoesOn = up.wrapped && !!down.text;
    const spannedLabel = !down.text && !!up.text && up.r1 - up.r0 >= 2 && down.r1 - down.r0 >= 2;
    if (!rowBroken && !textGoesOn && !spannedLabel) continue;
    up.text += down.text;
    up.wrapped = down.wrapped;
    // A broken row's second half is no row of its own: the grid rows below move up one.
    up.r1 = rowBroken ? Math.max(up.r1, down.r1 - 1) : down.r1;
    joined.add(down);
  }
  return { joined, shift: rowBroken ? 1 : 0 };
}

function tableHtml(cells: JoinedCell[], rowCount: number): { html: string; places: Map<string, PdfPlace> } {
  const xs = cluster(cells.flatMap((c) => [c.x0, c.x1]));
  const col = (x: number) => xs.findIndex((v) => Math.abs(v - x) <= SNAP + 0.01);
  const places = new Map<string, PdfPlace>();
  const rows: string[] = [];
  for (let r = 0; r < rowCount; r++) {
    const tds = cells
      .filter((c) => c.r0 === r)
      .sort((a, b) => a.x0 - b.x0)
      .map((c) => {
        const [c0, c1] = [col(c.x0), col(c.x1)];
        places.set(`${r},${c0}`, c.place);
        const spans = `${c1 - c0 > 1 ? ` colspan="${c1 - c0}"` : ''}${c.r1 - c.r0 > 1 ? ` rowspan="${c.r1 - c.r0}"` : ''}`;
        return `<td${spans}>${c.text.split('\n').map(escapeHtml).join('<br>')}</td>`;
      });
    rows.push(`<tr>${tds.join('')}</tr>\n`);
  }
  return { html: `<table border="1">\n${rows.join('')}</table>\n`, places };
}

/** A page number alone on a line ("- 2 -", "第 2 页", "2/5"): page furniture, not the report's text. */
const PAGE_NUMBER = /^[-—–\s]*(?:第\s*)?\d+\s*(?:页)?\s*(?:(?:[/／]|共)\s*\d+\s*页?)?[-—–\s]*$/;

/** Two tables have the same left and right edges (a table going on over a page break keeps its width). */
const sameEdges = (a: number[], b: number[]) => Math.abs(a[0] - b[0]) <= SNAP && Math.abs(a.at(-1)! - b.at(-1)!) <= SNAP;

/** Column edges of two clustered tables this close (points) are the same edge, on two pages. */
const CLUSTER_SNAP = 8;

/**
 * A clustered table going on over a page break: its value columns have the same edges (its labels may
 * start elsewhere), or the part below has the first few of them (a part whose last columns are empty).
 */
function sameValueColumns(a: number[], b: number[]): boolean {
  if (b.length > a.length || b.length < 2) return false;
  return b.every((x, i) => i === b.length - 1 || Math.abs(x - a[i]) <= CLUSTER_SNAP);
}

/** A cell all of whose text was carried over from the previous page's end: where that text is printed there. */
function printedPlace(bits: TextBit[], printedAt: Map<TextBit, { page: number; bit: TextBit }>): PdfPlace | null {
  const origins = bits.map((b) => printedAt.get(b));
  if (!origins.length || origins.some((o) => !o)) return null;
  const round = (v: number) => Math.round(v * 10) / 10;
  const printed = origins.map((o) => o!.bit);
  const top = Math.min(...printed.map((b) => b.y - b.size * 0.6));
  const bottom = Math.max(...printed.map((b) => b.y + b.size * 0.6));
  return { page: origins[0]!.page, box: [round(Math.min(...printed.map((b) => b.x0))), round(top), round(Math.max(...printed.map((b) => b.x1))), round(bottom)] };
}

/** Reads a PDF's text and tables; throws PdfError when it cannot be opened or has no text layer. */
export async function readPdf(pdfjs: PdfJs, bytes: Uint8Array): Promise<PdfDocument> {
  // A plain copy: pdf.js takes over (detaches) the buffer it is given, and refuses a Node Buffer.
  let task: ReturnType<PdfJs['getDocument']> | undefined;
  let doc;
  try {
    task = pdfjs.getDocument({ data: new Uint8Array(bytes), verbosity: 0, useSystemFonts: false, ...pdfJsDataOptions(pdfjs.data) });
    doc = await task.promise;
  } catch (e) {
    await task?.destroy();
    throw new PdfError(`PDF 文件无法打开（${e instanceof Error ? e.message : String(e)}）`, 'unreadable');
  }
  try {
    const info = (await doc.getMetadata().catch(() => null))?.info as { Title?: string } | undefined;
    const title = typeof info?.Title === 'string' ? info.Title.trim() : '';
    const blocks: Block[] = [];
    const paragraphs: string[] = [];
    const boxes: Map<string, PdfPlace>[] = [];
    /** The last table written, while nothing but its page's end has followed it: a continuation joins it. */
    let open: OpenTable | null = null;
    const tablesRead: OpenTable[] = [];
    let textSeen = false;
    /** Text at the end of the previous page that may be the start of a table going on over the break. */
    let carried: TextBit[] = [];
    /** Where a carried piece of text is printed (its page and place before it was moved above the next page's text). */
    const printedAt = new Map<TextBit, { page: number; bit: TextBit }>();
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await readPage(pdfjs, page);
      if (content.bits.some((b) => b.str.trim())) textSeen = true;
      const tables: PageTable[] = frames(content.hs, content.vs).map((frame) => ({ frame, cells: layFrame(frame), top: frame.ys[0], bottom: frame.ys.at(-1)! }));
      const loose: TextBit[] = [];
      for (const bit of content.bits) {
        const x = (bit.x0 + bit.x1) / 2;
        const table = tables.find((t) => bit.y >= t.top && bit.y <= t.bottom && x >= t.frame.xs[0] && x <= t.frame.xs.at(-1)!);
        if (!table) {
          loose.push(bit);
          continue;
        }
        const { xs, ys } = table.frame;
        const cell = table.cells.find((c) => x >= xs[c.c0] && x <= xs[c.c1] && bit.y >= ys[c.r0] && bit.y <= ys[c.r1]);
        cell?.bits.push(bit);
      }
      // A page number in the top or bottom margin would stand between a table and its continuation.
      for (const line of lines(loose)) {
        const text = lineText(line).trim();
        if (PAGE_NUMBER.test(text) && (line[0].y < content.height * 0.08 || line[0].y > content.height * 0.92)) for (const bit of line) loose.splice(loose.indexOf(bit), 1);
      }
      // The last page's table-like tail (a table's header, or its first rows) goes on above this page's text.
      if (carried.length) {
        const firstY = Math.min(...loose.map((b) => b.y), ...tables.map((t) => t.top), content.height);
        // A header's wrapped labels go on one line lower; value rows stand farther off their header.
        const topLine = loose.filter((b) => Math.abs(b.y - firstY) <= b.size * 0.5);
        const shift = firstY - (hasValue(topLine) ? 2.5 : 1.2) * carried[0].size - Math.max(...carried.map((b) => b.y));
        for (const b of carried) {
          const moved = { ...b, y: b.y + shift };
          printedAt.set(moved, { page: n - 1, bit: b });
          loose.push(moved);
        }
        carried = [];
      }
      // Tables without ruling lines, from where the loose text stands; what they do not take stays text.
      const { tables: clustered } = clusterTables(loose, content.width);
      for (const t of clustered) {
        tables.push({ frame: { xs: t.xs, ys: t.ys, hs: [], vs: [] }, cells: t.cells, top: t.ys[0], bottom: t.ys.at(-1)!, clustered: true, valuesFrom: t.valuesFrom, valueCentres: t.valueCentres });
        for (let k = loose.length - 1; k >= 0; k--) if (t.used.has(loose[k])) loose.splice(k, 1);
      }
      if (n < doc.numPages) {
        const below = Math.max(0, ...tables.map((t) => t.bottom));
        carried = tableTail(loose.filter((b) => b.y > below), content.width);
        for (const bit of carried) loose.splice(loose.indexOf(bit), 1);
      }
      const pageBlocks: (Block & { table?: PageTable })[] = [];
      for (const line of lines(loose)) {
        const text = lineText(line).trim();
        if (!text) continue;
        paragraphs.push(text);
        const left = Math.min(...line.map((b) => b.x0));
        const right = Math.max(...line.map((b) => b.x1));
        const centred = Math.abs((left + right) / 2 - content.width / 2) < 12 && right - left < content.width * 0.7;
        pageBlocks.push({ top: line[0].y, html: `<p${centred ? ' align="center"' : ''}>${escapeHtml(text)}</p>\n` });
      }
      for (const table of tables) pageBlocks.push({ top: table.top, html: '', table });
      pageBlocks.sort((a, b) => a.top - b.top);

      for (let k = 0; k < pageBlocks.length; k++) {
        const block = pageBlocks[k];
        if (!block.table) {
          blocks.push(block);
          open = null;
          continue;
        }
        const { frame, cells, clustered, valuesFrom, valueCentres } = block.table;
        const continues = open && open.atPageEnd && k === 0;
        // A part whose rows hold one value each, centred under all the columns above (merged cells): those columns.
        const overAll =
          continues &&
          !!open!.valueCentres &&
          valueCentres?.length === 1 &&
          open!.valueCentres.length >= 2 &&
          Math.abs(valueCentres[0] - (open!.valueCentres[0] + open!.valueCentres.at(-1)!) / 2) <= CLUSTER_SNAP;
        const joins =
          !!continues &&
          (clustered
            ? open!.valuesFrom !== undefined && (overAll || sameValueColumns(open!.frame.xs.slice(open!.valuesFrom), frame.xs.slice(valuesFrom)))
            : open!.valuesFrom === undefined && sameEdges(open!.frame.xs, frame.xs));
        if (!joins) {
          open = { cells: [], frame, rowCount: 0, block: { top: block.top, html: '' }, atPageEnd: false, valuesFrom, valueCentres };
          tablesRead.push(open);
          blocks.push(open.block);
        }
        const target = open!;
        // A part with fewer value columns ends where its last one ends in the table above.
        const fewerColumns = joins && clustered && !overAll && frame.xs.length - valuesFrom! < target.frame.xs.length - target.valuesFrom!;
        const { ys } = frame;
        // A clustered table's column edges come from its text: on the next page, they are those of its first part.
        // Its outer edges too (the labels may start elsewhere on this page): every row spans the whole table.
        const xs =
          joins && clustered
            ? frame.xs.map((x, i) =>
                i === 0
                  ? target.frame.xs[0]
                  : i === frame.xs.length - 1
                    ? fewerColumns
                      ? target.frame.xs[target.valuesFrom! + i - valuesFrom!]
                      : target.frame.xs.at(-1)!
                    : overAll && i === valuesFrom
                      ? target.frame.xs[target.valuesFrom!]
                      : (target.frame.xs.find((v) => Math.abs(v - x) <= CLUSTER_SNAP) ?? x),
              )
            : frame.xs;
        const round = (v: number) => Math.round(v * 10) / 10;
        const below: JoinedCell[] = cells.map((c) => ({
          r0: target.rowCount + c.r0,
          r1: target.rowCount + c.r1,
          x0: xs[c.c0],
          x1: xs[c.c1],
          ...cellText(c.bits, ...(c.textEdges ?? [xs[c.c0], xs[c.c1]])),
          place: printedPlace(c.bits, printedAt) ?? { page: n, box: [round(xs[c.c0]), round(ys[c.r0]), round(xs[c.c1]), round(ys[c.r1])] },
        }));
        const { joined, shift } = joins ? joinAtBreak(target.cells, target.rowCount, below) : { joined: new Set<JoinedCell>(), shift: 0 };
        for (const c of below) {
          if (joined.has(c)) continue;
          c.r0 -= shift;
          c.r1 -= shift;
          target.cells.push(c);
        }
        target.rowCount += ys.length - 1 - shift;
        target.atPageEnd = k === pageBlocks.length - 1;
      }
      page.cleanup();
    }
    if (!textSeen) throw new PdfError('这是扫描版 PDF（没有文字层，页面是图片）', 'scanned');
    for (const table of tablesRead) {
      const { html, places } = tableHtml(table.cells, table.rowCount);
      table.block.html = html;
      boxes.push(places);
    }
    const html = `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body>\n${blocks.map((b) => b.html).join('')}</body></html>`;
    return { title, html, articleText: paragraphs.join('\n'), pages: doc.numPages, boxes };
  } finally {
    await task.destroy();
  }
}
