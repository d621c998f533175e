/**
 * A Word (.docx) report as the HTML the page pipeline reads: word/document.xml's tables become <table>s
 * whose colspan/rowspan are Word's own merges (w:gridSpan, w:gridBefore, w:vMerge restart/continue), its
 * paragraphs become <p>s (headings and centred lines keep what marks them as such), and the document's
 * title (docProps/core.xml) becomes <title>. The n-th <table> of the result is the n-th w:tbl of the
 * document (nested ones too, in document order) and its grid rows are the w:tr rows, so a SourceRef of
 * kind 'table' points at the Word table, row and grid column the value was printed in.
 *
 * Pure: fflate unzips, a small tokenizer reads the XML (WordprocessingML is machine-written, well-formed
 * XML); the caller parses the HTML (linkedom in the CLI, DOMParser in an extension page).
 */
import { strFromU8, unzipSync } from 'fflate';

export class DocxError extends Error {}

interface XmlTag {
  name: string;
  attrs: string;
  close: boolean;
  selfClose: boolean;
}

type Token = XmlTag | string;

const TOKEN = /<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|<(\/?)([\w.:-]+)((?:"[^"]*"|'[^']*'|[^'">])*?)(\/?)>|([^<]+)/g;

function* tokens(xml: string): Generator<Token> {
  for (const m of xml.matchAll(TOKEN)) {
    if (m[1] !== undefined) yield m[1];
    else if (m[3] !== undefined) yield { name: m[3], attrs: m[4], close: m[2] === '/', selfClose: m[5] === '/' };
    else if (m[6] !== undefined) yield unescapeXml(m[6]);
  }
}

function unescapeXml(text: string): string {
  return text.replace(/&(?:#x([0-9a-f]+)|#(\d+)|(amp|lt|gt|quot|apos));/gi, (_, hex, dec, named) => {
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    if (dec) return String.fromCodePoint(Number(dec));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[named.toLowerCase() as 'amp'];
  });
}

function attr(tag: XmlTag, name: string): string | null {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag.attrs);
  return m ? unescapeXml(m[1] ?? m[2]) : null;
}

/** An on/off property (<w:vanish/>, <w:vanish w:val="false"/>). */
const isOn = (tag: XmlTag) => !/^(?:0|false|off)$/i.test(attr(tag, 'w:val') ?? 'true');

export interface DocxParagraph {
  kind: 'p';
  text: string;
  /** Title / heading style, or centred: what the metadata reader takes for a headline. */
  heading: boolean;
  centred: boolean;
}

export interface DocxCell {
  blocks: DocxBlock[];
  gridSpan: number;
  vMerge: 'restart' | 'continue' | null;
}

export interface DocxRow {
  gridBefore: number;
  cells: DocxCell[];
}

export interface DocxTable {
  kind: 'table';
  rows: DocxRow[];
}

export type DocxBlock = DocxParagraph | DocxTable;

/** Elements whose content is not the document's visible body text. */
const SKIPPED = new Set(['w:delText', 'w:instrText', 'mc:Fallback', 'w:del', 'w:moveFrom', 'w:rPrChange', 'w:pPrChange', 'w:footnotes']);

/** The body of word/document.xml as blocks. */
export function docxBlocks(xml: string): DocxBlock[] {
  const root: DocxBlock[] = [];
  const containers: DocxBlock[][] = [root];
  const tables: DocxTable[] = [];
  const cells: DocxCell[] = [];
  // A stack: a text box's paragraphs sit inside a paragraph of the body.
  const paras: (DocxParagraph & { parts: string[] })[] = [];
  let inRun = false;
  let runHidden = false;
  let inText = false;
  let skipDepth = 0;
  let skipName = '';
  const current = () => containers[containers.length - 1];
  let para: (DocxParagraph & { parts: string[] }) | undefined;

  for (const token of tokens(xml)) {
    if (typeof token === 'string') {
      if (inText && !skipDepth && para && !runHidden) para.parts.push(token);
      continue;
    }
    const { name, close, selfClose } = token;
    if (skipDepth) {
      if (name === skipName) skipDepth += close ? -1 : selfClose ? 0 : 1;
      continue;
    }
    if (!close && !selfClose && SKIPPED.has(name)) {
      skipDepth = 1;
      skipName = name;
      continue;
    }
    if (close) {
      if (name === 'w:t') inText = false;
      else if (name === 'w:r') inRun = false;
      else if (name === 'w:p' && para) {
        const { parts, ...p } = para;
        current().push({ ...p, text: parts.join('') });
        paras.pop();
        para = paras.at(-1);
      } else if (name === 'w:tc') {
        containers.pop();
        cells.pop();
      } else if (name === 'w:tbl') tables.pop();
      continue;
    }
    switch (name) {
      case 'w:tbl': {
        const table: DocxTable = { kind: 'table', rows: [] };
        current().push(table);
        if (!selfClose) tables.push(table);
        break;
      }
      case 'w:tr':
        tables.at(-1)?.rows.push({ gridBefore: 0, cells: [] });
        break;
      case 'w:gridBefore': {
        const row = tables.at(-1)?.rows.at(-1);
        if (row) row.gridBefore = Math.max(0, Number(attr(token, 'w:val')) || 0);
        break;
      }
      case 'w:tc': {
        const cell: DocxCell = { blocks: [], gridSpan: 1, vMerge: null };
        tables.at(-1)?.rows.at(-1)?.cells.push(cell);
        if (!selfClose) {
          cells.push(cell);
          containers.push(cell.blocks);
        }
        break;
      }
      case 'w:gridSpan': {
        const cell = cells.at(-1);
        if (cell) cell.gridSpan = Math.min(1000, Math.max(1, Number(attr(token, 'w:val')) || 1));
        break;
      }
      case 'w:vMerge': {
        const cell = cells.at(-1);
        if (cell) cell.vMerge = attr(token, 'w:val') === 'restart' ? 'restart' : 'continue';
        break;
      }
      case 'w:p':
        if (selfClose) current().push({ kind: 'p', text: '', heading: false, centred: false });
        else paras.push((para = { kind: 'p', text: '', heading: false, centred: false, parts: [] }));
        break;
      case 'w:pStyle':
        if (para && /^(?:title|heading ?1|1)$/i.test(attr(token, 'w:val') ?? '')) para.heading = true;
        break;
      case 'w:jc':
        if (para && !inRun && /^center$/.test(attr(token, 'w:val') ?? '')) para.centred = true;
        break;
      case 'w:r':
        inRun = !selfClose;
        runHidden = false;
        break;
      case 'w:vanish':
        if (inRun) runHidden = isOn(token);
        break;
      case 'w:t':
        inText = !selfClose;
        break;
      case 'w:tab':
      case 'w:ptab':
        if (inRun && para && !runHidden) para.parts.push('\t');
        break;
      case 'w:br':
      case 'w:cr':
        if (inRun && para && !runHidden) para.parts.push('\n');
        break;
      case 'w:noBreakHyphen':
        if (para && !runHidden) para.parts.push('-');
        break;
    }
  }
  return root;
}

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

