import type { Report } from '@/lib/schema.ts';
import { severityCount } from '@/lib/checks/finding.ts';
import { counted } from '@/lib/library/entry.ts';
import { t } from '@/components/i18n.ts';

// What the toolbar button shows for a tab: the error count in red, a green check when the report
// reconciles, nothing at all on pages without a report. The title is in the reader's language (components/i18n.ts).

export interface Badge { text: string; color: string; title: string }

export const BADGE_RED = '#d93025';
export const BADGE_GREEN = '#188038';

export function badgeFor(report: Report | undefined): Badge {
  if (!report) return { text: '', color: BADGE_GREEN, title: t('appName') };
  // Findings the reader set aside (已忽略) are not counted.
  const errors = severityCount(counted(report.findings)).error;
  if (errors === 0) return { text: '✓', color: BADGE_GREEN, title: t('badgeClean') };
  return {
    text: errors > 99 ? '99+' : String(errors),
    color: BADGE_RED,
    title: t('badgeErrors', errors),
  };
}
