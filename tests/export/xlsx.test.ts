/**
 * The XLSX export read back by an independent reader (SheetJS, not the library that writes it): every table
 * sheet holds every number of the report as a number cell at its row label and column label, unreadable cells
 * as their raw text, blanks empty; the findings and the metadata sheet say what the JSON says.
 * On every report the fixtures (and ../shared/corpus, when present) produce, and on a hand-built one.
 */
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { exportXlsx, FINDINGS_SHEET, METADATA_SHEET, XLSX_FINDING_COLUMNS } from '@/lib/export/xlsx.ts';
import { reportTable } from '@/lib/tables/index.ts';
import { SCHEMA_VERSION, type Report, type TableKey } from '@/lib/schema.ts';
import { auditedReports } from '../support/audit-html.ts';


const reports = auditedReports();
const TABLE_ORDER: TableKey[] = ['table2', 'table3', 'table4', 'legacy'];

/** A sheet as rows of SheetJS cells (undefined where there is none). */
function cellsOf(ws: XLSX.WorkSheet): (XLSX.CellObject | undefined)[][] {
  const range = XLSX.utils.decode_range(ws['!ref'] ?? 'A1:A1');
  const rows: (XLSX.CellObject | undefined)[][] = [];
  for (let r = range.s.r; r <= range.e.r; r++) {
    const row: (XLSX.CellObject | undefined)[] = [];
    for (let c = range.s.c; c <= range.e.c; c++) row.push(ws[XLSX.utils.encode_cell({ r, c })]);
    rows.push(row);
  }
  return rows;
}

async function workbook(report: Report): Promise<XLSX.WorkBook> {
  const bytes = await exportXlsx(report);
  // A real .xlsx: a zip archive (PK) that an independent reader opens.
  expect([bytes[0], bytes[1]]).toEqual([0x50, 0x4b]);
  return XLSX.read(bytes, { type: 'array' });
}

const text = (c: XLSX.CellObject | undefined) => (c === undefined ? undefined : c.t === 's' ? String(c.v) : undefined);

function expectTablesMatch(report: Report, wb: XLSX.WorkBook) {
  const keys = TABLE_ORDER.filter((k) => report.tables[k]?.cells.length);
  expect(wb.SheetNames).toEqual([...keys.map((k) => reportTable(k).title), FINDINGS_SHEET, METADATA_SHEET]);
  let numbers = 0;
  for (const key of keys) {
    const t = report.tables[key]!;
    const [header, ...rows] = cellsOf(wb.Sheets[reportTable(key).title]);
    const rowKeys = [...new Set(t.cells.map((c) => c.row))];
    // Row labels down the side, in report order; column labels across.
    expect(rows.map((r) => text(r[0]))).toEqual(rowKeys.map((k) => t.rowLabels[k] ?? k));
    expect(header[0]).toBeUndefined();
    let filled = 0;
    for (const c of t.cells) {
      const label = t.colLabels[c.col] ?? (c.col === 'legal_person' ? '法人或其他组织' : c.col);
      const row = rows[rowKeys.indexOf(c.row)];
      // Columns can share a label (legacy tables): the cell is in one of the columns so labelled.
      const candidates = header.flatMap((h, i) => (i > 0 && text(h) === label ? [row[i]] : []));
      expect(candidates.length, `${key} ${c.row}.${c.col}: column “${label}”`).toBeGreaterThan(0);
      if (c.status === 'ok') {
        expect(candidates.some((x) => x?.t === 'n' && x.v === c.value), `${key} ${c.row}.${c.col} = ${c.value}`).toBe(true);
        numbers++;
      } else if (c.raw.trim() === '') {
        expect(candidates.some((x) => x === undefined || x.v === ''), `${key} ${c.row}.${c.col} blank`).toBe(true);
        continue;
      } else expect(candidates.some((x) => x?.t === 's' && x.v === c.raw), `${key} ${c.row}.${c.col} raw “${c.raw}”`).toBe(true);
      filled++;
    }
    // Nothing else in the grid: as many non-empty cells as the table has printed values.
    expect(rows.flatMap((r) => r.slice(1)).filter((x) => x !== undefined && x.v !== '')).toHaveLength(filled);
  }
  return numbers;
}

