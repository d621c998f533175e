/**
 * form.deadline: the publication date against 《政府信息公开条例》(2019) 第四十九条 — 县级以上人民政府部门 by
 * 1月31日, 县级以上地方人民政府 by 3月31日 — or, for reports of 2018 and earlier, the 2008 条例's 3月31日 for every
 * agency. Says nothing without a publication date on the page (a 成文日期 is when it was written, not published),
 * nor inside 1月31日–3月31日 for an issuer whose kind its name does not show (管委会, 街道, 乡镇 …).
 */
import type { RuleInfo } from '../checks/rule-info.ts';
import type { Finding, Report } from '../schema.ts';
import { formFinding } from './form-finding.ts';

export type IssuerKind = 'government' | 'department' | 'unclear';

/** From the issuer's name: 人民政府 (县级以上 or not, its deadline is the later one), a department, or unclear. */
export function issuerKind(agency: string | null): IssuerKind {
  if (!agency) return 'unclear';
  const name = agency.replace(/[（(][^）)]*[）)]$/, '').trim();
  // Neither clearly a government nor a department: 管委会, 街道办事处, 乡镇, 开发区 ….
  if (/管委会|管理委员会|街道|办事处|[乡镇]$|[乡镇]人民政府|开发区|实验区|新区$|园区/.test(name)) return 'unclear';
  if (/人民政府$/.test(name)) return 'government';
  if (/(?:局|委|办|厅|署|办公室|委员会|中心|院)$/.test(name)) return 'department';
  return 'unclear';
}

/** Is the evidence a publication date (发布日期, 公开日期, 发布时间, a CMS publish-date meta)? */
const PUBLICATION_LABEL = /发布|公开|发文|时间|pub/i;

export function checkDeadline(report: Report): Finding[] {
  const { year, publishedAt } = report;
  const where = report.evidence.publishedAt?.evidence ?? '';
  if (year === null || !publishedAt || /成文/.test(where) || !PUBLICATION_LABEL.test(where)) return [];
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(publishedAt);
  if (!m) return [];
  const date = `${m[1]}-${m[2]}-${m[3]}`;
  const due = year + 1;
  if (Number(m[1]) < due) return [];
  const kind = issuerKind(report.agency);
  const issuer = `发布机关“${report.agency ?? '未知'}”（${report.evidence.agency?.evidence ?? '未读到'}）`;
  const late = (deadline: string, rule: string) =>
    formFinding(
      'form.deadline',
      `${year} 年度报告 ${date} 发布（读自“${where}”），晚于 ${deadline}：${rule}。${issuer}`,
    );
  if (year <= 2018) {
    return date > `${due}-03-31` ? [late(`${due}年3月31日`, '2008 年《政府信息公开条例》第三十一条，年报于每年 3 月 31 日前公布')] : [];
  }
  if (date > `${due}-03-31`)
    return [late(`${due}年3月31日`, '《政府信息公开条例》第四十九条，县级以上地方人民政府最迟 3 月 31 日、政府部门 1 月 31 日前公布')];
  if (date > `${due}-01-31` && kind === 'department')
    return [late(`${due}年1月31日`, '《政府信息公开条例》第四十九条，县级以上人民政府部门于每年 1 月 31 日前公布（名称显示为部门）')];
  return [];
}

export const DEADLINE_RULES: RuleInfo[] = [
  {
    id: 'form.deadline',
    severity: 'warning',
    scope: 'form',
    kind: 'note',
    name: { zh: '发布期限', en: 'Publication deadline' },
    explain: {
      zh: '《政府信息公开条例》第四十九条：县级以上人民政府部门在每年 1 月 31 日前、县级以上地方人民政府在 3 月 31 日前公布上一年度年报；2018 年度及以前按 2008 年条例，一律 3 月 31 日前。只在页面有发布日期时判断（成文日期不算）；3 月 31 日以后一律提示；1 月 31 日至 3 月 31 日之间，只对名称显示为部门（局、委、办、厅…）的提示，管委会、街道、乡镇不判断。例：某县教育局 2023 年度报告 2024 年 3 月 5 日发布：提示。',
      en: 'Article 49: departments publish by 31 January, local governments by 31 March (reports up to 2018: 31 March for all). Judged only on a publication date; between 31 January and 31 March only for an issuer whose name shows a department. Example: a county education bureau publishes its 2023 report on 5 March 2024: warning.',
    },
  },
];
