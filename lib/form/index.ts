/** Every form rule: the report's sections, template, publication date and year, judged on the whole report. */
import type { RuleInfo } from '../checks/rule-info.ts';
import type { Finding, Report } from '../schema.ts';
import { checkDeadline, DEADLINE_RULES } from './deadline.ts';
import { checkSections, SECTIONS_RULES } from './sections.ts';
import { checkTemplate, TEMPLATE_RULES } from './template.ts';
import { checkYear, YEAR_RULES } from './year.ts';

export const FORM_RULES: RuleInfo[] = [...SECTIONS_RULES, ...TEMPLATE_RULES, ...DEADLINE_RULES, ...YEAR_RULES];

export function formFindings(report: Report): Finding[] {
  return [...checkSections(report), ...checkTemplate(report), ...checkDeadline(report), ...checkYear(report)];
}

/** Form findings are their own group (形式), never counted as 数据不一致. */
export const isFormFinding = (f: Pick<Finding, 'rule'>) => f.rule.startsWith('form.');
