/**
 * The one way a finding is built: its rule's id and (unless said otherwise) its rule's severity come from
 * the rule's catalog entry, and what a finding about no figure leaves out is null, not forgotten.
 */
import type { Finding } from '../schema.ts';
import type { RuleInfo } from './rule-info.ts';

type Fields = Omit<Finding, 'rule' | 'severity' | 'cells' | 'expected' | 'actual'> &
  Partial<Pick<Finding, 'severity' | 'cells' | 'expected' | 'actual'>>;

export function finding(rule: RuleInfo, fields: Fields): Finding {
  const { id, message, table, severity = rule.severity, cells = [], expected = null, actual = null, ...more } = fields;
  // The schema's key order, so the JSON reads the same whoever built the finding.
  return { id, rule: rule.id, severity, message, table, cells, expected, actual, ...more };
}

/** How many findings have each severity (the banner's, badge's and CLI's counts). */
export function severityCount(findings: readonly Finding[]): Record<Finding['severity'], number> {
  const count = { error: 0, warning: 0 };
  for (const f of findings) count[f.severity]++;
  return count;
}
