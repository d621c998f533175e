// Every fixture against its hand-written expectations (tests/fixtures/expected.json): every number under
// its canonical key, the report's metadata, and exactly the broken relations that are really there.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import type { Report } from '../lib/schema.ts';
import { auditHtml, browserDocument, FIXTURES, fixture } from './support/audit-html.ts';
import { auditDocument } from '../lib/audit.ts';

type Expected = number | 'blank' | 'dash';
interface FixtureExpectation {
  isReport: boolean;
  format: string | null;
  year: number | null;
  agency: string | null;
  agencyAliases?: string[];
  publishedAt?: string;
  injectedAfterMs?: number;
  table2?: Record<string, Record<string, Expected>> | null;
  table3?: Record<string, Record<string, Expected | boolean>> | null;
  table4?: Record<string, Expected> | null;
  legacy?: Record<string, Expected> | null;
  errors: { table: string; rule: string; cells: [string, string][] }[];
}

const expectations: Record<string, FixtureExpectation> = JSON.parse(readFileSync(join(FIXTURES, 'expected.json'), 'utf8'));

function actual(report: Report, table: keyof Report['tables'], row: string, col: string): Expected | undefined {
  const cell = report.tables[table]?.cells.find((c) => c.row === row && c.col === col);
  if (!cell) return undefined;
  if (cell.status === 'ok') return cell.value!;
  if (cell.status === 'unreadable') return undefined;
  return cell.status;
}

/** Injected pages: run the page's own inline script (its timer fired at once) against the parsed DOM. */
function load(name: string, e: FixtureExpectation): Document {
  const html = fixture(name);
  const doc = browserDocument(html);
  if (e.injectedAfterMs) {
    const script = [...html.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n');
    runInNewContext(script, { document: doc, setTimeout: (fn: () => void) => fn() });
  }
  return doc;
}

for (const [name, e] of Object.entries(expectations)) {
  describe(name, () => {
    if (!e.isReport) {
      it('is not taken for a report', () => expect(auditHtml(fixture(name))).toBeNull());
      return;
    }
    const result = e.injectedAfterMs ? auditDocument(load(name, e), {}) : auditHtml(fixture(name));
    const report = result?.report as Report;

    it('is read as a report with its metadata', () => {
      expect(report).toBeTruthy();
      expect(report.format).toBe(e.format);
      expect(report.year).toBe(e.year);
      expect([e.agency, ...(e.agencyAliases ?? [])]).toContain(report.agency);
      if (e.publishedAt) expect(report.publishedAt).toBe(e.publishedAt);
    });

    it('holds every expected number under its canonical key', () => {
      const want: string[] = [];
      const got: string[] = [];
      const compare = (table: keyof Report['tables'], row: string, col: string, value: Expected) => {
        want.push(`${table}.${row}.${col}=${value}`);
        got.push(`${table}.${row}.${col}=${actual(report, table, row, col)}`);
      };
      for (const [row, cols] of Object.entries(e.table3 ?? {}))
        for (const [col, v] of Object.entries(cols)) if (col !== 'spans_all') compare('table3', row, col, v as Expected);
      for (const [col, v] of Object.entries(e.table4 ?? {})) compare('table4', 'count', col, v);
      for (const [row, cols] of Object.entries(e.table2 ?? {})) for (const [col, v] of Object.entries(cols)) compare('table2', row, col, v);
      for (const [row, v] of Object.entries(e.legacy ?? {})) compare('legacy', row, 'value', v);
      expect(got).toEqual(want);
    });

    it('reports exactly the relations that are really broken', () => {
      const errors = report.findings.filter((f) => f.severity === 'error');
      const key = (table: string, cells: { row: string; col: string }[]) => `${table}:${cells.map((c) => `${c.row}.${c.col}`).sort().join(',')}`;
      const got = errors.map((f) => key(f.table ?? 'report', f.cells)).sort();
      const want = e.errors.map((x) => key(x.table, x.cells.map(([row, col]) => ({ row, col })))).sort();
      expect(got).toEqual(want);
    });
  });
}
