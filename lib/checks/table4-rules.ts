/** Table 4's hard relations: for 行政复议 and both kinds of 行政诉讼, 总计 = 维持 + 纠正 + 其他 + 尚未审结. */
import type { Table } from '../schema.ts';
import { TABLE4_COLUMNS } from '../tables/dictionary.ts';
import { TABLE4_ROW, TABLE4_SUMS } from '../tables/table4.ts';
import { evaluate, type Relation } from './relation.ts';
import { viewOf, type TableView } from './terms.ts';
import type { DescribeMissing, Tally } from './tally.ts';

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
  const view = viewOf(table);
  const describe = describer(view);
  for (const sum of TABLE4_SUMS) {
    const total = view.term(TABLE4_ROW, sum.total, '总计');
    const parts = sum.parts.map((col) => view.term(TABLE4_ROW, col, LABEL[col]));
    const rel: Relation = {
      id: `table4:group_total:${sum.group}`,
      rule: 'table4.group_total',
      table: 'table4',
      subject: sum.label,
      left: [total],
      right: parts,
      reportedTotals: [total],
    };
    tally.add(rel, evaluate(rel), describe);
  }
}
