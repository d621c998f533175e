import type { Report } from '@/lib/schema.ts';
import { severityCount } from '@/lib/checks/finding.ts';
import { counted } from '@/lib/library/entry.ts';

// What the toolbar button shows for a tab: the error count in red, a green check when the report
// reconciles, nothing at all on pages without a report.

export interface Badge { text: string; color: string; title: string }

export const BADGE_RED = '#d93025';
export const BADGE_GREEN = '#188038';
const DEFAULT_TITLE = '年报核对';

export function badgeFor(report: Report | undefined): Badge {
  if (!report) return { text: '', color: BADGE_GREEN, title: DEFAULT_TITLE };
  // Findings the reader set aside (已忽略) are not counted.
  const errors = severityCount(counted(report.findings)).error;
  if (errors === 0) return { text: '✓', color: BADGE_GREEN, title: `${DEFAULT_TITLE}：表格数据全部核对一致` };
  return {
    text: errors > 99 ? '99+' : String(errors),
    color: BADGE_RED,
    title: `${DEFAULT_TITLE}：${errors} 处数据不一致`,
  };
}
