/**
 * The data dictionary: every canonical key, its printed label, the formats that use it, and the
 * patterns that recognise its label on a page. This is the one place keys are defined; the README's
 * data dictionary is generated from it and from lib/tables/dictionary-meanings.ts (`npm run audit -- --dictionary`).
 *
 * Patterns run against `labelKey()` text: half-width, no whitespace, so `商业 企业` and `（一）` match.
 */
import { firstMatch } from './label-pattern.ts';

export type FormatTag = '2019' | '2021' | 'legacy';

export interface KeyDef {
  key: string;
  label: string;
  formats: FormatTag[];
  /** Recognises the row's own label (or a column's leaf label). */
  pattern: RegExp;
  /** Only for sub-items whose own label is ambiguous (`3.其他`): the group label that must precede it. */
  group?: RegExp;
}

const both: FormatTag[] = ['2019', '2021'];

// ---- Table 3: 收到和处理政府信息公开申请情况 ----

export const TABLE3_COLUMNS: KeyDef[] = [
  { key: 'natural_person', label: '自然人', formats: both, pattern: /自然人/ },
  { key: 'commercial', label: '商业企业', formats: both, pattern: /商业企业|企业/ },
  { key: 'research', label: '科研机构', formats: both, pattern: /科研/ },
  { key: 'social_welfare', label: '社会公益组织', formats: both, pattern: /公益/ },
  { key: 'legal_service', label: '法律服务机构', formats: both, pattern: /法律服务/ },
  { key: 'other_org', label: '其他', formats: both, pattern: /^其[他它](组织)?$/ },
  { key: 'total', label: '总计', formats: both, pattern: /总计|合计/ },
];

/** The five 法人或其他组织 columns: a value cell merged over exactly these is their subtotal. */
export const LEGAL_PERSON_COLUMNS = ['commercial', 'research', 'social_welfare', 'legal_service', 'other_org'];
export const TABLE3_PART_COLUMNS = ['natural_person', ...LEGAL_PERSON_COLUMNS];

