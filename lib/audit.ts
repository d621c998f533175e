/**
 * The pipeline, page in → checked report out: detect → read rows (tables, else flattened lines) →
 * extract tables 2/3/4 and the legacy 统计表 → metadata → checks. Pure DOM reading: runs in the page
 * (content script), in Node (CLI, with linkedom) and in tests (happy-dom). It never writes to the page.
 */
import { ARCHIVE_CHROME_SELECTOR } from './archive-url.ts';
import type { CellRef, Finding, Format, Report, Table, TableKey } from './schema.ts';
import { SCHEMA_VERSION } from './schema-version.ts';
import { LINE_LABELS, LINE_TABLES, REPORT_TABLES } from './tables/index.ts';
import type { FormatTag, KeyDef } from './tables/dictionary.ts';
import { classifyHeaders, extractTable, type ExtractedTable, type ReadTable, type TableSpec } from './tables/extract-table.ts';
import { mayHoldReport, TABLE_SIGNATURE } from './report-detection.ts';
import { readTables, type ReadOptions, type TableRow } from './read/table-rows.ts';
import { cutTableFindings } from './read/cut-tables.ts';
import { linesUpTo, rowsOfLines, textLines, wholeTextLines, type Line, type SubtreeLines } from './read/flattened-lines.ts';
import { readMetadata } from './report-metadata.ts';
import { firstReportTable } from './first-report-table.ts';
import { articleText, reportContainer, type ArticleText } from './read/article-text.ts';
import { hiddenByMarkup } from './read/hidden-elements.ts';
import { checkReport, runChecks } from './checks/index.ts';
import { proseFindings } from './prose/index.ts';
import { formFindings } from './form/index.ts';

export interface AuditSource {
  url?: string;
  file?: string;
  /** The archived copy's address, when the page is one (lib/archive-url.ts). */
  archivedAt?: string;
}

export interface AuditResult {
  report: Report;
  /**
   * The page element a model cell was read from (for marking it in place); `copy` 2 for the cells of a
   * differing second copy of the tables (the findings whose ids start with `copy2:`).
   */
  elementFor(table: TableKey, ref: CellRef, copy?: 1 | 2): Element | undefined;
  /** The article text with each character's text node, for highlighting a quoted span (not in the JSON). */
  article?: ArticleText;
}


/** The tables the shared engine reads, from their header specs. */
const SPECS: TableSpec[] = REPORT_TABLES.flatMap((t) => ('engine' in t.read ? [t.read.engine] : []));
/** The tables whose cells make a page a report of the current forms. */
const PROVES_REPORT = new Set(REPORT_TABLES.filter((t) => t.provesReport).map((t) => t.key));

/** Every table read, including one whose rows could not be read at all (its findings say why). */
function extractAll(rows: TableRow[]): ExtractedTable[] {
  const headers = classifyHeaders(SPECS, rows);
  return SPECS.map((spec) => extractTable(spec, rows, headers)).filter((t): t is ExtractedTable => !!t);
}

const withCells = (tables: ExtractedTable[]) => tables.filter((t) => t.cells.length > 0);

const toTable = (t: ReadTable): Table => ({ rowLabels: t.rowLabels, colLabels: t.colLabels, cells: t.cells.map((c) => c.cell) });

/**
 * The checks once more over the second copy of the tables that were printed twice with different values,
 * so an error only in that copy is reported; what both copies share is reported once.
 */
function secondCopyFindings(report: Report, extracted: ExtractedTable[]): Finding[] {
  const copies = extracted.filter((t) => t.copy2);
  if (!copies.length) return [];
  const tables = { ...report.tables };
  for (const t of copies) tables[t.table] = toTable(t.copy2!);
  const firstSeen = new Set(report.findings.map((f) => `${f.id}\u0000${f.message}`));
  // Only the copied tables: the others are the same tables, their findings already said.
  return runChecks({ ...report, tables }, new Set(copies.map((t) => t.table)))
    .filter((f) => !firstSeen.has(`${f.id}\u0000${f.message}`))
    .map((f) => ({ ...f, id: `copy2:${f.id}`, message: `（第二份）${f.message}` }));
}

/** Per table, the row and column keys only one form prints, with that form (the first definition of a key counts). */
const ONLY_FORMAT: Partial<Record<TableKey, { rows: Map<string, FormatTag>; columns: Map<string, FormatTag> }>> = Object.fromEntries(
  REPORT_TABLES.map((t) => {
    const only = (defs: KeyDef[]) => {
      const out = new Map<string, FormatTag>();
      const seen = new Set<string>();
      for (const d of defs) {
        if (seen.has(d.key)) continue;
        seen.add(d.key);
        if (d.formats?.length === 1) out.set(d.key, d.formats[0]);
      }
      return out;
    };
    return [t.key, { rows: only(t.rows), columns: only(t.columns) }];
  }),
);

