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
