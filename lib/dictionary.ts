/**
 * The data dictionary: every canonical key, its printed label, the formats that use it, and the
 * patterns that recognise its label on a page. This is the one place keys are defined; the README's
 * data dictionary is generated from it (`npm run audit -- --dictionary`).
 *
 * Patterns run against `labelKey()` text: half-width, no whitespace, so `商业 企业` and `（一）` match.
 */
import type { TableKey } from './schema.ts';

export type FormatTag = '2019' | '2021' | 'legacy';

export interface KeyDef {
  key: string;
  label: string;
  formats: FormatTag[];
  meaning: string;
  /** Recognises the row's own label (or a column's leaf label). */
  pattern: RegExp;
  /** Only for sub-items whose own label is ambiguous (`3.其他`): the group label that must precede it. */
  group?: RegExp;
}

const both: FormatTag[] = ['2019', '2021'];

// ---- Table 3: 收到和处理政府信息公开申请情况 ----

export const TABLE3_COLUMNS: KeyDef[] = [
  { key: 'natural_person', label: '自然人', formats: both, meaning: 'requests from natural persons', pattern: /自然人/ },
  { key: 'commercial', label: '商业企业', formats: both, meaning: 'legal persons: businesses', pattern: /商业企业|企业/ },
  { key: 'research', label: '科研机构', formats: both, meaning: 'legal persons: research institutes', pattern: /科研/ },
  { key: 'social_welfare', label: '社会公益组织', formats: both, meaning: 'legal persons: public-interest organisations', pattern: /公益/ },
  { key: 'legal_service', label: '法律服务机构', formats: both, meaning: 'legal persons: legal service organisations', pattern: /法律服务/ },
  { key: 'other_org', label: '其他', formats: both, meaning: 'legal persons: other organisations', pattern: /^其他$|^其它$/ },
  { key: 'total', label: '总计', formats: both, meaning: 'all applicants', pattern: /总计|合计/ },
];

/** The five 法人或其他组织 columns: a value cell merged over exactly these is their subtotal. */
export const LEGAL_PERSON_COLUMNS = ['commercial', 'research', 'social_welfare', 'legal_service', 'other_org'];
export const TABLE3_PART_COLUMNS = ['natural_person', ...LEGAL_PERSON_COLUMNS];