/**
 * The report's form, from the dictionary's format tags: a cell whose row or column only the 2021 form
 * prints makes it 2021; only the 2019 form, 2019 (or 2021 by the year: some 2021 reports keep 2019 rows);
 * only the legacy 统计表, legacy. Tables of the current forms with no such cell go by the year.
 */
function detectFormat(tables: Partial<Record<TableKey, Table>>, year: number | null): Format {
  const byYear: Format = year !== null && year >= 2021 ? '2021' : '2019';
  const tags = new Set<FormatTag>();
  for (const t of REPORT_TABLES) {
    const { rows, columns } = ONLY_FORMAT[t.key]!;
    for (const c of tables[t.key]?.cells ?? []) {
      const row = rows.get(c.row);
      const col = columns.get(c.col);
      if (row) tags.add(row);
      if (col) tags.add(col);
    }
  }
  if (tags.has('2021')) return '2021';
  if (tags.has('2019')) return byYear;
  if (tags.has('legacy')) return 'legacy';
  if (REPORT_TABLES.some((t) => t.provesReport && tables[t.key])) return byYear;
  return 'unknown';
}


/**
 * A report table printed as text beside report tables that are <table>s (Table 2 pasted from a PDF above a real
 * Table 3): the ones missing are read from the lines outside the tables, so their numbers are not lost.
 */
function withTablesAsText(extracted: ExtractedTable[], bodyLines: () => Line[]): ExtractedTable[] {
  const missing = LINE_TABLES.filter((t) => !extracted.some((e) => e.table === t.key && e.cells.length));
  if (!missing.length) return extracted;
  const inTable = (line: Line) => !!line.el.closest('table');
  const found = extractAll(rowsOfLines(bodyLines(), LINE_LABELS, inTable)).filter((t) => t.cells.length && missing.some((m) => m.key === t.table));
  if (!found.length) return extracted;
  const order = (e: ExtractedTable) => REPORT_TABLES.findIndex((t) => t.key === e.table);
  return [...extracted.filter((e) => !found.some((f) => f.table === e.table)), ...found].sort((a, b) => order(a) - order(b));
}

/** A section heading between flattened tables (二、主动公开政府信息情况): prose, where a table's lines begin. */
const SECTION_BEFORE_TABLE = /^[一二三四五六七]\s*[、.．].{0,20}(?:主动公开|收到和处理|行政复议|行政诉讼)/;

/**
 * A flattened table's own lines (one cell per paragraph) are table, not prose: from its first value line back
 * over its header and label lines to the section heading above it (at most 80 short lines), to its last value.
 */
function flattenedTableLines(bodyLines: () => Line[], extracted: ExtractedTable[]): Set<Element> {
  const out = new Set<Element>();
  const flat = extracted.filter((t) => t.cells.some((c) => c.cell.source?.kind === 'line'));
  if (!flat.length) return out;
  const lines = bodyLines();
  const inTable = new Array<boolean>(lines.length).fill(false);
  for (const t of flat) {
    const at = t.cells.flatMap((c) => (c.cell.source?.kind === 'line' ? [c.cell.source.line] : []));
    let lo = Math.min(...at);
    const hi = Math.max(...at);
    for (let n = 0; n < 80 && lo > 0 && lines[lo - 1].text.length <= 40 && !SECTION_BEFORE_TABLE.test(lines[lo - 1].text); n++) lo--;
    inTable.fill(true, lo, hi + 1);
  }
  // An element is left out only when every line it holds is table (text and <br>s in one <div> hold prose too).
  const prose = new Set(lines.filter((_, i) => !inTable[i]).map((l) => l.el));
  lines.forEach((l, i) => inTable[i] && !prose.has(l.el) && out.add(l.el));
  return out;
}

/** `el.closest('table')`, asked once per row (a cell's table is its row's). */
function tableFinder(): (el: Element | null) => Element | null {
  const byParent = new Map<Element, Element | null>();
  return (el) => {
    if (!el) return null;
    const parent = el.parentElement;
    if (!parent || (el.localName ?? el.tagName.toLowerCase()) === 'table') return el.closest('table');
    let table = byParent.get(parent);
    if (table === undefined) byParent.set(parent, (table = parent.closest('table')));
    return table;
  };
}

