/** 结转下年度 N 件 (Table 3 四) and 上年结转 N 件 (Table 3 二). */
import type { RuleInfo } from '../checks/rule-info.ts';
import { FILL, N, table3RowReadings, type StatementKind } from './statement.ts';

const NEXT_YEAR = '(?:到|至|入)?下(?:一)?年(?:度)?';

export const carriedForward: StatementKind = {
  rule: 'prose.carried_forward',
  subject: '结转下年度',
  pattern: new RegExp(
    String.raw`(?:结转|顺延|转入)${NEXT_YEAR}(?:继续)?(?:办理|答复|处理)?(?:的)?(?:申请)?${FILL}${N}` +
      // 另有 72 件申请按照《条例》顺延到下年度答复: the count before the words.
      String.raw`|(?<n2>\d{1,7})\s*件(?:申请)?[^，,。；;\d]{0,14}?(?:结转|顺延|转入)${NEXT_YEAR}`,
    'g',
  ),
  needsRequestContext: true,
  readings: (report) => table3RowReadings(report, ['carried_forward'], '表三“四、结转下年度继续办理”'),
};

export const carriedOver: StatementKind = {
  rule: 'prose.carried_over',
  subject: '上年结转',
  pattern: new RegExp(String.raw`(?:上年|上一年|去年)(?:度)?结转(?:的)?(?:政府信息公开)?(?:申请)?${FILL}${N}`, 'g'),
  needsRequestContext: true,
  namesLastYear: true,
  readings: (report) => table3RowReadings(report, ['carried_over'], '表三“二、上年结转”'),
};

export const CARRIED_RULES: RuleInfo[] = [
  {
    id: 'prose.carried_forward',
    severity: 'warning',
    scope: 'prose',
    kind: 'note',
    name: { zh: '正文中的结转下年度数', en: 'Requests carried forward, as the text states them' },
    explain: {
      zh: '正文说“结转下年度继续办理 N 件”（或“N 件申请顺延到下年度答复”），N 应等于表三“四、结转下年度继续办理”的总计。例：正文“结转下年度继续办理 2 件”，表三四总计 2：一致。',
      en: 'A sentence "N carried forward to next year" should equal Table 3 row 四. Example: text 2, row 四 total 2: agrees.',
    },
  },
  {
    id: 'prose.carried_over',
    severity: 'warning',
    scope: 'prose',
    kind: 'note',
    name: { zh: '正文中的上年结转数', en: 'Requests carried over, as the text states them' },
    explain: {
      zh: '正文说“上年结转 N 件”，N 应等于表三“二、上年结转政府信息公开申请数量”的总计。例：正文“上年结转 1 件”，表三二总计 1：一致。',
      en: 'A sentence "N carried over from last year" should equal Table 3 row 二. Example: text 1, row 二 total 1: agrees.',
    },
  },
];
