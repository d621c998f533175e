import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

// pdf.js for this page only (never the content script or the auditor): the regular build (minified), loaded
// when a PDF comes, with its worker served from the extension itself (extension pages may run their own scripts).

export type PdfJsModule = typeof import('pdfjs-dist');

let loading: Promise<PdfJsModule> | undefined;

export function loadPdfJs(): Promise<PdfJsModule> {
  return (loading ??= (import('pdfjs-dist/build/pdf.min.mjs') as Promise<PdfJsModule>).then((pdfjs) => {
    pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
    return pdfjs;
  }));
}
