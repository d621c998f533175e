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
import { TableView } from './terms.ts';
import type { Tally } from './tally.ts';
import type { RuleInfo } from './rule-info.ts';
import { finding } from './finding.ts';

export const legacySumRule: RuleInfo = {
  id: 'legacy.sum',
  severity: 'error',
  scope: 'table',
  kind: 'relation',
  name: { zh: '旧版统计表勾稽关系', en: 'Legacy form: sums' },
  explain: {
    zh: '2019 年以前的统计表中，总数应等于其分项之和：收到申请数 = 当面 + 传真 + 网络 + 信函；申请办结数 = 按时 + 延期；申请答复数 = 第 1–8 项；不同意公开 = 其中各项；申请类型数 = 各类之和；行政复议、行政诉讼数 = （一）至（三）；工作人员数 = 专职 + 兼职。例：收到申请数 12，当面 3、网络 8、信函 0，分项之和 11 ≠ 12，报错。',
    en: 'In the 统计表 of reports before 2019, each parent equals its parts: 收到申请数 = in person + fax + online + letter; 办结 = on time + extended; 答复 = items 1–8; 不同意公开 = its 其中 items; 申请类型 = its categories; 复议/诉讼 = （一）–（三）; 人员 = full-time + part-time. Example: 12 requests received but 3 in person, 8 online and 0 by letter add up to 11 ≠ 12: an error.',
  },
};

export const legacyAtMostRule: RuleInfo = {
  id: 'legacy.at_most',
  severity: 'warning',
  scope: 'table',
  kind: 'note',
  name: { zh: '旧版统计表分项不超过总数', en: 'Legacy form: a part within its whole' },
  explain: {
    zh: '统计表中某些分项不应大于其总数（提示，不是错误）：各渠道公开数、其中规范性文件数 ≤ 主动公开政府信息数；主要负责同志参加次数 ≤ 总次数；申请办结数 ≤ 收到申请数。例：申请办结数 15 大于收到申请数 12，提示核实。',
    en: 'Parts of the 统计表 that should not exceed their whole (a note, not an error): each channel and the normative documents ≤ items proactively disclosed; appearances by agency heads ≤ all press conferences or interviews; requests closed ≤ requests received. Example: 15 requests closed against 12 received is noted for checking.',
  },
};

const LABEL = Object.fromEntries(LEGACY_ROWS.map((r) => [r.key, r.label.replace(/^其中：/, '')]));

export function legacyRelations(table: Table, tally: Tally): Finding[] {
  const view = new TableView(table);
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
        rule: legacySumRule.id,
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
      out.push(
        finding(legacyAtMostRule, {
          id: `legacy:at_most:${part}:${col}`,
          message: `${LABEL[part]} ${a.value} 大于 ${LABEL[whole]} ${b.value}${suffix}`,
          table: 'legacy',
          cells: [{ row: part, col }, { row: whole, col }],
          actual: a.value,
        }),
      );
    }
  }
  return out;
}
