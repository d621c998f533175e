/** Every prose rule: statements in the article that restate table figures, compared with the tables. */
import type { RuleInfo } from '../checks/rule-info.ts';
import type { Finding, Report } from '../schema.ts';
import { ANSWERED_RULES, requestsAnswered } from './answered.ts';
import { APPEALS_RULES, lawsuits, reviews } from './appeals.ts';
import { CARRIED_RULES, carriedForward, carriedOver } from './carried.ts';
import { DISCLOSED_RULES, disclosedInFull, disclosedInFullOrPart, disclosedInPart } from './disclosed.ts';
import { REQUESTS_RULES, requestsByLegalPersons, requestsByNaturalPersons, requestsReceived } from './requests.ts';
import { checkShares, SHARES_RULES } from './shares.ts';
import { checkKind, type StatementKind } from './statement.ts';

export const PROSE_RULES: RuleInfo[] = [
  ...REQUESTS_RULES,
  ...ANSWERED_RULES,
  ...DISCLOSED_RULES,
  ...CARRIED_RULES,
  ...APPEALS_RULES,
  ...SHARES_RULES,
];

/** Every statement kind (exported for the test that each one's count needs 件, see findStatements). */
export const KINDS: StatementKind[] = [
  requestsReceived,
  requestsByNaturalPersons,
  requestsByLegalPersons,
  carriedOver,
  requestsAnswered,
  disclosedInFullOrPart,
  disclosedInFull,
  disclosedInPart,
  carriedForward,
  reviews,
  lawsuits,
];

/** The prose findings in reading order (by where the quoted sentence starts). */
export function proseFindings(report: Report): Finding[] {
  const found = [...KINDS.flatMap((k) => checkKind(report, k)), ...checkShares(report)];
  return found.sort((a, b) => (a.text?.start ?? 0) - (b.text?.start ?? 0));
}
