/**
 * Exports read back: JSON → ReportSchema → the same model; CSV/TSV → papaparse → the same values, with a
 * BOM, Excel-safe quoting, and formula-like text neutralised with a leading ' (numbers stay numbers).
 * On every report the fixtures (and ../shared/corpus, when present) produce, and on a hand-built report
 * full of nasty strings.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { auditDocument } from '@/lib/audit.ts';
import { exportJson } from '@/lib/export/json.ts';
import { BOM, exportFindingsCsv, exportTsv, exportValuesCsv, FINDING_COLUMNS, VALUE_COLUMNS } from '@/lib/export/csv.ts';
import { reportTable } from '@/lib/tables/index.ts';
import { REPORT_SCHEMA_ID, ReportSchema, SCHEMA_VERSION, type Report, type TableKey } from '@/lib/schema.ts';
import { auditedReports, nodeDocument } from '../support/audit-html.ts';

// ---------------------------------------------------------------- reports to round-trip


const NASTY_LABELS = {
  comma: '本年新收,政府信息公开申请',
  quote: '他说"总计"，又说""空""',
  newline: '第一行\n第二行\r\n第三行',
  formula: '=1+1',
  at: '@SUM(A1)',
  plus: '+1',
  minusText: '-2x',
  tab: '\t前导制表符',
  cr: '\r前导回车',
  hyperlink: '=HYPERLINK("http://evil.example","点我")',
  emoji: '👨‍👩‍👧 自然人 🇨🇳',
  rtl: '\u202eمرحبا שלום',
  spaces: '  前后空格  ',
  fullWidthFormula: '＝1+1',
};

/** A report by hand, every string as hostile as a page can make it. */
function nastyReport(): Report {
  const L = NASTY_LABELS;
  return {
    schemaVersion: SCHEMA_VERSION,
    source: { title: '某区, "2021" 年\n政府信息公开工作年度报告', url: 'http://www.example.gov.cn/a?b=1,2&c="3"', file: 'a,b.html' },
    agency: '=cmd|"/c calc"!A1',
    year: 2021,
    publishedAt: '2022-01-20',
    format: '2021',
    evidence: { agency: { value: '=cmd|"/c calc"!A1', evidence: '标题：@evil, "quoted"\nnext line' } },
    tables: {
      table3: {
        rowLabels: { new_received: L.comma, carried_over: L.quote, granted: L.newline, other_misc: L.formula },
        colLabels: { natural_person: L.at, commercial: L.plus, total: L.minusText, legal_person: L.hyperlink },
        cells: [
          { row: 'new_received', col: 'natural_person', value: -9539, raw: '-9539', status: 'ok', source: { kind: 'table', table: 0, row: 3, col: 3 } },
          { row: 'new_received', col: 'commercial', value: -9539, raw: '-9,539', status: 'ok' },
          { row: 'new_received', col: 'total', value: 1.5, raw: '1.50万元', status: 'ok', unit: '万元' },
          { row: 'carried_over', col: 'natural_person', value: null, raw: '=1+1', status: 'unreadable' },
          { row: 'carried_over', col: 'commercial', value: null, raw: '@SUM(A1)', status: 'unreadable' },
          { row: 'carried_over', col: 'total', value: null, raw: '+1', status: 'unreadable' },
          { row: 'granted', col: 'natural_person', value: null, raw: '-2x', status: 'unreadable' },
          { row: 'granted', col: 'commercial', value: -5, raw: '－５', status: 'ok' },
          { row: 'granted', col: 'total', value: null, raw: '', status: 'blank' },
          { row: 'other_misc', col: 'natural_person', value: null, raw: '—', status: 'dash' },
          { row: 'other_misc', col: 'commercial', value: null, raw: L.quote, status: 'unreadable' },
          { row: 'other_misc', col: 'total', value: null, raw: L.newline, status: 'unreadable' },
          { row: 'other_misc', col: 'legal_person', covers: ['commercial', 'research', 'social_welfare', 'legal_service', 'other_org'], value: 12, raw: '12', status: 'ok', source: { kind: 'line', line: 7 } },
          { row: 'new_received', col: 'research', value: 0, raw: '0', status: 'ok' },
          { row: 'new_received', col: 'social_welfare', value: null, raw: L.tab, status: 'unreadable' },
          { row: 'new_received', col: 'legal_service', value: null, raw: L.cr, status: 'unreadable' },
          { row: 'new_received', col: 'other_org', value: null, raw: L.emoji, status: 'unreadable' },
          { row: 'carried_over', col: 'research', value: null, raw: L.rtl, status: 'unreadable' },
          { row: 'carried_over', col: 'social_welfare', value: null, raw: L.spaces, status: 'unreadable' },
          { row: 'carried_over', col: 'legal_service', value: null, raw: L.fullWidthFormula, status: 'unreadable' },
        ],
      },
    },
    findings: [
      {
        id: 'table3:row_total:new_received',
        rule: 'table3.row_total',
        severity: 'error',
        message: '=本年新收：总计 1.5 ≠ 自然人 -9539 + 商业企业 -9539, "引号"\n换行',
        table: 'table3',
        cells: [{ row: 'new_received', col: 'total' }, { row: 'new_received', col: 'natural_person' }],
        expected: -19078,
        actual: 1.5,
      },
      { id: '@x', rule: '+rule', severity: 'warning', message: '-2x', table: 'table3', cells: [], expected: null, actual: null },
    ],
    coverage: {
      relationsChecked: 3,
      numbersRead: 4,
      cellsUnreadable: 6,
      notCheckable: [{ id: '=x', rule: '+rule', table: 'table3', subject: L.formula, reason: '@SUM(A1)\n"q"', findingId: '@x' }],
    },
  };
}

