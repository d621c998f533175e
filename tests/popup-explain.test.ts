import { describe, expect, it } from 'vitest';
import { explainNoReport } from '@/entrypoints/popup/explain.ts';
import { isGovCnHost } from '@/lib/archive-url.ts';
import { tabIdFromQuery } from '@/entrypoints/popup/port.ts';

describe('why the popup has no report', () => {
  it('names a non-gov host', () => {
    expect(explainNoReport('https://www.example.com/a', 'absent').headline).toBe('此页面不是 .gov.cn 网站');
    expect(explainNoReport('chrome://extensions/', 'absent').headline).toBe('这不是网页');
  });

  it('places added in the options page: a page whose content script answered is explained as any report page; others point to the options', () => {
    const status = { found: false, watching: false, looksLikeReport: false };
    const archive = 'https://web.archive.org/web/20230315082901/http://www.a.gov.cn/x.html';
    expect(explainNoReport(archive, status).headline).toBe('此页面未找到年报表格');
    expect(explainNoReport('https://mirror.example.org/x.html', status).headline).toBe('此页面未找到年报表格');
    expect(explainNoReport('file:///home/a/nb.html', status).headline).toBe('此页面未找到年报表格');
    // Not (yet) granted: say where to turn it on.
    expect(explainNoReport(archive, 'absent').detail).toContain('设置');
    expect(explainNoReport('https://www.example.com/a', 'absent').detail).toContain('镜像');
    expect(explainNoReport('file:///home/a/nb.html', 'absent').detail).toContain('本机');
  });

  it('on a .gov.cn page says whether it is still waiting or found no report tables', () => {
    const status = { found: false, watching: false, looksLikeReport: true };
    expect(explainNoReport('http://www.a.gov.cn/x.html', status).headline).toBe('此页面未找到年报表格');
    expect(explainNoReport(undefined, { ...status, watching: true }).headline).toBe('正在等待页面加载表格');
    // A page that doesn't even look like a report isn't "loading": it just has no report.
    expect(explainNoReport(undefined, { ...status, watching: true, looksLikeReport: false }).headline).toBe('此页面未找到年报表格');
  });

  it('a list page and an attachment page say so, with their links, even while the script still watches', () => {
    const links = [{ text: '某区2022年政府信息公开工作年度报告', href: 'http://www.a.gov.cn/1.html' }];
    const status = { found: false, watching: true, looksLikeReport: true };
    const list = explainNoReport('http://www.a.gov.cn/ndbg/', { ...status, watching: false, page: { kind: 'list', links } });
    expect(list).toMatchObject({ headline: '这是年报列表页', links });
    expect(list.checkable).toBeFalsy();
    expect(list.detail).toContain('列出了 1 份年度报告');
    const attachment = explainNoReport('http://www.a.gov.cn/x.html', { ...status, page: { kind: 'attachment', links } });
    expect(attachment).toMatchObject({ headline: '本页的年报是附件', links, checkable: true });
    // The attachment can now be checked: the popup no longer says it cannot.
    expect(attachment.detail).not.toContain('无法核对附件');
    expect(attachment.detail).toMatch(/^本页的年报是附件/);
    expect(explainNoReport('http://www.a.gov.cn/x.html', { ...status, page: { kind: 'other' } }).headline).toBe('正在等待页面加载表格');
  });

  it('a tab that shows a PDF (no content script there) offers it to 核对附件, on any http(s) host', () => {
    const url = 'http://www.a.gov.cn/u/cms/2023%E5%B9%B4%E6%8A%A5.PDF?v=2';
    expect(explainNoReport(url, 'absent')).toMatchObject({ headline: '这是 PDF 文件', links: [{ text: '2023年报.PDF', href: url }], checkable: true });
    expect(explainNoReport('https://cdn.example.com/r.pdf', 'absent')).toMatchObject({ checkable: true });
    expect(explainNoReport('file:///home/r.pdf', 'absent').checkable).toBeFalsy();
    expect(explainNoReport('http://www.a.gov.cn/r.pdf.html', 'absent').checkable).toBeFalsy();
    // Without the tab's address (no activeTab), the content script in the PDF viewer names it.
    const links = [{ text: 'r.pdf', href: 'http://www.a.gov.cn/r.pdf' }];
    const page = { kind: 'pdf' as const, links };
    expect(explainNoReport(undefined, { found: false, watching: false, looksLikeReport: false, page })).toMatchObject({ headline: '这是 PDF 文件', links, checkable: true });
  });

  it('asks for a reload when the content script is missing on a .gov.cn page', () => {
    expect(explainNoReport('http://www.a.gov.cn/x.html', 'absent').detail).toContain('刷新页面');
    expect(explainNoReport(undefined, 'absent').detail).toContain('.gov.cn');
  });

  it('recognises .gov.cn hosts only', () => {
    expect(isGovCnHost('www.beijing.gov.cn')).toBe(true);
    expect(isGovCnHost('gov.cn')).toBe(true);
    expect(isGovCnHost('gov.cn.example.com')).toBe(false);
    expect(isGovCnHost('notgov.cn')).toBe(false);
  });

  it('reads ?tab=<id> for tests that open the popup as a page', () => {
    expect(tabIdFromQuery('?tab=12')).toBe(12);
    expect(tabIdFromQuery('')).toBeUndefined();
    expect(tabIdFromQuery('?tab=x')).toBeUndefined();
  });
});
