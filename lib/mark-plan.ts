/**
 * Which cells of each finding to mark on the page, and how strongly (pure: over the report only).
 *
 * A failed sum names its printed total and every part, but the likely wrong number is the total, or a
 * cell where two failed relations cross. So: the printed total is a strong mark; non-zero parts are
 * "involved" (light); zero and blank parts are not marked (the finding's message spells the whole sum);
 * a cell in two or more failed relations is the culprit. Warnings mark only the cells they are about.
 */
import type { CellRef, Finding, Report, Table } from './schema.ts';
import { BLANK_CELLS_RULE } from './checks/blank-cells.ts';
import { table3BalanceRule, table3ResultsTotalRule, table3RowTotalRule } from './checks/table3-rules.ts';
import { table4GroupTotalRule } from './checks/table4-rules.ts';
import { legacySumRule } from './checks/legacy-rules.ts';

/** `total`: a sum's printed total (or a lone failed balance's figures); `part`: a non-zero figure involved in a failed relation; `warning`: what a warning is about. */
export type CellRole = 'total' | 'part' | 'warning';

export interface PlannedFinding {
  finding: Finding;
  /** The cells to mark, each once, in the finding's order. */
  cells: { ref: CellRef; role: CellRole }[];
  /** The one cell that stands for the finding (tab stop, "show me" target): its culprit, else its total, else its first marked cell. */
  main: CellRef | undefined;
}

export interface MarkPlan {
  findings: PlannedFinding[];
  /** Cells (by `cellKey`) that two or more failed relations have in common: the most likely wrong numbers. */
  culprits: Map<string, string[]>;
}

/**
 * The printed total of each sum rule: the cells that share the finding's first cell's row or column (its
 * left side: every sum rule states `total = parts`). Verified per rule in tests/mark-plan.test.ts against the real checks.
 */
const TOTAL_OF: Partial<Record<string, 'row' | 'col'>> = {
  // 总计 column of one row; the parts are the other columns of that row.
  [table3RowTotalRule.id]: 'col',
  // （七）总计 row of one column (one cell, or the five legal-person cells it adds up); the parts are other rows.
  [table3ResultsTotalRule.id]: 'row',
  // 总计 column of one group; the parts are the group's other columns.
  [table4GroupTotalRule.id]: 'col',
  // The parent row of one column; the parts are its child rows.
  [legacySumRule.id]: 'row',
};

/** The one relation whose cells are all stated figures with no single total (一 + 二 = 三(七) + 四). */
const BALANCE = table3BalanceRule.id;

export function cellKey(table: string, ref: CellRef): string {
  return `${table}\u0000${ref.row}\u0000${ref.col}`;
}

/** The printed total cells of a sum finding; empty for rules that have none. */
export function printedTotal(finding: Finding): CellRef[] {
  const axis = TOTAL_OF[finding.rule];
  const first = finding.cells[0];
  return axis && first ? finding.cells.filter((ref) => ref[axis] === first[axis]) : [];
}

/** Stated figures are marked; zero and blank parts are not (a cell we cannot find in the model is marked rather than hidden). */
function lookOf(table: Table | undefined, ref: CellRef): 'blank' | 'zero' | 'unreadable' | 'figure' {
  const cell = table?.cells.find((c) => c.row === ref.row && (c.col === ref.col || c.covers?.includes(ref.col)));
  if (cell?.status === 'blank' || cell?.status === 'dash') return 'blank';
  return cell?.status === 'unreadable' ? 'unreadable' : cell?.value === 0 ? 'zero' : 'figure';
}

const same = (a: CellRef, b: CellRef) => a.row === b.row && a.col === b.col;

function unique(refs: CellRef[]): CellRef[] {
  return refs.filter((ref, i) => refs.findIndex((r) => same(r, ref)) === i);
}

function isRelation(rule: string): boolean {
  return rule in TOTAL_OF || rule === BALANCE;
}

function cellsToMark(finding: Finding, table: Table | undefined, isCulprit: (ref: CellRef) => boolean): PlannedFinding['cells'] {
  const refs = unique(finding.cells);
  if (finding.rule === BLANK_CELLS_RULE) return [];
  const totals = printedTotal(finding);
  const isTotal = (ref: CellRef) => totals.some((t) => same(t, ref));
  const look = (ref: CellRef) => lookOf(table, ref);
  const shows = (ref: CellRef) => look(ref) === 'figure' || look(ref) === 'unreadable';
  const relation = isRelation(finding.rule);
  if (finding.severity === 'warning') {
    // A blank total ("not reported"): the total is what the note is about, not its parts.
    const blankTotals = totals.filter((ref) => look(ref) === 'blank');
    const unreadable = refs.filter((ref) => look(ref) === 'unreadable');
    const chosen = !relation ? refs : blankTotals.length ? blankTotals : unreadable.length ? unreadable : refs.filter(shows);
    return (chosen.length ? chosen : refs).map((ref) => ({ ref, role: 'warning' }));
  }
  // A relation without a single total (the balance) has only stated figures: strong when it fails
  // alone, light when a culprit it shares with another failed check says more. A culprit is marked even when it reads 0.
  const strong = !relation || (finding.rule === BALANCE && !refs.some(isCulprit));
  const chosen = refs.filter((ref) => isTotal(ref) || shows(ref) || isCulprit(ref));
  return (chosen.length ? chosen : refs).map((ref) => ({ ref, role: strong || isTotal(ref) ? 'total' : 'part' }));
}

export function planMarks(report: Report): MarkPlan {
  // Culprits: cells that failed relations have in common (zero cells included: a printed 0 can be the wrong one).
  const seen = new Map<string, string[]>();
  for (const f of report.findings) {
    if (f.severity !== 'error' || !isRelation(f.rule) || !f.table) continue;
    for (const ref of unique(f.cells)) {
      const key = cellKey(f.table, ref);
      seen.set(key, [...(seen.get(key) ?? []), f.id]);
    }
  }
  const culprits = new Map([...seen].filter(([, ids]) => ids.length > 1));

  const findings = report.findings.map((finding): PlannedFinding => {
    const table = finding.table;
    // A finding about the whole report (its form, say) has no cell to mark.
    if (!table) return { finding, cells: [], main: undefined };
    const isCulprit = (ref: CellRef) => finding.severity === 'error' && culprits.has(cellKey(table, ref));
    const cells = cellsToMark(finding, report.tables[table], isCulprit);
    const main =
      finding.cells.find(isCulprit) ??
      cells.find((m) => m.role === 'total')?.ref ??
      cells[0]?.ref ??
      // The blank-cells note marks nothing, but "show me" still goes to its first blank cell.
      finding.cells[0];
    return { finding, cells, main };
  });
  return { findings, culprits };
}
