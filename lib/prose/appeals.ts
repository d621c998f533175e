/**
 * 行政复议 N 件 (Table 4 行政复议 总计) and 行政诉讼 N 件 (未经复议直接起诉 总计 + 复议后起诉 总计: a lawsuit count
 * compared with one of the two alone would be wrong). Only in a sentence about information disclosure:
 * 办理行政复议案件 N 件 in a 司法局's report counts every review it handled.
 */
import type { RuleInfo } from '../checks/rule-info.ts';
import type { Report } from '../schema.ts';
import { cellNumber, FILL, hasNumbers, N, type Reading, type StatementKind } from './statement.ts';

const GROUP_PARTS = ['upheld', 'corrected', 'other', 'pending'];

/**
 * A Table 4 group's count: its 总计, and its parts summed when that differs (a table whose 总计 is misprinted:
 * the table check reports that; the text agreeing with the parts is not a second slip). Blanks read as 0.
 */
function groupValues(report: Report, group: string): { value: number; cols: string[] }[] {
  const t4 = report.tables.table4;
  if (!t4 || !hasNumbers(t4)) return [];
  const out: { value: number; cols: string[] }[] = [];
  const total = cellNumber(t4, 'count', `${group}_total`, true);
  if (total !== null) out.push({ value: total, cols: [`${group}_total`] });
  const parts = GROUP_PARTS.map((p) => cellNumber(t4, 'count', `${group}_${p}`, true));
  const sum = parts.every((v) => v !== null) ? parts.reduce((a, b) => a! + b!, 0)! : null;
  if (sum !== null && sum !== total) out.push({ value: sum, cols: GROUP_PARTS.map((p) => `${group}_${p}`) });
  return out;
}

const ABOUT_DISCLOSURE = /信息公开/;

export const reviews: StatementKind = {
  rule: 'prose.reviews',
  subject: '行政复议',
  pattern: new RegExp(String.raw`行政复议(?:案件|申请)?${FILL}${N}`, 'g'),
  sentenceMust: ABOUT_DISCLOSURE,
  readings: (report): Reading[] => {
    return groupValues(report, 'review').map((v, i) => ({
      label: i ? '表四“行政复议”各项相加' : '表四“行政复议 总计”',
      value: v.value,
      table: 'table4',
      cells: v.cols.map((col) => ({ row: 'count', col })),
    }));
  },
};

export const lawsuits: StatementKind = {
  rule: 'prose.lawsuits',
  subject: '行政诉讼',
  pattern: new RegExp(String.raw`(?<!起)(?:行政)?诉讼(?:案件)?${FILL}${N}`, 'g'),
  sentenceMust: ABOUT_DISCLOSURE,
  // 直接起诉 N 件 / 复议后起诉 N 件 name one of the two groups: not this count.
  clauseMustNot: /直接起诉|复议后|未经复议/,
  readings: (report): Reading[] => {
    const out: Reading[] = [];
    for (const [i, direct] of groupValues(report, 'suit_direct').entries())
      for (const [j, after] of groupValues(report, 'suit_after_review').entries())
        out.push({
          label: i || j ? '表四“直接起诉”＋“复议后起诉”（各项相加）' : '表四“未经复议直接起诉 总计”＋“复议后起诉 总计”',
          value: direct.value + after.value,
          table: 'table4',
          cells: [...direct.cols, ...after.cols].map((col) => ({ row: 'count', col })),
        });
    return out;
  },
};

export const APPEALS_RULES: RuleInfo[] = [
  {
    id: 'prose.reviews',
    severity: 'warning',
    scope: 'prose',
    kind: 'note',
    name: { zh: '正文中的行政复议数', en: 'Administrative reviews, as the text states them' },
    explain: {
      zh: '在说政府信息公开的句子里，“行政复议 N 件”应等于表四“行政复议”的总计。例：正文“因政府信息公开被申请行政复议 2 件”，表四行政复议总计 2：一致。',
      en: 'In a sentence about information disclosure, "N administrative reviews" should equal Table 4 行政复议 总计. Example: text 2 reviews, Table 4 行政复议 总计 2: agrees.',
    },
  },
  {
    id: 'prose.lawsuits',
    severity: 'warning',
    scope: 'prose',
    kind: 'note',
    name: { zh: '正文中的行政诉讼数', en: 'Lawsuits, as the text states them' },
    explain: {
      zh: '“行政诉讼 N 件”应等于表四“未经复议直接起诉”总计加“复议后起诉”总计（两者之和，不是其中之一）。例：直接起诉 2 件、复议后起诉 1 件，正文应为 3 件。',
      en: '"N lawsuits" should equal Table 4 direct suits 总计 plus suits after review 总计 (their sum, not either alone). Example: 2 direct and 1 after review: the text should say 3.',
    },
  },
];
