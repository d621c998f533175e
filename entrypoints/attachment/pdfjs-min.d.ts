// The minified build of pdf.js is the same module as its main entry (which carries the types).
declare module 'pdfjs-dist/build/pdf.min.mjs' {
  export * from 'pdfjs-dist';
}
