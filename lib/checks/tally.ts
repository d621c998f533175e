/**
 * Collects what came of every relation of a report: the findings, how many relations were checked in
 * full, and — by name — the ones that could not be. Relations that miss the same cells are told in one
 * finding ("无法核对：缺少 二、上年结转…"), but each is listed on its own in the coverage.
 */
import type { CellRef, Finding, NotCheckable } from '../schema.ts';
import type { Outcome, Relation } from './relation.ts';

/** Names a cell that is not there: its whole row or column when that is what is missing. */
export type DescribeMissing = (ref: CellRef) => [key: string, label: string];

interface Group {
  finding: Finding;
  what: string;
  rels: Relation[];
  bound: boolean;
}

export class Tally {
  checked = 0;
  readonly findings: Finding[] = [];
  readonly notCheckable: NotCheckable[] = [];
  private groups = new Map<string, Group>();

  add(rel: Relation, outcome: Outcome, describe: DescribeMissing): void {
    const { kind, finding } = outcome;
    if (kind === 'checked') this.checked++;
    if (finding) this.findings.push(finding);
    if (kind === 'gap' && finding) this.gap(rel, finding.id, finding.message);
    if (finding || kind === 'checked' || kind === 'blankTotal') return;
    // Missing cells: one finding per rule and missing piece. Parts the report does not print are a note.
    const named = new Map(outcome.missing.map(describe));
    const id = `${rel.table}:${rel.rule.split('.')[1]}:${kind === 'gap' ? 'not_checkable' : 'not_printed'}:${[...named.keys()].sort().join('+')}`;
    let g = this.groups.get(id);
    if (!g) {
      g = { finding: { id, rule: rel.rule, severity: 'warning', message: '', table: rel.table, cells: [], expected: null, actual: null }, what: [...named.values()].join('、'), rels: [], bound: false };
      this.groups.set(id, g);
      this.findings.push(g.finding);
    }
    g.rels.push(rel);
    g.finding.cells.push(...[...rel.left, ...rel.right].flatMap((t) => (t.kind === 'absent' ? [] : t.refs)));
    g.bound ||= kind === 'gap' && outcome.bound;
    const subjects = g.rels.slice(0, 6).map((r) => r.subject).join('、') + (g.rels.length > 6 ? ` 等 ${g.rels.length} 项` : '');
    g.finding.message =
      kind === 'gap'
        ? `无法核对：缺少 ${g.what}（${subjects}）${g.bound ? '；已核对下限（印出的合计不小于已读到的各项之和）' : ''}`
        : `表格未分列填写 ${g.what}（只给出合计），无法分列核对：${subjects}`;
    if (kind === 'gap') this.gap(rel, id, `缺少 ${g.what}`);
  }

  /** A relation found to hold without building it (its terms are only needed to say why one does not). */
  held(): void {
    this.checked++;
  }

  private gap(rel: Relation, findingId: string, reason: string): void {
    this.notCheckable.push({ id: rel.id, rule: rel.rule, table: rel.table, subject: rel.subject, reason, findingId });
  }
}
