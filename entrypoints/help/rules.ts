import { RULES } from '@/lib/checks/catalog.ts';
import type { RuleInfo } from '@/lib/checks/rule-info.ts';

// The checks the help page explains: the rule catalog, every rule with its worked example in both languages.
export const HELP_RULES: readonly RuleInfo[] = RULES;