export const TABLE3_ROWS: KeyDef[] = [
  { key: 'new_received', label: '一、本年新收政府信息公开申请数量', formats: both, meaning: 'requests received this year', pattern: /本年新收/ },
  { key: 'carried_over', label: '二、上年结转政府信息公开申请数量', formats: both, meaning: 'requests carried over from last year', pattern: /上年结转/ },
  { key: 'granted', label: '（一）予以公开', formats: both, meaning: 'disclosed in full', pattern: /予以公开/ },
  { key: 'partly_granted', label: '（二）部分公开', formats: both, meaning: 'disclosed in part', pattern: /部分公开/ },
  { key: 'denied_state_secret', label: '（三）不予公开 1.属于国家秘密', formats: both, meaning: 'denied: state secret', pattern: /国家秘密/ },
  { key: 'denied_law_forbidden', label: '2.其他法律行政法规禁止公开', formats: both, meaning: 'denied: forbidden by other laws', pattern: /禁止公开/ },
  { key: 'denied_three_safety_one_stability', label: '3.危及“三安全一稳定”', formats: both, meaning: 'denied: endangers the "three safeties, one stability"', pattern: /三安全|一稳定/ },
  { key: 'denied_third_party', label: '4.保护第三方合法权益', formats: both, meaning: "denied: third party's lawful rights", pattern: /第三方/ },
  { key: 'denied_internal_affairs', label: '5.属于三类内部事务信息', formats: both, meaning: 'denied: internal affairs', pattern: /内部事务/ },
  { key: 'denied_process_info', label: '6.属于四类过程性信息', formats: both, meaning: 'denied: process information', pattern: /过程性/ },
  { key: 'denied_enforcement_file', label: '7.属于行政执法案卷', formats: both, meaning: 'denied: enforcement case file', pattern: /执法案卷/ },
  { key: 'denied_admin_query', label: '8.属于行政查询事项', formats: both, meaning: 'denied: administrative query matter', pattern: /行政查询/ },
  { key: 'unable_not_held', label: '（四）无法提供 1.本机关不掌握相关政府信息', formats: both, meaning: 'unable: not held', pattern: /不掌握/ },
  { key: 'unable_needs_creation', label: '2.没有现成信息需要另行制作', formats: both, meaning: 'unable: would need to be created', pattern: /另行制作|没有现成/ },
  { key: 'unable_unclear', label: '3.补正后申请内容仍不明确', formats: both, meaning: 'unable: still unclear after correction', pattern: /仍不明确|不明确/ },
  { key: 'ignored_petition', label: '（五）不予处理 1.信访举报投诉类申请', formats: both, meaning: 'not processed: petition/complaint', pattern: /信访|举报投诉/ },
  { key: 'ignored_repeat', label: '2.重复申请', formats: both, meaning: 'not processed: repeated request', pattern: /重复申请/ },
  { key: 'ignored_publication', label: '3.要求提供公开出版物', formats: both, meaning: 'not processed: asks for publications', pattern: /出版物/ },
  { key: 'ignored_mass_repeat', label: '4.无正当理由大量反复申请', formats: both, meaning: 'not processed: mass repeated requests', pattern: /大量反复/ },
  { key: 'ignored_confirmation', label: '5.要求行政机关确认或重新出具已获取信息', formats: both, meaning: 'not processed: asks to confirm/re-issue', pattern: /确认或重新出具|重新出具/ },
  { key: 'other_no_correction', label: '（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', formats: ['2021'], meaning: 'other: applicant did not correct in time', pattern: /不补正/ },
  { key: 'other_no_fee', label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', formats: ['2021'], meaning: 'other: fee not paid', pattern: /缴纳费用|收费通知/ },
  { key: 'other_misc', label: '3.其他', formats: ['2021'], meaning: 'other: anything else', pattern: /^(?:\(六\)其他处理)?(?:3[.、．]|\(3\))?其[他它]$/, group: /其他处理|不补正|缴纳费用/ },
  { key: 'other', label: '（六）其他处理', formats: ['2019'], meaning: 'other handling (2019 single row; some 2021 reports keep it)', pattern: /其他处理$/ },
  { key: 'results_total', label: '（七）总计', formats: both, meaning: 'all results', pattern: /总计$|合计$/ },
  { key: 'carried_forward', label: '四、结转下年度继续办理', formats: both, meaning: 'carried forward to next year', pattern: /结转下年/ },
];

/** The rows whose sum is 三(七) 总计. */
export const TABLE3_RESULT_ROWS = TABLE3_ROWS.map((r) => r.key).filter(
  (k) => !['new_received', 'carried_over', 'results_total', 'carried_forward'].includes(k),
);

// ---- Table 4: 政府信息公开行政复议、行政诉讼情况 ----

const OUTCOMES: [string, string, string, RegExp][] = [
  ['upheld', '结果维持', 'upheld', /维持/],
  ['corrected', '结果纠正', 'corrected', /纠正/],
  ['other', '其他结果', 'other outcome', /其他|其它/],
  ['pending', '尚未审结', 'not yet concluded', /未审结|尚未/],
  ['total', '总计', 'total', /总计|合计/],
];
const GROUPS: [string, string, string][] = [
  ['review', '行政复议', 'administrative review'],
  ['suit_direct', '行政诉讼 · 未经复议直接起诉', 'lawsuit filed directly'],
  ['suit_after_review', '行政诉讼 · 复议后起诉', 'lawsuit after review'],
];
export const TABLE4_COLUMNS: KeyDef[] = GROUPS.flatMap(([g, gl, gm]) =>
  OUTCOMES.map(([o, ol, om, pattern]) => ({
    key: `${g}_${o}`,
    label: `${gl} · ${ol}`,
    formats: both,
    meaning: `${gm}: ${om}`,
    pattern,
  })),
);
export const TABLE4_GROUP_KEYS = GROUPS.map(([g]) => g);
export const TABLE4_OUTCOME_KEYS = OUTCOMES.map(([o]) => o);

/** Which Table 4 group a header path belongs to. */
export function table4Group(path: string): string | null {
  if (/复议后起诉/.test(path)) return 'suit_after_review';
  if (/未经复议|直接起诉/.test(path)) return 'suit_direct';
  if (/行政复议/.test(path)) return 'review';
  return null;
}

// ---- Table 2: 主动公开政府信息情况 ----

export const TABLE2_COLUMNS: KeyDef[] = [
  { key: 'new_made', label: '本年新制作数量', formats: ['2019'], meaning: 'documents newly made this year', pattern: /新制作/ },
  { key: 'new_published', label: '本年新公开数量', formats: ['2019'], meaning: 'documents newly published this year', pattern: /新公开/ },
  { key: 'total_published', label: '对外公开总数量', formats: ['2019'], meaning: 'all documents published', pattern: /公开总数/ },
  { key: 'prev_year_items', label: '上一年项目数量', formats: ['2019'], meaning: 'items at the end of last year', pattern: /上一年/ },
  { key: 'change', label: '本年增/减', formats: ['2019'], meaning: 'change this year (may be negative)', pattern: /增.?减/ },
  { key: 'decisions', label: '处理决定数量 / 本年处理决定数量', formats: ['2019', '2021'], meaning: 'decisions made this year', pattern: /处理决定/ },
  { key: 'procurement_items', label: '采购项目数量', formats: ['2019'], meaning: 'procurement projects', pattern: /采购项目/ },
  { key: 'procurement_amount', label: '采购总金额', formats: ['2019'], meaning: 'total procurement amount (unit as printed)', pattern: /采购总金额|总金额/ },
  { key: 'issued', label: '本年制发件数', formats: ['2021'], meaning: 'documents issued this year', pattern: /制发/ },
  { key: 'repealed', label: '本年废止件数', formats: ['2021'], meaning: 'documents repealed this year', pattern: /废止/ },
  { key: 'in_force', label: '现行有效件数', formats: ['2021'], meaning: 'documents in force', pattern: /现行有效/ },
  { key: 'fee_amount', label: '本年收费金额（单位：万元）', formats: ['2021'], meaning: 'fees collected this year, 10k yuan', pattern: /收费金额/ },
];

export const TABLE2_ROWS: KeyDef[] = [
  { key: 'regulations', label: '规章', formats: both, meaning: 'rules (规章)', pattern: /^规章$/ },
  { key: 'normative_documents', label: '规范性文件 / 行政规范性文件', formats: both, meaning: 'normative documents', pattern: /规范性文件$/ },
  { key: 'licensing', label: '行政许可', formats: both, meaning: 'administrative licensing', pattern: /^行政许可$/ },
  { key: 'other_services', label: '其他对外管理服务事项', formats: ['2019'], meaning: 'other external management services', pattern: /对外管理服务/ },
  { key: 'penalties', label: '行政处罚', formats: both, meaning: 'administrative penalties', pattern: /^行政处罚$/ },
  { key: 'enforcement', label: '行政强制', formats: both, meaning: 'administrative coercion', pattern: /^行政强制$/ },
  { key: 'fees', label: '行政事业性收费', formats: both, meaning: 'administrative fees', pattern: /事业性收费/ },
  { key: 'procurement', label: '政府集中采购', formats: ['2019'], meaning: 'government centralised procurement', pattern: /集中采购/ },
];

export const TABLE_TITLES: Record<TableKey, string> = {
  table2: '主动公开政府信息情况',
  table3: '收到和处理政府信息公开申请情况',
  table4: '政府信息公开行政复议、行政诉讼情况',
  legacy: '政府信息公开情况统计表',
};
