import { describe, expect, it } from 'vitest';
import { isReportTitle, looksLikeReport, mentionsReport } from '@/lib/report-detection.ts';
import { readMetadata } from '@/lib/report-metadata.ts';

function doc(head: string, body = ''): Document {
  const d = document.implementation.createHTMLDocument('');
  d.documentElement.innerHTML = `<head>${head}</head><body>${body}</body>`;
  return d;
}

describe('one test of a report title (lib/report-detection.ts)', () => {
  it('knows the names reports go by, and not a notice that mentions the work', () => {
    for (const title of ['某某县2022年政府信息公开工作年度报告', '2021年政务公开工作情况报告', '某某局信息公开2021年度工作报告', '2020年政府信息公开报告', '某某市2019年度报告'])
      expect(isReportTitle(title), title).toBe(true);
    for (const title of ['关于召开政务公开工作会议的通知', '政府信息公开指南', '2022年年报']) expect(isReportTitle(title), title).toBe(false);
    // A list's link may say just 年报: mentioned, not a title.
    expect(mentionsReport('2022年年报')).toBe(true);
  });

  it('the content script’s first look and the metadata’s title agree: a title it detects by is the title read', () => {
    // The page title names the report loosely (信息公开…年度工作报告); a sidebar heading names another year's.
    const page = doc('<title>某某局信息公开2021年度工作报告</title>', '<h2>某某局2020年度报告</h2><p>正文</p>');
    expect(looksLikeReport(page)).toBe(true);
    const meta = readMetadata(page, '');
    expect(meta.title).toBe('某某局信息公开2021年度工作报告');
    expect(meta.year?.value).toBe('2021');
  });

  it('the first look: the meta title, the first three headings of each level, the first eight innermost tables', () => {
    const plain = '<title>工作动态</title>';
    expect(looksLikeReport(doc(plain + '<meta name="ArticleTitle" content="2023年政府信息公开工作年度报告">'))).toBe(true);
    expect(looksLikeReport(doc(plain, '<h1>通知</h1><h1>公告</h1><h1>2023年政府信息公开工作年度报告</h1>'))).toBe(true);
    expect(looksLikeReport(doc(plain, '<h1>通知</h1><h1>公告</h1><h1>动态</h1><h1>2023年政府信息公开工作年度报告</h1>'))).toBe(false);
    // Headings of the other level are counted on their own.
    expect(looksLikeReport(doc(plain, '<h1>通知</h1><h1>公告</h1><h1>动态</h1><h2>2023年政府信息公开工作年度报告</h2>'))).toBe(true);
    const table = (text: string) => `<table><tr><td>${text}</td></tr></table>`;
    expect(looksLikeReport(doc(plain, table('本年新收政府信息公开申请数量')))).toBe(true);
    expect(looksLikeReport(doc(plain, table('栏目') .repeat(8) + table('本年新收政府信息公开申请数量')))).toBe(false);
    // A layout table is not read whole: its own text counts only through the innermost tables inside it.
    expect(looksLikeReport(doc(plain, `<table><tr><td>申请人情况${table('导航')}</td></tr></table>`))).toBe(false);
    expect(looksLikeReport(doc(plain, `<table><tr><td>${table('申请人情况')}</td></tr></table>`))).toBe(true);
    // The web archive's own toolbar is not the page.
    expect(looksLikeReport(doc(plain, `<div id="wm-ipp-base">${table('申请人情况')}</div>`))).toBe(false);
    expect(looksLikeReport(doc(plain, '<p>申请人情况</p>'))).toBe(false);
  });
});
