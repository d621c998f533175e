import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditDocument } from '../lib/audit.ts';
import { looksLikeReport } from '../lib/report-detection.ts';
import { browserDocument, fixture, nodeDocument } from './support/audit-html.ts';

// An archived copy of a report (tests/e2e/pages/wayback-planted-2021.html: planted-2021-mismatch with the Wayback
// Machine's toolbar and donation notice inserted after <body>, as the archive serves it) reads as the report.

const ARCHIVED = readFileSync(join(import.meta.dirname, 'e2e/pages/wayback-planted-2021.html'), 'utf8');
const HREF = 'https://web.archive.org/web/20230315082901/http://www.linxi.gov.cn/planted-2021-mismatch.html';

describe('archived copy with the archive toolbar', () => {
  for (const dom of ['browser', 'node'] as const) {
    it(`${dom}: the same report as the original; no cell or metadata read from the toolbar`, () => {
      const parse = dom === 'browser' ? browserDocument : nodeDocument;
      const original = auditDocument(parse(fixture('planted-2021-mismatch.html')), { url: 'http://www.linxi.gov.cn/planted-2021-mismatch.html' })!;
      const doc = parse(ARCHIVED);
      const archived = auditDocument(doc, { url: 'http://www.linxi.gov.cn/planted-2021-mismatch.html', archivedAt: HREF })!;
      expect(archived.report.source).toEqual({ ...original.report.source, archivedAt: HREF });
      expect({ ...archived.report, source: null }).toEqual({ ...original.report, source: null });
      const toolbar = doc.getElementById('wm-ipp-base')!;
      for (const [key, t] of Object.entries(archived.report.tables))
        for (const c of t!.cells) expect(toolbar.contains(archived.elementFor(key as 'table3', c) ?? null), `${key} ${c.row}`).toBe(false);
    });
  }

  it('detection skips the toolbar tables (they do not use up the tables it looks at)', () => {
    const manyToolbarTables = ARCHIVED.replace('<td class="n">', `<td class="n">${'<table><tr><td>2023</td></tr></table>'.repeat(8)}`);
    const doc = browserDocument(manyToolbarTables.replace(/<title>[^<]*<\/title>/, '<title>正文</title>').replace(/<meta name="ArticleTitle"[^>]*>/, '').replace(/<h[12][^>]*>[^<]*<\/h[12]>/g, ''));
    // Without the toolbar the same page is recognised from its tables alone.
    expect(looksLikeReport(browserDocument(fixture('planted-2021-mismatch.html').replace(/<title>[^<]*<\/title>/, '<title>正文</title>').replace(/<meta name="ArticleTitle"[^>]*>/, '').replace(/<h[12][^>]*>[^<]*<\/h[12]>/g, '')))).toBe(true);
    expect(looksLikeReport(doc)).toBe(true);
  });
});
