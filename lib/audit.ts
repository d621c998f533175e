// TEMPORARY STUB — the real pipeline is being written. Signature is final.
import type { CellRef, Report, TableKey } from './schema.ts';

export interface AuditSource { url?: string; file?: string }

export interface AuditResult {
  report: Report;
  /** The page element a model cell was read from (for marking it in place). */
  elementFor(table: TableKey, ref: CellRef): Element | undefined;
}

/** Cheap test on title/headings/body text: is this possibly an annual report page? */
export function looksLikeReport(doc: Document): boolean {
  return /年度报告|年报/.test(doc.title);
}

/** Full audit of a document; null when no report table is found. */
export function auditDocument(doc: Document, source: AuditSource = {}): AuditResult | null {
  void doc; void source;
  return null;
}
