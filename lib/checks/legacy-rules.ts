/**
 * The legacy 统计表's relations (spec): parent = sum of its listed children (errors), and the
 * expectations that a part stays within its whole (warnings). Checked per value column.
 */
import type { Finding, Table } from '../schema.ts';
import { LEGACY_AT_MOST, LEGACY_ROWS, LEGACY_SUMS } from '../dictionary.ts';
import { evaluate } from './relation.ts';
import { viewOf } from './terms.ts';

const LABEL = Object.fromEntries(LEGACY_ROWS.map((r) => [r.key, r.label.replace(/^其中：/, '')]));

export function legacyRelations(table: Table): Finding[] {
  const view = viewOf(table);
  const out: Finding[] = [];
  const columns = [...new Set(table.cells.map((c) => c.col))];
  for (const col of columns) {
    const suffix = col === 'value' ? '' : `（${table.colLabels[col] ?? col}）`;
    for (const [parent, children] of LEGACY_SUMS) {
      const present = children.filter((c) => view.cell(c, col));
      if (!view.cell(parent, col) || present.length === 0) continue;
      const f = evaluate({
        id: `legacy:sum:${parent}:${col}`,
        rule: 'legacy.sum',
        table: 'legacy',
        subject: `${LABEL[parent]}${suffix}`,
        left: [view.term(parent, col, LABEL[parent])],
        right: present.map((c) => view.term(c, col, LABEL[c])),
      });
      if (f) out.push(f);
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
