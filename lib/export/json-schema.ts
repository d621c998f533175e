import { z } from 'zod';
import { REPORT_SCHEMA_ID, ReportSchema } from '../schema.ts';

/**
 * The published JSON Schema of a report (draft 2020-12), generated from the zod model — never written by hand.
 * Its `$id` is what every JSON export names in `$schema`. Shapes used more than once (a table, a cell
 * reference) are written once under `$defs`.
 */
export function reportJsonSchema(): Record<string, unknown> {
  const { $schema, ...rest } = z.toJSONSchema(ReportSchema, { reused: 'ref' });
  return { $schema, $id: REPORT_SCHEMA_ID, title: '年报核对 report (政府信息公开工作年度报告, checked)', ...rest };
}

/** As shipped in the extension (`schema/report.schema.json`) and printed by `npm run audit -- --schema`. */
export function reportJsonSchemaText(): string {
  return `${JSON.stringify(reportJsonSchema(), null, 2)}\n`;
}
