/** A form finding: about the whole report (table null), naming the rule it applied and its evidence. */
import type { Finding } from '../schema.ts';

export function formFinding(rule: string, message: string, extra: Partial<Finding> = {}): Finding {
  return { id: rule, rule, severity: 'warning', message, table: null, cells: [], expected: null, actual: null, ...extra };
}
