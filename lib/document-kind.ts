/**
 * A report saved as a document instead of a web page, known by its first bytes (whatever its name says), and
 * the sentence for each kind the reader (the CLI, the extension's attachment page) cannot read. Pure: the
 * CLI reads the bytes from disk, the extension from the fetched attachment.
 */

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export type DocumentKind = 'PDF' | 'Word' | 'LegacyWord' | 'WPS' | 'OFD' | 'Excel' | 'ZIP';

/** The file name's extension, lower case with its dot ('' when none). */
function extensionOf(name: string): string {
  return /(\.[^./\\]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
}

export function documentKind(head: Uint8Array, name: string): DocumentKind | null {
  const text = new TextDecoder('latin1').decode(head);
  const pdf = text.indexOf('%PDF-');
  if (pdf >= 0 && pdf < 1024 && !text.slice(0, pdf).includes('<')) return 'PDF';
  if (text.startsWith('PK\u0003\u0004')) {
    // A .docx is a zip whose entries live under word/ (an .xlsx under xl/; an OFD holds OFD.xml).
    if (text.includes('word/')) return 'Word';
    if (text.includes('xl/')) return 'Excel';
    if (text.includes('OFD.xml') || extensionOf(name) === '.ofd') return 'OFD';
    return 'ZIP';
  }
  if (OLE.every((b, i) => head[i] === b)) {
    const ext = extensionOf(name);
    if (ext.startsWith('.xls') || ext === '.et') return 'Excel';
    return ext === '.wps' ? 'WPS' : 'LegacyWord';
  }
  return null;
}

const OPEN_THE_PAGE = '请在浏览器中打开年报的网页版，另存为 .html 后再核对';

/** What to do with a document that cannot be read (.docx and PDFs with a text layer can be). */
export const DOCUMENT_ADVICE: Record<Exclude<DocumentKind, 'Word' | 'PDF'>, string> = {
  LegacyWord: `这是旧版 Word 文件（.doc），无法直接核对；请用 Word 或 WPS 打开后“另存为” Word 文档（.docx）再核对，或${OPEN_THE_PAGE}`,
  WPS: `这是 WPS 文字文件（.wps），无法直接核对；请用 WPS 打开后“另存为” Word 文档（.docx）再核对，或${OPEN_THE_PAGE}`,
  OFD: `这是 OFD 版式文件，暂不支持；${OPEN_THE_PAGE}，或改用同一年报的 Word（.docx）或 PDF 版本`,
  Excel: `这是 Excel 文件；表格文件暂不支持，${OPEN_THE_PAGE}`,
  ZIP: '这是 ZIP 压缩文件，暂不支持；请先解压，再核对其中的网页、Word（.docx）或 PDF 文件',
};

/** What to do with a scanned PDF (no text layer). */
export const SCANNED_PDF_ADVICE = '无法核对数字；请在浏览器中打开年报的网页版另存为 .html，或改用同一年报的 Word（.docx）版本';

const BY_EXTENSION: Record<string, DocumentKind> = {
  pdf: 'PDF',
  docx: 'Word',
  doc: 'LegacyWord',
  wps: 'WPS',
  ofd: 'OFD',
  xls: 'Excel',
  xlsx: 'Excel',
  et: 'Excel',
  zip: 'ZIP',
};

/**
 * The kind a link names, before anything is fetched: by the address's extension (also where a download
 * script takes the file name as a parameter, `downfile.jsp?filename=x.pdf`), else by the link's text.
 */
export function documentKindByName(...names: string[]): DocumentKind | null {
  for (const name of names) {
    // The last known extension: `downfile.jsp?filename=x.pdf` names the file after the script.
    const kinds = [...name.trim().matchAll(/\.([a-z]{2,4})(?=$|[?#&])/gi)].map((m) => BY_EXTENSION[m[1]!.toLowerCase()]).filter(Boolean);
    if (kinds.length) return kinds.at(-1)!;
  }
  return null;
}
