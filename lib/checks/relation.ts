/**
 * One arithmetic relation (left side = right side) turned into at most one finding. Every check is a
 * list of these; this is where blanks, merged cells and unreadable text get their agreed meaning.
 */
import type { Finding, TableKey } from '../schema.ts';
import { formatSum, sum, type Term } from './terms.ts';

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

export function evaluate(rel: Relation): Finding | null {
  const all = [...rel.left, ...rel.right];
  if (all.some((t) => t.kind === 'absent')) return null;
  const cells = all.flatMap((t) => (t.kind === 'absent' ? [] : t.refs));
  const base = { id: rel.id, rule: rel.rule, table: rel.table, cells };
  const unreadable = all.filter((t) => t.kind === 'unreadable');
  if (unreadable.length) {
    const what = unreadable.map((t) => `${t.label}“${t.kind === 'unreadable' ? t.raw : ''}”`).join('、');
    return { ...base, severity: 'warning', expected: null, actual: null, message: `${rel.subject}：无法核对，${what} 不是可识别的数字` };
  }
  const left = rel.left as ValueTerm[];
  const right = rel.right as ValueTerm[];
  const l = sum(left.map((t) => t.value));
  const r = sum(right.map((t) => t.value));
  const blankTotal = (rel.reportedTotals ?? []).find((t) => t.kind === 'value' && t.blank);
  if (blankTotal) {
    // Only a lone stated total can be "left blank"; a blank total inside a longer relation just ends it.
    if (left.length !== 1 || left[0] !== blankTotal || right.every((t) => t.blank)) return null;
    return {
      ...base,
      severity: 'warning',
      expected: r,
      actual: null,
      message: `${rel.subject}：${blankTotal.label}${blankTotal.raw ? `为“${blankTotal.raw}”` : '空白'}（未填报），分项之和为 ${r}`,
    };
  }
  if (l === r) return null;
  const side = (terms: ValueTerm[], total: number) => (terms.length === 1 ? formatSum(terms) : `${formatSum(terms)} = ${total}`);
  const blanks = all.some((t) => t.kind === 'value' && t.blank) ? '（空白按 0 计）' : '';
  const message = `${rel.subject}：${side(left, l)} ≠ ${side(right, r)}${blanks}`;
  if (left.every((t) => t.blank) || right.every((t) => t.blank)) {
    return { ...base, severity: 'warning', expected: r, actual: l, message: `${message}；一侧全部空白，可能只是未填报` };
  }
  return { ...base, severity: 'error', expected: r, actual: l, message };
}
