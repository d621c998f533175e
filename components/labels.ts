import type { Finding, Format, TableKey } from '@/lib/schema.ts';
import { ruleInfo } from '@/lib/checks/catalog.ts';
import { language, t } from './i18n.ts';

// Plain names for the model's keys, shared by the banner, the tooltip and the popup, in the reader's language.
// (The Chinese table names are the tables' own labels, lib/tables/<table>.ts; a test keeps them the same.)

/** Each table's short name. */
export function tableLabel(table: TableKey): string {
  return t(`table_${table}`);
}

/** Where a finding is said to be: its table, or the whole report. */
export function placeLabel(table: TableKey | null): string {
  return table ? tableLabel(table) : t('reportWide');
}

export function formatLabel(format: Format): string {
  return t(`format_${format}`);
}

export function severityLabel(severity: Finding['severity']): string {
  return t(`severity_${severity}`);
}

/** A check's plain name, from the rule catalog (lib/checks/catalog.ts); an unknown rule gets a generic one. */
export function ruleLabel(rule: string): string {
  return ruleInfo(rule)?.name[language()] ?? t('ruleFallback');
}
