/** 予以公开 N 件 / 予以公开及部分公开 N 件 / 部分公开 N 件: Table 3 （一）, （一）+（二）, （二）. */
import type { RuleInfo } from '../checks/rule-info.ts';
import { FILL, N, table3RowReadings, type StatementKind } from './statement.ts';

const GRANTED = '(?:予以公开|同意公开)';
const AND = '(?:及|和|与|、|以及)';

export const disclosedInFullOrPart: StatementKind = {
  rule: 'prose.disclosed',
  subject: '予以公开及部分公开',
  pattern: new RegExp(String.raw`${GRANTED}${AND}部分公开(?:的)?${FILL}${N}`, 'g'),
  needsRequestContext: true,
  readings: (report) => table3RowReadings(report, ['granted', 'partly_granted'], '表三“（一）予以公开”＋“（二）部分公开”'),
};

export const disclosedInFull: StatementKind = {
  rule: 'prose.disclosed',
  subject: '予以公开',
  // Some reports count partial disclosures in 予以公开: both readings are allowed.
  pattern: new RegExp(String.raw`${GRANTED}(?!${AND}部分)(?:的)?${FILL}${N}`, 'g'),
  needsRequestContext: true,
  readings: (report) => [
    ...table3RowReadings(report, ['granted'], '表三“（一）予以公开”'),
    ...table3RowReadings(report, ['granted', 'partly_granted'], '表三“（一）”＋“（二）部分公开”'),
  ],
};

export const disclosedInPart: StatementKind = {
  rule: 'prose.disclosed',
  subject: '部分公开',
  pattern: new RegExp(String.raw`(?<!${GRANTED}${AND}|予以)部分公开(?:的)?${FILL}${N}`, 'g'),
  needsRequestContext: true,
  readings: (report) => table3RowReadings(report, ['partly_granted'], '表三“（二）部分公开”'),
};

export const DISCLOSED_RULES: RuleInfo[] = [
  {
    id: 'prose.disclosed',
    severity: 'warning',
    scope: 'prose',
    kind: 'note',
    name: { zh: '正文中的公开数', en: 'Requests granted, as the text states them' },
    explain: {
      zh: '正文说“予以公开 N 件”“部分公开 N 件”或“予以公开及部分公开 N 件”，N 应等于表三“（一）予以公开”“（二）部分公开”或两者之和的总计。“予以公开”单说时，也接受两者之和。按条计的公开信息数不是申请数，不比较。例：正文“予以公开 35 件”，表三（一）予以公开总计 35：一致。',
      en: 'A sentence "granted N" / "partly granted N" / "granted in full or in part N" should equal Table 3 （一）, （二） or their sum. Counts of documents (…条) are not request counts and are not compared. Example: text granted 35, Table 3 （一） 35: agrees.',
    },
  },
];
