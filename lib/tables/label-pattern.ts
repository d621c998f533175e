/**
 * A dictionary pattern tested against a label. Most patterns are plain words or a choice of words
 * (/本年新收/, /三安全|一稳定/): those are answered by substring search, so a first audit in the page
 * does not compile a regular expression for each of them (over a hundred, a few ms on a cold page).
 * Any other pattern (anchors, classes, flags) runs as the regular expression it is.
 */
const words = new WeakMap<RegExp, readonly string[] | null>();

/** The pattern's alternatives when each is a plain word (no character a regular expression reads), else null. */
function plainWords(pattern: RegExp): readonly string[] | null {
  if (pattern.flags !== '') return null;
  const source = pattern.source;
  for (let i = 0; i < source.length; i++) if ('\\^$.?*+()[]{}'.includes(source[i])) return null;
  const out = source.split('|');
  return out.some((w) => w === '') ? null : out;
}

export function matchesLabel(pattern: RegExp, text: string): boolean {
  let plain = words.get(pattern);
  if (plain === undefined) words.set(pattern, (plain = plainWords(pattern)));
  if (!plain) return pattern.test(text);
  for (const w of plain) if (text.includes(w)) return true;
  return false;
}

/** Size of firstMatch's table of first characters (a power of two). */
const FIRST_CHARS = 512;
const NO_WORDS: readonly { word: string; at: number }[] = [];

/** Which of a list of patterns a label matches: the first one from a position in the list, or -1. */
export type FirstMatch = (text: string, from?: number) => number;

/**
 * `firstMatch(patterns)(text)` is `patterns.findIndex((p) => p.test(text))`, found in one scan of the text:
 * a row's label is tested against a whole table's rows (26 in Table 3, ~80 in the legacy 统计表) on every
 * row, and one pass with the plain words indexed by their first character is far cheaper than one substring
 * search per pattern. The other patterns run as expressions, only while they can still come first.
 */
export function firstMatch(patterns: readonly RegExp[]): FirstMatch {
  // The plain words by their first character's code (mod the table's size: startsWith tells true from
  // colliding characters), each with its pattern's index (in list order).
  const byFirst = Array.from({ length: FIRST_CHARS }, () => NO_WORDS);
  const expressions: { pattern: RegExp; at: number }[] = [];
  patterns.forEach((pattern, at) => {
    const plain = plainWords(pattern);
    if (!plain) return void expressions.push({ pattern, at });
    for (const word of plain) {
      const slot = word.charCodeAt(0) & (FIRST_CHARS - 1);
      byFirst[slot] = [...byFirst[slot], { word, at }];
    }
  });
  return (text, from = 0) => {
    let best = patterns.length;
    for (let i = 0; i < text.length; i++) {
      for (const { word, at } of byFirst[text.charCodeAt(i) & (FIRST_CHARS - 1)]) if (at >= from && at < best && text.startsWith(word, i)) best = at;
    }
    for (const { pattern, at } of expressions) {
      if (at >= best) break;
      if (at >= from && pattern.test(text)) {
        best = at;
        break;
      }
    }
    return best < patterns.length ? best : -1;
  };
}

/**
 * `anyMatch(patterns)(text)` is `patterns.some((p) => p.test(text))`, as one compiled expression: a header
 * row's signature is asked of every key of every text-only row, where a compiled alternation scans faster
 * than a word search (one expression compiled per list, not one per pattern). Patterns with flags or
 * backreferences or named groups (which the alternation would renumber or repeat) are tested one by one.
 */
export function anyMatch(patterns: readonly RegExp[]): (text: string) => boolean {
  if (!patterns.length) return () => false;
  if (patterns.some((p) => p.flags !== '' || /\\[1-9k]|\(\?<[^=!]/.test(p.source))) return (text) => patterns.some((p) => p.test(text));
  const any = new RegExp(patterns.map((p) => `(?:${p.source})`).join('|'));
  return (text) => any.test(text);
}
