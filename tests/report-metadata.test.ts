import { describe, expect, it } from 'vitest';
import { readMetadata } from '../lib/report-metadata.ts';
import { textLines } from '../lib/read/flattened-lines.ts';
import { looksLikeReport } from '../lib/report-detection.ts';
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

// Each title form met in a newsroom trial: the agency is data (file names, and next the pairing with last
// year's report), so every form is pinned here.
describe('agency and year from the title forms met on real sites', () => {
  const cases: { title: string; agency: string; year: string }[] = [
    { title: '某某县自然资源局二〇二三年政府信息公开工作年度报告', agency: '某某县自然资源局', year: '2023' },
    { title: '某某县自然资源局二〇二三年度政府信息公开工作年度报告', agency: '某某县自然资源局', year: '2023' },
    { title: '某某镇人民政府二○二一年政府信息公开工作年度报告', agency: '某某镇人民政府', year: '2021' },
    { title: '某某县人民政府2022—2023年政府信息公开工作年度报告', agency: '某某县人民政府', year: '2023' },
    { title: '2022—2023年某某县人民政府政府信息公开工作年度报告', agency: '某某县人民政府', year: '2023' },
    { title: '【2023年】某县住房和城乡建设局政府信息公开工作年度报告', agency: '某县住房和城乡建设局', year: '2023' },
    { title: '【某县财政局】2023年政府信息公开工作年度报告', agency: '某县财政局', year: '2023' },
    { title: '某市政务公开办公室2023年政府信息公开工作年度报告', agency: '某市政务公开办公室', year: '2023' },
    { title: '某市政务公开办公室2023年政务公开工作年度报告', agency: '某市政务公开办公室', year: '2023' },
    { title: '2023年政府信息公开工作年度报告（市政务公开办）', agency: '市政务公开办', year: '2023' },
    { title: '2023年度政府信息公开工作年度报告(市政务公开办)', agency: '市政务公开办', year: '2023' },
    { title: '某县政府信息公开中心2023年政府信息公开工作年度报告', agency: '某县政府信息公开中心', year: '2023' },
    { title: '某县政府信息公开中心2023年度政府信息公开年报', agency: '某县政府信息公开中心', year: '2023' },
    { title: '某某区发展和改革局2022年政府信息公开年度工作报告', agency: '某某区发展和改革局', year: '2022' },
    { title: '2019年上海市人民政府办公厅政府信息公开工作年度报告', agency: '上海市人民政府办公厅', year: '2019' },
    { title: '沭阳县发展和改革局2023年政府信息公开年度报告-沭阳县发改局', agency: '沭阳县发展和改革局', year: '2023' },
    { title: '某某经开区管委会2021年政府信息公开工作年度报告_政府信息公开年报_某某管委会', agency: '某某经开区管委会', year: '2021' },
  ];
  it.each(cases)('$title', ({ title, agency, year }) => {
    const m = meta(title, '');
    expect(m.agency?.value).toBe(agency);
    expect(m.year?.value).toBe(year);
  });
});

describe('the report title without the site suffix', () => {
  const cases: { page: string; title: string }[] = [
    { page: '某某管委会2021年政府信息公开工作年度报告_政府信息公开年报_某某管委会', title: '某某管委会2021年政府信息公开工作年度报告' },
    { page: '某某县财政局2022年政府信息公开工作年度报告 - 某某县人民政府网', title: '某某县财政局2022年政府信息公开工作年度报告' },
    { page: '某某县财政局2022年政府信息公开工作年度报告|某某县人民政府', title: '某某县财政局2022年政府信息公开工作年度报告' },
    { page: '某某县财政局2022年政府信息公开工作年度报告 ｜ 某某县人民政府', title: '某某县财政局2022年政府信息公开工作年度报告' },
    { page: '沭阳县发展和改革局2023年政府信息公开年度报告-沭阳县发改局', title: '沭阳县发展和改革局2023年政府信息公开年度报告' },
    // A range in the title is not a separator.
    { page: '某某县人民政府2022—2023年政府信息公开工作年度报告', title: '某某县人民政府2022—2023年政府信息公开工作年度报告' },
  ];
  it.each(cases)('$page', ({ page, title }) => {
    expect(meta(page, '').title).toBe(title);
  });
});

describe('when the report was published', () => {
  const cases: { name: string; head?: string; body?: string; value: string }[] = [
    { name: '时间：… in the title block', body: '<p>来源：某某县人民政府 时间：2021-03-05 08:58 浏览次数：12</p>', value: '2021-03-05' },
    { name: '发布时间：…', body: '<div>发布时间：2021-03-05 08:58:01</div>', value: '2021-03-05' },
    { name: '发布日期：… in Chinese', body: '<p>发布日期：2021年3月5日</p>', value: '2021-03-05' },
    { name: 'a PubDate meta', head: '<meta name="PubDate" content="2021-03-05 08:58">', value: '2021-03-05' },
    { name: 'a firstpublishedtime meta', head: '<meta name="firstpublishedtime" content="2021-03-05-08:58:00">', value: '2021-03-05' },
    { name: 'a publishdate meta', head: '<meta name="publishdate" content="2021/03/05">', value: '2021-03-05' },
  ];
  it.each(cases)('$name', ({ head = '', body = '', value }) => {
    const doc = browserDocument(`<html><head><title>某县2020年政府信息公开工作年度报告</title>${head}</head><body>${body}</body></html>`);
    const m = readMetadata(doc, textLines(doc.body).map((l) => l.text).join('\n'));
    expect(m.publishedAt?.value).toBe(value);
  });

  it('does not take the 统计时间 sentence for the publication date', () => {
    const m = meta('某县2020年政府信息公开工作年度报告', '<p>本报告统计时间：2020年1月1日至2020年12月31日。</p>');
    expect(m.publishedAt).toBeNull();
  });
});
