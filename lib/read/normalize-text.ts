/**
 * Text as the parser compares it. Real pages write the same label many ways: full-width digits and
 * brackets, non-breaking and ideographic spaces, line breaks inside words (`商业<br>企业`), curly quotes.
 */

const FULL_WIDTH = /[\uff01-\uff5e\u3000]/g;

/** Full-width ASCII (０-９, （）, ＋, －, ，) to half-width; keeps CJK untouched. */
export function toHalfWidth(text: string): string {
  // Most text has nothing to fold: say so without the replace.
  let i = 0;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x3000 || (c >= 0xff01 && c <= 0xff5e)) break;
  }
  if (i === text.length) return text;
  return text.replace(FULL_WIDTH, (ch) => (ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0)));
}

/** Every kind of whitespace: JS `\s` (what trim() strips), and the zero-width spaces and joiners. */
const SPACES = /[\s\u00a0\u200b-\u200d\u2060\ufeff]+/g;

/** One character of SPACES, by code (the fast paths below scan with it instead of running the patterns). */
export function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200d) || c === 0x2028 || c === 0x2029 || c === 0x202f ||
    c === 0x205f || c === 0x2060 || c === 0x3000 || c === 0xfeff
  );
}

/** `text` without SPACES at its ends (the very string when it has none). */
function trimSpaces(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

/** Collapse every kind of whitespace (incl. &nbsp;, U+3000, zero-width) to one space and trim. */
export function cleanSpaces(text: string): string {
  // Most cell text is a word or a number, perhaps between a block's newlines: only the ends to cut.
  const trimmed = trimSpaces(text);
  for (let i = 0; i < trimmed.length; i++) {
    const c = trimmed.charCodeAt(i);
    // Inside, only a lone plain space stays as it is.
    if (isSpace(c) && (c !== 0x20 || isSpace(trimmed.charCodeAt(i + 1)))) return text.replace(SPACES, ' ').trim();
  }
  return trimmed;
}

/** As cleanSpaces, but a run of whitespace holding a line break becomes that one line break. */
export function cleanSpacesKeepingLines(text: string): string {
  return text.replace(SPACES, (run) => (/[\n\r\u2028\u2029]/.test(run) ? '\n' : ' ')).trim();
}

/** The key form of a label: half-width, no whitespace at all, unified quotes and dashes. */
export function labelKey(text: string): string {
  // Most labels have nothing to fold or unify and whitespace at most at their ends.
  const trimmed = trimSpaces(text);
  for (let i = 0; i < trimmed.length; i++) {
    const c = trimmed.charCodeAt(i);
    if (isSpace(c) || (c >= 0xff01 && c <= 0xff5e) || UNIFIED_CODES.has(c)) return foldedKey(text);
  }
  return trimmed;
}

function foldedKey(text: string): string {
  return toHalfWidth(text)
    .replace(SPACES, '')
    .replace(UNIFIED, (ch) => UNIFIED_AS[ch]);
}

/** Quotes, and the brackets 〔〕, as one form each (one pass over the text). */
const UNIFIED_AS: Record<string, string> = { '“': '"', '”': '"', '"': '"', '「': '"', '」': '"', '『': '"', '』': '"', '‘': "'", '’': "'", "'": "'", '〔': '[', '〕': ']' };
const UNIFIED = /[“”"「」『』‘’'〔〕]/g;
const UNIFIED_CODES = new Set(Object.keys(UNIFIED_AS).map((ch) => ch.charCodeAt(0)));
