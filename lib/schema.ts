import { z } from 'zod';

/**
 * The one definition of a checked report. Every type in the project comes from here (z.infer),
 * and every export is parsed back through `ReportSchema` before it is offered to a user.
 * Keys are stable and canonical (see lib/tables/dictionary.ts) so data desks can stack many agencies and years.
 */
import { SCHEMA_VERSION } from './schema-version.ts';
import { TABLE_KEYS } from './tables/table-keys.ts';

export { SCHEMA_VERSION };

export const TableKeySchema = z.enum(TABLE_KEYS);
export type TableKey = z.infer<typeof TableKeySchema>;

export const CellStatusSchema = z.enum(['ok', 'blank', 'dash', 'unreadable']);
export type CellStatus = z.infer<typeof CellStatusSchema>;

/**
 * Where a value came from on the page: a grid slot of the n-th <table> (of a Word .docx: its n-th table),
 * the n-th text line of a flattened table, or a grid slot of the n-th table rebuilt from a PDF with the
 * page (1-based) and box [left, top, right, bottom] in points from the page's top left it is printed in.
 */
export const SourceRefSchema = z.union([
  z.object({ kind: z.literal('table'), table: z.number().int(), row: z.number().int(), col: z.number().int() }),
  z.object({ kind: z.literal('line'), line: z.number().int() }),
  z.object({
    kind: z.literal('pdf'),
    table: z.number().int(),
    row: z.number().int(),
    col: z.number().int(),
    page: z.number().int().positive(),
    box: z.tuple([z.number(), z.number(), z.number(), z.number()]),
  }),
]);
export type SourceRef = z.infer<typeof SourceRefSchema>;

export const CellSchema = z.object({
  row: z.string(),
  col: z.string(),
  /** A merged value cell holds ONE number for a group of columns; it is listed once, with the columns it covers. */
  covers: z.array(z.string()).optional(),
  value: z.number().nullable(),
  raw: z.string(),
  status: CellStatusSchema,
  unit: z.string().optional(),
  source: SourceRefSchema.optional(),
});
export type Cell = z.infer<typeof CellSchema>;

export const TableSchema = z.object({
  /** The labels as printed, for readers and for the CSV's label columns. */
  rowLabels: z.record(z.string(), z.string()),
  colLabels: z.record(z.string(), z.string()),
  cells: z.array(CellSchema),
});
export type Table = z.infer<typeof TableSchema>;

export const CellRefSchema = z.object({ row: z.string(), col: z.string() });
export type CellRef = z.infer<typeof CellRefSchema>;

