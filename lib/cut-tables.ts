/**
 * A table the grid's size bounds cut off (lib/table-grid.ts) has lost its tail: say so, as a `layout`
 * warning naming the table and where the cut is. Only for tables that hold the report (some of its
 * values were read from it, or its own labels print a report table's words): a layout table of the
 * site, cut or not, is none of the reader's business.
 */
import type { Finding, TableKey } from './schema.ts';
import type { CutTable, TableRow } from './table-rows.ts';

interface ReadTable {
  table: TableKey;
  cells: { el: Element | null }[];
}

export function cutTableFindings(cuts: CutTable[], rows: TableRow[], extracted: ReadTable[], printsReportWords: (text: string) => boolean): Finding[] {
  const findings: Finding[] = [];
  for (const cut of cuts) {
    const own = rows.filter((r) => r.table === cut.table);
    const sources = extracted.filter((t) => t.cells.some((c) => c.el?.closest('table') === cut.el)).map((t) => t.table);
    const labelled = own.some((r) => r.cells.some((c) => c.number.status === 'unreadable' && c.key && printsReportWords(c.key)));
    if (!sources.length && !labelled) continue;
    const table = sources[0] ?? extracted[0]?.table;
    if (!table) continue;
    const first = own.flatMap((r) => r.cells).find((c) => c.key && c.number.status === 'unreadable')?.text ?? '';
    const name = first ? `（“${first.length > 20 ? `${first.slice(0, 20)}…` : first}”）` : '';
    const where = `第 ${cut.row + 1} 行${cut.col === null ? '' : `第 ${cut.col + 1} 列`}`;
    findings.push({
      id: `${table}:layout:cut-${cut.table + 1}`,
      rule: 'layout',
      severity: 'warning',
      message: `第 ${cut.table + 1} 张表格${name}的合并单元格跨度过大，表格从${where}起被截断，其后的内容未读取、未核对`,
      table,
      cells: [],
      expected: null,
      actual: null,
    });
  }
  return findings;
}
