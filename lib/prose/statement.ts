/**
 * The engine the prose rules share: find a statement of one kind in the article's text (a keyword and the
 * count it states), set aside statements that are about another year or another quantity, and compare the
 * count with every reading of the tables the statement allows. A warning only when no reading matches.
 */
import type { Cell, CellRef, Finding, Report, Table, TableKey } from '../schema.ts';
import { toHalfWidth } from '../read/normalize-text.ts';

/** One allowed reading of the tables: what the number should be, and the cells it comes from. */
export interface Reading {
  label: string;
  value: number;
  table: TableKey;
  cells: CellRef[];
}

export interface StatementKind {
  rule: string;
  /** What the statement states, for the message: 收到申请, 行政诉讼 … */
  subject: string;
  /** Matches the statement; group `n` is the stated count. Must use the `g` flag, and every match holds the count and its 件. */
  pattern: RegExp;
  /** The paragraph must be about requests for disclosure (for keywords that are used for other things too). */
  needsRequestContext?: boolean;
  /** The keyword itself names last year (上年结转): do not skip for 上年. */
  namesLastYear?: boolean;
  /** The sentence itself must say this (信息公开 for a review or lawsuit count, 收到…申请 for applicants). */
  sentenceMust?: RegExp;
  /** Skip when the clause before the keyword says this (按时办结, 直接起诉 …): another quantity. */
  clauseMustNot?: RegExp;
  readings(report: Report): Reading[];
}

export interface Sentence {
  text: string;
  start: number;
  end: number;
  /** The whole line (paragraph) the sentence is in. */
  line: string;
}

/**
 * The article cut into sentences once per report: every statement kind, the shares and the form rules read the same
 * article (one fold and one cut, not one per rule). With it, the sentences that state a count in 件 (every
 * statement's count is in 件) and whether their paragraph is about requests: each kind then passes over only those,
 * asking nothing twice. Kept per report object, so an audit never reuses what an earlier audit read.
 */
export interface Cut {
  /** The article folded to half-width (same length, so offsets hold for the printed text). */
  text: string;
  sentences: Sentence[];
  counting: { sentence: Sentence; aboutRequests: boolean }[];
}

/** `half` (an article already folded to half-width) cut into sentences. */
export function cutSentences(half: string): Cut {
  const all = sentences(half);
  const counting: Cut['counting'] = [];
  let line: string | null = null;
  let aboutRequests = false;
  for (const sentence of all) {
    if (!sentence.text.includes('件')) continue;
    // Sentences of one paragraph share its line: asked once per paragraph.
    if (sentence.line !== line) aboutRequests = REQUEST_CONTEXT.test((line = sentence.line));
    counting.push({ sentence, aboutRequests });
  }
  return { text: half, sentences: all, counting };
}

const cutOfReport = new WeakMap<Report, Cut>();
/** The report's article, folded and cut (null when the report has no article text). */
export function articleCut(report: Report): Cut | null {
  const text = report.article?.text;
  if (!text) return null;
  let cut = cutOfReport.get(report);
  if (!cut) cutOfReport.set(report, (cut = cutSentences(toHalfWidth(text))));
  return cut;
}

/** Sentences of the article: cut at 。！？； and at line ends; each keeps its offsets. */
export function sentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let lineStart = 0;
  for (const line of text.split('\n')) {
    const re = /[^。！？；;!?]+[。！？；;!?]?/g;
    for (let m; (m = re.exec(line)); ) {
      const lead = m[0].length - m[0].trimStart().length;
      const body = m[0].trim();
      if (body) out.push({ text: body, start: lineStart + m.index + lead, end: lineStart + m.index + lead + body.length, line });
    }
    lineStart += line.length + 1;
  }
  return out;
}

/** The paragraph is about requests for government information. */
export const REQUEST_CONTEXT = /(?:政府)?信息公开申请|依申请|公开申请/;
const OTHER_YEAR_WORDS = /上年|去年|上一年|同比|较|比|前年/;

