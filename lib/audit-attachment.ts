/**
 * A report published as an attachment (Word .docx, or a PDF with a text layer), audited like a page: the
 * document is read into the HTML the page pipeline reads (lib/read/docx.ts, lib/read/pdf.ts), then `auditDocument` runs unchanged, so the
 * tables, checks and exports are the same. The caller parses HTML (linkedom in the CLI, DOMParser in an
 * extension page), which keeps this module free of any DOM implementation.
 */
import { auditDocument, type AuditResult, type AuditSource } from './audit.ts';
import { readDocx } from './read/docx.ts';
import { readPdf, type PdfJs } from './read/pdf.ts';
import type { Table } from './schema.ts';

export type ParseHtml = (html: string) => Document;

/** The audit of a .docx; null when it holds no report table. Throws DocxError when it is not a .docx. */
export function auditDocx(bytes: Uint8Array, parseHtml: ParseHtml, source: AuditSource = {}): AuditResult | null {
  const docx = readDocx(bytes);
  const result = auditDocument(parseHtml(docx.html), source);
  if (!result) return null;
  // The paragraphs outside the tables, for the rules that read the prose.
  if (docx.articleText) result.report.article = { text: docx.articleText };
  return result;
}

/**
 * The audit of a PDF; null when it holds no report table. Throws PdfError when it cannot be opened or has
 * no text layer (a scan). Each value's source names its page and box.
 */
export async function auditPdf(pdfjs: PdfJs, bytes: Uint8Array, parseHtml: ParseHtml, source: AuditSource = {}): Promise<AuditResult | null> {
  const pdf = await readPdf(pdfjs, bytes);
  const result = auditDocument(parseHtml(pdf.html), source);
  if (!result) return null;
  const report = result.report;
  for (const table of Object.values(report.tables) as Table[]) {
    for (const cell of table.cells) {
      const ref = cell.source;
      const place = ref?.kind === 'table' ? pdf.boxes[ref.table]?.get(`${ref.row},${ref.col}`) : undefined;
      if (ref?.kind === 'table' && place) cell.source = { kind: 'pdf', table: ref.table, row: ref.row, col: ref.col, ...place };
    }
  }
  if (pdf.articleText) report.article = { text: pdf.articleText };
  return result;
}
