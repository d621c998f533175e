/**
 * Every rule a finding can name, in the order a reader meets them: the banner, tooltips and popup take a
 * rule's name from here, the verdict its kind, and the README's "What it checks" table is generated from it
 * (`npm run docs`; tests/readme.test.ts keeps the two equal). Each entry lives beside its rule's function;
 * a new rule file exports its RuleInfo and adds it below.
 */
import type { RuleInfo, RuleKind } from './rule-info.ts';
import { table3BalanceRule, table3ResultsTotalRule, table3RowTotalRule } from './table3-rules.ts';
import { table4GroupTotalRule } from './table4-rules.ts';
import { legacyAtMostRule, legacySumRule } from './legacy-rules.ts';
import { plausibilityRule, table2ExpectationRule } from './plausibility.ts';
import { blankCellsRule } from './blank-cells.ts';
import { layoutRule } from './layout.ts';
import { SERIES_RULES } from './series.ts';
import { textReuseRule } from './text-reuse.ts';
import { PROSE_RULES } from '../prose/index.ts';
import { FORM_RULES } from '../form/index.ts';

export const RULES: readonly RuleInfo[] = [
  table3RowTotalRule,
  table3ResultsTotalRule,
  table3BalanceRule,
  table4GroupTotalRule,
  legacySumRule,
  legacyAtMostRule,
  table2ExpectationRule,
  plausibilityRule,
  layoutRule,
  blankCellsRule,
  ...SERIES_RULES,
  textReuseRule,
  ...PROSE_RULES,
  ...FORM_RULES,
];

const BY_ID = new Map(RULES.map((r) => [r.id, r]));

/** The catalog entry of a rule id; undefined for an id no rule file declares. */
export function ruleInfo(id: string): RuleInfo | undefined {
  return BY_ID.get(id);
}

/** The ids of the rules of one kind (the verdict's notes and relations). */
export function rulesOfKind(kind: RuleKind): Set<string> {
  return new Set(RULES.filter((r) => r.kind === kind).map((r) => r.id));
}
