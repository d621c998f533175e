/**
 * One arithmetic relation (left side = right side) and what came of it. Every check is a list of these;
 * this is where blanks, merged cells, unreadable text and missing cells get their agreed meaning.
 * Table 3's fast paths (table3-rules.ts, rowHolds and columnHolds) count a relation that plainly holds
 * without building it; tests/checks/table3-fast-path.test.ts keeps them in step with `evaluate`.
 */
import type { CellRef, Finding, FindingCaveat, TableKey } from '../schema.ts';
import { formatSum, roundSum, type Term } from './terms.ts';

export interface Relation {
  id: string;
  rule: string;
  table: TableKey;
  /** What the relation is about, e.g. "（一）予以公开" or "自然人列". */
  subject: string;
  left: Term[];
  right: Term[];
  /** Terms from the 总计 column: blank there means "not reported", so nothing can be argued. */
  reportedTotals?: Term[];
}

type ValueTerm = Extract<Term, { kind: 'value' }>;
type AbsentTerm = Extract<Term, { kind: 'absent' }>;

/**
 * - `checked`: evaluated in full; `finding` is null when it holds.
 * - `gap`: could not be checked in full on our side: a cell unreadable, or a term we did not read
 *   (`missing`). With terms missing on one side only, that side is still at least its present terms
 *   (counts are never negative): `bound` says that lower bound was checked and held; a broken bound
 *   is an error and comes back as `checked`.
 * - `notPrinted`: a term the report itself does not give (a row written as one figure); nothing to argue.
 * - `blankTotal`: the relation's stated total is left blank (not reported); `finding` says so.
 */
export type Outcome =
  | { kind: 'checked'; finding: Finding | null }
  | { kind: 'gap'; finding: Finding | null; missing: CellRef[]; bound: boolean }
  | { kind: 'notPrinted'; finding?: null; missing: CellRef[] }
  | { kind: 'blankTotal'; finding: Finding | null };

/** Ends the relation's subject, the report's own label, at the start of each message (components/finding-text.ts reads it up to here). */
export const SUBJECT_END = '：';

/** How a message says each caveat. The finding carries them in `caveats` as well: other languages read those, never this wording. */
const CAVEAT_TEXT: Record<FindingCaveat, string> = {
  blanks_as_zero: '（空白按 0 计）',
  one_side_blank: '；一侧全部空白，可能只是未填报',
  lower_bound: '只核对了下限',
};

const side = (terms: ValueTerm[], total: number) => (terms.length === 1 ? formatSum(terms) : `${formatSum(terms)} = ${total}`);

/** What a relation's terms are, counted in one pass: most relations hold, and need nothing more. */
interface Census {
  absent: number;
  unreadable: number;
  notPrinted: boolean;
  blank: boolean;
}

function census(rel: Relation): Census {
  const c: Census = { absent: 0, unreadable: 0, notPrinted: false, blank: false };
  for (const t of rel.left) count(c, t);
  for (const t of rel.right) count(c, t);
  return c;
}

function count(c: Census, t: Term): void {
  if (t.kind === 'absent') {
    c.absent++;
    if (t.notPrinted) c.notPrinted = true;
  } else if (t.kind === 'unreadable') c.unreadable++;
  else if (t.blank) c.blank = true;
}

const allTerms = (rel: Relation): Term[] => [...rel.left, ...rel.right];
const absentTerms = (rel: Relation) => allTerms(rel).filter((t): t is AbsentTerm => t.kind === 'absent');

/** What a finding of the relation carries besides its verdict; built only when there is a finding. */
function findingBase(rel: Relation): Pick<Finding, 'id' | 'rule' | 'table' | 'cells'> {
  const cells = allTerms(rel).flatMap((t) => (t.kind === 'absent' ? [] : t.refs));
  return { id: rel.id, rule: rel.rule, table: rel.table, cells };
}

/** Sum of value terms, in order (table3-rules.ts adds plain cells the same way). */
function total(terms: ValueTerm[]): number {
  let s = 0;
  for (const t of terms) s += t.value;
  return roundSum(s);
}

/** The first stated total left blank (not reported). */
function blankTotalOf(rel: Relation): ValueTerm | undefined {
  for (const t of rel.reportedTotals ?? []) if (t.kind === 'value' && t.blank) return t;
  return undefined;
}