function expectFindingsAndMetadata(report: Report, wb: XLSX.WorkBook) {
  const [header, ...rows] = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[FINDINGS_SHEET], { header: 1, defval: null });
  expect(header).toEqual(XLSX_FINDING_COLUMNS);
  expect(rows).toEqual(
    report.findings.map((f) => [f.id, f.severity, f.rule, f.table, f.cells.map((c) => `${c.row}.${c.col}`).join(' ') || null, f.actual, f.expected, f.message]),
  );
  const meta = new Map(XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[METADATA_SHEET], { header: 1, defval: null }).map((r) => [r[0], r[2]]));
  expect(meta.get('title')).toBe(report.source.title);
  expect(meta.get('agency')).toBe(report.agency);
  expect(meta.get('year')).toBe(report.year);
  expect(meta.get('publishedAt')).toBe(report.publishedAt);
  expect(meta.get('format')).toBe(report.format);
  expect(meta.get('source.url')).toBe(report.source.url ?? null);
  expect(meta.get('source.file')).toBe(report.source.file ?? null);
  expect(meta.get('schemaVersion')).toBe(SCHEMA_VERSION);
  expect(meta.get('coverage.relationsChecked')).toBe(report.coverage.relationsChecked);
  expect(meta.get('coverage.numbersRead')).toBe(report.coverage.numbersRead);
  expect(meta.get('coverage.cellsUnreadable')).toBe(report.coverage.cellsUnreadable);
  expect(meta.get('coverage.notCheckable')).toBe(report.coverage.notCheckable.length);
  for (const g of report.coverage.notCheckable) expect(meta.get(`coverage.notCheckable.${g.id}`)).toBe(g.reason);
}

describe('XLSX export, read back with SheetJS', () => {
  it('has reports to read (the fixtures at least)', () => {
    expect(reports.length).toBeGreaterThanOrEqual(10);
  });

  it.each(reports.map((r) => [r.name, r.report] as const))('%s: every number a number cell at its labels; findings and metadata', async (_name, report) => {
    const wb = await workbook(report);
    const numbers = expectTablesMatch(report, wb);
    expect(numbers).toBe(report.coverage.numbersRead);
    expectFindingsAndMetadata(report, wb);
  });

  it('keeps unreadable text (formula-like, CJK, emoji) as text, blanks empty, a merged value in its own column', async () => {
    const report: Report = {
      schemaVersion: SCHEMA_VERSION,
      source: { title: '某区"2021"年\n政府信息公开工作年度报告', url: 'http://www.example.gov.cn/a?b=1,2' },
      agency: '=cmd|"/c calc"!A1',
      year: 2021,
      publishedAt: null,
      format: '2021',
      evidence: {},
      tables: {
        table3: {
          rowLabels: { new_received: '一、本年新收', carried_over: '二、上年结转' },
          colLabels: { natural_person: '自然人', commercial: '商业企业', research: '科研机构', total: '总计' },
          cells: [
            { row: 'new_received', col: 'natural_person', value: -9539, raw: '-9,539', status: 'ok' },
            { row: 'new_received', col: 'commercial', value: null, raw: '=1+1', status: 'unreadable' },
            { row: 'new_received', col: 'research', value: null, raw: '007', status: 'unreadable' },
            { row: 'new_received', col: 'total', value: 1.5, raw: '1.50万元', status: 'ok', unit: '万元' },
            { row: 'carried_over', col: 'natural_person', value: null, raw: '', status: 'blank' },
            { row: 'carried_over', col: 'commercial', value: null, raw: '—', status: 'dash' },
            { row: 'carried_over', col: 'total', value: null, raw: '👨‍👩‍👧 十二', status: 'unreadable' },
            { row: 'carried_over', col: 'legal_person', covers: ['commercial', 'research'], value: 12, raw: '12', status: 'ok' },
          ],
        },
      },
      findings: [{ id: 'x', rule: 'table3.row_total', severity: 'error', message: '总计 1.5 ≠ -9539', table: null, cells: [], expected: -9539, actual: 1.5 }],
      coverage: { relationsChecked: 1, numbersRead: 3, cellsUnreadable: 3, notCheckable: [] },
    };
    const wb = await workbook(report);
    expect(expectTablesMatch(report, wb)).toBe(3);
    expectFindingsAndMetadata(report, wb);
    const ws = wb.Sheets[reportTable('table3').title];
    const grid = XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, defval: null });
    expect(grid[0]).toEqual([null, '自然人', '法人或其他组织', '商业企业', '科研机构', '总计']);
    expect(grid[1]).toEqual(['一、本年新收', -9539, null, '=1+1', '007', 1.5]);
    expect(grid[2]).toEqual(['二、上年结转', null, 12, '—', null, '👨‍👩‍👧 十二']);
    // Text that looks like a formula or a number is text, not a formula and not a number.
    for (const ref of Object.keys(ws).filter((k) => !k.startsWith('!'))) expect(ws[ref].f, ref).toBeUndefined();
    expect(ws.D2.t).toBe('s');
    expect(ws.E2.t).toBe('s');
  });
});
