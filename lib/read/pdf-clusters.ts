/**
 * Tables printed without ruling lines (or with only a few horizontal rules, the "three-line" style),
 * rebuilt from where their text stands. Rows come from baselines: every line with a value (a number, or a
 * placeholder like "/") beside other text anchors a row, and the lines near it (a label wrapped over two
 * or three lines) join it; lines farther from any value line (header labels) form header rows. Columns
 * come from the value lines alone: the gaps that are empty in every one of them part the columns.
 *
 * Precision over recall: where the clustering is not sure, no grid is made and the text stays article
 * text (the audit then finds no table there, and says so). It refuses when a value line has two pieces in
 * one column or a number that crosses a column gap (ragged columns), when the values of a column do not
 * line up (left, centre or right), or when fewer than two columns or rows are found. A number is never put
 * in a column it does not stand in.
 */
import { lines, type TextBit } from './pdf-text-lines.ts';

export interface ClusteredCell {
  r0: number;
  r1: number;
  c0: number;
  c1: number;
  bits: TextBit[];
  /** From the left edge of the leftmost text in its columns to the right edge of the rightmost: a line of the cell reaching that edge was wrapped there. */
  textEdges: [number, number];
}

export interface ClusteredTable {
  /** Column and row boundaries (left to right, top to bottom), as a ruled table's lines would be. */
  xs: number[];
  ys: number[];
  cells: ClusteredCell[];
  /** Index in xs of the first value column's left edge (the columns left of it hold labels). */
  valuesFrom: number;
  /** The middles of the value columns' text, left to right. */
  valueCentres: number[];
  /** Every piece of text the table took (the rest stays article text). */
  used: Set<TextBit>;
}

export interface ClusterRefusal {
  top: number;
  bottom: number;
  reason: string;
}

/** A run of text on one line with no gap wider than about an em: one cell's text. */
interface Piece {
  x0: number;
  x1: number;
  y: number;
  size: number;
  bits: TextBit[];
  text: string;
  value: boolean;
}

interface Line {
  y: number;
  size: number;
  pieces: Piece[];
  anchor: boolean;
}

