import type { CellStatus } from '../schema.ts';
import { cleanSpaces, cleanSpacesKeepingLines, isSpace, toHalfWidth } from './normalize-text.ts';

export interface ReadNumber {
  value: number | null;
  status: CellStatus;
  unit?: string;
  /** The cell text as printed (spaces collapsed; a line break kept where it parts two numbers), so nothing is lost. */
  raw: string;
}

/** Units seen after numbers in report cells. Longest first so 万元 wins over 元. */
const UNITS = ['人次', '万元', '批次', '件次', '元', '件', '条', '次', '项', '个', '人', '篇', '家', '批', '份', '场', '期'];
const UNIT_PATTERN = UNITS.join('|');
// The integer part: plain digits, or thousands groups split by commas or by spaces ("1 234"), never mixed;
// no grouped number starts with 0 ("0 100" is two numbers).
const NUMBER = new RegExp(`^([+-]?)([1-9]\\d{0,2}(?:,\\d{3})+|[1-9]\\d{0,2}(?: \\d{3})+|\\d+)(?:\\.(\\d+))?(${UNIT_PATTERN})?$`);
/** A line break after a digit or a sign and before a digit: what a browser shows as two lines is never one number. */
const LINE_BEFORE_DIGIT = /[\d+\-\u2212\u2013\ufe63][^\S\n]*[\r\n]\s*\d/;
/** A space that does not sit between two digits: "6 件", "- 5", "7 万 元". */
const LOOSE_SPACE = / (?!\d)|(?<!\d) /g;
/** Any digit a number could be read from (full-width ones are folded before matching). */
const ANY_DIGIT = /[0-9\uff10-\uff19]/;
const DASHES = /^(?:[-—–－―/／\\、]+|无|—+|－+|--|不适用)$/;
/** Every character a text matching DASHES (after the full-width fold and the dash unification) can come from. */
const DASH_CHARS = /^[-—–－―/／\\＼、无不适用−﹣ ]+$/;

/**
 * Reads one cell's text. Only what is unmistakably a number becomes a number; anything else keeps its
 * raw text with status `unreadable`, so an export never invents a 0.
 */
export function readNumber(text: string): ReadNumber {
  const plain = plainNumber(text);
  if (plain) return plain;
  // Not blank (plainNumber answers those): some character is not a space.
  const raw = cleanSpaces(text);
  // No digit at all (a label): a dash or nothing we read, without the number patterns.
  if (!ANY_DIGIT.test(raw)) {
    // A label's words are no dash: one character that no dash form is made of says so without the folding.
    if (!DASH_CHARS.test(raw)) return { value: null, status: 'unreadable', raw };
    const half = toHalfWidth(raw).replace(/\s+/g, ' ').replace(/[−–﹣]/g, '-');
    return { value: null, status: DASHES.test(half.replace(/ /g, '')) ? 'dash' : 'unreadable', raw };
  }
  // A line break between digits (a <br>, two paragraphs) parts two numbers, whatever the groups look like, and
  // one between a sign and its digits (－<br>０) leaves a dash and a number; raw keeps the break, since "1 234"
  // would read back as one number (and "- 0" as 0).
  if (LINE_BEFORE_DIGIT.test(toHalfWidth(text))) return { value: null, status: 'unreadable', raw: cleanSpacesKeepingLines(text) };
  const half = toHalfWidth(raw).replace(/\s+/g, ' ').replace(/[−–﹣]/g, '-');
  if (DASHES.test(half.replace(/ /g, ''))) return { value: null, status: 'dash', raw };
  // A space between digits is kept: unless the groups are thousands groups it parts two numbers
  // ("3<br>5", two paragraphs in one cell), which must not be read as 35.
  const m = NUMBER.exec(half.replace(LOOSE_SPACE, ''));
  if (!m) return { value: null, status: 'unreadable', raw };
  const [, sign, int, frac, unit] = m;
  const whole = int.replace(/[, ]/g, '');
  const digits = `${whole}${frac ?? ''}`.replace(/^0+(?=\d)/, '');
  // Beyond 15 significant digits a double would print digits that are not in the cell.
  if (digits.length > 15) return { value: null, status: 'unreadable', raw };
  // `+ 0` turns a printed "-0" into 0: JSON cannot carry -0, and an export must equal the model.
  const value = Number(`${sign === '-' ? '-' : ''}${whole}${frac ? `.${frac}` : ''}`) + 0;
  return unit ? { value, status: 'ok', unit, raw } : { value, status: 'ok', raw };
}

/**
 * Most value cells are plain digits (0, or up to 15 digits not starting with 0), perhaps between spaces or a
 * block's newlines: read those, and blank cells, in one scan without the patterns.
 */
function plainNumber(text: string): ReadNumber | null {
  let start = 0;
  let end = text.length;
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  if (start === end) return { value: null, status: 'blank', raw: '' };
  if (end - start > 15 || (text.charCodeAt(start) === 0x30 && end - start > 1)) return null;
  let value = 0;
  for (let i = start; i < end; i++) {
    const d = text.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9) return null;
    value = value * 10 + d;
  }
  return { value, status: 'ok', raw: start === 0 && end === text.length ? text : text.slice(start, end) };
}
