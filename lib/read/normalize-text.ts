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

/** Collapse every kind of whitespace (incl. &nbsp;, U+3000, zero-width) to one space and trim. */
export function cleanSpaces(text: string): string {
  return text.replace(/[\s\u00a0\u200b-\u200d\u2060\ufeff]+/g, ' ').trim();
}

/** The key form of a label: half-width, no whitespace at all, unified quotes and dashes. */
export function labelKey(text: string): string {
  return toHalfWidth(text)
    .replace(/[\s\u00a0\u200b-\u200d\u2060\ufeff]+/g, '')
    .replace(UNIFIED, (ch) => UNIFIED_AS[ch]);
}

/** Quotes, and the brackets 〔〕, as one form each (one pass over the text). */
const UNIFIED_AS: Record<string, string> = { '“': '"', '”': '"', '"': '"', '「': '"', '」': '"', '『': '"', '』': '"', '‘': "'", '’': "'", "'": "'", '〔': '[', '〕': ']' };
const UNIFIED = /[“”"「」『』‘’'〔〕]/g;
