import type { AuditResult } from '@/lib/audit.ts';
import { auditDocx, auditPdf } from '@/lib/audit-attachment.ts';
import { documentKind } from '@/lib/document-kind.ts';
import { DocxError } from '@/lib/read/docx.ts';
import { PdfError } from '@/lib/read/pdf.ts';
import { t, unreadableDocumentAdvice } from '@/components/i18n.ts';
import { pdfReader } from './pdfjs.ts';

// The fetched attachment, known by its first bytes, read and audited like a page (lib/audit-attachment.ts).

export type ReadAttachment =
  /** `doc`: the HTML the reader made of the Word file, parsed; its table cells are the ones `result` points at. */
  | { kind: 'docx'; result: AuditResult | null; doc: Document }
  | { kind: 'pdf'; result: AuditResult | null; bytes: Uint8Array }
  | { kind: 'problem'; text: string };

export async function readAttachment(bytes: Uint8Array, url: URL): Promise<ReadAttachment> {
  const kind = documentKind(bytes.subarray(0, 65536), url.pathname);
  if (kind === null) return { kind: 'problem', text: t('attachNotADocument') };
  if (kind !== 'PDF' && kind !== 'Word') return { kind: 'problem', text: unreadableDocumentAdvice(kind) };
  const source = { url: url.href };
  if (kind === 'Word') {
    let doc: Document | undefined;
    // The DOM the audit reads is the one shown: elementFor() then names the cells on screen.
    const parse = (html: string) => (doc = new DOMParser().parseFromString(html, 'text/html'));
    try {
      const result = auditDocx(bytes, parse, source);
      return { kind: 'docx', result, doc: doc! };
    } catch (e) {
      if (e instanceof DocxError) return { kind: 'problem', text: t('attachDocxUnreadable', e.message) };
      throw e;
    }
  }
  try {
    const pdfjs = await pdfReader();
    const result = await auditPdf(pdfjs, bytes, (html) => new DOMParser().parseFromString(html, 'text/html'), source);
    return { kind: 'pdf', result, bytes };
  } catch (e) {
    if (e instanceof PdfError) return { kind: 'problem', text: e.kind === 'scanned' ? t('attachScanned', e.message) : t('attachPdfUnreadable', e.message) };
    throw e;
  }
}
