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
});
