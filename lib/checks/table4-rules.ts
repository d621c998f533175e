/** Table 4's hard relations: for 行政复议 and both kinds of 行政诉讼, 总计 = 维持 + 纠正 + 其他 + 尚未审结. */
import type { Table } from '../schema.ts';
import { TABLE4_COLUMNS, TABLE4_GROUP_KEYS } from '../tables/dictionary.ts';
import { evaluate, type Relation } from './relation.ts';
import { viewOf, type TableView } from './terms.ts';
import type { DescribeMissing, Tally } from './tally.ts';

const LABEL = Object.fromEntries(TABLE4_COLUMNS.map((c) => [c.key, c.label.split(' · ').pop()!]));
const GROUP_LABEL: Record<string, string> = {
  review: '行政复议',
  suit_direct: '行政诉讼（未经复议直接起诉）',
  suit_after_review: '行政诉讼（复议后起诉）',
};
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
  const view = viewOf(table);
  const describe = describer(view);
  for (const group of TABLE4_GROUP_KEYS) {
    const col = (o: string) => `${group}_${o}`;
    const total = view.term('count', col('total'), '总计');
    const parts = ['upheld', 'corrected', 'other', 'pending'].map((o) => view.term('count', col(o), LABEL[col(o)]));
    const rel: Relation = {
      id: `table4:group_total:${group}`,
      rule: 'table4.group_total',
      table: 'table4',
      subject: GROUP_LABEL[group],
      left: [total],
      right: parts,
      reportedTotals: [total],
    };
    tally.add(rel, evaluate(rel), describe);
  }
}
