/**
 * A table flattened to one row per line (lib/read/flattened-lines.ts): `（一）予以公开 1288 21 0 0 50 3 1362`, the
 * label and then the values apart by spaces, as text pasted from a PDF reads. Each row is cut into its label and
 * its values; a sentence that ends in a number is not.
 */
import { describe, expect, it } from 'vitest';
import { rowsOfLines, textLines } from '@/lib/read/flattened-lines.ts';
import { REPORT_TABLES } from '@/lib/tables/index.ts';
import { auditHtml, browserDocument, fixture } from '../support/audit-html.ts';

const ROW_DEFS = REPORT_TABLES.filter((t) => t.readsFlattenedLines).flatMap((t) => t.rows);

/** Each row as its cells' texts, from paragraphs of `lines`. */
function rows(...lines: string[]): string[][] {
  const doc = browserDocument(`<body>${lines.map((l) => `<p>${l}</p>`).join('')}</body>`);
  return rowsOfLines(textLines(doc.body), ROW_DEFS).map((r) => r.cells.map((c) => c.text));
}

describe('a row printed on one line', () => {
  it('is its label and one cell a value, each pointing at the line', () => {
    expect(rows('（一）予以公开 1288 21 0 0 50 3 1362')).toEqual([['（一）予以公开', '1288', '21', '0', '0', '50', '3', '1362']]);
    const doc = browserDocument('<body><p>规章 5 0 37</p></body>');
    const [row] = rowsOfLines(textLines(doc.body), ROW_DEFS);
    expect(row.cells.map((c) => c.number.value)).toEqual([null, 5, 0, 37]);
    expect(new Set(row.cells.map((c) => c.el))).toEqual(new Set([doc.querySelector('p')]));
    expect(row.cells.every((c) => c.source?.kind === 'line' && c.source.line === 0)).toBe(true);
  });

  it('keeps units, negatives and dashes as values', () => {
    expect(rows('政府集中采购 625批次 25795万元')).toEqual([['政府集中采购', '625批次', '25795万元']]);
    expect(rows('行政许可 19034 -9539 9495')).toEqual([['行政许可', '19034', '-9539', '9495']]);
    expect(rows('规章 / 0 37')).toEqual([['规章', '/', '0', '37']]);
  });

  it('with its label broken over the lines above it', () => {
    expect(rows('（二）部分公开（区分处理的，只计这一情', '形，不计其他情形） 447 7 0 0 0 0 454')).toEqual([
      ['（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '447', '7', '0', '0', '0', '0', '454'],
    ]);
  });

  it('as values only, when there are several (Table 4’s one row has no label)', () => {
    expect(rows('审理中', '0 1 0 0 1 0 0 0 0 0 0 0 0 0 0')).toEqual([['审理中'], ['0', '1', '0', '0', '1', '0', '0', '0', '0', '0', '0', '0', '0', '0', '0']]);
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