export const TABLE3_ROWS: KeyDef[] = [
  { key: 'new_received', label: '一、本年新收政府信息公开申请数量', formats: both, pattern: /本年新收/ },
  { key: 'carried_over', label: '二、上年结转政府信息公开申请数量', formats: both, pattern: /上年结转/ },
  { key: 'granted', label: '（一）予以公开', formats: both, pattern: /予以公开/ },
  { key: 'partly_granted', label: '（二）部分公开', formats: both, pattern: /部分公开/ },
  { key: 'denied_state_secret', label: '（三）不予公开 1.属于国家秘密', formats: both, pattern: /国家秘密/ },
  { key: 'denied_law_forbidden', label: '2.其他法律行政法规禁止公开', formats: both, pattern: /禁止公开/ },
  { key: 'denied_three_safety_one_stability', label: '3.危及“三安全一稳定”', formats: both, pattern: /三安全|一稳定/ },
  { key: 'denied_third_party', label: '4.保护第三方合法权益', formats: both, pattern: /第三方/ },
  { key: 'denied_internal_affairs', label: '5.属于三类内部事务信息', formats: both, pattern: /内部事务/ },
  { key: 'denied_process_info', label: '6.属于四类过程性信息', formats: both, pattern: /过程性/ },
  { key: 'denied_enforcement_file', label: '7.属于行政执法案卷', formats: both, pattern: /执法案卷/ },
  { key: 'denied_admin_query', label: '8.属于行政查询事项', formats: both, pattern: /行政查询/ },
  { key: 'unable_not_held', label: '（四）无法提供 1.本机关不掌握相关政府信息', formats: both, pattern: /不掌握/ },
  { key: 'unable_needs_creation', label: '2.没有现成信息需要另行制作', formats: both, pattern: /另行制作|没有现成/ },
  { key: 'unable_unclear', label: '3.补正后申请内容仍不明确', formats: both, pattern: /仍不明确|不明确/ },
  { key: 'ignored_petition', label: '（五）不予处理 1.信访举报投诉类申请', formats: both, pattern: /信访|举报投诉/ },
  { key: 'ignored_repeat', label: '2.重复申请', formats: both, pattern: /重复申请/ },
  { key: 'ignored_publication', label: '3.要求提供公开出版物', formats: both, pattern: /出版物/ },
  { key: 'ignored_mass_repeat', label: '4.无正当理由大量反复申请', formats: both, pattern: /大量反复/ },
  { key: 'ignored_confirmation', label: '5.要求行政机关确认或重新出具已获取信息', formats: both, pattern: /确认或重新出具|重新出具/ },
  { key: 'other_no_correction', label: '（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', formats: ['2021'], pattern: /不补正/ },
  { key: 'other_no_fee', label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', formats: ['2021'], pattern: /缴纳费用|收费通知/ },
  { key: 'other_misc', label: '3.其他', formats: ['2021'], pattern: /^(?:\(六\)其他处理)?(?:3[.、．]|\(3\))?其[他它]$/, group: /其他处理|不补正|缴纳费用/ },
  { key: 'other', label: '（六）其他处理', formats: ['2019'], pattern: /其他处理$/ },
  { key: 'results_total', label: '（七）总计', formats: both, pattern: /总计$|合计$/ },
  { key: 'carried_forward', label: '四、结转下年度继续办理', formats: both, pattern: /结转下年/ },
];

/** The rows whose sum is 三(七) 总计. */
export const TABLE3_RESULT_ROWS = TABLE3_ROWS.map((r) => r.key).filter(
  (k) => !['new_received', 'carried_over', 'results_total', 'carried_forward'].includes(k),
);

// ---- Table 4: 政府信息公开行政复议、行政诉讼情况 ----

const OUTCOMES: [string, string, RegExp][] = [
  ['upheld', '结果维持', /维持/],
  ['corrected', '结果纠正', /纠正/],
  ['other', '其他结果', /其他|其它/],
  ['pending', '尚未审结', /未审结|尚未/],
  ['total', '总计', /总计|合计/],
];
const GROUPS: [string, string][] = [
  ['review', '行政复议'],
  ['suit_direct', '行政诉讼 · 未经复议直接起诉'],
  ['suit_after_review', '行政诉讼 · 复议后起诉'],
];
export const TABLE4_COLUMNS: KeyDef[] = GROUPS.flatMap(([g, gl]) =>
  OUTCOMES.map(([o, ol, pattern]) => ({
    key: `${g}_${o}`,
    label: `${gl} · ${ol}`,
    formats: both,
    pattern,
  })),
);
export const TABLE4_GROUP_KEYS = GROUPS.map(([g]) => g);
/** Each outcome column's key and the pattern of its leaf header label (结果维持 …). */
export const TABLE4_OUTCOMES = OUTCOMES.map(([key, , pattern]) => ({ key, pattern }));

/** Table 4's groups by the words of their header labels, the more specific first. */
const GROUP_WORDS: [string, RegExp][] = [
  ['suit_after_review', /复议后起诉/],
  ['suit_direct', /未经复议|直接起诉/],
  ['review', /行政复议/],
];
const groupOf = firstMatch(GROUP_WORDS.map(([, words]) => words));

/** Which Table 4 group a header path belongs to. */
export function table4Group(path: string): string | null {
  return GROUP_WORDS[groupOf(path)]?.[0] ?? null;
}

// ---- Table 2: 主动公开政府信息情况 ----

export const TABLE2_COLUMNS: KeyDef[] = [
  { key: 'new_made', label: '本年新制作数量', formats: ['2019'], pattern: /新制作/ },
  { key: 'new_published', label: '本年新公开数量', formats: ['2019'], pattern: /新公开/ },
  { key: 'total_published', label: '对外公开总数量', formats: ['2019'], pattern: /公开总数/ },
  { key: 'prev_year_items', label: '上一年项目数量', formats: ['2019'], pattern: /上一年/ },
  { key: 'change', label: '本年增/减', formats: ['2019'], pattern: /增.?减/ },
  { key: 'decisions', label: '处理决定数量 / 本年处理决定数量', formats: ['2019', '2021'], pattern: /处理决定/ },
  { key: 'procurement_items', label: '采购项目数量', formats: ['2019'], pattern: /采购项目/ },
  { key: 'procurement_amount', label: '采购总金额', formats: ['2019'], pattern: /采购总金额|总金额/ },
  { key: 'issued', label: '本年制发件数', formats: ['2021'], pattern: /制发/ },
  { key: 'repealed', label: '本年废止件数', formats: ['2021'], pattern: /废止/ },
  { key: 'in_force', label: '现行有效件数', formats: ['2021'], pattern: /现行有效/ },
  { key: 'fee_amount', label: '本年收费金额（单位：万元）', formats: ['2021'], pattern: /收费金额/ },
];

export const TABLE2_ROWS: KeyDef[] = [
  { key: 'regulations', label: '规章', formats: both, pattern: /^规章$/ },
  { key: 'normative_documents', label: '规范性文件 / 行政规范性文件', formats: both, pattern: /规范性文件$/ },
  { key: 'licensing', label: '行政许可', formats: both, pattern: /^行政许可$/ },
  { key: 'other_services', label: '其他对外管理服务事项', formats: ['2019'], pattern: /对外管理服务/ },
  { key: 'penalties', label: '行政处罚', formats: both, pattern: /^行政处罚$/ },
  { key: 'enforcement', label: '行政强制', formats: both, pattern: /^行政强制$/ },
  { key: 'fees', label: '行政事业性收费', formats: both, pattern: /事业性收费/ },
  { key: 'procurement', label: '政府集中采购', formats: ['2019'], pattern: /集中采购/ },
];

// ---- The legacy 政府信息公开情况统计表 (reports up to 2018) ----
// Labels are matched after their numbering (一、 （一） 1. 其中：) is stripped. `group` names the parent
// whose sub-items share a label (被依法纠错数 under both 行政复议 and 行政诉讼).

const legacy: FormatTag[] = ['legacy'];
const L = (key: string, label: string, pattern: RegExp, group?: RegExp): KeyDef => ({
  key, label, formats: legacy, pattern, ...(group ? { group } : {}),
});

export const LEGACY_ROWS: KeyDef[] = [
  L('proactive_normative', '其中：主动公开规范性文件数', /^主动公开规范性文件数/),
  L('normative_issued', '制发规范性文件总数', /^制发规范性文件总数/),
  L('proactive_total', '（一）主动公开政府信息数', /^主动公开(?:政府信息|文件)数/),
  L('channel_gazette', '1.政府公报公开政府信息数', /^政府公报公开/),
  L('channel_website', '2.政府网站公开政府信息数', /^政府网站公开/),
  L('channel_weibo', '3.政务微博公开政府信息数', /^政务微博公开/),
  L('channel_wechat', '4.政务微信公开政府信息数', /^政务微信公开/),
  L('channel_other', '5.其他方式公开政府信息数', /^其他方式公开/),
  L('hot_topic_responses', '（一）回应公众关注热点或重大舆情数', /^回应公众关注热点|重大舆情数/),
  L('press_conferences_by_heads', '其中：主要负责同志参加新闻发布会次数', /^主要负责同志参加新闻发布会/),
  L('press_conferences', '1.参加或举办新闻发布会总次数', /新闻发布会总次数/),
  L('online_interviews_by_heads', '其中：主要负责同志参加政府网站在线访谈次数', /^主要负责同志参加.*在线访谈/),
  L('online_interviews', '2.政府网站在线访谈次数', /在线访谈次数/),
  L('interpretation_articles', '3.政策解读稿件发布数', /^政策解读稿件/),
  L('social_media_responses', '4.微博微信回应事件数', /^微博微信回应/),
  L('other_responses', '5.其他方式回应事件数', /^其他方式回应/),
  L('requests_received', '（一）收到申请数', /^收到申请数|^受理依申请公开信息总数|^受理.*申请总数/),
  L('requests_in_person', '1.当面申请数', /^当面申请/),
  L('requests_fax', '2.传真申请数', /^传真申请/),
  L('requests_online', '3.网络申请数', /^网络申请|^网上申请/),
  L('requests_letter', '4.信函申请数', /^信函申请/),
  L('requests_letter_fax', '信函、传真申请数', /^信函、?传真申请/),
  L('requests_closed', '（二）申请办结数', /^申请办结数/),
  L('closed_on_time', '1.按时办结数', /^按时办结/),
  L('closed_extended', '2.延期办结数', /^延期办结/),
  L('replies_total', '（三）申请答复数', /^申请答复数|^对申请的答复总数/),
  L('reply_already_public', '1.属于已主动公开范围数', /^属于已主动公开范围/),
  L('reply_partly', '3.同意部分公开答复数', /^同意部分公开/),
  L('reply_granted', '2.同意公开答复数', /^同意公开答复/),
  L('reply_denied', '4.不同意公开答复数', /^不同意公开|^不予公开答复/),
  L('denied_state_secret', '其中：涉及国家秘密', /^涉及国家秘密/),
  L('denied_commercial_secret', '涉及商业秘密', /^涉及商业秘密/),
  L('denied_privacy', '涉及个人隐私', /^涉及个人隐私/),
  L('denied_security_stability', '危及国家安全、公共安全、经济安全和社会稳定', /^危及国家安全/),
  L('denied_not_gov_info', '不是《条例》所指政府信息', /^不是.*政府信息/),
  L('denied_other_law', '法律法规规定的其他情形', /^法律法规规定的其他情形/),
  L('reply_not_this_agency', '5.不属于本行政机关公开数', /^不属于本行政机关/),
  L('reply_not_exist', '6.申请信息不存在数', /^申请信息不存在/),
  L('reply_correction', '7.告知作出更改补充数', /^告知作出更改补充/),
  L('reply_other_channel', '8.告知通过其他途径办理数', /^告知通过其他途径/),
  L('reply_other', '其他类型答复数', /^其他类型答复/),
  L('request_types_total', '（四）申请类型数', /^申请类型数/),
  ...([
    ['budget', '财政预决算'], ['compensation', '征收补偿'], ['planning', '规划计划'], ['major_projects', '重大建设项目'],
    ['business', '工商管理'], ['food_drug', '食品药品'], ['environment', '环境保护'], ['public_resources', '公共资源'],
    ['employment', '劳动就业'], ['relief', '社会救助'], ['health', '医疗卫生'], ['education', '教育信息'],
    ['statistics', '统计信息'], ['penalties', '行政处罚'], ['personnel', '人事信息'], ['prices', '价格收费'],
    ['credit', '企业信用'], ['other', '其它'],
  ] as const).map(([k, label], i) =>
    L(`type_${k}`, `${i + 1}.${label}`, k === 'other' ? /^其[它他]$/ : new RegExp(`^${label}`), /申请类型数|财政预决算|征收补偿|规划计划|重大建设|工商管理|食品药品|环境保护|公共资源|劳动就业|社会救助|医疗卫生|教育信息|统计信息|行政处罚|人事信息|价格收费|企业信用/),
  ),
  L('reviews_total', '四、行政复议数量', /^行政复议数/),
  L('review_upheld', '（一）维持具体行政行为数', /^维持具体行政行为数$/, /行政复议/),
  L('review_corrected', '（二）被依法纠错数', /^被依法纠错/, /行政复议/),
  L('review_other', '（三）其他情形数', /^其他情形/, /行政复议/),
  L('suits_total', '五、行政诉讼数量', /^行政诉讼数/),
  L('suit_upheld', '（一）维持具体行政行为或者驳回原告诉讼请求数', /驳回原告/, /行政诉讼/),
  L('suit_corrected', '（二）被依法纠错数', /^被依法纠错/, /行政诉讼/),
  L('suit_other', '（三）其他情形数', /^其他情形/, /行政诉讼/),
  L('complaints', '六、举报投诉数量', /^举报投诉数|举报数$/),
  L('fees', '七、依申请公开信息收取的费用', /收取的费用|收费减免金额/),
  L('offices', '（一）政府信息公开工作专门机构数', /专门机构数/),
  L('reading_points', '（二）设置政府信息公开查阅点数', /查阅点数/),
  L('staff_full_time', '1.专职人员数', /^专职人员数/),
  L('staff_part_time', '2.兼职人员数', /^兼职人员数/),
  L('staff_total', '（三）从事政府信息公开工作人员数', /工作人员数$/),
  L('budget', '（四）政府信息公开专项经费', /专项经费/),
  L('meetings', '（一）召开政府信息公开工作会议或专题会议数', /会议或专题会议数|工作会议数/),
  L('trainings', '（二）举办各类培训班数', /培训班数/),
  L('trainees', '（三）接受培训人员数', /接受培训人员数/),
];

export const LEGACY_COLUMNS: KeyDef[] = [
  L('value', '统计数 / 本年度', /统计数|本年|\d{4}年度?|数量/),
  L('cumulative', '历年累计', /累计/),
];
