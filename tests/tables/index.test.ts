import { describe, expect, it } from 'vitest';
import { REPORT_TABLES, TABLE_KEYS, reportTable } from '@/lib/tables/index.ts';
import { printedColumnKeys } from '@/lib/tables/report-table.ts';
import { ReportSchema, TableKeySchema } from '@/lib/schema.ts';
import { tableLabel } from '@/components/labels.ts';
import { setLanguage } from '@/components/i18n.ts';

describe('the report tables (lib/tables/index.ts)', () => {
  it('are listed once, in the order a report prints them, and the schema takes its keys from that list', () => {
    expect(REPORT_TABLES.map((t) => t.key)).toEqual(['table2', 'table3', 'table4', 'legacy']);
    expect(TableKeySchema.options).toEqual([...TABLE_KEYS]);
    expect(Object.keys(ReportSchema.shape.tables.shape)).toEqual([...TABLE_KEYS]);
  });

  it('each is a whole unit: its engine spec reads its own key, its keys are unique, its groups cover its columns', () => {
    for (const t of REPORT_TABLES) {
      if ('engine' in t.read) expect(t.read.engine.table).toBe(t.key);
      const cols = t.columns.map((c) => c.key);
      expect(new Set(cols).size).toBe(cols.length);
      expect(new Set(t.rows.map((r) => r.key)).size).toBe(t.rows.length);
      for (const g of t.groups) for (const c of g.covers) expect(cols).toContain(c);
      setLanguage('zh');
      expect(tableLabel(t.key)).toBe(t.label);
    }
  });

  it('print a merged group just before the first column it covers (Table 3: 自然人, 法人或其他组织, 商业企业…)', () => {
    expect(printedColumnKeys(reportTable('table3')).slice(0, 3)).toEqual(['natural_person', 'legal_person', 'commercial']);
    expect(printedColumnKeys(reportTable('table2'))).toEqual(reportTable('table2').columns.map((c) => c.key));
  });
});
