/**
 * The legacy 统计表's relations (spec): parent = sum of its listed children (errors), and the
 * expectations that a part stays within its whole (warnings). Checked per value column.
 * The children lists hold every variant seen (信函 and 信函/传真 both): a parent is checked against the
 * children present. Children without their parent cannot be checked (a gap); a parent without any child is
 * how some versions print it (平潭 2015: 行政复议数 with no breakdown), so there is nothing to check.
 */
import type { Finding, Table } from '../schema.ts';
import { LEGACY_ROWS } from '../tables/dictionary.ts';
import { LEGACY_AT_MOST, LEGACY_SUMS } from '../tables/legacy.ts';
import { evaluate, type Relation } from './relation.ts';
import { viewOf } from './terms.ts';
import type { Tally } from './tally.ts';

const LABEL = Object.fromEntries(LEGACY_ROWS.map((r) => [r.key, r.label.replace(/^其中：/, '')]));

export function legacyRelations(table: Table, tally: Tally): Finding[] {
  const view = viewOf(table);
  const out: Finding[] = [];
  const columns = [...new Set(table.cells.map((c) => c.col))];
  const describe = ({ row }: { row: string }): [string, string] => [`row:${row}`, LABEL[row] ?? row];
  for (const col of columns) {
    const suffix = col === 'value' ? '' : `（${table.colLabels[col] ?? col}）`;
    for (const [parent, children] of LEGACY_SUMS) {
      const present = children.filter((c) => view.cell(c, col));
      if (present.length === 0) continue; // this version of the form does not break it down
      const rel: Relation = {
        id: `legacy:sum:${parent}:${col}`,
        rule: 'legacy.sum',
        table: 'legacy',
        subject: `${LABEL[parent]}${suffix}`,
        left: [view.term(parent, col, LABEL[parent])],
        right: present.map((c) => view.term(c, col, LABEL[c])),
      };
      tally.add(rel, evaluate(rel), describe);
    }
    for (const [part, whole] of LEGACY_AT_MOST) {
      const a = view.cell(part, col);
      const b = view.cell(whole, col);
      if (a?.status !== 'ok' || b?.status !== 'ok' || a.value! <= b.value!) continue;
      out.push({
        id: `legacy:at_most:${part}:${col}`,
        rule: 'legacy.at_most',
        severity: 'warning',
        message: `${LABEL[part]} ${a.value} 大于 ${LABEL[whole]} ${b.value}${suffix}`,
        table: 'legacy',
        cells: [{ row: part, col }, { row: whole, col }],
        expected: null,
        actual: a.value,
      });
    }
  }
  return out;
}