/** Is this statement about another year than the report's (a year named in its clause, 上年/较… before it)? */
function clauseBefore(sentence: string, at: number): string {
  const clauseStart = Math.max(0, ...[...'，,：:（('].map((p) => sentence.lastIndexOf(p, at - 1) + 1));
  return sentence.slice(clauseStart, at);
}

function aboutAnotherYear(sentence: string, at: number, matched: string, kind: StatementKind, year: number | null): boolean {
  const before = clauseBefore(sentence, at);
  // A year is written …年: most clauses name none, and are not searched.
  if (before.includes('年')) for (const y of before.matchAll(/(\d{4})\s*年/g)) if (year === null || Number(y[1]) !== year) return true;
  if (kind.namesLastYear) return false;
  return OTHER_YEAR_WORDS.test(matched) || /(?:上年|去年|上一年|较|比)[^，,。]{0,4}$/.test(before);
}

interface TableIndex {
  /** Row → column → the table's first cell there, by its own column or one it covers. */
  cells: Map<string, Map<string, Cell>>;
  /** The rows with at least one cell that reads as a number. */
  rowsWithNumber: Set<string>;
}
const tableIndex = new WeakMap<Table, TableIndex>();
/** The table indexed once (every kind's readings ask it again and again). */
function indexOf(table: Table): TableIndex {
  let index = tableIndex.get(table);
  if (!index) {
    index = { cells: new Map(), rowsWithNumber: new Set() };
    for (const c of table.cells) {
      let cols = index.cells.get(c.row);
      if (!cols) index.cells.set(c.row, (cols = new Map()));
      if (!cols.has(c.col)) cols.set(c.col, c);
      for (const covered of c.covers ?? []) if (!cols.has(covered)) cols.set(covered, c);
      if (c.status === 'ok') index.rowsWithNumber.add(c.row);
    }
    tableIndex.set(table, index);
  }
  return index;
}

/** Has `row` a cell that reads as a number (`table.cells.some((c) => c.row === row && c.status === 'ok')`)? */
export const rowHasNumber = (table: Table, row: string): boolean => indexOf(table).rowsWithNumber.has(row);
/** Has the table any cell that reads as a number? */
export const hasNumbers = (table: Table): boolean => indexOf(table).rowsWithNumber.size > 0;

/** cellNumber in a table already indexed (a table's readings ask many cells: its index is looked up once). */
function numberAt(index: TableIndex, row: string, col: string, blankIsZero: boolean): number | null {
  const cell = index.cells.get(row)?.get(col);
  if (!cell) return null;
  if (cell.status === 'ok' && cell.value !== null) return cell.value;
  if (cell.status === 'blank' || cell.status === 'dash') return blankIsZero ? 0 : null;
  return null;
}

/** Table value: the cell if it reads as a number; blank reads as 0 only when the table uses blanks for zeros (`blankIsZero`). */
export function cellNumber(table: Table | undefined, row: string, col: string, blankIsZero = false): number | null {
  return table ? numberAt(indexOf(table), row, col, blankIsZero) : null;
}

export const PART_COLUMNS = ['natural_person', 'commercial', 'research', 'social_welfare', 'legal_service', 'other_org'];
export const LEGAL_COLUMNS = PART_COLUMNS.slice(1);

/** The values of `cols` in `rows`, summed row by row in that order; null when one is missing. */
function sumOf(index: TableIndex, rows: string[], cols: string[], blankIsZero: boolean): number | null {
  let sum = 0;
  for (const row of rows)
    for (const col of cols) {
      const v = numberAt(index, row, col, blankIsZero);
      if (v === null) return null;
      sum += v;
    }
  return sum;
}

