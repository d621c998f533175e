/** Table 4's hard relations: for 行政复议 and both kinds of 行政诉讼, 总计 = 维持 + 纠正 + 其他 + 尚未审结. */
import type { Table } from '../schema.ts';
import { TABLE4_COLUMNS } from '../tables/dictionary.ts';
import { TABLE4_ROW, TABLE4_SUMS } from '../tables/table4.ts';
import { evaluate, type Relation } from './relation.ts';
import { TableView } from './terms.ts';
import type { DescribeMissing, Tally } from './tally.ts';
import type { RuleInfo } from './rule-info.ts';

export const table4GroupTotalRule: RuleInfo = {
  id: 'table4.group_total',
  severity: 'error',
  scope: 'table',
  kind: 'relation',
  name: { zh: '复议、诉讼结果合计', en: 'Review and lawsuit outcomes add up' },
  explain: {
    zh: '表四中行政复议、未经复议直接起诉、复议后起诉三组，各组“总计”应等于结果维持 + 结果纠正 + 其他结果 + 尚未审结。例：行政复议维持 2、纠正 1、其他 0、尚未审结 1，总计应为 4；印成 3 即报错。',
    en: 'In Table 4, for 行政复议 (administrative review) and both kinds of 行政诉讼 (lawsuits), each group’s 总计 must equal upheld + corrected + other + not yet concluded. Example: review upheld 2, corrected 1, other 0, pending 1: the total should be 4; a printed 3 is an error.',
  },
};

const LABEL = Object.fromEntries(TABLE4_COLUMNS.map((c) => [c.key, c.label.split(' · ').pop()!]));
const GROUP_LABEL = Object.fromEntries(TABLE4_SUMS.map((s) => [s.group, s.label]));
const OUTCOMES = ['upheld', 'corrected', 'other', 'pending', 'total'];

/** A group none of whose five columns was read is named as the group; else the column. */
function describer(view: TableView): DescribeMissing {
  return ({ col }) => {
    const group = col.slice(0, col.lastIndexOf('_'));
    return OUTCOMES.some((o) => view.hasColumn(`${group}_${o}`))
      ? [`col:${col}`, `${GROUP_LABEL[group]}·${LABEL[col]}`]
      : [`group:${group}`, `${GROUP_LABEL[group]}一组`];
  };
}

export function table4GroupTotals(table: Table, tally: Tally): void {
  const view = new TableView(table);
  const describe = describer(view);
  for (const sum of TABLE4_SUMS) {
    const total = view.term(TABLE4_ROW, sum.total, '总计');
    const parts = sum.parts.map((col) => view.term(TABLE4_ROW, col, LABEL[col]));
    const rel: Relation = {
      id: `table4:group_total:${sum.group}`,
      rule: table4GroupTotalRule.id,
      table: 'table4',
      subject: sum.label,
      left: [total],
      right: parts,
      reportedTotals: [total],
    };
    tally.add(rel, evaluate(rel), describe);
  }
}
