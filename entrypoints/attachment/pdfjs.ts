import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { pdfJsDataOptions, type PdfJs, type PdfJsData } from '@/lib/read/pdf.ts';

// pdf.js for this page only (never the content script or the auditor): the regular build (minified), loaded
// when a PDF comes, with its worker served from the extension itself (extension pages may run their own scripts).

export type PdfJsModule = typeof import('pdfjs-dist');

/**
 * Its data files, copied into the build under pdfjs/ (wxt.config.ts): Adobe's predefined CMaps, without
 * which text in a Chinese font that is not embedded reads as nothing and draws as nothing, and the
 * standard fonts' data, to draw the 14 standard fonts a PDF may name without embedding them.
 */
export const pdfJsData = (): PdfJsData => ({
  cMapUrl: new URL('/pdfjs/cmaps/', location.href).href,
  standardFontDataUrl: new URL('/pdfjs/standard_fonts/', location.href).href,
});

/** getDocument's options for those files, for drawing the pages. */
export const pdfJsDocumentOptions = () => pdfJsDataOptions(pdfJsData());

let loading: Promise<PdfJsModule> | undefined;

export function loadPdfJs(): Promise<PdfJsModule> {
  return (loading ??= (import('pdfjs-dist/build/pdf.min.mjs') as Promise<PdfJsModule>).then((pdfjs) => {
    pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
    return pdfjs;
  }));
}

/** pdf.js as lib/read/pdf.ts reads with it. */
export async function pdfReader(): Promise<PdfJs> {
  const { getDocument, OPS } = await loadPdfJs();
  return { getDocument, OPS, data: pdfJsData() };
}
