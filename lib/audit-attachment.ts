/**
 * A report published as an attachment (Word .docx, later PDF), audited like a page: the document is read
 * into the HTML the page pipeline reads (lib/read/docx.ts), then `auditDocument` runs unchanged, so the
 * tables, checks and exports are the same. The caller parses HTML (linkedom in the CLI, DOMParser in an
 * extension page), which keeps this module free of any DOM implementation.
 */
import { auditDocument, type AuditResult, type AuditSource } from './audit.ts';
import { readDocx } from './read/docx.ts';

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
