/** A piece of a PDF page's text as placed: top-down coordinates in PDF points. */
export interface TextBit {
  str: string;
  x0: number;
  x1: number;
  /** Vertical centre and font size, top-down. */
  y: number;
  size: number;
}

/** Text pieces grouped into lines (baselines within half the font size), top to bottom. */
export function lines(bits: TextBit[]): TextBit[][] {
  const out: TextBit[][] = [];
  for (const bit of [...bits].sort((a, b) => a.y - b.y || a.x0 - b.x0)) {
    const line = out.at(-1);
    if (line && Math.abs(line[0].y - bit.y) <= Math.min(line[0].size, bit.size) * 0.5) line.push(bit);
    else out.push([bit]);
  }
  return out;
}

/** Pieces of text on one line, in reading order, joined (a space where a gap shows one). */
export function lineText(bits: TextBit[]): string {
  let out = '';
  let prev: TextBit | null = null;
  for (const bit of [...bits].sort((a, b) => a.x0 - b.x0)) {
    if (prev && bit.x0 - prev.x1 > bit.size * 0.5 && !/\s$/.test(out) && !/^\s/.test(bit.str)) out += ' ';
    out += bit.str;
    prev = bit;
  }
  return out;
}
