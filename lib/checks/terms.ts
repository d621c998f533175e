/**
 * How a check sees one cell of a relation. Blank means different things by position (spec, "Blanks,
 * dashes and merged cells"): a blank part is "nothing reported" and counts as 0, a blank total is
 * "total not reported" and is never argued with; a cell covered by a merged group value is absent.
 */
import type { Cell, CellRef, Table } from '../schema.ts';
import type { ColumnGroup } from '../tables/report-table.ts';

export type Term =
  | { kind: 'value'; value: number; blank: boolean; refs: CellRef[]; label: string; raw?: string }
  | { kind: 'unreadable'; refs: CellRef[]; label: string; raw: string }
  /**
   * No such cell. `ref` is the cell that is not there; `notPrinted` marks a part the report itself does not
   * give (a row written as one figure across all columns), as opposed to a cell we did not read.
   */
  | { kind: 'absent'; label: string; ref: CellRef; notPrinted?: boolean };

export class TableView {
  // Indexed once (checks ask thousands of times per table): each row and column key gets a number, the
  // cells a grid by those numbers (cheaper to build than a map per row). A column only a merged cell covers
  // gets a number too: the columns printed are the keys of `colIndex`.
  private rowIndex = new Map<string, number>();
  private colIndex = new Map<string, number>();
  private grid: (Cell | undefined)[][] = [];
  /** Rows written as one figure across every column (asked for each term of a column sum). */
  private spanning = new Set<string>();
  readonly table: Table;
  /** The table's merged column groups (Table 3's 法人或其他组织): a group's term is the sum of its columns. */
  private groups: ColumnGroup[];
  constructor(table: Table, groups: ColumnGroup[] = []) {
    this.table = table;
    this.groups = groups;
    for (const cell of table.cells) {
      let r = this.rowIndex.get(cell.row);
      if (r === undefined) {
        this.rowIndex.set(cell.row, (r = this.grid.length));
        this.grid.push([]);
      }
      this.grid[r][this.columnNumber(cell.col)] = cell;
      if (cell.covers) for (const col of cell.covers) this.columnNumber(col);
    }
    for (const [key, r] of this.rowIndex) {
      const covers = this.at(r, 'total')?.covers;
      if (covers && covers.length > 1) this.spanning.add(key);
    }
  }
  private columnNumber(col: string): number {
    let c = this.colIndex.get(col);
    if (c === undefined) this.colIndex.set(col, (c = this.colIndex.size));
    return c;
  }
  private at(r: number, col: string): Cell | undefined {
    const c = this.colIndex.get(col);
    return c === undefined ? undefined : this.grid[r][c];
  }
  cell(row: string, col: string): Cell | undefined {
    const r = this.rowIndex.get(row);
    return r === undefined ? undefined : this.at(r, col);
  }
  hasRow(row: string): boolean {
    return this.rowIndex.has(row);
  }
  /** A column with no cell in any row (a merged group cell counts for the columns it covers). */
  hasColumn(col: string): boolean {
    return this.colIndex.has(col);
  }
  rows(): string[] {
    return [...this.rowIndex.keys()];
  }
  /** A row whose only figure is one cell spanning every column: its parts are not reported. */
  spansAll(row: string): boolean {
    return this.spanning.has(row);
  }
  /** The row printed one value merged over the group's columns. */
  hasGroupCell(row: string, group: string): boolean {
    return !!this.cell(row, group);
  }

  /**
   * What the cell adds to a sum when its term is a plain value: its number, or 0 for a blank or a dash (NaN for
   * those when `blankIsNaN`: a stated total left blank is not a value to compare). NaN when there is no cell or
   * it is unreadable. The same reading as `term`, without building one (see table3-rules.ts, holds).
   */
  plainValue(row: string, col: string, blankIsNaN = false): number {
    const cell = this.cell(row, col);
    if (!cell || cell.status === 'unreadable') return NaN;
    if (cell.status === 'ok') return cell.value ?? 0;
    return blankIsNaN ? NaN : 0;
  }

  term(row: string, col: string, label: string): Term {
    const cell = this.cell(row, col);
    if (!cell) {
      const group = this.groupOf(col);
      return group ? this.sumOf(row, group.key, group.covers, label) : { kind: 'absent', label, ref: { row, col } };
    }
    const refs = [{ row, col }];
    if (cell.status === 'unreadable') return { kind: 'unreadable', refs, label, raw: cell.raw };
    if (cell.status === 'ok') return { kind: 'value', value: cell.value ?? 0, blank: false, refs, label };
    // A dash keeps what was printed (无, /, 不适用) for the message to quote; a blank's raw is ''.
    return { kind: 'value', value: 0, blank: true, refs, label, raw: cell.raw };
  }

  private groupOf(col: string): ColumnGroup | undefined {
    for (const g of this.groups) if (g.key === col) return g;
    return undefined;
  }

  private sumOf(row: string, group: string, cols: string[], label: string): Term {
    const terms = cols.map((c) => this.term(row, c, c));
    if (terms.every((t) => t.kind === 'absent')) return { kind: 'absent', label, ref: { row, col: group } };
    const refs = terms.flatMap((t) => (t.kind === 'absent' ? [] : t.refs));
    const bad = terms.find((t) => t.kind === 'unreadable');
    if (bad && bad.kind === 'unreadable') return { kind: 'unreadable', refs, label, raw: bad.raw };
    const missing = terms.find((t) => t.kind === 'absent');
    if (missing) return { ...missing, label };
    const values = terms as Extract<Term, { kind: 'value' }>[];
    return {
      kind: 'value',
      value: values.reduce((s, t) => s + t.value, 0),
      blank: values.every((t) => t.blank),
      refs,
      label,
    };
  }
}

const views = new WeakMap<Table, TableView>();
/** One view per table, shared by every check that reads it; `groups` are the table's merged column groups. */
export function viewOf(table: Table, groups: ColumnGroup[] = []): TableView {
  let view = views.get(table);
  if (!view) views.set(table, (view = new TableView(table, groups)));
  return view;
}

/** A sum with floating noise removed (amounts such as 0.35 万元). */
export function roundSum(sum: number): number {
  return Math.round(sum * 1e6) / 1e6;
}

/** `a 1 + b 2`; long sums (Table 3's 23 result rows) name only their non-zero terms. */
export function formatSum(terms: Extract<Term, { kind: 'value' }>[]): string {
  const shown = terms.length > 7 ? terms.filter((t) => t.value !== 0) : terms;
  const text = shown.map((t) => `${t.label} ${t.blank ? '空白' : t.value}`).join(' + ');
  const rest = terms.length - shown.length;
  if (!rest) return text;
  return `${text || '0'}（其余 ${rest} 项为 0 或空白）`;
}