/** A span of the report's article text (`Report.article.text`), quoted: what a `prose.*` finding is about. */
export const TextSpanSchema = z.object({
  quote: z.string(),
  /** Offsets into `Report.article.text`, [start, end). */
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type TextSpan = z.infer<typeof TextSpanSchema>;

/** The other report a `series.*` finding compares with (last year's, say): enough to name it and link to it. */
export const OtherReportSchema = z.object({
  agency: z.string().nullable(),
  year: z.number().int().nullable(),
  source: z.object({ title: z.string(), url: z.string().optional(), file: z.string().optional() }),
  /** Its cells the finding compares with, and what they print. */
  cells: z.array(CellRefSchema.extend({ value: z.number().nullable() })),
});
export type OtherReport = z.infer<typeof OtherReportSchema>;

/** The reader's mark on a finding, kept with the report in the library: checked and true, or set aside. */
export const ReviewSchema = z.object({
  status: z.enum(['confirmed', 'dismissed']),
  note: z.string().optional(),
  /** When it was marked (ISO 8601). */
  at: z.string(),
});
export type Review = z.infer<typeof ReviewSchema>;

/**
 * What a relation finding's figures assume or leave out, which its message also says in Chinese: `blanks_as_zero`
 * (blank cells were added as 0), `one_side_blank` (one side is entirely blank, perhaps just not reported),
 * `lower_bound` (parts could not be read, so `expected` is only what the parts read add up to: a lower bound).
 */
export const FindingCaveatSchema = z.enum(['blanks_as_zero', 'one_side_blank', 'lower_bound']);
export type FindingCaveat = z.infer<typeof FindingCaveatSchema>;

export const FindingSchema = z.object({
  id: z.string(),
  rule: z.string(),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
  /** The table whose cells it marks; null for a finding about the whole report (its form, say). */
  table: TableKeySchema.nullable(),
  cells: z.array(CellRefSchema),
  expected: z.number().nullable(),
  actual: z.number().nullable(),
  /** What its figures assume or leave out, in the order the message says it; absent when nothing. */
  caveats: z.array(FindingCaveatSchema).optional(),
  /** A finding across reports names the other report. */
  other: OtherReportSchema.optional(),
  /** A finding about the prose quotes its sentence. */
  text: TextSpanSchema.optional(),
  /** The reader's review (已核实 / 已忽略), from the library; absent when not reviewed. */
  review: ReviewSchema.optional(),
});
export type Finding = z.infer<typeof FindingSchema>;

/** A relation the checks meant to evaluate and could not (fully): named, with why, and the finding that says so. */
export const NotCheckableSchema = z.object({
  /** The relation's own id, e.g. `table3:balance:natural_person`. */
  id: z.string(),
  rule: z.string(),
  table: TableKeySchema,
  /** What the relation is about, as in its messages. */
  subject: z.string(),
  /** Why, in plain Chinese: what is missing or unreadable. */
  reason: z.string(),
  /** The finding (a warning) that names this gap to the reader. */
  findingId: z.string(),
});
export type NotCheckable = z.infer<typeof NotCheckableSchema>;

/**
 * What the checks covered, so a clean verdict can say so ("已核对 N 项关系，读取 M 个数字") and a verdict
 * with gaps can say what it did not cover.
 */
export const CoverageSchema = z.object({
  /** Relations evaluated in full (whether they held or not). */
  relationsChecked: z.number().int().nonnegative(),
  /** Cells read as a number (status ok), over every table. */
  numbersRead: z.number().int().nonnegative(),
  /** Cells whose text is not a readable number (status unreadable). */
  cellsUnreadable: z.number().int().nonnegative(),
  notCheckable: z.array(NotCheckableSchema),
});
export type Coverage = z.infer<typeof CoverageSchema>;

export const FormatSchema = z.enum(['2021', '2019', 'legacy', 'unknown']);
export type Format = z.infer<typeof FormatSchema>;

/** A metadata fact with the text it was read from, so a reader can see why we think so. */
export const EvidenceSchema = z.object({ value: z.string(), evidence: z.string() });
export type Evidence = z.infer<typeof EvidenceSchema>;

/**
 * What a JSON export names in `$schema`: the JSON Schema generated from `ReportSchema` (`npm run audit -- --schema`;
 * shipped in the extension as `schema/report.schema.json`) carries it as its `$id`. A name, not an address.
 */
export const REPORT_SCHEMA_ID = `urn:nianbao-check:report-schema:${SCHEMA_VERSION}`;

export const ReportSchema = z.object({
  /** Set by the JSON export; absent on a report inside the extension. */
  $schema: z.literal(REPORT_SCHEMA_ID).optional(),
  schemaVersion: z.literal(SCHEMA_VERSION),
  source: z.object({
    title: z.string(),
    /** The report's own address (for an archived copy: the original's, read from the archive's URL). */
    url: z.string().optional(),
    file: z.string().optional(),
    /** The archived copy it was read from (web.archive.org), when it was. */
    archivedAt: z.string().optional(),
  }),
  agency: z.string().nullable(),
  year: z.number().int().nullable(),
  publishedAt: z.string().nullable(),
  format: FormatSchema,
  evidence: z.object({
    agency: EvidenceSchema.optional(),
    year: EvidenceSchema.optional(),
    publishedAt: EvidenceSchema.optional(),
  }),
  /** Each report table read, by key (lib/tables/table-keys.ts). */
  tables: z.object(Object.fromEntries(TABLE_KEYS.map((key) => [key, TableSchema.optional()])) as Record<TableKey, z.ZodOptional<typeof TableSchema>>),
  findings: z.array(FindingSchema),
  coverage: CoverageSchema,
  /**
   * The article's text outside the tables (headings and paragraphs, one per line), which the `prose.*` and
   * `form.*` rules read and `Finding.text` points into. Absent when the report was not read from an article.
   */
  article: z.object({ text: z.string() }).optional(),
});
export type Report = z.infer<typeof ReportSchema>;
