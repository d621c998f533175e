import { describe, expect, it } from 'vitest';
import { exportJson } from '@/lib/export/json.ts';
import { importHtml, importJson } from '@/lib/library/import.ts';
import { SCHEMA_VERSION } from '@/lib/schema.ts';
import { auditHtml, browserDocument, fixture } from '../support/audit-html.ts';

// Imports into the library: JSON exports (one report or an array) checked with the schema, older
// versions told in a plain sentence, saved pages audited with the same pipeline.

const report = auditHtml(fixture('clean-2021.html'))!.report;

describe('importJson', () => {
  it('takes one report or an array, as exported', () => {
    expect(importJson(exportJson(report), 'a.json')).toEqual({ reports: [report], problems: [] });
    expect(importJson(exportJson([report, report]), 'b.json').reports).toHaveLength(2);
  });

  it('an older schemaVersion, a foreign object and broken JSON each get a plain message', () => {
    const old = importJson(JSON.stringify({ ...report, schemaVersion: SCHEMA_VERSION - 1 }), 'old.json');
    expect(old.reports).toEqual([]);
    expect(old.problems).toEqual([`old.json：由旧版导出（格式版本 ${SCHEMA_VERSION - 1}，当前为 ${SCHEMA_VERSION}），请打开原网页重新核对，或用新版命令行工具重新导出`]);
    const mixed = importJson(JSON.stringify([report, { hello: 1 }]), 'mixed.json');
    expect(mixed.reports).toHaveLength(1);
    expect(mixed.problems[0]).toMatch(/^mixed\.json 第 2 份：不是年报核对导出的报告/);
    expect(importJson('{', 'x.json').problems).toEqual(['x.json：不是有效的 JSON 文件']);
  });
});

describe('importHtml', () => {
  it('audits a saved page as the extension does, named by its file', () => {
    const got = importHtml(fixture('clean-2021.html'), 'clean.html', browserDocument);
    expect(got.reports[0].source).toEqual({ title: report.source.title, file: 'clean.html' });
    expect(got.reports[0].tables).toEqual(report.tables);
    expect(importHtml(fixture('non-report-news-list.html'), 'news.html', browserDocument)).toEqual({ reports: [], problems: ['news.html：没有找到年报表格'] });
  });
});
