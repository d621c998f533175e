import type { RuleInfo } from '@/lib/checks/rule-info.ts';
import { SERIES_RULES } from '@/lib/checks/series.ts';
import { ruleLabel } from '@/components/labels.ts';

// The checks the help page explains. There is no rule catalog (lib/checks/catalog.ts) yet: the Chinese names
// come from components/labels.ts (what the banner and popup say), the across-report rules from their own
// RuleInfo (lib/checks/series.ts), and the explanations of the in-table rules are written here. When the
// catalog lands, this file becomes one import of it.

const info = (id: string, severity: RuleInfo['severity'], en: string, explain: RuleInfo['explain'], zhName = ruleLabel(id)): RuleInfo => ({
  id,
  severity,
  scope: 'table',
  name: { zh: zhName, en },
  explain,
});

export const HELP_RULES: RuleInfo[] = [
  info('table3.row_total', 'error', 'Applicants add up', {
    zh: '表三每一行的“总计”应等于“自然人”加“法人或其他组织”五列（商业企业、科研机构、社会公益组织、法律服务机构、其他）之和。例：本年新收申请 自然人 40、商业企业 3、其余为 0，总计却印为 45：应为 43，相差 2。',
    en: 'In Table 3 each row’s 总计 (total) must equal 自然人 (natural persons) plus the five 法人或其他组织 columns. Example: 40 natural persons and 3 businesses were received, but the total says 45: it should be 43.',
  }),
  info('table3.results_total', 'error', 'Results add up', {
    zh: '表三“三、本年度办理结果”下的“（七）总计”应等于（一）至（六）各项结果之和，逐列核对。例：予以公开 20、部分公开 5、不予公开 3、无法提供 8、不予处理 1、其他处理 2，（七）总计应为 39。',
    en: 'Table 3 row 三（七）总计 must equal the sum of results (一)–(六), column by column. Example: 20 disclosed, 5 partly, 3 refused, 8 not held, 1 not handled, 2 otherwise: the total must be 39.',
  }),
  info('table3.balance', 'error', 'Requests balance', {
    zh: '表三每一列：一、本年新收 ＋ 二、上年结转 ＝ 三（七）本年办结总计 ＋ 四、结转下年度继续办理。这是表格本身印着的关系。例：新收 50、上年结转 2，办结 48、结转下年 3：50＋2＝52，而 48＋3＝51，差 1 件。',
    en: 'For every column of Table 3: 一 new requests + 二 carried over = 三（七）handled + 四 carried forward — the relation the table itself prints. Example: 50 new + 2 carried over = 52, but 48 handled + 3 carried forward = 51.',
  }),
  info('table4.group_total', 'error', 'Review and litigation totals', {
    zh: '表四中行政复议、未经复议直接起诉、复议后起诉三组，每组“总计”应等于结果维持、结果纠正、其他结果、尚未审结之和。例：行政复议 维持 2、纠正 1、其他 0、尚未审结 1，总计应为 4。',
    en: 'In Table 4 each group (administrative review; litigation without review; litigation after review) has 总计 = upheld + corrected + other + pending. Example: 2 upheld, 1 corrected, 0 other, 1 pending: the total is 4.',
  }),
  info('legacy.sum', 'error', 'Old statistics table adds up', {
    zh: '2019 年以前的“政府信息公开情况统计表”：收到申请数＝当面＋传真＋网络＋信函申请之和；办结＝按时办结＋延期办结；答复的各项之和等于答复总数；复议、诉讼各项之和等于总数。例：收到申请 30，当面 5、传真 0、网络 20、信函 3，合计 28，相差 2。',
    en: 'The pre-2019 统计表: requests received = in person + fax + online + letter; handled = on time + extended; the answers add up to their total; review and litigation items add up. Example: 30 received, but 5 + 0 + 20 + 3 = 28.',
  }, '旧版统计表勾稽关系'),
  info('table2.expectation', 'warning', 'Table 2 expectations', {
    zh: '表二（主动公开）没有规定合计关系，只作提示：2019 年格式“本年新公开数量”不应超过“对外公开总数量”；2021 年格式“现行有效件数”通常不小于“本年制发件数”（同一年制发又废止时可以例外）。例：本年制发 5、现行有效 3。',
    en: 'Table 2 (proactive disclosure) states no sums, so only warnings: in the 2019 format newly disclosed should not exceed the total disclosed; in the 2021 format documents in force are usually no fewer than issued this year (a document issued and repealed in the same year is the exception). Example: 5 issued, 3 in force.',
  }),
  info('plausibility', 'warning', 'Impossible counts', {
    zh: '件数不应为负数或小数（“本年增/减”和以万元、元计的金额除外）。只作提示，不算作不一致。例：“行政复议 总计 -1”“件数 2.5”。',
    en: 'Counts cannot be negative or fractional (except the year-on-year change and amounts in yuan). Warnings, not mismatches. Example: a review total of −1, or 2.5 requests.',
  }),
  info('layout', 'warning', 'Layout we could not match', {
    zh: '一行里的数字无法与表头一一对应时（多了、少了、错位），原样保留这些文字，不挪动、不猜测，并给出提示。例：表头七列，某行只印了五个数字，无法判断缺的是哪两列。',
    en: 'When a row’s figures cannot be matched one-to-one with the header (too many, too few, shifted), they are kept as printed, never moved or guessed, and a warning says so. Example: seven columns, but a row prints five figures — which two are missing cannot be known.',
  }, '表格版式'),
  info('blank_cells', 'warning', 'Blank cells', {
    zh: '分项单元格空白或为“—”时按 0（“未填报”）计入合计，并给出提示说明这一点。例：商业企业一列全部空白，核对时按 0 计算。',
    en: 'A blank or dashed part cell counts as 0 (“not reported”) in sums, and a warning says so. Example: the 商业企业 column is left blank: it is read as 0.',
  }),
  ...SERIES_RULES,
];
