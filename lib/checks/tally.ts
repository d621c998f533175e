/**
 * Collects what came of every relation of a report: the findings, how many relations were checked in
 * full, and — by name — the ones that could not be. Relations that miss the same cells are told in one
 * finding ("无法核对：缺少 二、上年结转…"), but each is listed on its own in the coverage.
 */
import type { CellRef, Finding, NotCheckable, TableKey } from '../schema.ts';
import type { Outcome, Relation } from './relation.ts';

/** Names a cell that is not there: its whole row or column when that is what is missing. */
export interface Missing {
  key: string;
  label: string;
}
export type DescribeMissing = (ref: CellRef) => Missing;

interface Group {
  id: string;
  rule: string;
  table: TableKey;
  what: string;
  subjects: string[];
  relationIds: string[];
  cells: CellRef[];
  /** Every relation in the group had its lower bound checked (and held). */
  allBound: boolean;
  someBound: boolean;
}

/** The last part of a rule id, for finding ids: `table3.row_total` → `row_total`. */
const ruleName = (rule: string) => rule.slice(rule.indexOf('.') + 1);

function listed(subjects: string[]): string {
  const shown = subjects.slice(0, 6).join('、');
  return subjects.length > 6 ? `${shown} 等 ${subjects.length} 项` : shown;
}

export class Tally {
  checked = 0;
  readonly findings: Finding[] = [];
  readonly notCheckable: NotCheckable[] = [];
  private gaps = new Map<string, Group>();
  private unprinted = new Map<string, Group>();

  add(rel: Relation, outcome: Outcome, describe: DescribeMissing): void {
    switch (outcome.kind) {
      case 'checked':
        this.checked++;
        if (outcome.finding) this.findings.push(outcome.finding);
        return;
      case 'blankTotal':
        if (outcome.finding) this.findings.push(outcome.finding);
        return;
      case 'notPrinted':
        this.group(this.unprinted, 'not_printed', rel, outcome.missing, describe, false);
        return;
      case 'gap':
        if (outcome.finding) {
          this.findings.push(outcome.finding);
          this.notCheckable.push({ id: rel.id, rule: rel.rule, table: rel.table, subject: rel.subject, reason: outcome.finding.message, findingId: outcome.finding.id });
          return;
        }
        this.group(this.gaps, 'not_checkable', rel, outcome.missing, describe, outcome.bound);
    }
  }

  private group(into: Map<string, Group>, kind: string, rel: Relation, missing: CellRef[], describe: DescribeMissing, bound: boolean) {
    const named = new Map(missing.map((ref) => describe(ref)).map((m) => [m.key, m.label]));
    const keys = [...named.keys()].sort();
    const id = `${rel.table}:${ruleName(rel.rule)}:${kind}:${keys.join('+')}`;
    let g = into.get(id);
    if (!g) {
      g = { id, rule: rel.rule, table: rel.table, what: [...named.values()].join('、'), subjects: [], relationIds: [], cells: [], allBound: true, someBound: false };
      into.set(id, g);
    }
    g.subjects.push(rel.subject);
    g.relationIds.push(rel.id);
    const seen = new Set(g.cells.map((c) => `${c.row}\u0000${c.col}`));
    for (const t of [...rel.left, ...rel.right]) {
      if (t.kind === 'absent') continue;
      for (const c of t.refs) if (!seen.has(`${c.row}\u0000${c.col}`)) (seen.add(`${c.row}\u0000${c.col}`), g.cells.push(c));
    }
    g.allBound &&= bound;
    g.someBound ||= bound;
  }

  /** The grouped findings, after every relation was added. */
  finish(): void {
    for (const g of this.gaps.values()) {
      const bound = g.allBound ? '；只核对了下限（印出的合计不小于已读到的各项之和），未发现矛盾' : g.someBound ? '；其中部分只核对了下限，未发现矛盾' : '';
      const message = `无法核对：缺少 ${g.what}（${listed(g.subjects)}）${bound}`;
      this.findings.push({ id: g.id, rule: g.rule, severity: 'warning', message, table: g.table, cells: g.cells, expected: null, actual: null });
      g.relationIds.forEach((id, i) =>
        this.notCheckable.push({ id, rule: g.rule, table: g.table, subject: g.subjects[i], reason: `缺少 ${g.what}`, findingId: g.id }),
      );
    }
    for (const g of this.unprinted.values()) {
      const message = `表格未分列填写 ${g.what}（只给出合计），无法分列核对：${listed(g.subjects)}`;
      this.findings.push({ id: g.id, rule: g.rule, severity: 'warning', message, table: g.table, cells: g.cells, expected: null, actual: null });
    }
    this.gaps.clear();
    this.unprinted.clear();
  }
}
