/**
 * The pipeline, page in → checked report out: detect → read rows (tables, else flattened lines) →
 * extract tables 2/3/4 and the legacy 统计表 → metadata → checks. Pure DOM reading: runs in the page
 * (content script), in Node (CLI, with linkedom) and in tests (happy-dom). It never writes to the page.
 */
import type { CellRef, Finding, Format, Report, Table, TableKey } from './schema.ts';
import { SCHEMA_VERSION } from './schema-version.ts';
import { REPORT_TABLES } from './tables/index.ts';
import type { FormatTag, KeyDef } from './tables/dictionary.ts';
import { extractTable, headerClassifier, type ExtractedTable, type ReadTable, type TableSpec } from './tables/extract-table.ts';
import { mayHoldReport, TABLE_SIGNATURE } from './report-detection.ts';
import { readTables, type ReadOptions, type TableRow } from './read/table-rows.ts';
import { cutTableFindings } from './read/cut-tables.ts';
import { rowsOfLines, textLines } from './read/flattened-lines.ts';
import { readMetadata } from './report-metadata.ts';
import { firstReportTable } from './first-report-table.ts';
import { checkReport, runChecks } from './checks/index.ts';

export interface AuditSource {
  url?: string;
  file?: string;
}

export interface AuditResult {
  report: Report;
  /**
   * The page element a model cell was read from (for marking it in place); `copy` 2 for the cells of a
   * differing second copy of the tables (the findings whose ids start with `copy2:`).
   */
  elementFor(table: TableKey, ref: CellRef, copy?: 1 | 2): Element | undefined;
}


/** The tables the shared engine reads, from their header specs. */
const SPECS: TableSpec[] = REPORT_TABLES.flatMap((t) => ('engine' in t.read ? [t.read.engine] : []));
/** The tables whose cells make a page a report of the current forms. */
const PROVES_REPORT = new Set(REPORT_TABLES.filter((t) => t.provesReport).map((t) => t.key));
/** Row labels that rebuild rows from the lines of a flattened report. */
const LINE_LABELS = REPORT_TABLES.filter((t) => t.readsFlattenedLines).flatMap((t) => t.rows);

/** Every table read, including one whose rows could not be read at all (its findings say why). */
function extractAll(rows: TableRow[]): ExtractedTable[] {
  const headerOf = headerClassifier(SPECS);
  return SPECS.map((spec) => extractTable(spec, rows, headerOf)).filter((t): t is ExtractedTable => !!t);
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
  return runChecks({ ...report, tables })
    .filter((f) => !firstSeen.has(`${f.id}\u0000${f.message}`))
    .map((f) => ({ ...f, id: `copy2:${f.id}`, message: `（第二份）${f.message}` }));
}

/**
 * The report's form, from the dictionary's format tags: a cell whose row or column only the 2021 form
 * prints makes it 2021; only the 2019 form, 2019 (or 2021 by the year: some 2021 reports keep 2019 rows);
 * only the legacy 统计表, legacy. Tables of the current forms with no such cell go by the year.
 */
function detectFormat(tables: Partial<Record<TableKey, Table>>, year: number | null): Format {
  const byYear: Format = year !== null && year >= 2021 ? '2021' : '2019';
  const only = (defs: KeyDef[], key: string) => {
    const formats = defs.find((d) => d.key === key)?.formats;
    return formats?.length === 1 ? formats[0] : null;
  };
  const tags = new Set<FormatTag>();
  for (const t of REPORT_TABLES)
    for (const c of tables[t.key]?.cells ?? []) {
      const row = only(t.rows, c.row);
      const col = only(t.columns, c.col);
      if (row) tags.add(row);
      if (col) tags.add(col);
    }
  if (tags.has('2021')) return '2021';
  if (tags.has('2019')) return byYear;
  if (tags.has('legacy')) return 'legacy';
  if (REPORT_TABLES.some((t) => t.provesReport && tables[t.key])) return byYear;
  return 'unknown';
}


/** Full audit of a document; null when no report table is found. `read.isHidden`: what the reader cannot see. */
export function auditDocument(doc: Document, source: AuditSource = {}, read: ReadOptions = {}): AuditResult | null {
  const body = doc.body ?? doc.documentElement;
  if (!body) return null;
  const tables = Array.from(body.getElementsByTagName('table'));
  const { rows, cuts } = readTables(tables, read);
  let extracted = extractAll(rows);
  if (!withCells(extracted).some((t) => PROVES_REPORT.has(t.table))) {
    const bodyText = body.textContent ?? '';
    if (TABLE_SIGNATURE.test(bodyText)) {
      // Tables flattened to one cell per line: rebuild rows from the page's text lines.
      const fromLines = extractAll(rowsOfLines(textLines(body), LINE_LABELS));
      if (withCells(fromLines).length > withCells(extracted).length) extracted = fromLines;
    }
    // Tables with a reader of their own (the legacy 统计表): only when no current-form table was read.
    for (const t of REPORT_TABLES) {
      if (!('own' in t.read) || withCells(extracted).length || !t.read.signature.test(bodyText)) continue;
      const own = t.read.own(rows);
      if (own) extracted.push(own);
    }
  }
  if (!extracted.length) return null;

  const elements = new Map<string, Element>();
  const copyElements = new Map<string, Element>();
  const remember = (into: Map<string, Element>, table: TableKey, cells: ReadTable['cells']) => {
    for (const { cell, el } of cells) {
      if (!el) continue;
      into.set(`${table}\u0000${cell.row}\u0000${cell.col}`, el);
      for (const col of cell.covers ?? []) into.set(`${table}\u0000${cell.row}\u0000${col}`, el);
    }
  };
  const reportTables: Partial<Record<TableKey, Table>> = {};
  const problems: Finding[] = [];
  for (const t of extracted) {
    problems.push(...t.problems);
    if (!t.cells.length) continue;
    reportTables[t.table] = toTable(t);
    remember(elements, t.table, t.cells);
    if (t.copy2) remember(copyElements, t.table, t.copy2.cells);
  }
  problems.push(...cutTableFindings(cuts, rows, extracted, mayHoldReport));

  // Metadata fields sit above the report; reading only that far keeps the walk short.
  const meta = readMetadata(doc, textLines(body, firstReportTable(extracted.map((t) => t.cells.map((c) => c.el)))).map((l) => l.text).join('\n'));
  const year = meta.year ? Number(meta.year.value) : null;
  const report: Report = {
    schemaVersion: SCHEMA_VERSION,
    source: { title: meta.title, ...(source.url ? { url: source.url } : {}), ...(source.file ? { file: source.file } : {}) },
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
  const checked = checkReport(report);
  report.findings = [...problems, ...checked.findings];
  report.coverage = checked.coverage;
  report.findings.push(...secondCopyFindings(report, extracted));
  return {
    report,
    elementFor: (table, ref, copy = 1) => {
      const key = `${table}\u0000${ref.row}\u0000${ref.col}`;
      return (copy === 2 ? copyElements.get(key) : undefined) ?? elements.get(key);
    },
  };
}
