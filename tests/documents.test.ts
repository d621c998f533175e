// Reports published as attachments read exactly as the pages they were made from (tests/documents/README.md):
// every number under the same keys, the same findings and coverage, the same metadata; only where each value
// sits (its source ref) differs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../lib/schema.ts';
import { auditDocxFile, auditFile, auditPdfFile } from '../scripts/read-page.ts';
import { FIXTURES } from './support/audit-html.ts';

const DOCUMENTS = join(import.meta.dirname, 'documents');
const PAGES = ['clean-2021', 'planted-2021-mismatch', 'seed-000-xinanjiang-2019', 'seed-001-xiachuan-2017-legacy'];

/** The report without where its values sit on the page or in the document. */
function comparable(report: Report) {
  const { article: _article, source, evidence, ...rest } = report;
  const tables = Object.fromEntries(
    Object.entries(rest.tables).map(([key, table]) => [key, { ...table, cells: table!.cells.map(({ source: _s, ...cell }) => cell) }]),
  );
  // Evidence keeps its value; its quoted text may differ in spacing (a PDF has no spaces, only gaps).
  const evidenceValues = Object.fromEntries(Object.entries(evidence).map(([k, e]) => [k, e!.value]));
  return { ...rest, title: source.title, evidenceValues, tables };
}

describe.each(PAGES)('%s', (page) => {
  const html = auditFile(join(FIXTURES, `${page}.html`), page)!.report;

  it('.docx: the same tables, findings, coverage and metadata as the page', () => {
    const docx = auditDocxFile(join(DOCUMENTS, `${page}.docx`), page)!.report;
    expect(comparable(docx)).toEqual(comparable(html));
    expect(docx.article?.text).toContain('政府信息公开');
  });

  it('.pdf: the same tables, findings, coverage and metadata as the page', async () => {
    const pdf = (await auditPdfFile(join(DOCUMENTS, `${page}.pdf`), page))!.report;
    expect(comparable(pdf)).toEqual(comparable(html));
    expect(pdf.article?.text).toContain('政府信息公开');
  });
});

// The same pages published as PDFs whose tables have no ruling lines (scripts/make-test-documents.sh):
// `-borderless` none at all, `-threeline` only rules above, under the header and under the last row.
// Their tables are rebuilt from where the text stands (lib/read/pdf-clusters.ts).
const BORDERLESS = [
  ['clean-2021', 'clean-2021-borderless'],
  ['planted-2021-mismatch', 'planted-2021-mismatch-borderless'],
  ['seed-000-xinanjiang-2019', 'seed-000-xinanjiang-2019-borderless'],
  ['clean-2021', 'clean-2021-threeline'],
];

describe.each(BORDERLESS)('%s as %s.pdf', (page, variant) => {
  it('the same tables, findings, coverage and metadata as the page', async () => {
    const html = auditFile(join(FIXTURES, `${page}.html`), page)!.report;
    const pdf = (await auditPdfFile(join(DOCUMENTS, `${variant}.pdf`), page))!.report;
    // Without lines, how far a group label printed once ("（三）不予公开", "行政诉讼") reaches is not shown:
    // the printed labels kept with a table may lack it or take in a sub-heading. Each row's own label must be
    // the page's, each printed column label read must end with the page's (some may be missing); everything
    // else (every number under its key, findings, coverage, metadata) is compared whole.
    const leaf = (label: string) => label.split(' ').at(-1)!;
    const withoutGroups = (report: Report) => {
      const c = comparable(report);
      const tables = Object.fromEntries(
        Object.entries(c.tables).map(([key, { colLabels: _c, ...table }]) => [key, { ...table, rowLabels: Object.fromEntries(Object.entries(table.rowLabels).map(([k, v]) => [k, leaf(v)])) }]),
      );
      return { ...c, tables };
    };
    expect(withoutGroups(pdf)).toEqual(withoutGroups(html));
    for (const [key, table] of Object.entries(pdf.tables)) {
      for (const [col, label] of Object.entries(table!.colLabels)) expect(label.endsWith(html.tables[key as keyof typeof html.tables]!.colLabels[col])).toBe(true);
    }
    expect(pdf.article?.text).toContain('政府信息公开');
    const cells = Object.values(pdf.tables).flatMap((t) => t!.cells);
    expect(cells.every((c) => c.source?.kind === 'pdf' && c.source.box[2] > c.source.box[0] && c.source.box[3] > c.source.box[1])).toBe(true);
  });
});

