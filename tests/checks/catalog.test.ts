import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES, ruleInfo } from '@/lib/checks/catalog.ts';
import { ruleLabel } from '@/components/labels.ts';
import { auditHtml, FIXTURES } from '../support/audit-html.ts';

const ROOT = join(import.meta.dirname, '..', '..');

describe('the rule catalog (lib/checks/catalog.ts)', () => {
  it('names every rule any check emits on the fixtures, in findings and in the coverage', () => {
    const emitted = new Map<string, Set<string>>();
    for (const file of readdirSync(FIXTURES).filter((f) => f.endsWith('.html'))) {
      const report = auditHtml(readFileSync(join(FIXTURES, file), 'utf8'))?.report;
      if (!report) continue;
      for (const { rule, severity } of report.findings) emitted.set(rule, (emitted.get(rule) ?? new Set()).add(severity));
      for (const { rule } of report.coverage.notCheckable) emitted.set(rule, emitted.get(rule) ?? new Set());
    }
    // The fixtures exercise most rules; every one of them must be in the catalog.
    expect([...emitted.keys()]).toEqual(expect.arrayContaining(['table3.row_total', 'table3.balance', 'layout', 'blank_cells']));
    for (const [rule, severities] of emitted) {
      const info = ruleInfo(rule);
      expect(info, `rule ${rule} is not in the catalog`).toBeDefined();
      // A rule declared a warning never raises an error (relations raise both).
      if (info!.severity === 'warning') expect([...severities]).not.toContain('error');
    }
  });

  it('has one entry per id, each with the convention’s prefix, a name and a worked example in both languages', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of RULES) {
      expect(r.id).toMatch(/^(?:(?:table2|table3|table4|legacy|series|prose|form)\.[a-z][a-z0-9_]*|layout|blank_cells|plausibility)$/);
      expect(r.name.zh && r.name.en).toBeTruthy();
      expect(r.explain.zh).toMatch(/例/);
      expect(r.explain.en).toMatch(/Example/);
      expect(ruleLabel(r.id)).toBe(r.name.zh);
    }
  });

  it('is where the UI takes rule ids from: none is spelled as a string in components/ or entrypoints/', () => {
    const files = (dir: string): string[] =>
      readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? files(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
      );
    for (const file of [...files('components'), ...files('entrypoints')]) {
      const text = readFileSync(join(ROOT, file), 'utf8');
      for (const { id } of RULES) expect(text, `${file} spells ${id}`).not.toMatch(new RegExp(`['"\`]${id.replace('.', '\\.')}['"\`]`));
    }
  });
});
