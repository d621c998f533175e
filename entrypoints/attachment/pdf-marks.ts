import type { CellRef, Report, Table } from '@/lib/schema.ts';
import { cellKey, planMarks, type CellRole } from '@/lib/mark-plan.ts';

/**
 * The marks of a PDF report, placed on its pages (pure: over the report only): the cells lib/mark-plan.ts
 * chose, each at the page and box its value was read from (the PDF source ref). One mark per box: a merged
 * value cell that stands for several columns is marked once, with all it is part of.
 */
export interface PdfMark {
  page: number;
  /** [left, top, right, bottom] in PDF points from the page's top left. */
  box: [number, number, number, number];
  /** The cell's text as printed. */
  raw: string;
  /** Finding ids per role (as the page's marks: data-nianbao-finding / -involved / -warning). */
  roles: Record<CellRole, string[]>;
  /** Error findings that cross here (two or more: the most likely wrong number). */
  culprit: string[];
  /** Findings whose "show me" target this box is. */
  mainOf: string[];
  /** The findings' messages, culprit note first: the mark's accessible description. */
  messages: string[];
}

function modelCell(table: Table | undefined, ref: CellRef) {
  return table?.cells.find((c) => c.row === ref.row && (c.col === ref.col || c.covers?.includes(ref.col)));
}

export function pdfMarks(report: Report): PdfMark[] {
  const plan = planMarks(report);
  const marks = new Map<string, PdfMark>();
  const at = (table: string, ref: CellRef): PdfMark | undefined => {
    const cell = modelCell(report.tables[table as keyof Report['tables']], ref);
    const src = cell?.source;
    if (!cell || src?.kind !== 'pdf') return undefined;
    const key = `${src.page}:${src.box.join(',')}`;
    let mark = marks.get(key);
    if (!mark) {
      mark = { page: src.page, box: src.box, raw: cell.raw, roles: { total: [], part: [], warning: [] }, culprit: [], mainOf: [], messages: [] };
      marks.set(key, mark);
    }
    return mark;
  };
  for (const { finding, cells, main } of plan.findings) {
    if (!finding.table) continue;
    for (const { ref, role } of cells) {
      const mark = at(finding.table, ref);
      if (!mark) continue;
      if (!mark.roles[role].includes(finding.id)) mark.roles[role].push(finding.id);
      const crossing = finding.severity === 'error' && plan.culprits.has(cellKey(finding.table, ref));
      if (crossing && !mark.culprit.includes(finding.id)) mark.culprit.push(finding.id);
      if (!mark.messages.includes(finding.message)) mark.messages.push(finding.message);
    }
    const mainMark = cells.length && main ? at(finding.table, main) : undefined;
    // Only a box that carries a mark is a tab stop (a blank main cell is still the "show me" target).
    if (mainMark) mainMark.mainOf.push(finding.id);
  }
  return [...marks.values()];
}