it('every value of a PDF names its page and box, and a table going on over a page break is read as one', async () => {
  const report = (await auditPdfFile(join(DOCUMENTS, 'seed-000-xinanjiang-2019.pdf')))!.report;
  const cells = Object.values(report.tables).flatMap((t) => t!.cells);
  expect(cells.every((c) => c.source?.kind === 'pdf' && c.source.page >= 1 && c.source.box[2] > c.source.box[0] && c.source.box[3] > c.source.box[1])).toBe(true);
  // Table 3 starts on one page and ends on the next (its row 5.属于三类内部事务信息 is broken by the page end).
  const pages = new Set(report.tables.table3!.cells.map((c) => (c.source?.kind === 'pdf' ? c.source.page : 0)));
  expect(pages.size).toBe(2);
  expect(report.tables.table3!.rowLabels.denied_internal_affairs).toContain('5.属于三类内部事务信息');
});

it('the documents are not trivially equal: errors are found in them, and every value points into a Word table', () => {
  const planted = auditDocxFile(join(DOCUMENTS, 'planted-2021-mismatch.docx'))!.report;
  expect(planted.findings.filter((f) => f.severity === 'error').map((f) => f.rule)).toEqual(expect.arrayContaining(['table3.row_total', 'table4.group_total']));
  const seed = auditDocxFile(join(DOCUMENTS, 'seed-000-xinanjiang-2019.docx'))!.report;
  expect(seed.findings.filter((f) => f.severity === 'error')).toHaveLength(1);
  const cells = Object.values(seed.tables).flatMap((t) => t!.cells);
  expect(cells.length).toBeGreaterThan(100);
  expect(cells.every((c) => c.source?.kind === 'table')).toBe(true);
});

// Many agencies' PDFs print with a Chinese font that is not embedded (STSong-Light, SimSun) and code their
// text by one of Adobe's predefined CMaps (UniGB-UCS2-H: each character its two-byte UCS-2 code; GBK-EUC-H:
// its GBK bytes), with no ToUnicode map: pdf.js reads such text only with its CMap files (pdfjs-dist/cmaps).
// The same page, ruled, written that way by scripts/make-cid-pdf.ts.
it.each([
  ['cidfont', 'UniGB-UCS2-H'],
  ['cidfont-gbk', 'GBK-EUC-H'],
])('a PDF in a non-embedded CID font with a predefined CMap reads as its page: -%s.pdf (%s)', async (variant, cmap) => {
  const page = 'planted-2021-mismatch';
  const file = join(DOCUMENTS, `${page}-${variant}.pdf`);
  expect(readFileSync(file, 'latin1')).toContain(`/Encoding /${cmap}`);
  expect(readFileSync(file, 'latin1')).not.toMatch(/ToUnicode|FontFile/);
  const html = auditFile(join(FIXTURES, `${page}.html`), page)!.report;
  const pdf = (await auditPdfFile(file, page))!.report;
  expect(comparable(pdf)).toEqual(comparable(html));
  // Its Chinese labels and numbers, read: not garbled, not missing.
  expect(pdf.tables.table3!.rowLabels).toMatchObject({ granted: expect.stringContaining('（一）予以公开') });
  expect(pdf.findings.filter((f) => f.severity === 'error').map((f) => f.rule)).toEqual(expect.arrayContaining(['table3.row_total', 'table4.group_total']));
  expect(pdf.article?.text).toContain('本报告根据《中华人民共和国政府信息公开条例》');
  const cells = Object.values(pdf.tables).flatMap((t) => t!.cells);
  expect(cells.length).toBeGreaterThan(150);
  expect(cells.every((c) => c.source?.kind === 'pdf')).toBe(true);
});
