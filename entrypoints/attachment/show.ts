import type { AuditResult } from '@/lib/audit.ts';
import type { Report } from '@/lib/schema.ts';
import { CULPRIT_ATTR, culpritNote, ERROR_ATTR, INVOLVED_ATTR, markFindings, OWN_TABINDEX_ATTR, WARNING_ATTR, type Marks } from '@/entrypoints/content/mark-cells.ts';
import { t } from '@/components/i18n.ts';
import { loadPdfJs, pdfJsDocumentOptions } from './pdfjs.ts';
import { pdfMarks } from './pdf-marks.ts';

// The attachment as the reader sees it, with the same marks as a report page (page-style.ts's attributes):
// a Word file as the tables and paragraphs the reader made of it, a PDF as its pages drawn by pdf.js with a
// box over each marked cell. Text goes in as DOM nodes and textContent, never as markup.

const noMarks = (report: Report | undefined): Marks => ({ main: new Map(), findings: new Map((report?.findings ?? []).map((f) => [f.id, f])) });

/** The Word file's body, moved into `container` (the same nodes the audit read), its cells marked. */
export function showDocx(container: HTMLElement, doc: Document, result: AuditResult | null): Marks {
  const nodes = [...doc.body.childNodes].map((n) => container.ownerDocument.adoptNode(n));
  container.replaceChildren(...nodes);
  return result ? markFindings(result) : noMarks(undefined);
}

/** Points to CSS pixels: a page of A4 (595 pt) comes out about 890 px wide. */
const SCALE = 1.5;

/** Draws every page of the PDF into `container`, a box over each marked cell. */
export async function drawPdf(container: HTMLElement, bytes: Uint8Array, report: Report | undefined): Promise<Marks> {
  const pdfjs = await loadPdfJs();
  const marks = noMarks(report);
  const byPage = Map.groupBy(report ? pdfMarks(report) : [], (m) => m.page);
  const task = pdfjs.getDocument({ data: new Uint8Array(bytes), verbosity: 0, ...pdfJsDocumentOptions() });
  const pdf = await task.promise;
  const doc = container.ownerDocument;
  const ratio = globalThis.devicePixelRatio || 1;
  try {
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const viewport = page.getViewport({ scale: SCALE });
      const sheet = doc.createElement('section');
      sheet.className = 'nb-pdf-page';
      sheet.dataset.page = String(n);
      sheet.setAttribute('aria-label', t('attachPageLabel', n));
      sheet.style.width = `${viewport.width}px`;
      sheet.style.height = `${viewport.height}px`;
      const canvas = doc.createElement('canvas');
      canvas.width = Math.floor(viewport.width * ratio);
      canvas.height = Math.floor(viewport.height * ratio);
      canvas.style.width = `${viewport.width}px`;
      canvas.style.height = `${viewport.height}px`;
      sheet.append(canvas);
      container.append(sheet);
      await page.render({ canvas, viewport, transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0] }).promise;
      for (const mark of byPage.get(n) ?? []) {
        const [left, top, right, bottom] = mark.box;
        const box = doc.createElement('div');
        box.className = 'nb-pdf-box';
        Object.assign(box.style, { left: `${left * SCALE}px`, top: `${top * SCALE}px`, width: `${(right - left) * SCALE}px`, height: `${(bottom - top) * SCALE}px` });
        box.dataset.raw = mark.raw;
        const attrs: [string, string[]][] = [[ERROR_ATTR, mark.roles.total], [INVOLVED_ATTR, mark.roles.part], [WARNING_ATTR, mark.roles.warning], [CULPRIT_ATTR, mark.culprit]];
        for (const [attr, ids] of attrs) if (ids.length) box.setAttribute(attr, ids.join(' '));
        const marked = attrs.some(([, ids]) => ids.length);
        if (marked) {
          const note = mark.culprit.length ? [culpritNote(mark.culprit.length)] : [];
          box.setAttribute('aria-description', [...note, ...mark.messages].join(t('listSeparator')));
          box.setAttribute('role', 'note');
        }
        for (const id of mark.mainOf) marks.main.set(id, box);
        // The keyboard reaches each finding once, at its main box (as on a page).
        if (marked && mark.mainOf.length) {
          box.tabIndex = 0;
          box.setAttribute(OWN_TABINDEX_ATTR, '');
        }
        sheet.append(box);
      }
      page.cleanup();
    }
  } finally {
    await task.destroy();
  }
  return marks;
}