/** Full audit of a document; null when no report table is found. `read.isHidden`: what the reader cannot see. */
export function auditDocument(doc: Document, source: AuditSource = {}, read: ReadOptions = {}): AuditResult | null {
  const body = doc.body ?? doc.documentElement;
  if (!body) return null;
  // The body's lines, read once: a flattened report's rows are rebuilt from them, its table lines left out of
  // the prose, and its metadata read from those above the report.
  let whole: SubtreeLines | undefined;
  const bodyLines = () => (whole ??= wholeTextLines(body)).lines;
  // An archived copy's toolbar (web.archive.org) is not part of the report: its tables are neither read nor counted.
  const tables = Array.from(body.getElementsByTagName('table')).filter((t) => !t.closest(ARCHIVE_CHROME_SELECTOR));
  const { rows, cuts } = readTables(tables, read);
  let extracted = extractAll(rows);
  if (!withCells(extracted).some((t) => PROVES_REPORT.has(t.table))) {
    const bodyText = body.textContent ?? '';
    if (TABLE_SIGNATURE.test(bodyText)) {
      // Tables flattened to one cell per line: rebuild rows from the page's text lines.
      const fromLines = extractAll(rowsOfLines(bodyLines(), LINE_LABELS));
      if (withCells(fromLines).length > withCells(extracted).length) extracted = fromLines;
    }
    // Tables with a reader of their own (the legacy 统计表): only when no current-form table was read.
    for (const t of REPORT_TABLES) {
      if (!('own' in t.read) || withCells(extracted).length || !t.read.signature.test(bodyText)) continue;
      const own = t.read.own(rows);
      if (own) extracted.push(own);
    }
  } else extracted = withTablesAsText(extracted, bodyLines);
  if (!extracted.length) return null;

  const remember = (into: Map<string, Element>, table: TableKey, cells: ReadTable['cells']) => {
    for (const { cell, el } of cells) {
      if (!el) continue;
      into.set(`${table}\u0000${cell.row}\u0000${cell.col}`, el);
      for (const col of cell.covers ?? []) into.set(`${table}\u0000${cell.row}\u0000${col}`, el);
    }
  };
  // Cell → element, built when first asked (marking the page), not on every audit.
  let located: { elements: Map<string, Element>; copyElements: Map<string, Element> } | null = null;
  const locate = () => {
    if (located) return located;
    located = { elements: new Map(), copyElements: new Map() };
    for (const t of extracted) {
      if (!t.cells.length) continue;
      remember(located.elements, t.table, t.cells);
      if (t.copy2) remember(located.copyElements, t.table, t.copy2.cells);
    }
    return located;
  };
  const reportTables: Partial<Record<TableKey, Table>> = {};
  const problems: Finding[] = [];
  for (const t of extracted) {
    problems.push(...t.problems);
    if (!t.cells.length) continue;
    reportTables[t.table] = toTable(t);
  }
  problems.push(...cutTableFindings(cuts, rows, extracted, mayHoldReport));

  // Metadata fields sit above the report; reading only that far keeps the walk short (no walk at all when the
  // whole body was read already).
  const firstTable = firstReportTable(extracted.map((t) => t.cells.map((c) => c.el)));
  const metaLines = whole ? linesUpTo(whole, body, firstTable) : textLines(body, firstTable);
  const meta = readMetadata(doc, metaLines.map((l) => l.text).join('\n'));
  const year = meta.year ? Number(meta.year.value) : null;
  const report: Report = {
    schemaVersion: SCHEMA_VERSION,
    source: {
      title: meta.title,
      ...(source.url ? { url: source.url } : {}), ...(source.file ? { file: source.file } : {}),
      ...(source.archivedAt ? { archivedAt: source.archivedAt } : {}),
    },
    agency: meta.agency?.value ?? null,
    year,
    publishedAt: meta.publishedAt?.value ?? null,
    format: detectFormat(reportTables, year),
    evidence: {
      ...(meta.agency ? { agency: meta.agency } : {}),
      ...(meta.year ? { year: meta.year } : {}),
      ...(meta.publishedAt ? { publishedAt: meta.publishedAt } : {}),
    },
    tables: reportTables,
    findings: [],
    coverage: { relationsChecked: 0, numbersRead: 0, cellsUnreadable: 0, notCheckable: [] },
  };
  // The prose around the tables: the report's own container, read as the reader sees it.
  const tableOf = tableFinder();
  const anchors = extracted.flatMap((t) => t.cells.map((c) => tableOf(c.el) ?? c.el)).filter((e): e is Element => !!e);
  const container = reportContainer([...new Set(anchors)]);
  const lineEls = flattenedTableLines(bodyLines, extracted);
  const article = container ? articleText(container, read.isHidden ?? hiddenByMarkup, lineEls) : undefined;
  if (article) report.article = { text: article.text };
  const checked = checkReport(report);
  report.findings = [...problems, ...checked.findings];
  report.coverage = checked.coverage;
  report.findings.push(...secondCopyFindings(report, extracted));
  // The whole report: its prose against its tables.
  report.findings.push(...proseFindings(report), ...formFindings(report));
  return {
    report,
    ...(article ? { article } : {}),
    elementFor: (table, ref, copy = 1) => {
      const key = `${table}\u0000${ref.row}\u0000${ref.col}`;
      const { elements, copyElements } = locate();
      return (copy === 2 ? copyElements.get(key) : undefined) ?? elements.get(key);
    },
  };
}