/** The readings of one Table 3 row's total: its 总计 cell, and the sum of its parts (blanks as 0) when that differs. */
export function table3RowReadings(report: Report, rows: string[], label: string): Reading[] {
  const t3 = report.tables.table3;
  if (!t3) return [];
  const index = indexOf(t3);
  const out: Reading[] = [];
  const total = sumOf(index, rows, ['total'], false);
  if (total !== null) out.push({ label, value: total, table: 'table3', cells: rows.map((row) => ({ row, col: 'total' })) });
  const sum = sumOf(index, rows, PART_COLUMNS, true);
  if (sum === null || !rows.some((r) => index.rowsWithNumber.has(r))) return out;
  if (!out.some((o) => o.value === sum))
    out.push({ label: `${label}（各列相加）`, value: sum, table: 'table3', cells: rows.flatMap((row) => PART_COLUMNS.map((col) => ({ row, col }))) });
  return out;
}

export interface Statement {
  kind: StatementKind;
  sentence: Sentence;
  value: number;
  /** Offsets of the stated number in the article text. */
  numberStart: number;
}

/** Every statement of `kind` in the article that is about the report's year and can be compared. */
export function findStatements(cut: Cut, kind: StatementKind, year: number | null): Statement[] {
  const out: Statement[] = [];
  // Every statement states a count in 件: a sentence without one is passed over before any pattern runs.
  for (const { sentence: s, aboutRequests } of cut.counting) {
    if (kind.needsRequestContext && !aboutRequests) continue;
    if (kind.sentenceMust && !kind.sentenceMust.test(s.text)) continue;
    kind.pattern.lastIndex = 0;
    for (let m; (m = kind.pattern.exec(s.text)); ) {
      const n = m.groups?.n ?? m.groups?.n2;
      if (n === undefined) continue;
      if (aboutAnotherYear(s.text, m.index, m[0], kind, year)) continue;
      if (kind.clauseMustNot?.test(clauseBefore(s.text, m.index) + m[0])) continue;
      // 第3件, 3件中: an ordinal or a part of something else.
      if (s.text[m.index - 1] === '第') continue;
      const numberAt = m.index + m[0].lastIndexOf(n);
      out.push({ kind, sentence: s, value: Number(n), numberStart: s.start + numberAt });
    }
  }
  return out;
}

/** The warning for a statement no reading matches; null when one does, or when the tables give no reading. */
export function compare(statement: Statement, readings: Reading[]): Finding | null {
  if (!readings.length || readings.some((r) => r.value === statement.value)) return null;
  const main = readings[0];
  const { sentence, kind } = statement;
  const said = readings.map((r) => `${r.label} ${r.value}`).join('，或 ');
  return {
    id: `${kind.rule}:${sentence.start}:${statement.numberStart}`,
    rule: kind.rule,
    severity: 'warning',
    message: `正文说${kind.subject} ${statement.value} 件，表格为 ${said}`,
    table: main.table,
    cells: main.cells,
    expected: main.value,
    actual: statement.value,
    text: { quote: sentence.text, start: sentence.start, end: sentence.end },
  };
}

/** All findings of one kind over the report's article. */
export function checkKind(report: Report, kind: StatementKind): Finding[] {
  const text = report.article?.text;
  const cut = articleCut(report);
  if (!text || !cut) return [];
  // Matched half-width (same length, so offsets hold); quoted as printed. The tables are read only for a
  // kind the text states (most kinds state nothing).
  const statements = findStatements(cut, kind, report.year);
  if (!statements.length) return [];
  const readings = kind.readings(report);
  if (!readings.length) return [];
  return statements
    .map((s) => compare({ ...s, sentence: { ...s.sentence, text: text.slice(s.sentence.start, s.sentence.end) } }, readings))
    .filter((f): f is Finding => !!f);
}

/** A count: Arabic digits (full-width folded before matching), no decimals, followed by 件. */
export const N = String.raw`(?<n>\d{1,7})\s*件`;
/** Filler between a keyword and its count: 共, 共计, 合计, 为, 数量为, 了 … (no digits, no clause break). */
export const FILL = String.raw`(?:共计|总计|合计|累计|共|为|了|数量为|数为|数)?\s*`;