function paragraphHtml(p: DocxParagraph): string {
  const text = escapeHtml(p.text).replace(/\n/g, '<br>');
  if (p.heading) return `<h1>${text}</h1>\n`;
  return `<p${p.centred ? ' align="center"' : ''}>${text}</p>\n`;
}

interface LaidCell {
  cell: DocxCell;
  rowSpan: number;
  colSpan: number;
  /** An empty placeholder for w:gridBefore (grid columns the row leaves out before its first cell). */
  gap: boolean;
}

/**
 * Word's merges as HTML spans: a vMerge="continue" cell extends the restart cell above it in the same grid
 * column (and is not written); a continue with nothing to extend (a broken merge) stays a cell of its own.
 */
function layTable(table: DocxTable): LaidCell[][] {
  const rows: LaidCell[][] = [];
  let open = new Map<number, LaidCell>();
  for (const row of table.rows) {
    const out: LaidCell[] = [];
    const next = new Map<number, LaidCell>();
    let col = 0;
    if (row.gridBefore) {
      out.push({ cell: { blocks: [], gridSpan: row.gridBefore, vMerge: null }, rowSpan: 1, colSpan: row.gridBefore, gap: true });
      col = row.gridBefore;
    }
    for (const cell of row.cells) {
      const above = open.get(col);
      if (cell.vMerge === 'continue' && above && above.colSpan === cell.gridSpan) {
        above.rowSpan++;
        next.set(col, above);
      } else {
        const laid: LaidCell = { cell, rowSpan: 1, colSpan: cell.gridSpan, gap: false };
        out.push(laid);
        if (cell.vMerge === 'restart') next.set(col, laid);
      }
      col += cell.gridSpan;
    }
    open = next;
    rows.push(out);
  }
  return rows;
}

function tableHtml(table: DocxTable): string {
  const rows = layTable(table).map((cells) => {
    const tds = cells.map(({ cell, rowSpan, colSpan, gap }) => {
      const spans = `${colSpan > 1 ? ` colspan="${colSpan}"` : ''}${rowSpan > 1 ? ` rowspan="${rowSpan}"` : ''}`;
      return `<td${spans}${gap ? ' data-docx-gap=""' : ''}>${cell.blocks.map(blockHtml).join('')}</td>`;
    });
    return `<tr>${tds.join('')}</tr>\n`;
  });
  return `<table border="1">\n${rows.join('')}</table>\n`;
}

function blockHtml(block: DocxBlock): string {
  return block.kind === 'p' ? paragraphHtml(block) : tableHtml(block);
}

export interface DocxDocument {
  /** docProps/core.xml's dc:title ('' when the document has none). */
  title: string;
  blocks: DocxBlock[];
  /** The whole document as one HTML page for the page pipeline. */
  html: string;
  /** The paragraphs outside the tables, one a line: the report's article text. */
  articleText: string;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** Reads a .docx; throws DocxError when it is not one (not a zip, or no word/document.xml). */
export function readDocx(bytes: Uint8Array): DocxDocument {
  if (!ZIP_MAGIC.every((b, i) => bytes[i] === b)) throw new DocxError('不是 .docx 文件（不是 ZIP 格式）');
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (f) => f.name === 'word/document.xml' || f.name === 'docProps/core.xml' });
  } catch (e) {
    throw new DocxError(`.docx 文件已损坏，无法解压（${e instanceof Error ? e.message : String(e)}）`);
  }
  const documentXml = files['word/document.xml'];
  if (!documentXml) throw new DocxError('.docx 文件里没有正文（word/document.xml）');
  const blocks = docxBlocks(strFromU8(documentXml));
  const core = files['docProps/core.xml'] ? strFromU8(files['docProps/core.xml']) : '';
  const titleMatch = /<dc:title>([\s\S]*?)<\/dc:title>/.exec(core);
  const title = titleMatch ? unescapeXml(titleMatch[1]).trim() : '';
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body>\n${blocks.map(blockHtml).join('')}</body></html>`;
  const articleText = blocks
    .filter((b): b is DocxParagraph => b.kind === 'p')
    .map((p) => p.text.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
  return { title, blocks, html, articleText };
}
