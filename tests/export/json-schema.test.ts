/**
 * The published JSON Schema: generated from the zod model, shipped as public/schema/report.schema.json (kept
 * equal here), and checked by an independent validator (ajv, strict, draft 2020-12) against every JSON export
 * the fixtures (and ../shared/corpus, when present) produce — and against exports broken on purpose.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import Ajv2020 from 'ajv/dist/2020.js';
import { exportJson } from '@/lib/export/json.ts';
import { reportJsonSchema, reportJsonSchemaText } from '@/lib/export/json-schema.ts';
import { REPORT_SCHEMA_ID, ReportSchema, type Report } from '@/lib/schema.ts';
import { auditedReports } from '../support/audit-html.ts';
import { fakeReport, finding } from '../support/fake-report.ts';

const SHIPPED = join(import.meta.dirname, '..', '..', 'public', 'schema', 'report.schema.json');


const reports = auditedReports();
// Validate against the shipped file, not the generator's output: it is what data desks get.
const shipped = JSON.parse(readFileSync(SHIPPED, 'utf8'));
const ajv = new Ajv2020({ strict: true, allErrors: true });
const validate = ajv.compile(shipped);
const errorsOf = (data: unknown) => (validate(data) ? [] : validate.errors!.map((e) => `${e.instancePath} ${e.message}`));

describe('the published JSON Schema', () => {
  it('is the one generated from ReportSchema (run `npm run audit -- --schema > public/schema/report.schema.json` after changing the model)', () => {
    expect(readFileSync(SHIPPED, 'utf8')).toBe(reportJsonSchemaText());
  });

  it('is draft 2020-12, with the $id that the exports name in $schema', () => {
    expect(shipped.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(shipped.$id).toBe(REPORT_SCHEMA_ID);
    expect(reportJsonSchema().$id).toBe(REPORT_SCHEMA_ID);
  });

  it('has reports to validate (the fixtures at least)', () => {
    expect(reports.length).toBeGreaterThanOrEqual(10);
  });

  it.each(reports.map((r) => [r.name, r.report] as const))('%s: its JSON export is valid, names the schema, and still parses with zod', (_name, report) => {
    const json = JSON.parse(exportJson(report));
    expect(json.$schema).toBe(REPORT_SCHEMA_ID);
    expect(errorsOf(json)).toEqual([]);
    expect(ReportSchema.parse(json)).toEqual({ $schema: REPORT_SCHEMA_ID, ...report });
  });

  it('a finding about the whole report, across reports and on the prose (schema 3 seams) is valid too', () => {
    const report = fakeReport([
      finding({ id: 'a', table: null, rule: 'form.x' }),
      finding({ id: 'b', rule: 'series.x', other: { agency: '某区', year: 2020, source: { title: 't', url: 'http://x.gov.cn/' }, cells: [{ row: 'r', col: 'c', value: null }] } }),
      finding({ id: 'c', rule: 'prose.x', text: { quote: '共收到申请 3 件', start: 0, end: 9 } }),
    ]);
    expect(errorsOf(JSON.parse(exportJson({ ...report, article: { text: '共收到申请 3 件。' } })))).toEqual([]);
  });

  it('a finding’s caveats are valid, an unknown one is refused (by zod and by the published schema)', () => {
    const json = JSON.parse(exportJson(fakeReport([finding({ id: 'a', caveats: ['blanks_as_zero', 'one_side_blank', 'lower_bound'] })])));
    expect(errorsOf(json)).toEqual([]);
    json.findings[0].caveats = ['blank_as_zero'];
    expect(errorsOf(json)).not.toEqual([]);
    expect(ReportSchema.safeParse(json).success).toBe(false);
  });

  it('rejects what zod rejects: a fractional year, an unknown status, an unknown key, a missing coverage, another $schema', () => {
    const good = JSON.parse(exportJson(reports[0].report));
    expect(errorsOf(good)).toEqual([]);
    const broken = (change: (r: Record<string, any>) => void) => {
      const copy = structuredClone(good);
      change(copy);
      expect(ReportSchema.safeParse(copy).success).toBe(false);
      return errorsOf(copy);
    };
    expect(broken((r) => (r.year = 2021.5))).not.toEqual([]);
    expect(broken((r) => (Object.values(r.tables as Record<string, any>)[0].cells[0].status = 'weird'))).not.toEqual([]);
    expect(broken((r) => delete r.coverage)).not.toEqual([]);
    expect(broken((r) => (r.$schema = 'urn:nianbao-check:report-schema:2'))).not.toEqual([]);
    // Unknown keys: zod strips them, the published schema refuses them (a typo in a hand-edited file shows).
    const extra = { ...good, agnecy: 'x' };
    expect(errorsOf(extra)).not.toEqual([]);
  });
});
