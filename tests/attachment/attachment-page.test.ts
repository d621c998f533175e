import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { attachmentFromSearch, attachmentPageSearch, hostNeedsAsking, originPattern } from '@/entrypoints/shared/attachment-address.ts';
import { pdfMarks } from '@/entrypoints/attachment/pdf-marks.ts';
import { readAttachment } from '@/entrypoints/attachment/read.ts';
import { unreadableDocumentAdvice } from '@/components/i18n.ts';
import { planMarks } from '@/lib/mark-plan.ts';
import { auditPdfFile } from '../../scripts/read-page.ts';
import { fakeReport, finding } from '../support/fake-report.ts';

const DOCUMENTS = join(import.meta.dirname, '..', 'documents');

describe('the attachment page’s address', () => {
  it('carries the attachment there and back; only http(s) is read', () => {
    const href = 'http://www.a.gov.cn/module/download/downfile.jsp?classid=0&filename=2401301536.pdf';
    expect(attachmentFromSearch(attachmentPageSearch(href))?.href).toBe(href);
    expect(attachmentFromSearch(attachmentPageSearch('javascript:alert(1)'))).toBeNull();
    expect(attachmentFromSearch(attachmentPageSearch('file:///etc/passwd'))).toBeNull();
    expect(attachmentFromSearch('?url=')).toBeNull();
    expect(attachmentFromSearch('')).toBeNull();
  });

  it('asks for a host only off .gov.cn, one origin at a time', () => {
    expect(hostNeedsAsking(new URL('http://www.a.gov.cn/x.pdf'))).toBe(false);
    expect(hostNeedsAsking(new URL('https://cdn.example.com/x.pdf'))).toBe(true);
    expect(hostNeedsAsking(new URL('http://gov.cn.example.com/x.pdf'))).toBe(true);
    expect(originPattern(new URL('https://cdn.example.com:8443/a/b.pdf?x=1'))).toBe('https://cdn.example.com/*');
  });
});

describe('pdfMarks: the page marks, placed on a PDF’s pages', () => {
  it('the planted PDF: the printed totals of the failed sums, each at the page and box its value was read from', async () => {
    const report = (await auditPdfFile(join(DOCUMENTS, 'planted-2021-mismatch.pdf')))!.report;
    const marks = pdfMarks(report);
    const totals = marks.filter((m) => m.roles.total.length);
    expect(totals.map((m) => m.raw).sort()).toEqual(['3', '30', '67'].sort());
    for (const m of marks) {
      const cell = Object.values(report.tables).flatMap((t) => t!.cells).find((c) => c.source?.kind === 'pdf' && c.source.page === m.page && c.source.box.join() === m.box.join());
      expect(cell?.raw).toBe(m.raw);
    }
    // 30 is where the two failed relations of Table 3 cross: the culprit, with both findings.
    expect(totals.find((m) => m.raw === '30')!.culprit).toHaveLength(2);
    // Every error finding's "show me" box is one of the marked boxes.
    for (const f of report.findings.filter((f) => f.severity === 'error')) expect(marks.find((m) => m.mainOf.includes(f.id))?.roles.total.length).toBeGreaterThan(0);
    // As many marked boxes as the plan marks cells (no cell of the plan lost, none added).
    const planned = new Set(planMarks(report).findings.flatMap((p) => p.cells.map((c) => `${p.finding.table}:${c.ref.row}:${c.ref.col}`)));
    expect(marks.filter((m) => m.roles.total.length + m.roles.part.length + m.roles.warning.length).length).toBe(planned.size);
  });

  it('a merged value cell that stands for several columns is one box, with every finding it is in', () => {
    const source = { kind: 'pdf' as const, table: 0, row: 3, col: 2, page: 1, box: [10, 20, 60, 40] as [number, number, number, number] };
    const report = fakeReport(
      [
        finding({ id: 'e1', cells: [{ row: 'r', col: 'a' }] }),
        finding({ id: 'e2', message: '另一处', cells: [{ row: 'r', col: 'b' }] }),
      ],
      [{ row: 'r', col: 'a', covers: ['a', 'b'], value: 5, raw: '5', status: 'ok', source }],
    );
    const marks = pdfMarks(report);
    expect(marks).toHaveLength(1);
    expect(marks[0]).toMatchObject({ page: 1, box: [10, 20, 60, 40], raw: '5', messages: [report.findings[0]!.message, '另一处'] });
    expect(marks[0]!.roles.total).toEqual(['e1', 'e2']);
  });

  it('a cell read from a web page (no PDF place) gets no box', () => {
    const report = fakeReport([finding({ id: 'e1', cells: [{ row: 'r', col: 'a' }] })], [{ row: 'r', col: 'a', value: 5, raw: '5', status: 'ok', source: { kind: 'table', table: 0, row: 1, col: 1 } }]);
    expect(pdfMarks(report)).toEqual([]);
  });
});

describe('readAttachment: what was fetched, known by its bytes', () => {
  const at = new URL('http://www.a.gov.cn/download?id=1');
  it('a page instead of a document (a download page, a login) says so', async () => {
    const read = await readAttachment(new TextEncoder().encode('<!doctype html><html><body>请登录</body></html>'), at);
    expect(read).toEqual({ kind: 'problem', text: expect.stringMatching(/不是 Word（\.docx）或 PDF 文件/) });
  });

  it('a .wps (OLE bytes, named by its address) gets the format’s sentence', async () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect(await readAttachment(ole, new URL('http://www.a.gov.cn/u/2023.wps'))).toEqual({ kind: 'problem', text: unreadableDocumentAdvice('WPS') });
  });

  it('a .docx whatever its address says: audited, on the DOM it will show', async () => {
    const read = await readAttachment(new Uint8Array(readFileSync(join(DOCUMENTS, 'planted-2021-mismatch.docx'))), at);
    expect(read.kind).toBe('docx');
    if (read.kind !== 'docx') return;
    const errors = read.result!.report.findings.filter((f) => f.severity === 'error');
    expect(errors).toHaveLength(3);
    // The cell the audit names is an element of the parsed document that the page moves on screen.
    const el = read.result!.elementFor(errors[0]!.table!, errors[0]!.cells[0]!);
    expect(el?.ownerDocument).toBe(read.doc);
    expect(read.result!.report.source.url).toBe(at.href);
  });
});
