/**
 * The pipeline, page in → checked report out: detect → read rows (tables, else flattened lines) →
 * extract tables 2/3/4 and the legacy 统计表 → metadata → checks. Pure DOM reading: runs in the page
 * (content script), in Node (CLI, with linkedom) and in tests (happy-dom). It never writes to the page.
 */
import type { CellRef, Finding, Format, Report, Table, TableKey } from './schema.ts';
import { SCHEMA_VERSION } from './schema-version.ts';
import { TABLE2_ROWS, TABLE3_ROWS } from './dictionary.ts';
import { extractTable, headerClassifier, type ExtractedTable, type TableSpec } from './extract-table.ts';
import { table2Spec } from './table2-spec.ts';
import { table3Spec } from './table3-spec.ts';
import { table4Spec } from './table4-spec.ts';
import { extractLegacy, LEGACY_SIGNATURE } from './extract-legacy.ts';
import { rowsOfTables, type TableRow } from './table-rows.ts';
import { rowsOfLines, textLines } from './flattened-lines.ts';
import { readMetadata } from './report-metadata.ts';
import { checkReport } from './checks/index.ts';

export interface AuditSource {
  url?: string;
  file?: string;
}

export interface AuditResult {
  report: Report;
  /** The page element a model cell was read from (for marking it in place). */
  elementFor(table: TableKey, ref: CellRef): Element | undefined;
}

const REPORT_WORDS = /(?:政府信息公开|政务公开|信息公开).{0,6}(?:年度报告|年报|工作报告)|年度报告/;
/** Words only the report's own tables print. */
const TABLE_SIGNATURE = /申请人情况|本年新收政府信息公开申请|本年度办理结果|结转下年度继续办理|行政复议.{0,4}行政诉讼|第二十条第/;

/**
 * Cheap first test, run on every .gov.cn page: does the title, the CMS's ArticleTitle meta, or one of the
 * first headings name an annual report, or do its first tables carry a report table's own words?
 */
export function looksLikeReport(doc: Document): boolean {
  if (REPORT_WORDS.test(doc.title)) return true;
  const meta = doc.querySelector('meta[name="ArticleTitle"]')?.getAttribute('content');
  if (meta && REPORT_WORDS.test(meta)) return true;
  for (const tag of ['h1', 'h2']) {
    const headings = doc.getElementsByTagName(tag);
    for (let i = 0; i < headings.length && i < 3; i++) if (REPORT_WORDS.test(headings[i].textContent ?? '')) return true;
  }
  // A generic page title over a report: the report's own tables say so. Innermost tables only, so a
  // page laid out in one big table is not read whole.
  const tables = doc.getElementsByTagName('table');
  for (let i = 0, seen = 0; i < tables.length && seen < 8; i++) {
    if (tables[i].getElementsByTagName('table').length) continue;
    seen++;
    if (TABLE_SIGNATURE.test(tables[i].textContent ?? '')) return true;
  }
  return false;
}

/** Could this text (a page's source, say) hold a report table at all? Tables always print these words. */
export function mayHoldReport(text: string): boolean {
  return TABLE_SIGNATURE.test(text) || LEGACY_SIGNATURE.test(text);
}

const SPECS: TableSpec[] = [table2Spec, table3Spec, table4Spec];

function extractAll(rows: TableRow[]): ExtractedTable[] {
  const headerOf = headerClassifier(SPECS);
  return SPECS.map((spec) => extractTable(spec, rows, headerOf)).filter((t): t is ExtractedTable => !!t && t.cells.length > 0);
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

/** Full audit of a document; null when no report table is found. */
export function auditDocument(doc: Document, source: AuditSource = {}): AuditResult | null {
  const body = doc.body ?? doc.documentElement;
  if (!body) return null;
  const tables = Array.from(body.getElementsByTagName('table'));
  const rows = rowsOfTables(tables);
  let extracted = extractAll(rows);
  if (!extracted.some((t) => t.table === 'table3' || t.table === 'table4')) {
    const bodyText = body.textContent ?? '';
    if (TABLE_SIGNATURE.test(bodyText)) {
      // Tables flattened to one cell per line: rebuild rows from the page's text lines.
      const fromLines = extractAll(rowsOfLines(textLines(body), [...TABLE2_ROWS, ...TABLE3_ROWS]));
      if (fromLines.length > extracted.length) extracted = fromLines;
    }
    const legacy = extracted.length || !LEGACY_SIGNATURE.test(bodyText) ? null : extractLegacy(rows);
    if (legacy) extracted.push(legacy);
  }
  if (!extracted.length) return null;

  const elements = new Map<string, Element>();
  const reportTables: Partial<Record<TableKey, Table>> = {};
  const problems: Finding[] = [];
  for (const t of extracted) {
    reportTables[t.table] = { rowLabels: t.rowLabels, colLabels: t.colLabels, cells: t.cells.map((c) => c.cell) };
    for (const { cell, el } of t.cells) {
      if (!el) continue;
      elements.set(`${t.table}\u0000${cell.row}\u0000${cell.col}`, el);
      for (const col of cell.covers ?? []) elements.set(`${t.table}\u0000${cell.row}\u0000${col}`, el);
    }
    problems.push(...t.problems);
  }

  // Metadata fields sit above the report; reading only that far keeps the walk short.
  const meta = readMetadata(doc, textLines(body, firstReportElement(extracted)).map((l) => l.text).join('\n'));
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
  return {
    report,
    elementFor: (table, ref) => elements.get(`${table}\u0000${ref.row}\u0000${ref.col}`),
  };
}
