import { describe, expect, it } from 'vitest';
import { readMetadata } from '../lib/report-metadata.ts';
import { textLines } from '../lib/flattened-lines.ts';
import { looksLikeReport } from '../lib/audit.ts';
import { browserDocument } from './support/audit-html.ts';

function meta(title: string, body: string) {
  const doc = browserDocument(`<html><head><title>${title}</title></head><body>${body}</body></html>`);
  return readMetadata(doc, textLines(doc.body).map((l) => l.text).join('\n'));
}

describe('report metadata', () => {
  it('takes agency and year from a title that starts with the year', () => {
    const m = meta('2019年上海市人民政府办公厅政府信息公开工作年度报告', '');
    expect(m.agency?.value).toBe('上海市人民政府办公厅');
    expect(m.year?.value).toBe('2019');
    expect(m.year?.evidence).toContain('标题');
  });

  it('takes them from a title that starts with the agency, ignoring the site suffix', () => {
    const m = meta('沭阳县发展和改革局2023年政府信息公开年度报告-沭阳县发改局', '');
    expect(m.agency?.value).toBe('沭阳县发展和改革局');
    expect(m.year?.value).toBe('2023');
  });

  it('finds the report title in a heading when the page title is the site name', () => {
    const m = meta('某某区人民政府门户网站', '<div class="article-title">某某区财政局2021年度政府信息公开工作年度报告</div>');
    expect(m.title).toBe('某某区财政局2021年度政府信息公开工作年度报告');
    expect(m.agency?.value).toBe('某某区财政局');
    expect(m.year?.value).toBe('2021');
  });

  it('falls back to labelled fields and the 统计期限 sentence, keeping the evidence', () => {
    const m = meta('政府信息公开年度报告', '<table><tr><td>发布机构</td><td>某某镇人民政府</td><td>公开日期</td><td>2022-01-20</td></tr></table><p>本报告统计期限为2021年1月1日至12月31日。</p>');
    expect(m.agency).toEqual({ value: '某某镇人民政府', evidence: expect.stringContaining('发布机构') });
    expect(m.year?.value).toBe('2021');
    expect(m.year?.evidence).toContain('统计期限');
    expect(m.publishedAt?.value).toBe('2022-01-20');
  });

  it('reads dates written in Chinese', () => {
    expect(meta('x政府信息公开工作年度报告', '<p>发布日期：2021年1月29日</p>').publishedAt?.value).toBe('2021-01-29');
  });
});

describe('looksLikeReport (the cheap test run on every .gov.cn page)', () => {
  const doc = (title: string, body: string) => browserDocument(`<html><head><title>${title}</title></head><body>${body}</body></html>`);
  it('says yes on the title, the ArticleTitle meta, a heading, or a report table under a generic title', () => {
    expect(looksLikeReport(doc('某某县2022年政府信息公开工作年度报告', ''))).toBe(true);
    expect(looksLikeReport(browserDocument('<html><head><title>某某县人民政府</title><meta name="ArticleTitle" content="某某局2022年政府信息公开工作年度报告"></head><body></body></html>'))).toBe(true);
    expect(looksLikeReport(doc('某某县人民政府', '<h1>某某局2022年度政府信息公开工作年度报告</h1>'))).toBe(true);
    expect(looksLikeReport(doc('某某县人民政府', '<table><tr><td>申请人情况</td></tr></table>'))).toBe(true);
  });
  it('says no on a news list that merely links to reports', () => {
    expect(looksLikeReport(doc('工作动态_某某县人民政府', '<ul><li><a>政府信息公开年报</a></li></ul><table><tr><td>版权所有</td></tr></table>'))).toBe(false);
  });
});
