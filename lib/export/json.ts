import { REPORT_SCHEMA_ID, ReportSchema, type Report } from '../schema.ts';

/**
 * The report as JSON, naming its JSON Schema in `$schema`, parsed back through the zod schema first: what is
 * offered is what the schema promises.
 */
export function exportJson(report: Report | Report[]): string {
  const checked = (r: Report) => ReportSchema.parse({ ...r, $schema: REPORT_SCHEMA_ID });
  return `${JSON.stringify(Array.isArray(report) ? report.map(checked) : checked(report), null, 2)}\n`;
}
