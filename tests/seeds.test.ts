// The seeds rebuilt as HTML pages (tests/fixtures/seed-*.html): every number under canonical keys,
// exactly the mismatches that are really there, and the same result from the browser DOM and the CLI's.
import { describe, expect, it } from 'vitest';
import { auditHtml, cellValue, errors, fixture } from './support/audit-html.ts';

describe('seed 000 (2019 format, merged value cells, really broken)', () => {
  const { report } = auditHtml(fixture('seed-000-xinanjiang-2019.html'))!;

  it('reads metadata and format', () => {
    expect(report.format).toBe('2019');
    expect(report.year).toBe(2019);
    expect(report.agency).toBe('新安江街道');
  });

  it('keeps a value merged over the five 法人或其他组织 columns as ONE group value', () => {
    const row = report.tables.table3!.cells.filter((c) => c.row === 'new_received');
    expect(row.map((c) => [c.col, c.value])).toEqual([
      ['natural_person', 0],
      ['legal_person', 1],
      ['total', 1],
    ]);
    expect(row[1].covers).toEqual(['commercial', 'research', 'social_welfare', 'legal_service', 'other_org']);
    expect(cellValue(report, 'table3', 'new_received', 'commercial')).toBeUndefined();
    expect(cellValue(report, 'table3', 'carried_over', 'legal_person')).toBe(6);
  });

  it('reads a row written as one figure across all seven columns as that row’s total', () => {
    const cell = report.tables.table3!.cells.find((c) => c.row === 'results_total')!;
    expect(cell).toMatchObject({ col: 'total', value: 0 });
    expect(cell.covers).toHaveLength(7);
    expect(cellValue(report, 'table3', 'ignored_mass_repeat', 'total')).toBe('blank');
  });

  it('finds exactly the real balance mismatch: 一 + 二 = 7 but 三(七) + 四 = 0', () => {
    const found = errors(report);
    expect(found.map((f) => f.id)).toEqual(['table3:balance:total']);
    expect(found[0]).toMatchObject({ actual: 7, expected: 0 });
    expect(found[0].message).toContain('1 + 二、上年结转 6 = 7');
    expect(found[0].cells).toEqual([
      { row: 'new_received', col: 'total' },
      { row: 'carried_over', col: 'total' },
      { row: 'results_total', col: 'total' },
      { row: 'carried_forward', col: 'total' },
    ]);
  });

  it('reads Table 2 with / as not applicable and Table 4’s 15 numbers', () => {
    expect(cellValue(report, 'table2', 'regulations', 'new_made')).toBe('dash');
    expect(report.tables.table4!.cells).toHaveLength(15);
  });
});

describe('seed 002 (2019 format, labels broken by <br>, clean)', () => {
  const { report } = auditHtml(fixture('seed-002-chanba-2020.html'))!;
  it('reads all 7 × 23 Table 3 cells (2019 rows) and raises nothing', () => {
    expect(report.tables.table3!.cells).toHaveLength(7 * 23);
    expect(Object.keys(report.tables.table3!.colLabels)).toEqual([
      'natural_person', 'commercial', 'research', 'social_welfare', 'legal_service', 'other_org', 'total',
    ]);
    expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(report.format).toBe('2019');
  });
});

describe('seed 003 (tables flattened to one <p> per cell, 自然人 header missing)', () => {
  const { report } = auditHtml(fixture('seed-003-ziyang-2020-flattened.html'))!;
  it('rebuilds Table 2 with units, negatives and split labels', () => {
    expect(cellValue(report, 'table2', 'licensing', 'prev_year_items')).toBe(19034);
    expect(cellValue(report, 'table2', 'licensing', 'change')).toBe(-9539);
    expect(cellValue(report, 'table2', 'licensing', 'decisions')).toBe(9495);
    expect(cellValue(report, 'table2', 'other_services', 'decisions')).toBe(0);
    expect(cellValue(report, 'table2', 'normative_documents', 'new_made')).toBe(21);
    const amount = report.tables.table2!.cells.find((c) => c.row === 'procurement' && c.col === 'procurement_amount')!;
    expect(amount).toMatchObject({ value: 25795, unit: '万元', raw: '25795万元' });
    expect(cellValue(report, 'table2', 'procurement', 'procurement_items')).toBe(625);
  });
  it('rebuilds Table 3 and 4 with every cell pointing at its paragraph', () => {
    expect(report.tables.table3!.cells).toHaveLength(7 * 23);
    expect(cellValue(report, 'table3', 'new_received', 'natural_person')).toBe(0);
    expect(report.tables.table4!.cells).toHaveLength(15);
    expect(report.tables.table3!.cells.every((c) => c.source?.kind === 'line')).toBe(true);
    expect(errors(report)).toEqual([]);
  });
  it('keeps the columns of Table 2 (一) in printed order', () => {
    const cols = report.tables.table2!.cells.filter((c) => c.row === 'regulations').map((c) => c.col);
    expect(cols).toEqual(['new_made', 'new_published', 'total_published']);
  });
});

describe('seed 001 (legacy 统计表, value written in the 单位 column)', () => {
  const { report } = auditHtml(fixture('seed-001-xiachuan-2017-legacy.html'))!;
  it('reads each indicator with its unit wherever the number sits', () => {
    expect(report.format).toBe('legacy');
    const t = report.tables.legacy!;
    const proactive = t.cells.find((c) => c.row === 'proactive_total')!;
    expect(proactive).toMatchObject({ value: 78, unit: '条' });
    expect(cellValue(report, 'legacy', 'staff_total', 'value')).toBe(1);
    expect(cellValue(report, 'legacy', 'staff_part_time', 'value')).toBe(1);
    expect(cellValue(report, 'legacy', 'reading_points', 'value')).toBe('blank');
    expect(cellValue(report, 'legacy', 'trainees', 'value')).toBe(12);
    expect(t.cells.filter((c) => c.row.startsWith('type_'))).toHaveLength(18);
    expect(errors(report)).toEqual([]);
  });
});

describe('seed 004 (a work plan, not a report)', () => {
  it('is not taken for a report', () => {
    expect(auditHtml(fixture('seed-004-longjiaquan-plan.html'))).toBeNull();
  });
});

describe('the CLI’s DOM (linkedom) and the browser’s (happy-dom) agree', () => {
  for (const name of ['seed-000-xinanjiang-2019.html', 'seed-002-chanba-2020.html', 'seed-003-ziyang-2020-flattened.html', 'seed-001-xiachuan-2017-legacy.html']) {
    it(name, () => {
      const html = fixture(name);
      expect(auditHtml(html, 'node')!.report).toEqual(auditHtml(html, 'browser')!.report);
    });
  }
});