// ---------------------------------------------------------------- what a spreadsheet will see

/** Text a spreadsheet would run as a formula gets a leading '; a plain (negative) number stays as it is. */
function neutralised(text: string): string {
  if (/^-?\d+(\.\d+)?$/.test(text)) return text;
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function cell(v: unknown): string {
  return v === null || v === undefined ? '' : neutralised(String(v));
}

const TABLE_ORDER: TableKey[] = ['table2', 'table3', 'table4', 'legacy'];

/** The value rows the CSV must hold, from the model, as a spreadsheet would read them back. */
function expectedValueRows(report: Report): string[][] {
  const rows: string[][] = [];
  for (const key of TABLE_ORDER) {
    const t = report.tables[key];
    if (!t) continue;
    for (const c of t.cells) {
      const colLabel = t.colLabels[c.col] ?? (c.covers ? c.covers.map((k) => t.colLabels[k] ?? k).join('+') : '');
      rows.push(
        [report.agency, report.year, key, c.row, c.col, (c.covers ?? []).join(' '), t.rowLabels[c.row] ?? '', colLabel, c.value, c.unit, c.raw, c.status, ...trace(report)].map(cell),
      );
    }
  }
  return rows;
}

/** Every line names the report it came from: its title, and its address (the file's name from the CLI). */
function trace(report: Report): string[] {
  return [report.source.title, report.source.url ?? report.source.file ?? ''];
}

/** printed = the finding's `actual` (the total as the report prints it), computed = its `expected` (the parts' sum). */
function expectedFindingRows(report: Report): string[][] {
  return report.findings.map((f) =>
    [report.agency, report.year, f.id, f.severity, f.rule, f.table, f.cells.map((c) => `${c.row}.${c.col}`).join(' '), f.actual, f.expected, f.message, f.text?.quote, ...trace(report), f.review?.status ?? '', f.review?.note ?? ''].map(cell),
  );
}

/** Parse a CSV the way a spreadsheet import would: BOM stripped, every field a string. */
function parseBack(text: string, delimiter = ','): string[][] {
  const parsed = Papa.parse<string[]>(text.startsWith(BOM) ? text.slice(1) : text, { delimiter, newline: '\r\n', skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

// ---------------------------------------------------------------- JSON

const reports = auditedReports();

describe('round trip: JSON export → ReportSchema → the same model', () => {
  it('audits enough fixture reports to be meaningful', () => {
    expect(reports.length).toBeGreaterThanOrEqual(8);
  });

  it.each(reports.map((r) => [r.name, r.report] as const))('%s', (_name, report) => {
    const json = exportJson(report);
    const back = ReportSchema.parse(JSON.parse(json));
    // The same model, and the export names its JSON Schema.
    expect(back).toEqual({ $schema: REPORT_SCHEMA_ID, ...report });
    // Nothing the schema does not know survives, and nothing is lost: the same JSON again.
    expect(exportJson(back)).toBe(json);
  });

  it('many reports at once (an array)', () => {
    const list = reports.map((r) => r.report);
    const back = (JSON.parse(exportJson(list)) as unknown[]).map((r) => ReportSchema.parse(r));
    expect(back).toEqual(list.map((r) => ({ $schema: REPORT_SCHEMA_ID, ...r })));
  });

  it('the hand-built report with nasty strings', () => {
    const report = nastyReport();
    expect(ReportSchema.parse(JSON.parse(exportJson(report)))).toEqual({ $schema: REPORT_SCHEMA_ID, ...report });
  });

  it('a report the schema rejects is not exported', () => {
    const bad = { ...nastyReport(), year: 2021.5 } as Report;
    expect(() => exportJson(bad)).toThrow();
  });
});

// ---------------------------------------------------------------- CSV / TSV

describe('round trip: values CSV → papaparse → the same values', () => {
  it.each(reports.map((r) => [r.name, r.report] as const))('%s', (_name, report) => {
    const csv = exportValuesCsv(report);
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const [header, ...rows] = parseBack(csv);
    expect(header).toEqual(VALUE_COLUMNS);
    expect(rows).toEqual(expectedValueRows(report));
    // Every ok value reads back as the very same number.
    const valueAt = VALUE_COLUMNS.indexOf('value');
    const okCells = TABLE_ORDER.flatMap((k) => report.tables[k]?.cells ?? []);
    rows.forEach((r, i) => {
      const c = okCells[i];
      if (c.status === 'ok') expect(Number(r[valueAt])).toBe(c.value);
      else expect(r[valueAt]).toBe('');
    });
  });

  it('all reports in one file: rows stack in order', () => {
    const list = reports.map((r) => r.report);
    const [, ...rows] = parseBack(exportValuesCsv(list));
    expect(rows).toEqual(list.flatMap(expectedValueRows));
  });

  it('nasty strings: quoting, BOM, formulas neutralised, negative numbers stay numbers', () => {
    const report = nastyReport();
    const csv = exportValuesCsv(report);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const [header, ...rows] = parseBack(csv);
    expect(header).toEqual(VALUE_COLUMNS);
    expect(rows).toEqual(expectedValueRows(report));
    const col = (name: string) => VALUE_COLUMNS.indexOf(name);
    const row = (r: string, c: string) => rows.find((x) => x[col('row')] === r && x[col('col')] === c)!;

    // Quoting: labels with commas, quotes and line breaks come back whole, in one field.
    expect(row('new_received', 'natural_person')[col('row_label')]).toBe(NASTY_LABELS.comma);
    expect(row('carried_over', 'natural_person')[col('row_label')]).toBe(NASTY_LABELS.quote);
    expect(row('granted', 'natural_person')[col('row_label')]).toBe(NASTY_LABELS.newline);
    expect(csv).toContain('"本年新收,政府信息公开申请"');
    expect(csv).toContain('"他说""总计""，又说""""空"""""');
    for (const r of rows) expect(r).toHaveLength(VALUE_COLUMNS.length);

    // Formula-like text gets a leading ' — in raw, labels and the agency.
    expect(row('carried_over', 'natural_person')[col('raw')]).toBe("'=1+1");
    expect(row('carried_over', 'commercial')[col('raw')]).toBe("'@SUM(A1)");
    expect(row('carried_over', 'total')[col('raw')]).toBe("'+1");
    expect(row('granted', 'natural_person')[col('raw')]).toBe("'-2x");
    expect(row('new_received', 'social_welfare')[col('raw')]).toBe(`'${NASTY_LABELS.tab}`);
    expect(row('new_received', 'legal_service')[col('raw')]).toBe(`'${NASTY_LABELS.cr}`);
    expect(row('other_misc', 'natural_person')[col('row_label')]).toBe("'=1+1");
    expect(row('new_received', 'natural_person')[col('col_label')]).toBe("'@SUM(A1)");
    expect(row('new_received', 'commercial')[col('col_label')]).toBe("'+1");
    expect(row('new_received', 'total')[col('col_label')]).toBe("'-2x");
    expect(row('other_misc', 'legal_person')[col('col_label')]).toBe(`'${NASTY_LABELS.hyperlink}`);
    for (const r of rows) expect(r[col('agency')]).toBe(`'=cmd|"/c calc"!A1`);
    for (const r of rows) expect([r[col('title')], r[col('source_url')]]).toEqual([report.source.title, report.source.url]);
    // No field of the file starts a formula.
    for (const r of rows) for (const f of r) expect(f, f).not.toMatch(/^[=+@\t\r]|^-(?!\d+(\.\d+)?$)/);

    // Plain numbers stay numbers: the value -9539 and the raw text "-9539" are not prefixed.
    expect(row('new_received', 'natural_person')[col('value')]).toBe('-9539');
    expect(row('new_received', 'natural_person')[col('raw')]).toBe('-9539');
    expect(row('new_received', 'commercial')[col('value')]).toBe('-9539');
    expect(row('new_received', 'commercial')[col('raw')]).toBe("'-9,539"); // text, not a plain number
    expect(row('new_received', 'total')[col('value')]).toBe('1.5');
    expect(row('granted', 'commercial')[col('value')]).toBe('-5');
    expect(row('granted', 'commercial')[col('raw')]).toBe('－５');
    expect(row('new_received', 'research')[col('value')]).toBe('0');
    expect(row('granted', 'total')[col('value')]).toBe('');
    // A merged cell lists what it covers.
    expect(row('other_misc', 'legal_person')[col('covers')]).toBe('commercial research social_welfare legal_service other_org');
    // Non-formula text is untouched.
    expect(row('new_received', 'other_org')[col('raw')]).toBe(NASTY_LABELS.emoji);
    expect(row('carried_over', 'research')[col('raw')]).toBe(NASTY_LABELS.rtl);
    expect(row('carried_over', 'social_welfare')[col('raw')]).toBe(NASTY_LABELS.spaces);
    expect(row('carried_over', 'legal_service')[col('raw')]).toBe(NASTY_LABELS.fullWidthFormula);
  });

});

describe('复制表格: each table as the reader sees it, a grid per table', () => {
  /** The TSV read back: the title line, then per table its title, header and rows (blocks split by an empty line). */
  function blocks(tsv: string) {
    const parsed = Papa.parse<string[]>(tsv, { delimiter: '\t', newline: '\r\n' });
    expect(parsed.errors).toEqual([]);
    const lines = parsed.data.filter((l, i, all) => i < all.length - 1 || l.join('') !== '');
    const out: { title: string; header: string[]; rows: string[][] }[] = [];
    for (let i = 1; i < lines.length; ) {
      expect(lines[i]).toEqual(['']); // an empty line before each table
      const end = lines.findIndex((l, k) => k > i && l.length === 1 && l[0] === '');
      const block = lines.slice(i + 1, end < 0 ? lines.length : end);
      out.push({ title: block[0][0], header: block[1], rows: block.slice(2) });
      i = end < 0 ? lines.length : end;
    }
    return { title: lines[0][0], tables: out };
  }

  it.each(reports.map((r) => [r.name, r.report] as const))('%s: every cell at its row label and column label', (_name, report) => {
    const tsv = exportTsv(report);
    expect(tsv.startsWith(BOM)).toBe(false);
    const { title, tables } = blocks(tsv);
    expect(title).toBe(neutralised(report.source.title));
    const keys = TABLE_ORDER.filter((k) => report.tables[k]?.cells.length);
    expect(tables.map((t) => t.title)).toEqual(keys.map((k) => reportTable(k).title));
    keys.forEach((key, n) => {
      const t = report.tables[key]!;
      const { header, rows } = tables[n];
      // Rows in report order, one per row key, labelled down the side.
      const rowKeys = [...new Set(t.cells.map((c) => c.row))];
      expect(rows.map((r) => r[0])).toEqual(rowKeys.map((k) => neutralised(t.rowLabels[k] ?? k)));
      expect(header[0]).toBe('');
      // Every cell once, under its own column; nothing else in the grid.
      let filled = 0;
      for (const c of t.cells) {
        const shown = c.status === 'ok' ? String(c.value) : c.raw;
        const colAt = header.findIndex((h, i) => i > 0 && h === neutralised(t.colLabels[c.col] ?? (c.col === 'legal_person' ? '法人或其他组织' : c.col)));
        expect(colAt, `${c.row}.${c.col}`).toBeGreaterThan(0);
        // Columns can share a label (legacy tables); the cell is in one of the columns so labelled.
        const candidates = header.map((h, i) => (i > 0 && h === header[colAt] ? rows[rowKeys.indexOf(c.row)][i] : null)).filter((v) => v !== null);
        expect(candidates, `${c.row}.${c.col}`).toContain(cell(shown));
        if (shown !== '') filled++;
      }
      expect(rows.flatMap((r) => r.slice(1)).filter((v) => v !== '')).toHaveLength(filled);
    });
  });

  it('a merged 法人或其他组织 value gets its own column, before the five it covers, and is not copied into them', () => {
    const ok = (row: string, col: string, value: number, covers?: string[]) => ({ row, col, value, raw: String(value), status: 'ok' as const, ...(covers ? { covers } : {}) });
    const report: Report = {
      ...nastyReport(),
      source: { title: '某县2021年政府信息公开工作年度报告' },
      findings: [],
      tables: {
        table3: {
          rowLabels: { new_received: '一、本年新收', carried_over: '二、上年结转' },
          colLabels: { natural_person: '自然人', commercial: '商业企业', research: '科研机构', social_welfare: '社会公益组织', legal_service: '法律服务机构', other_org: '其他', total: '总计' },
          cells: [
            ok('new_received', 'natural_person', 1),
            ok('new_received', 'legal_person', 6, ['commercial', 'research', 'social_welfare', 'legal_service', 'other_org']),
            ok('new_received', 'total', 7),
            ok('carried_over', 'natural_person', 2),
            ...['commercial', 'research', 'social_welfare', 'legal_service', 'other_org'].map((col, i) => ok('carried_over', col, i)),
            { row: 'carried_over', col: 'total', value: null, raw: '无', status: 'dash' as const },
          ],
        },
      },
    };
    expect(exportTsv(report).split('\r\n')).toEqual([
      '某县2021年政府信息公开工作年度报告',
      '',
      '收到和处理政府信息公开申请情况',
      '\t自然人\t法人或其他组织\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计',
      '一、本年新收\t1\t6\t\t\t\t\t\t7',
      '二、上年结转\t2\t\t0\t1\t2\t3\t4\t无',
      '',
    ]);
  });

  it('the hand-built report with nasty strings: formulas neutralised, quoting intact', () => {
    const { tables } = blocks(exportTsv(nastyReport()));
    const all = tables.flatMap((t) => [t.header, ...t.rows]).flat();
    for (const f of all) expect(f, f).not.toMatch(/^[=+@\t\r]|^-(?!\d+(\.\d+)?$)/);
    expect(all).toContain(NASTY_LABELS.newline);
    expect(all).toContain(NASTY_LABELS.comma);
  });
});

describe('round trip: findings CSV → papaparse → the same findings', () => {
  it('every fixture report, and all at once', () => {
    for (const { report } of reports) {
      const csv = exportFindingsCsv(report);
      expect(csv.startsWith(BOM)).toBe(true);
      const [header, ...rows] = parseBack(csv);
      expect(header).toEqual(FINDING_COLUMNS);
      expect(rows).toEqual(expectedFindingRows(report));
    }
    const list = reports.map((r) => r.report);
    expect(parseBack(exportFindingsCsv(list)).slice(1)).toEqual(list.flatMap(expectedFindingRows));
  });

  it('nasty findings: message with comma/quote/newline, formula-like ids and rules, negative numbers', () => {
    const report = nastyReport();
    const [, first, second] = parseBack(exportFindingsCsv(report));
    const col = (name: string) => FINDING_COLUMNS.indexOf(name);
    expect(first[col('message')]).toBe(`'${report.findings[0].message}`);
    expect(first[col('printed')]).toBe('1.5');
    expect(first[col('computed')]).toBe('-19078');
    expect(first[col('title')]).toBe(report.source.title);
    expect(first[col('source_url')]).toBe(report.source.url);
    expect(first[col('cells')]).toBe('new_received.total new_received.natural_person');
    expect([second[col('id')], second[col('rule')], second[col('message')]]).toEqual(["'@x", "'+rule", "'-2x"]);
    expect([second[col('printed')], second[col('computed')]]).toEqual(['', '']);
  });

  it('printed is the total the page prints, computed the sum of its parts (planted mismatch: 总计 30, parts 31)', () => {
    const report = reports.find((r) => r.name === 'planted-2021-mismatch.html')!.report;
    const [header, ...rows] = parseBack(exportFindingsCsv(report));
    const col = (name: string) => header.indexOf(name);
    const granted = rows.find((r) => r[col('rule')] === 'table3.row_total')!;
    expect(granted[col('message')]).toContain('总计 30 ≠');
    expect([granted[col('printed')], granted[col('computed')]]).toEqual(['30', '31']);
    expect(granted[col('source_url')]).toBe('http://www.example.gov.cn/planted-2021-mismatch.html');
    expect(header).not.toContain('expected');
  });

  it('no findings: the file is its header alone', () => {
    const report = { ...reports[0].report, findings: [] };
    expect(exportFindingsCsv(report)).toBe(`${BOM}${FINDING_COLUMNS.join(',')}\r\n`);
  });
});

// Found here: a cell printed "-0" read as the number -0, which JSON cannot carry, so the round trip
// changed the model (toEqual tells -0 from 0). readNumber now reads it as 0.
describe('round trip: a "-0" cell', () => {
  it('reads back from JSON as the value it was exported with', () => {
    const html = `<!doctype html><html><head><title>某县2021年政府信息公开工作年度报告</title></head><body>
      <table><tr><td colspan="3" rowspan="3">x</td><td colspan="7">申请人情况</td></tr>
      <tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>
      <tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>
      <tr><td colspan="3">一、本年新收政府信息公开申请数量</td><td>-0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr></table></body></html>`;
    const report = auditDocument(nodeDocument(html))!.report;
    const cell = report.tables.table3!.cells.find((c) => c.row === 'new_received' && c.col === 'natural_person')!;
    expect(cell.raw).toBe('-0');
    expect(ReportSchema.parse(JSON.parse(exportJson(report)))).toEqual({ $schema: REPORT_SCHEMA_ID, ...report });
  });
});
