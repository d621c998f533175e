/**
 * The pipeline, page in → checked report out: detect → read rows (tables, else flattened lines) →
 * extract tables 2/3/4 and the legacy 统计表 → metadata → checks. Pure DOM reading: runs in the page
 * (content script), in Node (CLI, with linkedom) and in tests (happy-dom). It never writes to the page.
 */
import { ARCHIVE_CHROME_SELECTOR } from './archive-url.ts';
import type { CellRef, Finding, Format, Report, Table, TableKey } from './schema.ts';
import { SCHEMA_VERSION } from './schema-version.ts';
import { TABLE2_ROWS, TABLE3_ROWS } from './tables/dictionary.ts';
import { extractTable, headerClassifier, type ExtractedTable, type ReadTable, type TableSpec } from './tables/extract-table.ts';
import { table2Spec } from './tables/table2.ts';
import { table3Spec } from './tables/table3.ts';
import { table4Spec } from './tables/table4.ts';
import { extractLegacy } from './tables/legacy.ts';
import { LEGACY_SIGNATURE, mayHoldReport, TABLE_SIGNATURE } from './report-detection.ts';
import { readTables, type ReadOptions, type TableRow } from './read/table-rows.ts';
import { cutTableFindings } from './read/cut-tables.ts';
import { rowsOfLines, textLines } from './read/flattened-lines.ts';
import { readMetadata } from './report-metadata.ts';
import { checkReport, runChecks } from './checks/index.ts';

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
}


const SPECS: TableSpec[] = [table2Spec, table3Spec, table4Spec];

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

function detectFormat(tables: Partial<Record<TableKey, Table>>, year: number | null): Format {
  const has = (key: TableKey, pred: (row: string, col: string) => boolean) =>
    !!tables[key]?.cells.some((c) => pred(c.row, c.col));
  if (has('table3', (r) => r.startsWith('other_') && r !== 'other') || has('table2', (_r, c) => ['issued', 'repealed', 'in_force', 'fee_amount'].includes(c)))
    return '2021';
  if (has('table3', (r) => r === 'other') || has('table2', (_r, c) => ['new_made', 'prev_year_items', 'procurement_items'].includes(c)))
    return year !== null && year >= 2021 ? '2021' : '2019';
  if (tables.legacy) return 'legacy';
  if (tables.table3 || tables.table4) return year !== null && year >= 2021 ? '2021' : '2019';
  return 'unknown';
}

/** The element before which the metadata is read: the report's first table (or first flattened line). */
function firstReportElement(extracted: ExtractedTable[]): Element | undefined {
  const first = extracted.flatMap((t) => t.cells.slice(0, 1)).find((c) => c.el)?.el ?? undefined;
  return first?.closest('table') ?? first;
}

/** Full audit of a document; null when no report table is found. `read.isHidden`: what the reader cannot see. */
export function auditDocument(doc: Document, source: AuditSource = {}, read: ReadOptions = {}): AuditResult | null {
  const body = doc.body ?? doc.documentElement;
  if (!body) return null;
  // An archived copy's toolbar (web.archive.org) is not part of the report: its tables are neither read nor counted.
  const tables = Array.from(body.getElementsByTagName('table')).filter((t) => !t.closest(ARCHIVE_CHROME_SELECTOR));
  const { rows, cuts } = readTables(tables, read);
  let extracted = extractAll(rows);
  if (!withCells(extracted).some((t) => t.table === 'table3' || t.table === 'table4')) {
    const bodyText = body.textContent ?? '';
    if (TABLE_SIGNATURE.test(bodyText)) {
      // Tables flattened to one cell per line: rebuild rows from the page's text lines.
      const fromLines = extractAll(rowsOfLines(textLines(body), [...TABLE2_ROWS, ...TABLE3_ROWS]));
      if (withCells(fromLines).length > withCells(extracted).length) extracted = fromLines;
    }
    const legacy = withCells(extracted).length || !LEGACY_SIGNATURE.test(bodyText) ? null : extractLegacy(rows);
    if (legacy) extracted.push(legacy);
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
  const meta = readMetadata(doc, textLines(body, firstReportElement(extracted)).map((l) => l.text).join('\n'));
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
