/** 收到/受理/新收 … 申请 N 件 (Table 3 一, or 一 + 二: both readings occur), and 其中自然人 N 件、法人或其他组织 N 件. */
import type { RuleInfo } from '../checks/rule-info.ts';
import type { Report } from '../schema.ts';
import { cellNumber, FILL, LEGAL_COLUMNS, N, rowHasNumber, table3RowReadings, type Reading, type StatementKind } from './statement.ts';

/**
 * Between verb and 申请: nothing (共收到申请 N 件, in a paragraph about disclosure requests) or words that say
 * 公开 (政府信息公开, 依申请公开): 受理行政许可申请 N 件 or 收到行政复议申请 N 件 is another count.
 */
const GAP = String.raw`(?:共|了|各类)?(?:(?:(?!复议|诉讼|投诉|举报|信访|留言|上年|结转)[^，,。；;\d]){0,10}?公开(?:的)?)?`;

export const requestsReceived: StatementKind = {
  rule: 'prose.requests',
  subject: '收到申请',
  pattern: new RegExp(String.raw`(?:收到|受理|新收|接收|接到)${GAP}申请${FILL}${N}`, 'g'),
  needsRequestContext: true,
  readings: (report) => [
    ...table3RowReadings(report, ['new_received'], '表三“一、本年新收”'),
    ...table3RowReadings(report, ['new_received', 'carried_over'], '表三“一”＋“二、上年结转”'),
  ],
};

/** One applicant column group over rows 一 (and 一 + 二). */
function applicantReadings(report: Report, cols: string[], label: string): Reading[] {
  const t3 = report.tables.table3;
  const out: Reading[] = [];
  for (const rows of [['new_received'], ['new_received', 'carried_over']]) {
    const values = rows.flatMap((r) => cols.map((c) => cellNumber(t3, r, c, true)));
    if (!values.length || values.some((v) => v === null)) continue;
    if (!rows.every((r) => t3 && rowHasNumber(t3, r))) continue;
    out.push({
      label: rows.length === 1 ? `表三“一”${label}` : `表三“一”＋“二”${label}`,
      value: values.reduce((a, b) => a! + b!, 0)!,
      table: 'table3',
      cells: rows.flatMap((row) => cols.map((col) => ({ row, col }))),
    });
  }
  return out;
}

/** Only in a sentence that counts received requests (平台办件 其中自然人办件 N 件 is not one). */
const RECEIVED_SENTENCE = /(?:收到|受理|新收)[^。]*申请/;

export const requestsByNaturalPersons: StatementKind = {
  rule: 'prose.applicants',
  subject: '自然人申请',
  pattern: new RegExp(String.raw`其中[^，,。；;\d]{0,4}?自然人(?:提出|申请|提交)?(?:的)?(?:申请)?${FILL}${N}`, 'g'),
  needsRequestContext: true,
  sentenceMust: RECEIVED_SENTENCE,
  readings: (report) => applicantReadings(report, ['natural_person'], '自然人'),
};

export const requestsByLegalPersons: StatementKind = {
  rule: 'prose.applicants',
  subject: '法人或其他组织申请',
  pattern: new RegExp(String.raw`法人(?:或|和|及)?(?:其他|其它)?组织(?:提出|申请|提交)?(?:的)?(?:申请)?${FILL}${N}`, 'g'),
  needsRequestContext: true,
  sentenceMust: RECEIVED_SENTENCE,
  readings: (report) => applicantReadings(report, LEGAL_COLUMNS, '法人或其他组织'),
};

export const REQUESTS_RULES: RuleInfo[] = [
  {
    id: 'prose.requests',
    severity: 'warning',
    scope: 'prose',
    kind: 'note',
    name: { zh: '正文中的收到申请数', en: 'Requests received, as the text states them' },
    explain: {
      zh: '正文说“本年度共收到政府信息公开申请 N 件”，N 应等于表三“一、本年新收”总计，或（把上年结转也算作收到时）“一”加“二、上年结转”。例：正文 66 件，表三一为 66：一致；正文 70 件，而一为 66、一加二为 71：提示。',
      en: 'A sentence "received N requests" should equal Table 3 row 一 (new requests), or 一 + 二 (with carried-over ones). Example: text 70, row 一 66 and 一+二 71: warning.',
    },
  },
  {
    id: 'prose.applicants',
    severity: 'warning',
    scope: 'prose',
    kind: 'note',
    name: { zh: '正文中的申请人分类数', en: 'Requests by applicant, as the text states them' },
    explain: {
      zh: '在说收到申请的句子里，“其中自然人 N 件、法人或其他组织 M 件”应等于表三“一”（或“一”加“二”）的自然人列、法人或其他组织五列之和。例：正文“其中自然人 60 件、法人或其他组织 6 件”，表三一自然人 60、法人五列共 6：一致。',
      en: 'In a sentence about requests received, "of which natural persons N, legal persons M" should equal Table 3 row 一 (or 一 + 二) in the natural-person column and the sum of the five legal-person columns. Example: text 60 and 6, Table 3 row 一 natural persons 60, legal persons 6 in all: agrees.',
    },
  },
];
