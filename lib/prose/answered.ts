/** 办结/答复 … N 件: Table 3 （七）总计. */
import type { RuleInfo } from '../checks/rule-info.ts';
import { FILL, N, table3RowReadings, type StatementKind } from './statement.ts';

export const requestsAnswered: StatementKind = {
  rule: 'prose.answered',
  subject: '办结申请',
  // Either the words between name disclosure requests (答复政府信息公开申请 805 件) or there are none (已办结
  // 67 件): 办结工单 N 件, 答复行政许可申请 N 件 are other counts.
  pattern: new RegExp(String.raw`(?:办结|答复|作出答复)(?:[^，,。；;\d]{0,12}?公开(?:的)?申请)?${FILL}${N}`, 'g'),
  needsRequestContext: true,
  // 按时办结 / 延期答复 count a part of them.
  clauseMustNot: /(?:按时|延期|逾期|限期|当场|当日|即时)(?:办结|答复)|复议|诉讼/,
  readings: (report) => table3RowReadings(report, ['results_total'], '表三“（七）总计”'),
};

export const ANSWERED_RULES: RuleInfo[] = [
  {
    id: 'prose.answered',
    severity: 'warning',
    scope: 'prose',
    kind: 'note',
    name: { zh: '正文中的办结数', en: 'Requests answered, as the text states them' },
    explain: {
      zh: '正文说“办结（答复）申请 N 件”，N 应等于表三“（七）总计”的总计列（总计空白时，各列相加）。例：正文“已办结 67 件”，表三（七）总计 67：一致。',
      en: 'A sentence "answered N requests" should equal Table 3 row （七）总计 (its total column, or its columns summed when the total is blank). Example: text 67, row （七）总计 67: agrees.',
    },
  },
];
