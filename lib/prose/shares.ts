/**
 * Shares: "N 件，占 P%" recomputed from N over the totals the paragraph names (收到/办结 … M 件) and the table's
 * (七)总计, 一, 一+二. A warning only when no base gives P within its rounding (or truncation) tolerance.
 */
import type { RuleInfo } from '../checks/rule-info.ts';
import type { Finding, Report } from '../schema.ts';
import { requestsAnswered } from './answered.ts';
import { requestsReceived } from './requests.ts';
import { articleCut, findStatements, table3RowReadings, type Reading, type Sentence } from './statement.ts';

const SHARE = /(?<n>\d{1,7})\s*件[，,、]?\s*(?:约)?占(?:比)?(?:[^，,。；;\d%]{0,10}?)(?<p>\d{1,3}(?:\.\d+)?)\s*%/g;

/** Does n / base round (or truncate) to p at p's precision? */
export function shareMatches(n: number, base: number, p: string): boolean {
  if (base <= 0) return false;
  const decimals = p.split('.')[1]?.length ?? 0;
  return Math.abs((n / base) * 100 - Number(p)) <= 10 ** -decimals + 1e-9;
}

export function checkShares(report: Report): Finding[] {
  const original = report.article?.text;
  const cut = articleCut(report);
  if (!original || !cut) return [];
  // The shares stated, first: most articles state none, and then the tables are not read.
  const shares: { s: Sentence; m: RegExpExecArray }[] = [];
  // A share is "N 件，占 P%": only in a sentence that counts in 件.
  for (const { sentence: s, aboutRequests } of cut.counting) {
    if (!aboutRequests) continue;
    SHARE.lastIndex = 0;
    for (let m; (m = SHARE.exec(s.text)); ) shares.push({ s, m });
  }
  if (!shares.length) return [];
  const tableBases: Reading[] = [
    ...table3RowReadings(report, ['results_total'], '表三“（七）总计”'),
    ...table3RowReadings(report, ['new_received'], '表三“一、本年新收”'),
    ...table3RowReadings(report, ['new_received', 'carried_over'], '表三“一”＋“二”'),
  ];
  if (!tableBases.length) return [];
  const stated = [...findStatements(cut, requestsAnswered, report.year), ...findStatements(cut, requestsReceived, report.year)];
  const out: Finding[] = [];
  for (const { s, m } of shares) {
    const n = Number(m.groups!.n);
    const p = m.groups!.p;
    const lineBases = stated.filter((st) => st.sentence.line === s.line).map((st) => st.value);
    if ([...lineBases, ...tableBases.map((b) => b.value)].some((b) => shareMatches(n, b, p))) continue;
    const base = tableBases[0];
    const decimals = Math.max(1, p.split('.')[1]?.length ?? 0);
    const shown = ((n / base.value) * 100).toFixed(decimals);
    const expected = Number(shown);
    out.push({
      id: `prose.shares:${s.start}:${s.start + m.index}`,
      rule: 'prose.shares',
      severity: 'warning',
      message: `正文说 ${n} 件占 ${p}%，按${base.label} ${base.value} 计为 ${shown}%（也不合正文所说的其他总数）`,
      table: base.table,
      cells: base.cells,
      expected,
      actual: Number(p),
      text: { quote: original.slice(s.start, s.end), start: s.start, end: s.end },
    });
  }
  return out;
}

export const SHARES_RULES: RuleInfo[] = [
  {
    id: 'prose.shares',
    severity: 'warning',
    scope: 'prose',
    kind: 'note',
    name: { zh: '正文中的占比', en: 'Shares, as the text states them' },
    explain: {
      zh: '“N 件，占 P%”按 N 除以总数重算：总数取同段所说的收到或办结数，或表三“（七）总计”“一”“一加二”；按 P 的小数位四舍五入或截断，任一相符即不提示。例：265 件占 32.9%，总数 805：32.92%，相符。',
      en: '"N, P%" is recomputed as N over the totals the paragraph states or Table 3 （七）, 一, 一+二, within rounding or truncation at P\'s precision. Example: 265 of 805 is 32.92%: 32.9% matches.',
    },
  },
];