const HOLDS: Outcome = Object.freeze({ kind: 'checked', finding: null });

export function evaluate(rel: Relation): Outcome {
  const c = census(rel);
  if (c.notPrinted) return { kind: 'notPrinted', missing: absentTerms(rel).map((t) => t.ref) };
  if (c.unreadable) {
    const all = allTerms(rel);
    const what = all.flatMap((t) => (t.kind === 'unreadable' ? [`${t.label}“${t.raw}”`] : [])).join('、');
    const finding: Finding = { ...findingBase(rel), severity: 'warning', expected: null, actual: null, message: `${rel.subject}${SUBJECT_END}无法核对，${what} 不是可识别的数字` };
    return { kind: 'gap', finding, missing: absentTerms(rel).map((t) => t.ref), bound: false };
  }
  if (c.absent) return lowerBound(rel, absentTerms(rel));
  const left = rel.left as ValueTerm[];
  const right = rel.right as ValueTerm[];
  const l = total(left);
  const r = total(right);
  const blankTotal = blankTotalOf(rel);
  if (blankTotal) {
    // Only a lone stated total can be "left blank"; a blank total inside a longer relation just ends it.
    if (left.length !== 1 || left[0] !== blankTotal || right.every((t) => t.blank)) return { kind: 'blankTotal', finding: null };
    return {
      kind: 'blankTotal',
      finding: {
        ...findingBase(rel),
        severity: 'warning',
        expected: r,
        actual: null,
        message: `${rel.subject}${SUBJECT_END}${blankTotal.label}${blankTotal.raw ? `为“${blankTotal.raw}”` : '空白'}（未填报），分项之和为 ${r}`,
      },
    };
  }
  if (l === r) return HOLDS;
  const blanks = c.blank;
  const base = findingBase(rel);
  const message = `${rel.subject}${SUBJECT_END}${side(left, l)} ≠ ${side(right, r)}${blanks ? CAVEAT_TEXT.blanks_as_zero : ''}`;
  const caveats: FindingCaveat[] = blanks ? ['blanks_as_zero'] : [];
  if (left.every((t) => t.blank) || right.every((t) => t.blank)) {
    // One side not reported at all: not a proven mismatch, and not a relation we could confirm either.
    const finding: Finding = { ...base, severity: 'warning', expected: r, actual: l, caveats: [...caveats, 'one_side_blank'], message: `${message}${CAVEAT_TEXT.one_side_blank}` };
    return { kind: 'gap', finding, missing: [], bound: false };
  }
  return { kind: 'checked', finding: { ...base, severity: 'error', expected: r, actual: l, ...(blanks && { caveats }), message } };
}

/**
 * Terms we did not read, all on one side: the other (complete) side must still be at least the present
 * terms, since a count is never negative. A broken bound is an error; anything else is a gap.
 */
function lowerBound(rel: Relation, absent: AbsentTerm[]): Outcome {
  const missing = absent.map((t) => t.ref);
  const gap: Outcome = { kind: 'gap', finding: null, missing, bound: false };
  const leftPartial = rel.left.some((t) => t.kind === 'absent');
  const rightPartial = rel.right.some((t) => t.kind === 'absent');
  if (leftPartial === rightPartial) return gap;
  const whole = (leftPartial ? rel.right : rel.left) as ValueTerm[];
  const present = (leftPartial ? rel.left : rel.right).filter((t): t is ValueTerm => t.kind === 'value');
  // A whole side that is not reported (a blank total) bounds nothing; nor does a side with no term left.
  if (!present.length || whole.some((t) => t.blank && (rel.reportedTotals ?? []).includes(t))) return gap;
  const w = total(whole);
  const p = total(present);
  if (w >= p) return { ...gap, bound: true };
  const names = [...new Set(absent.map((t) => t.label))].join('、');
  const blanks = [...whole, ...present].some((t) => t.blank);
  const message = `${rel.subject}${SUBJECT_END}${side(whole, w)} < ${side(present, p)}${blanks ? CAVEAT_TEXT.blanks_as_zero : ''}（缺少 ${names}，${CAVEAT_TEXT.lower_bound}）`;
  const caveats: FindingCaveat[] = blanks ? ['blanks_as_zero', 'lower_bound'] : ['lower_bound'];
  return { kind: 'checked', finding: { ...findingBase(rel), severity: 'error', expected: p, actual: w, caveats, message } };
}
