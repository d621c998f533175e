/**
 * A table the grid's size bounds cut off (lib/read/table-grid.ts) has lost its tail: say so, as a `layout`
 * warning naming the table and where the cut is. Only for tables that hold the report (some of its
 * values were read from it, or its own labels print a report table's words): a layout table of the
 * site, cut or not, is none of the reader's business.
 */
import type { Finding, TableKey } from '../schema.ts';
import type { CutTable, TableRow } from './table-rows.ts';
import { layoutFinding } from '../checks/layout.ts';

interface ReadTable {
  table: TableKey;
  cells: { el: Element | null }[];
}

export function cutTableFindings(cuts: CutTable[], rows: TableRow[], extracted: ReadTable[], printsReportWords: (text: string) => boolean): Finding[] {
  const findings: Finding[] = [];
  for (const cut of cuts) {
    const source = extracted.find((t) => t.cells.some((c) => c.el?.closest('table') === cut.el));
    const labelled = rows.some((r) => r.table === cut.table && r.cells.some((c) => c.number.status === 'unreadable' && printsReportWords(c.key)));
    const table = source?.table ?? (labelled ? extracted[0]?.table : undefined);
    if (!table) continue;
    const where = `从第 ${cut.row + 1} 行${cut.col === null ? '' : `第 ${cut.col + 1} 列`}起`;
    findings.push(layoutFinding(table, `cut-${cut.table + 1}`, `第 ${cut.table + 1} 张表格的合并单元格跨度过大，${where}被截断，其后的内容未读取、未核对`));
  }
  return findings;
}
