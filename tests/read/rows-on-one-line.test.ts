/**
 * A table flattened to one row per line (lib/read/flattened-lines.ts): `（一）予以公开 1288 21 0 0 50 3 1362`, the
 * label and then the values apart by spaces, as text pasted from a PDF reads. Each row is cut into its label and
 * its values; a sentence that ends in a number is not.
 */
import { describe, expect, it } from 'vitest';
import { rowsOfLines, textLines } from '@/lib/read/flattened-lines.ts';
import { LINE_LABELS } from '@/lib/tables/index.ts';
import { auditHtml, browserDocument, fixture } from '../support/audit-html.ts';


/** Each row as its cells' texts, from paragraphs of `lines`. */
function rows(...lines: string[]): string[][] {
  const doc = browserDocument(`<body>${lines.map((l) => `<p>${l}</p>`).join('')}</body>`);
  return rowsOfLines(textLines(doc.body), LINE_LABELS).map((r) => r.cells.map((c) => c.text));
}

describe('a row printed on one line', () => {
  it('is its label and one cell a value, each pointing at the line', () => {
    expect(rows('（一）予以公开 1288 21 0 0 50 3 1362')).toEqual([['（一）予以公开', '1288', '21', '0', '0', '50', '3', '1362']]);
    const doc = browserDocument('<body><p>规章 5 0 37</p></body>');
    const [row] = rowsOfLines(textLines(doc.body), LINE_LABELS);
    expect(row.cells.map((c) => c.number.value)).toEqual([null, 5, 0, 37]);
    expect(new Set(row.cells.map((c) => c.el))).toEqual(new Set([doc.querySelector('p')]));
    expect(row.cells.every((c) => c.source?.kind === 'line' && c.source.line === 0)).toBe(true);
  });

  it('keeps units, negatives and dashes as values', () => {
    expect(rows('政府集中采购 625批次 25795万元')).toEqual([['政府集中采购', '625批次', '25795万元']]);
    expect(rows('行政许可 19034 -9539 9495')).toEqual([['行政许可', '19034', '-9539', '9495']]);
    expect(rows('规章 / 0 37')).toEqual([['规章', '/', '0', '37']]);
    expect(rows('规章 / / /')).toEqual([['规章', '/', '/', '/']]);
  });

  it('with its label broken over the lines above it', () => {
    expect(rows('（二）部分公开（区分处理的，只计这一情', '形，不计其他情形） 447 7 0 0 0 0 454')).toEqual([
      ['（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '447', '7', '0', '0', '0', '0', '454'],
    ]);
  });

  it('as values only, when there are several (Table 4’s one row has no label)', () => {
    expect(rows('审理中', '0 1 0 0 1 0 0 0 0 0 0 0 0 0 0')).toEqual([['审理中'], ['0', '1', '0', '0', '1', '0', '0', '0', '0', '0', '0', '0', '0', '0', '0']]);
  });

  it('with its first value glued to the label, as a PDF’s text often has it', () => {
    expect(rows('一、本年新收政府信息公开申请数量3001 53 0 0 61 4 3119')).toEqual([['一、本年新收政府信息公开申请数量', '3001', '53', '0', '0', '61', '4', '3119']]);
    expect(rows('（四）无 1.本机关不掌握相关政府信息746 12 0 0 10 1 769')).toEqual([['（四）无 1.本机关不掌握相关政府信息', '746', '12', '0', '0', '10', '1', '769']]);
    expect(rows('3.危及“三安全一稳定”5 0 0 0 0 0 5')).toEqual([['3.危及“三安全一稳定”', '5', '0', '0', '0', '0', '0', '5']]);
    // Not after words that name no row: 约10 is not the value 10.
    expect(rows('（一）予以公开 约10 0 0 0 0 0 0')).toEqual([['（一）予以公开 约10', '0', '0', '0', '0', '0', '0']]);
  });

  it('reads spaces as parting the values: `5 123` is two (in a cell of its own it reads as 5123)', () => {
    expect(rows('（一）予以公开 5 123 0 0 0 0 128')).toEqual([['（一）予以公开', '5', '123', '0', '0', '0', '0', '128']]);
  });

  it('leaves a sentence alone: no row named, or no values at its end', () => {
    // Not a row's label: the line stays whole (a text line, with no numbers after it).
    expect(rows('联系电话：0737 4222222')).toEqual([]);
    expect(rows('本年度共受理申请 12 件')).toEqual([]);
    // One value after words that name no row is not a row either.
    expect(rows('全年发布信息 260')).toEqual([]);
    // One value after a clause that names a row is the sentence's number.
    expect(rows('本年新收政府信息公开申请数量，共 3119')).toEqual([]);
    // A row of Table 2's single-column blocks is read.
    expect(rows('行政处罚 3985')).toEqual([['行政处罚', '3985']]);
  });

  it('keeps an unreadable value in the label, so the row is short and said (as one cell per line does)', () => {
    expect(rows('一、本年新收政府信息公开申请数量 约10 0 0 0 0 0 0')).toEqual([['一、本年新收政府信息公开申请数量 约10', '0', '0', '0', '0', '0', '0']]);
  });
});

describe('seed 003 printed one row per line (tests/fixtures/seed-003-ziyang-2020-rows-per-line.html)', () => {
  const strip = (tables: object) => JSON.stringify(tables, (k, v) => (k === 'source' ? undefined : v));
  it('reads every table as the same page printed one cell per line does', () => {
    const rowsPage = auditHtml(fixture('seed-003-ziyang-2020-rows-per-line.html'))!.report;
    const cellsPage = auditHtml(fixture('seed-003-ziyang-2020-flattened.html'))!.report;
    expect(rowsPage.tables.table3!.cells).toHaveLength(7 * 23);
    expect(rowsPage.tables.table4!.cells).toHaveLength(15);
    expect(strip(rowsPage.tables)).toBe(strip(cellsPage.tables));
    expect(rowsPage.findings.map((f) => f.id)).toEqual(cellsPage.findings.map((f) => f.id));
  });
});

/**
 * A page's tables printed as text, one row per line: each row's cells that hold text, apart by spaces (a blank
 * cell leaves nothing, as in text pasted from a PDF).
 */
function rowsPerLine(html: string, only: (table: Element) => boolean = () => true): string {
  const doc = browserDocument(html);
  for (const table of Array.from(doc.querySelectorAll('table')).filter(only)) {
    const lines = Array.from(table.querySelectorAll('tr'))
      .map((tr) => Array.from(tr.children).map((c) => (c.textContent ?? '').replace(/\s+/g, '')).filter(Boolean).join(' '))
      .filter(Boolean);
    const div = doc.createElement('div');
    for (const line of lines) div.appendChild(doc.createElement('p')).textContent = line;
    table.replaceWith(div);
  }
  return `<!DOCTYPE html>${doc.documentElement.outerHTML}`;
}

const cellsOf = (report: { tables: Record<string, { cells: { row: string; col: string; status: string; value?: number | null; unit?: string }[] } | undefined> }) =>
  Object.entries(report.tables).flatMap(([table, t]) => (t?.cells ?? []).map((c) => `${table} ${c.row} ${c.col} ${c.status} ${c.value} ${c.unit ?? ''}`));

describe('real-markup fixtures printed one row per line', () => {
  // Pages whose every value cell holds a number (no blank or merged value cell, which text would lose).
  it.each(['clean-2021.html', 'planted-2021-mismatch.html', 'one-table-all-2021.html', 'seed-002-chanba-2020.html'])(
    '%s: every value, and every finding with its arithmetic, as from its tables',
    (name) => {
      const asTables = auditHtml(fixture(name))!.report;
      const asLines = auditHtml(rowsPerLine(fixture(name)))!.report;
      expect(cellsOf(asLines).length).toBeGreaterThan(150);
      expect(cellsOf(asLines)).toEqual(cellsOf(asTables));
      expect(asLines.findings.map((f) => `${f.id} ${f.message}`)).toEqual(asTables.findings.map((f) => `${f.id} ${f.message}`));
    },
  );

  it('in a <pre>, one line of its text a row (tables pasted as plain text)', () => {
    const asLines = auditHtml(rowsPerLine(fixture('planted-2021-mismatch.html')))!.report;
    const inPre = auditHtml(rowsPerLine(fixture('planted-2021-mismatch.html')).replace(/<div><p>([\s\S]*?)<\/p><\/div>/g, (_, rows: string) => `<pre>${rows.split('</p><p>').join('\n')}</pre>`))!.report;
    expect(cellsOf(inPre).length).toBe(200);
    expect(cellsOf(inPre)).toEqual(cellsOf(asLines));
    expect(inPre.findings.map((f) => f.message)).toEqual(asLines.findings.map((f) => f.message));
  });

  it('Table 2 printed as text above a real Table 3: read from the lines outside the tables, the others as tables', () => {
    const html = fixture('clean-2021.html');
    const asTables = auditHtml(html)!.report;
    const mixed = rowsPerLine(html, (table) => (table.textContent ?? '').includes('第二十条'));
    expect(browserDocument(mixed).querySelectorAll('table').length).toBe(browserDocument(html).querySelectorAll('table').length - 1);
    const report = auditHtml(mixed)!.report;
    expect(report.tables.table2!.cells).toHaveLength(10);
    expect(cellsOf(report)).toEqual(cellsOf(asTables));
    expect(report.tables.table3!.cells.every((c) => c.source?.kind !== 'line')).toBe(true);
  });

  it('a page with real tables and no Table 2 anywhere gets none from its text', () => {
    const html = fixture('clean-2021.html');
    const start = html.indexOf('二、主动公开政府信息情况');
    const without = html.slice(0, start) + html.slice(html.indexOf('三、收到和处理政府信息公开申请情况'));
    const report = auditHtml(without)!.report;
    expect(report.tables.table2).toBeUndefined();
    expect(report.tables.table3!.cells).toHaveLength(175);
  });

  it('a row whose blank cells left no trace is said, with its numbers, and not checked', () => {
    // Word's empty 法人或其他组织 cells: two values for seven columns.
    const { report } = auditHtml(rowsPerLine(fixture('word-span-soup-2021.html')))!;
    const layout = report.findings.filter((f) => f.rule === 'layout').map((f) => f.message);
    expect(layout.join('\n')).toContain('一、本年新收政府信息公开申请数量 | 23 | 23');
    expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});

