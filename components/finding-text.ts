import type { Coverage, Finding } from '@/lib/schema.ts';
import { ruleInfo } from '@/lib/checks/catalog.ts';
import type { Verdict } from '@/lib/checks/verdict.ts';
import { SUBJECT_END } from '@/lib/checks/relation.ts';
import { table3BalanceRule } from '@/lib/checks/table3-rules.ts';
import { language, t } from './i18n.ts';
import { ruleLabel } from './labels.ts';

// What the reader sees of a finding and of the verdict, in the reader's language. lib/ writes findings in
// Chinese (they go into the exports as they are); in English the sum relations are said again from the
// finding's numbers (printed total = `actual`, its parts' sum = `expected`; for the balance, the two sides) and
// its `caveats`, keeping the report's own Chinese label of what is summed (read off the message: the Finding has
// no field for it). A finding whose numbers do not say it all keeps its Chinese message, under the rule's
// English name: better untranslated than invented.

/** The report's own label the relation is about, which lib/checks/relation.ts writes first. */
function subjectOf(message: string): string {
  const end = message.indexOf(SUBJECT_END);
  return end > 0 ? message.slice(0, end) : '';
}

/** 一 + 二 = 三(七) + 四: a sum on both sides, not a printed total against its parts. */
const BALANCE_RULE = table3BalanceRule.id;

/** In-table sum relations (lib/checks/relation.ts): their `actual` is the printed side, `expected` the computed one. */
function isTableRelation(f: Finding): boolean {
  const info = ruleInfo(f.rule);
  return info?.kind === 'relation' && (info.scope === 'table' || info.scope === 'cell');
}

export function findingText(f: Finding): string {
  if (language() === 'zh') return f.message;
  const name = ruleLabel(f.rule);
  if (isTableRelation(f) && f.expected !== null) {
    const subject = subjectOf(f.message);
    const what = subject ? `${name} · ${subject}` : name;
    if (f.actual === null) return t('findingPrintedBlank', what, f.expected);
    const caveats = f.caveats ?? [];
    const notes = [
      caveats.includes('blanks_as_zero') ? t('findingNoteBlanks') : '',
      caveats.includes('one_side_blank') ? t('findingNoteOneSideBlank') : '',
    ].join('');
    const lowerBound = caveats.includes('lower_bound');
    if (f.rule === BALANCE_RULE) {
      // Two sums, neither one printed figure; a bound on either side is left as written.
      if (lowerBound) return `${name}: ${f.message}`;
      return t('findingBalance', what, f.actual, f.expected) + notes;
    }
    if (lowerBound) return t('findingLowerBound', what, f.actual, f.expected) + notes;
    return t('findingPrintedComputed', what, f.actual, f.expected) + notes;
  }
  return `${name}: ${f.message}`;
}

/** The verdict's headline and what it covered (lib/checks/verdict.ts says them in Chinese). */
export function verdictText(v: Verdict, coverage: Coverage): { headline: string; covered: string } {
  const covered = t('verdictCovered', coverage.relationsChecked, coverage.numbersRead);
  const headline =
    v.kind === 'errors'
      ? v.gaps.length
        ? t('verdictErrorsAndGaps', v.errors.length, v.gaps.length)
        : t('verdictErrors', v.errors.length)
      : v.kind === 'gaps'
        ? t('verdictGaps', v.gaps.length)
        : v.kind === 'unchecked'
          ? t('verdictUnchecked')
          : t('verdictClean', covered);
  return { headline, covered };
}
