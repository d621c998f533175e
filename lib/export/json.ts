import { ReportSchema, type Report } from '../schema.ts';

/** The report as JSON, parsed back through the schema first: what is offered is what the schema promises. */
export function exportJson(report: Report | Report[]): string {
  const checked = Array.isArray(report) ? report.map((r) => ReportSchema.parse(r)) : ReportSchema.parse(report);
  return `${JSON.stringify(checked, null, 2)}\n`;
}