/** A cell's value as printed: a number (with a unit of up to two characters) or a placeholder. */
const VALUE = /^(?:[-+]?\d[\d,]*(?:\.\d+)?\s*[%‰]?\s*[\u4e00-\u9fff]{0,2}|[/／—–-]{1,2})$/;
/** How a row label begins: its number ("1.", "（三）", "二、"). */
const ENUMERATOR = /^(?:\d+[.．、]|[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、)/;
/** Text nearer than this (in ems) is one piece; pieces of two cells stand farther apart. */
const PIECE_GAP = 0.5;

const charWidth = (ch: string) => (/[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 1 : 0.5);

function makePiece(bits: TextBit[]): Piece {
  const text = bits.map((b) => b.str).join('').trim();
  const size = Math.max(...bits.map((b) => b.size));
  return {
    x0: Math.min(...bits.map((b) => b.x0)),
    x1: Math.max(...bits.map((b) => b.x1)),
    y: bits.reduce((s, b) => s + b.y, 0) / bits.length,
    size,
    bits,
    text,
    value: VALUE.test(text),
  };
}

function piecesOf(line: TextBit[]): Piece[] {
  const out: TextBit[][] = [];
  for (const bit of [...line].sort((a, b) => a.x0 - b.x0)) {
    const run = out.at(-1);
    const end = run ? Math.max(...run.map((b) => b.x1)) : 0;
    if (run && bit.x0 - end < PIECE_GAP * bit.size) run.push(bit);
    else out.push([bit]);
  }
  return out.map(makePiece).filter((p) => p.text);
}

/** Its characters, each placed by its share of the piece's width (full-width characters count double). */
function characters(piece: Piece): TextBit[] {
  return piece.bits.flatMap((bit) => {
    const chars = [...bit.str];
    const total = chars.reduce((s, ch) => s + charWidth(ch), 0) || 1;
    let at = bit.x0;
    return chars.map((ch) => {
      const w = ((bit.x1 - bit.x0) * charWidth(ch)) / total;
      const out = { str: ch, x0: at, x1: at + w, y: bit.y, size: bit.size };
      at += w;
      return out;
    });
  });
}

interface Column {
  x0: number;
  x1: number;
  centre: number;
}

/** The columns: stretches between the gaps that are empty in every value line. */
function columnsOf(anchors: Line[]): Column[] {
  const spans = anchors.flatMap((l) => l.pieces.map((p) => [p.x0, p.x1] as const)).sort((a, b) => a[0] - b[0]);
  const out: Column[] = [];
  for (const [a, b] of spans) {
    const last = out.at(-1);
    if (last && a <= last.x1) last.x1 = Math.max(last.x1, b);
    else out.push({ x0: a, x1: b, centre: 0 });
  }
  for (const c of out) c.centre = (c.x0 + c.x1) / 2;
  return out;
}

/**
 * A header label that crosses column gaps: cut into one part per column whose middle it covers when the
 * parts then stand centred in their columns and none is wider than a column (labels printed without a gap
 * between them), else left whole as a label spanning those columns.
 */
function splitOrSpan(piece: Piece, columns: Column[]): { c0: number; c1: number; bits: TextBit[] }[] {
  const home = nearestColumn(columns, (piece.x0 + piece.x1) / 2);
  const covered = columns.map((c, i) => [c, i] as const).filter(([c]) => c.centre >= piece.x0 && c.centre <= piece.x1);
  if (covered.length <= 1) return [{ c0: home, c1: home + 1, bits: piece.bits }];
  const chars = characters(piece);
  // Cut before the character whose left edge is nearest the midpoint between two columns' centres,
  // mirrored about each column's centre: the cut that centres each part on its column.
  const cuts: number[] = [];
  let from = 0;
  let ok = chars.length >= covered.length * 2;
  for (let k = 0; ok && k < covered.length - 1; k++) {
    const [col] = covered[k];
    const partStart = chars[from].x0;
    const wantedEnd = 2 * col.centre - partStart;
    let best = -1;
    for (let j = from + 2; j <= chars.length - 2; j++) if (best < 0 || Math.abs(chars[j].x0 - wantedEnd) < Math.abs(chars[best].x0 - wantedEnd)) best = j;
    if (best < 0) ok = false;
    else {
      cuts.push(best);
      from = best;
    }
  }
  if (ok) {
    const bounds = [0, ...cuts, chars.length];
    const parts = covered.map(([col, i], k) => ({ col, i, chars: chars.slice(bounds[k], bounds[k + 1]) }));
    // A cell is no wider than the distance from its column's middle to a neighbour's (the wider side).
    const pitch = (i: number) => Math.max(...[columns[i - 1], columns[i + 1]].filter(Boolean).map((c) => Math.abs(c.centre - columns[i].centre)));
    const centred = parts.every(
      (p) =>
        p.chars.length >= 2 &&
        Math.abs((p.chars[0].x0 + p.chars.at(-1)!.x1) / 2 - p.col.centre) <= 0.3 * piece.size &&
        p.chars.at(-1)!.x1 - p.chars[0].x0 <= pitch(p.i) + 0.25 * piece.size,
    );
    if (centred) return parts.map((p) => ({ c0: p.i, c1: p.i + 1, bits: [{ ...p.chars[0], str: p.chars.map((c) => c.str).join(''), x1: p.chars.at(-1)!.x1 }] }));
  }
  return [{ c0: covered[0][1], c1: covered.at(-1)![1] + 1, bits: piece.bits }];
}

function nearestColumn(columns: Column[], x: number): number {
  let best = 0;
  columns.forEach((c, i) => {
    const d = x < c.x0 ? c.x0 - x : x > c.x1 ? x - c.x1 : 0;
    const db = x < columns[best].x0 ? columns[best].x0 - x : x > columns[best].x1 ? x - columns[best].x1 : 0;
    if (d < db) best = i;
  });
  return best;
}


/** The values of one column stand in line: by their left edges, centres or right edges. */
function aligned(values: Piece[]): boolean {
  if (values.length < 2) return true;
  const spread = (f: (p: Piece) => number) => Math.max(...values.map(f)) - Math.min(...values.map(f));
  const tolerance = 1.2 * Math.max(...values.map((p) => p.size));
  return Math.min(spread((p) => p.x0), spread((p) => (p.x0 + p.x1) / 2), spread((p) => p.x1)) <= tolerance;
}

interface Row {
  lines: Line[];
  anchor: boolean;
  /** Per column, the parts of labels placed there (top to bottom), and spanning labels. */
  slots: Map<number, TextBit[]>;
  spans: { c0: number; c1: number; bits: TextBit[] }[];
}

/**
 * One table from its lines (header lines first, then body): the grid, or the reason it was refused.
 */
function buildTable(region: Line[]): ClusteredTable | string {
  const anchors = region.filter((l) => l.anchor);
  // The columns come from the lines with several values; a line with one value only may hold a merged
  // cell's value, centred over several columns (placed below, or refused).
  const multi = anchors.filter((l) => l.pieces.filter((p) => p.value).length >= 2);
  const found = columnsOf(multi.length ? multi : anchors);
  const inFound = (p: Piece) => found.findIndex((c) => p.x0 >= c.x0 - 0.01 && p.x1 <= c.x1 + 0.01);
  const firstValueFound = Math.min(...anchors.flatMap((l) => l.pieces.filter((p) => p.value).map(inFound)).filter((c) => c >= 0));
  if (!Number.isFinite(firstValueFound)) return 'no value stands in a column';
  // Left of the values, labels nest (a group label printed once beside its rows' own labels) and a
  // wide label runs over both: those columns are told by where labels start, not by empty gaps.
  const valuesFrom = found[firstValueFound].x0;
  const isLabel = (p: Piece) => p.x1 < valuesFrom;
  const labelColumns: Column[] = [];
  // Where the labels of the value rows start (header labels are centred, they would add false columns).
  const nearValues = (l: Line) => anchors.some((a) => Math.abs(a.y - l.y) <= 1.5 * l.size);
  // A group label's line and a row label's line can come close: they are cut at a gap before a row
  // label's own number ("1.", "（三）", "二、"), and the cut starts a label column even if no other row's
  // label starts there.
  const cutAt = new Set<number>();
  for (const line of region.filter(nearValues)) {
    line.pieces = line.pieces.flatMap((p) => {
      if (!isLabel(p)) return [p];
      const parts: TextBit[][] = [];
      for (const bit of p.bits) {
        const gap = parts.length ? bit.x0 - Math.max(...parts.at(-1)!.map((b) => b.x1)) : 0;
        if (parts.length && gap >= 0.2 * bit.size && ENUMERATOR.test(bit.str.trim())) {
          parts.push([bit]);
          cutAt.add(bit.x0);
        } else if (parts.length) parts.at(-1)!.push(bit);
        else parts.push([bit]);
      }
      return parts.map(makePiece).filter((q) => q.text);
    });
  }
  const labelPieces = region.filter(nearValues).flatMap((l) => l.pieces.filter(isLabel));
  if (labelPieces.length) {
    const starts: number[][] = [];
    for (const x of labelPieces.map((p) => p.x0).sort((a, b) => a - b)) {
      const last = starts.at(-1);
      if (last && x - last[0] <= 0.5 * labelPieces[0].size) last.push(x);
      else starts.push([x]);
    }
    const kept = starts.filter((g, i) => i === 0 || g.length >= 2 || g.some((x) => cutAt.has(x))).map((g) => g[0]);
    const labelEnd = Math.max(...labelPieces.map((p) => p.x1));
    kept.forEach((x0, i) => labelColumns.push({ x0, x1: i + 1 < kept.length ? kept[i + 1] - 0.01 : labelEnd, centre: 0 }));
    for (const c of labelColumns) c.centre = (c.x0 + c.x1) / 2;
  }
  // The same cut where another row's label starts a column (a group label's line touching a row label without a number).
  if (labelColumns.length > 1) {
    for (const line of region) {
      line.pieces = line.pieces.flatMap((p) => {
        if (!isLabel(p)) return [p];
        const parts: TextBit[][] = [];
        for (const bit of p.bits) {
          const gap = parts.length ? bit.x0 - Math.max(...parts.at(-1)!.map((b) => b.x1)) : 0;
          if (parts.length && !(gap >= 0.2 * bit.size && labelColumns.some((c) => Math.abs(c.x0 - bit.x0) <= 1))) parts.at(-1)!.push(bit);
          else parts.push([bit]);
        }
        return parts.map(makePiece).filter((q) => q.text);
      });
    }
  }
  const columns = [...labelColumns, ...found.slice(firstValueFound)];
  if (columns.length < 2) return 'fewer than two columns';
  const firstValueCol = labelColumns.length;
  const columnOf = (p: Piece) => {
    if (!isLabel(p)) return columns.findIndex((c, i) => i >= firstValueCol && p.x0 >= c.x0 - 0.01 && p.x1 <= c.x1 + 0.01);
    let at = 0;
    labelColumns.forEach((c, i) => {
      if (c.x0 <= p.x0 + 0.5 * p.size) at = i;
    });
    return at;
  };
  const crossesGap = (p: Piece) => columnOf(p) < 0;
  for (const line of anchors) {
    const pieces = line.pieces.filter((p) => !isLabel(p));
    const cols = pieces.map(columnOf);
    if ((cols.includes(-1) && pieces.length > 1) || new Set(cols).size !== cols.length) return 'two pieces of one value line in one column (ragged columns)';
  }
  for (let c = firstValueCol; c < columns.length; c++) {
    if (!aligned(anchors.flatMap((l) => l.pieces.filter((p) => p.value && columnOf(p) === c)))) return 'the values of a column do not line up';
  }
  const valueCols = new Set(anchors.flatMap((l) => l.pieces.filter((p) => p.value && !isLabel(p)).map(columnOf)).filter((c) => c >= 0));
  // A column one value line alone uses is a number standing off its column, not a column (unless a
  // single line has several values: its columns are the only ones, the other lines' lone values must be
  // centred under a run of them).
  for (const c of valueCols) {
    if (multi.length !== 1 && anchors.length >= 3 && anchors.filter((l) => l.pieces.some((p) => p.value && columnOf(p) === c)).length < 2) return 'a column holds one value only (ragged columns)';
  }


  // Rows: each value line, with the lines within 1.5 em of it; the other lines form header rows (a line
  // with a label spanning columns is a header row of its own).
  const rows: Row[] = [];
  const newRow = (anchor: boolean): Row => ({ lines: [], anchor, slots: new Map(), spans: [] });
  const anchorRow = new Map<Line, Row>();
  for (const line of anchors) anchorRow.set(line, newRow(true));
  /** The columns a line's labels stand in, each in one (labels cut at their columns included). */
  const placeOf = (p: Piece) => (crossesGap(p) ? splitOrSpan(p, columns) : [{ c0: columnOf(p), c1: columnOf(p) + 1, bits: p.bits }]);
  const ownColumns = (line: Line) => new Set(line.pieces.flatMap((p) => placeOf(p).filter((part) => part.c1 - part.c0 === 1).map((part) => part.c0)));
  let band: Row | null = null;
  let bandSpans = false;
  for (const line of region) {
    if (line.anchor) {
      rows.push(anchorRow.get(line)!);
      band = null;
      continue;
    }
    const near = anchors.filter((a) => Math.abs(a.y - line.y) <= 1.5 * line.size).sort((a, b) => Math.abs(a.y - line.y) - Math.abs(b.y - line.y))[0];
    if (near) {
      anchorRow.get(near)!.lines.push(line);
      continue;
    }
    // Labels cut at their columns count as the columns' own; a label left whole over several is a row apart.
    const spanning = line.pieces.some((p) => placeOf(p).some((part) => part.c1 - part.c0 > 1));
    // A line that only goes on with labels wrapped from the line above (same columns, one line lower) stays in their row.
    const above = band?.lines.at(-1);
    const goesOn =
      !!above &&
      line.y - above.y <= 1.3 * line.size &&
      line.pieces.every((p) => placeOf(p).every((part) => part.c1 - part.c0 === 1 && ownColumns(above).has(part.c0)));
    if (goesOn) {
      band!.lines.push(line);
      continue;
    }
    if (!band || spanning || bandSpans) {
      band = newRow(false);
      rows.push(band);
    }
    bandSpans = spanning;
    band.lines.push(line);
  }
  for (const a of anchors) anchorRow.get(a)!.lines.unshift(a);
  /** The value columns a lone value standing over a column gap is centred under, all of them empty in its row: the widest such run. */
  const centredRun = (piece: Piece, row: Row): { c0: number; c1: number } | null => {
    const centre = (piece.x0 + piece.x1) / 2;
    let best: { c0: number; c1: number } | null = null;
    for (let c0 = firstValueCol; c0 < columns.length; c0++) {
      for (let c1 = c0 + 2; c1 <= columns.length; c1++) {
        const inside = piece.x0 >= columns[c0].x0 - piece.size && piece.x1 <= columns[c1 - 1].x1 + piece.size;
        const centred = Math.abs((columns[c0].centre + columns[c1 - 1].centre) / 2 - centre) <= 0.75 * piece.size;
        const empty = row.lines.every((l) => l.pieces.every((p) => p === piece || isLabel(p)));
        if (inside && centred && empty && (!best || c1 - c0 > best.c1 - best.c0)) best = { c0, c1 };
      }
    }
    return best;
  };
  for (const row of rows) {
    for (const line of [...row.lines].sort((a, b) => a.y - b.y)) {
      for (const piece of line.pieces) {
        if (!crossesGap(piece)) {
          const c = columnOf(piece);
          row.slots.set(c, [...(row.slots.get(c) ?? []), ...piece.bits]);
          continue;
        }
        if (piece.value && row.anchor && line.pieces.filter((p) => !isLabel(p)).length === 1) {
          const run = centredRun(piece, row);
          if (!run) return `a number crosses a column gap: ${piece.text}`;
          row.spans.push({ ...run, bits: piece.bits });
          continue;
        }
        if (piece.value || (/\d/.test(piece.text) && row.anchor)) return `a number crosses a column gap: ${piece.text}`;
        for (const part of splitOrSpan(piece, columns)) {
          if (part.c1 - part.c0 === 1) row.slots.set(part.c0, [...(row.slots.get(part.c0) ?? []), ...part.bits]);
          else if (row.anchor) return `a label crosses a column gap in a value row: ${piece.text}`;
          else row.spans.push(part);
        }
      }
    }
  }
  if (rows.length < 2) return 'fewer than two rows';
  // A value's cell holds the value alone: text beside it there would be read into the number.
  for (const row of rows.filter((r) => r.anchor)) {
    for (const [c, bits] of row.slots) {
      if (c >= firstValueCol && bits.length > 1 && !VALUE.test(bits.map((b) => b.str).join('').trim()) && bits.some((b) => /\d/.test(b.str))) return 'text and a number in one value cell';
    }
  }

  // Row boundaries: halfway between one row's text and the next.
  const extent = rows.map((r) => [Math.min(...r.lines.map((l) => l.y - 0.6 * l.size)), Math.max(...r.lines.map((l) => l.y + 0.6 * l.size))]);
  const ys = [extent[0][0]];
  for (let r = 1; r < rows.length; r++) ys.push(Math.max(ys[r - 1] + 0.1, (extent[r - 1][1] + extent[r][0]) / 2));
  ys.push(Math.max(ys.at(-1)! + 0.1, extent.at(-1)![1]));
  const everything = region.flatMap((l) => l.pieces);
  const xs = [Math.min(columns[0].x0, ...everything.map((p) => p.x0)) - 1];
  for (let c = 1; c < columns.length; c++) xs.push((columns[c - 1].x1 + columns[c].x0) / 2);
  xs.push(Math.max(columns.at(-1)!.x1, ...everything.map((p) => p.x1)) + 1);

  // Group labels left of the row labels (printed once, centred over their rows): one cell over the rows
  // its text reaches, when no other text stands in that column over those rows.
  const textLeft = columns.map((_, c) => Math.min(...rows.flatMap((r) => (r.slots.get(c) ?? []).map((b) => b.x0)), columns[c].x0));
  const textRight = columns.map((_, c) => Math.max(...rows.flatMap((r) => (r.slots.get(c) ?? []).map((b) => b.x1)), columns[c].x1));
  const cell = (r0: number, r1: number, c0: number, c1: number, bits: TextBit[]): ClusteredCell => ({ r0, r1, c0, c1, bits, textEdges: [textLeft[c0], textRight[c1 - 1]] });
  const cells: ClusteredCell[] = [];
  const taken = new Set<string>();
  for (let c = 0; c < firstValueCol - 1; c++) {
    let r = 0;
    while (r < rows.length) {
      if (!rows[r].slots.has(c)) {
        r++;
        continue;
      }
      let end = r;
      const lastY = (k: number) => Math.max(...rows[k].slots.get(c)!.map((b) => b.y));
      const firstY = (k: number) => Math.min(...rows[k].slots.get(c)!.map((b) => b.y));
      while (end + 1 < rows.length && rows[end + 1].slots.has(c) && firstY(end + 1) - lastY(end) <= 1.6 * rows[end].slots.get(c)![0].size) end++;
      if (end > r) {
        cells.push(cell(r, end + 1, c, c + 1, rows.slice(r, end + 1).flatMap((row) => row.slots.get(c)!)));
        for (let k = r; k <= end; k++) taken.add(`${k},${c}`);
      }
      r = end + 1;
    }
  }
  // A value printed once over several columns (a merged cell) stands centred over them: when a value's
  // neighbours on both sides are empty and it stands in the middle of them, it is one value for them all
  // (the table engine then reads it as that group's, or reports it), never the middle column's value.
  rows.forEach((row, r) => {
    if (!row.anchor) return;
    for (const [c, bits] of [...row.slots]) {
      if (c < firstValueCol || !VALUE.test(bits.map((b) => b.str).join('').trim())) continue;
      const centre = (Math.min(...bits.map((b) => b.x0)) + Math.max(...bits.map((b) => b.x1))) / 2;
      const free = (k: number) => k >= firstValueCol && k < columns.length && !row.slots.has(k) && !taken.has(`${r},${k}`);
      let best = 0;
      for (let k = 1; free(c - k) && free(c + k); k++) if (Math.abs((columns[c - k].centre + columns[c + k].centre) / 2 - centre) <= 0.75 * bits[0].size) best = k;
      if (!best) continue;
      row.spans.push({ c0: c - best, c1: c + best + 1, bits });
      row.slots.delete(c);
    }
  });
  // A header label over a group of columns is printed centred over them, often narrower than they are:
  // it spans the empty columns on both sides of it in its row for as long as it stays centred over them,
  // unless a label of another row stands in such a column at about its height (the labels beside it,
  // printed over two header rows).
  const headerBits = rows.filter((row) => !row.anchor).flatMap((row) => [...row.slots].flatMap(([c, bits]) => bits.map((b) => ({ c, y: b.y }))));
  rows.forEach((row, r) => {
    if (row.anchor) return;
    const labels = [...[...row.slots].map(([c, bits]) => ({ c0: c, c1: c + 1, bits, slot: true })), ...row.spans.map((sp) => ({ ...sp, slot: false }))];
    for (const label of labels) {
      if (label.c0 < firstValueCol) continue;
      const y = label.bits[0].y;
      const size = label.bits[0].size;
      const centre = (Math.min(...label.bits.map((b) => b.x0)) + Math.max(...label.bits.map((b) => b.x1))) / 2;
      const free = (k: number) =>
        k >= firstValueCol &&
        k < columns.length &&
        !row.slots.has(k) &&
        !row.spans.some((sp) => k >= sp.c0 && k < sp.c1) &&
        !headerBits.some((h) => h.c === k && Math.abs(h.y - y) <= 2 * size);
      let best = 0;
      for (let k = 1; free(label.c0 - k) && free(label.c1 - 1 + k); k++) {
        if (Math.abs((columns[label.c0 - k].centre + columns[label.c1 - 1 + k].centre) / 2 - centre) <= 0.75 * size) best = k;
      }
      if (!best) continue;
      if (label.slot) {
        row.slots.delete(label.c0);
        row.spans.push({ c0: label.c0 - best, c1: label.c1 + best, bits: label.bits });
      } else {
        const span = row.spans.find((sp) => sp.bits === label.bits)!;
        span.c0 -= best;
        span.c1 += best;
      }
    }
  });
  // A row among the value rows with nothing at all where the values stand: one empty cell across them
  // (as a merged empty cell is printed), so the audit reports one blank, not one per column.
  const firstAnchor = rows.findIndex((row) => row.anchor);
  rows.forEach((row, r) => {
    if (row.anchor || r < firstAnchor || firstValueCol === 0) return;
    const empty = [...row.slots.keys()].every((c) => c < firstValueCol) && row.spans.every((sp) => sp.c1 <= firstValueCol);
    if (empty && columns.length - firstValueCol > 1) row.spans.push({ c0: firstValueCol, c1: columns.length, bits: [] });
  });
  rows.forEach((row, r) => {
    for (const span of row.spans) {
      cells.push(cell(r, r + 1, span.c0, span.c1, span.bits));
      for (let c = span.c0; c < span.c1; c++) taken.add(`${r},${c}`);
    }
    for (let c = 0; c < columns.length; c++) {
      if (taken.has(`${r},${c}`)) continue;
      // A row's label runs over the empty label columns right of it, as one cell (a label is the row's last label).
      let c1 = c + 1;
      while (row.anchor && row.slots.has(c) && c1 < firstValueCol && !row.slots.has(c1) && !taken.has(`${r},${c1}`)) taken.add(`${r},${c1++}`);
      cells.push(cell(r, r + 1, c, c1, row.slots.get(c) ?? []));
    }
  });
  return { xs, ys, cells, valuesFrom: firstValueCol, valueCentres: columns.slice(firstValueCol).map((c) => c.centre), used: new Set(region.flatMap((l) => l.pieces.flatMap((p) => p.bits))) };
}

/** A label within a table's width: it starts no more than four ems left of it (group labels), its middle inside it. */
const within = (p: Piece, left: number, right: number) => p.x0 >= left - 4 * p.size && (p.x0 + p.x1) / 2 <= right + p.size;
/** A section heading of the report ("三、收到和处理政府信息公开申请情况") alone on its line: no table row. */
const HEADING = /^[一二三四五六七八九十]+、\S*$/;
const heading = (l: Line) => !l.anchor && l.pieces.length === 1 && HEADING.test(l.pieces[0].text);

/**
 * The lines ending a page that may begin a table going on over the page break (its header, or rows too
 * few to tell a table by): after the last paragraph or section heading, closely spaced, one of them at
 * least in two pieces. The caller reads them again above the next page's text; there they join a table,
 * or stay text.
 */
/** The line holds a value (a number or a placeholder) apart from other text. */
export const hasValue = (bits: TextBit[]) => linesOf(bits).some((l) => l.anchor);

export function tableTail(bits: TextBit[], pageWidth: number): TextBit[] {
  const all = linesOf(bits);
  let start = all.length;
  while (
    start > 0 &&
    all.length - start < 12 &&
    !heading(all[start - 1]) &&
    !(all[start - 1].pieces.length === 1 && all[start - 1].pieces[0].x1 - all[start - 1].pieces[0].x0 > pageWidth * 0.6) &&
    (start === all.length || all[start].y - all[start - 1].y <= 3.5 * all[start].size)
  )
    start--;
  const tail = all.slice(start);
  return tail.some((l) => l.pieces.length >= 2) ? tail.flatMap((l) => l.pieces.flatMap((p) => p.bits)) : [];
}

function linesOf(bits: TextBit[]): Line[] {
  return lines(bits).map((line) => {
    const pieces = piecesOf(line);
    return {
      y: line.reduce((s, b) => s + b.y, 0) / line.length,
      size: Math.max(...line.map((b) => b.size)),
      pieces,
      anchor: pieces.some((p) => p.value),
    };
  });
}

/**
 * The tables without ruling lines among a page's loose text. `pageWidth` tells a paragraph (a line
 * running over most of the page) from a table's row.
 */
export function clusterTables(bits: TextBit[], pageWidth: number): { tables: ClusteredTable[]; refused: ClusterRefusal[] } {
  const all = linesOf(bits);
  const paragraph = (l: Line) => !l.anchor && (l.pieces.length === 0 || l.pieces.some((p) => p.x1 - p.x0 > pageWidth * 0.6));
  const tables: ClusteredTable[] = [];
  const refused: ClusterRefusal[] = [];
  let i = 0;
  while (i < all.length) {
    if (!all[i].anchor) {
      i++;
      continue;
    }
    // The body: from this value line on, while lines follow closely and none is a paragraph.
    // A line of text standing out of the value lines' width (a heading at the margin) ends it too.
    let end = i;
    // Its width at first: the value line's and its label's (which may be wrapped above and below it).
    const first = all.filter((l) => Math.abs(l.y - all[i].y) <= 1.5 * l.size).flatMap((l) => l.pieces);
    let [left, right] = [Math.min(...first.map((p) => p.x0)), Math.max(...first.map((p) => p.x1))];
    for (let j = i + 1; j < all.length && !paragraph(all[j]) && all[j].y - all[j - 1].y <= 3.5 * all[j].size; j++) {
      const line = all[j];
      if (!line.anchor && (heading(line) || !line.pieces.every((p) => within(p, left, right)))) break;
      if (line.anchor) [left, right] = [Math.min(left, ...line.pieces.map((p) => p.x0)), Math.max(right, ...line.pieces.map((p) => p.x1))];
      end = j;
    }
    while (end > i && !all[end].anchor && all[end].y - all[end - 1].y > 1.5 * all[end].size) end--;
    const body = all.slice(i, end + 1);
    const anchors = body.filter((l) => l.anchor);
    // The header: the lines just above, within the table's width.
    let start = i;
    while (
      start > 0 &&
      i - start < 10 &&
      !all[start - 1].anchor &&
      // A header's labels may run together into one wide piece; a paragraph stands farther off.
      (!paragraph(all[start - 1]) || all[start].y - all[start - 1].y <= 2 * all[start].size) &&
      all[start].y - all[start - 1].y <= 3.5 * all[start].size &&
      !heading(all[start - 1]) &&
      all[start - 1].pieces.every((p) => within(p, left, right)) &&
      !tables.some((t) => t.used.has(all[start - 1].pieces[0].bits[0]))
    )
      start--;
    const region = all.slice(start, end + 1);
    const several = (l: Line) => l.pieces.filter((p) => p.value).length;
    const enough = anchors.length >= 3 || anchors.some((l) => several(l) >= 4) || anchors.filter((l) => several(l) >= 2).length >= 2;
    const built = enough ? buildTable(region) : 'too few value lines for a table';
    if (typeof built === 'string') {
      if (enough) refused.push({ top: region[0].y, bottom: region.at(-1)!.y, reason: built });
    } else tables.push(built);
    i = end + 1;
  }
  return { tables, refused };
}
