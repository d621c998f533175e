import { describe, expect, it } from 'vitest';
import { explainNoReport, isGovCn } from '@/entrypoints/popup/explain.ts';
import { tabIdFromQuery } from '@/entrypoints/popup/port.ts';

describe('why the popup has no report', () => {
  it('names a non-gov host', () => {
    expect(explainNoReport('https://www.example.com/a', 'absent').headline).toBe('此页面不是 .gov.cn 网站');
    expect(explainNoReport('chrome://extensions/', 'absent').headline).toBe('这不是网页');
  });

  it('on a .gov.cn page says whether it is still waiting or found no report tables', () => {
    expect(explainNoReport('http://www.a.gov.cn/x.html', { found: false, watching: false }).headline).toBe('此页面未找到年报表格');
    expect(explainNoReport(undefined, { found: false, watching: true }).headline).toBe('正在等待页面加载正文');
  });

  it('asks for a reload when the content script is missing on a .gov.cn page', () => {
    expect(explainNoReport('http://www.a.gov.cn/x.html', 'absent').detail).toContain('刷新页面');
    expect(explainNoReport(undefined, 'absent').detail).toContain('.gov.cn');
  });

  it('recognises .gov.cn hosts only', () => {
    expect(isGovCn('www.beijing.gov.cn')).toBe(true);
    expect(isGovCn('gov.cn')).toBe(true);
    expect(isGovCn('gov.cn.example.com')).toBe(false);
    expect(isGovCn('notgov.cn')).toBe(false);
  });

  it('reads ?tab=<id> for tests that open the popup as a page', () => {
    expect(tabIdFromQuery('?tab=12')).toBe(12);
    expect(tabIdFromQuery('')).toBeUndefined();
    expect(tabIdFromQuery('?tab=x')).toBeUndefined();
  });
});
