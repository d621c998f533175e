/**
 * What a rule is, for the reader. Each rule file exports the RuleInfo of its rules beside the functions;
 * the rule catalog (lib/checks/catalog.ts) lists them all, and the banner, tooltips, popup, README and help
 * read it from there.
 */
export type RuleScope = 'cell' | 'table' | 'report' | 'series' | 'prose' | 'form';

/**
 * What the verdict makes of the rule's warnings (lib/checks/verdict.ts): `relation`, a hard relation (its
 * errors are mismatches; its warnings are notes unless they name a gap in the coverage); `note`, warnings
 * that never block a clean verdict; `gap`, warnings that say something went unread (they block it).
 */
export type RuleKind = 'relation' | 'note' | 'gap';

export interface RuleInfo {
  /** e.g. `table3.row_total`, `series.carry_over`, `prose.requests`, `form.deadline`. */
  id: string;
  severity: 'error' | 'warning';
  scope: RuleScope;
  kind: RuleKind;
  name: { zh: string; en: string };
  /** One paragraph on what is checked, with a worked example. */
  explain: { zh: string; en: string };
}
