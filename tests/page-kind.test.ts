import { describe, expect, it } from 'vitest';
import { pageKind } from '@/lib/page-kind.ts';
import { Window } from 'happy-dom';
import { fixture } from './support/audit-html.ts';

// Realistic markup of the pages around a report: a gov CMS report column and report pages with attachments.

const BASE = 'http://www.linxi.gov.cn/zwgk/ndbg/';

/** A page as the browser has it at BASE (links resolve against the page's address). */
function browserDocument(html: string): Document {
  const window = new Window({ url: BASE, settings: { disableIframePageLoading: true } });
  window.document.write(html);
  return window.document as unknown as Document;
}
const chrome = (title: string, body: string) =>
  `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body>
  <div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk/">政府信息公开</a></li><li><a href="/zwgk/ndbg/">政府信息公开年报</a></li></ul></div>
  <div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政府信息公开</a> &gt; 政府信息公开年报</div>
  ${body}
  <div class="footer"><p>主办：临溪县人民政府办公室 <a href="/wzdt.html">网站地图</a></p></div></body></html>`;

const LIST = chrome(
  '政府信息公开年报_临溪县人民政府',
  `<div class="list"><h2 class="col-title">政府信息公开年报</h2><ul>
  <li><a href="./202301/t20230130_1001.html" target="_blank" title="临溪县人民政府2022年政府信息公开工作年度报告">临溪县人民政府2022年政府信息公开工作年度报告</a><span>2023-01-30</span></li>
  <li><a href="./202301/t20230128_1002.html" target="_blank">临溪县教育局2022年政府信息公开工作年度报告</a><span>2023-01-28</span></li>
  <li><a href="./202301/t20230127_1003.html" target="_blank">临溪县卫生健康局2022年政府信息公开工作年度报告</a><span>2023-01-27</span></li>
  <li><a href="./202201/t20220125_0901.html" target="_blank">临溪县人民政府2021年政府信息公开工作年度报告</a><span>2022-01-25</span></li>
  <li><a href="./202201/t20220120_0902.html" target="_blank">临溪县自然资源局2021年政务公开年报</a><span>2022-01-20</span></li>
  </ul><div class="pager"><a href="index_1.html">下一页</a><a href="index_9.html">尾页</a></div></div>`,
);

describe('pageKind', () => {
  it('a report column: many links that each name a year’s report → list, with every report link resolved', () => {
    for (const doc of [browserDocument(LIST)]) {
      const kind = pageKind(doc);
      expect(kind.kind).toBe('list');
      if (kind.kind !== 'list') continue;
      expect(kind.links).toHaveLength(5);
      expect(kind.links[0]).toEqual({ text: '临溪县人民政府2022年政府信息公开工作年度报告', href: `${BASE}202301/t20230130_1001.html` });
      // The nav link "政府信息公开年报" names no year: it is not a report.
      expect(kind.links.some((l) => l.text === '政府信息公开年报')).toBe(false);
    }
  });

  it('a report page with a sidebar of three earlier years is not a list page', () => {
    const html = chrome(
      '临溪县教育局2022年政府信息公开工作年度报告',
      `<h1>临溪县教育局2022年政府信息公开工作年度报告</h1><div id="zoom"><p>正在加载……</p></div>
      <div class="side"><h3>往年年报</h3><ul><li><a href="a.html">临溪县教育局2021年政府信息公开工作年度报告</a></li>
      <li><a href="b.html">临溪县教育局2020年政府信息公开工作年度报告</a></li><li><a href="c.html">临溪县教育局2019年政府信息公开工作年度报告</a></li></ul></div>`,
    );
    expect(pageKind(browserDocument(html))).toEqual({ kind: 'other' });
  });

  it('a page whose report tables are on it is never a list page, however many reports it links', () => {
    const html = LIST.replace('</ul><div class="pager">', '</ul><table><tr><td>申请人情况</td></tr></table><div class="pager">');
    expect(pageKind(browserDocument(html)).kind).toBe('other');
  });

  it('a report page whose report is an attachment: the download links (by href or by name)', () => {
    const html = chrome(
      '临溪县交通运输局2023年政府信息公开工作年度报告_临溪县人民政府',
      `<h1>临溪县交通运输局2023年政府信息公开工作年度报告</h1><div id="zoom">
      <p>根据《中华人民共和国政府信息公开条例》要求，现将本机关2023年政府信息公开工作年度报告予以公布（详见附件）。</p>
      <p>附件：<a href="/module/download/downfile.jsp?classid=0&amp;filename=2401301536.pdf">临溪县交通运输局2023年政府信息公开工作年度报告.pdf</a></p>
      <p><a href="/u/cms/www/202401/30153612abcd.docx">附件2：统计表</a></p>
      <p><a href="/u/cms/www/202401/30153612abcd.wps" title="报告（WPS 版）"><img src="wps.gif"></a></p>
      <p><a href="javascript:void(0)">打印本页</a></p></div>`,
    );
    const kind = pageKind(browserDocument(html));
    expect(kind).toEqual({
      kind: 'attachment',
      links: [
        { text: '临溪县交通运输局2023年政府信息公开工作年度报告.pdf', href: 'http://www.linxi.gov.cn/module/download/downfile.jsp?classid=0&filename=2401301536.pdf' },
        { text: '附件2：统计表', href: 'http://www.linxi.gov.cn/u/cms/www/202401/30153612abcd.docx' },
        { text: '报告（WPS 版）', href: 'http://www.linxi.gov.cn/u/cms/www/202401/30153612abcd.wps' },
      ],
    });
  });

  it('an embedded PDF (<embed>, <iframe>, <object>) is an attachment too', () => {
    for (const tag of ['<embed src="/files/ndbg2023.pdf" type="application/pdf">', '<iframe src="/pdfjs/web/viewer.html?file=/files/ndbg2023.pdf"></iframe>', '<object data="/files/ndbg2023.pdf"></object>']) {
      const html = chrome('临溪县2023年政府信息公开工作年度报告', `<h1>临溪县2023年政府信息公开工作年度报告</h1>${tag}`);
      const kind = pageKind(browserDocument(html));
      expect(kind.kind, tag).toBe('attachment');
      if (kind.kind === 'attachment') expect(kind.links[0]!.href).toMatch(/^http:\/\/www\.linxi\.gov\.cn\/.*ndbg2023\.pdf$/);
    }
  });

  it('pages whose title names no report are left alone, even with report links and attachments', () => {
    expect(pageKind(browserDocument(fixture('non-report-news-list.html')))).toEqual({ kind: 'other' });
    const html = chrome('通知公告_临溪县人民政府', `<ul><li><a href="x.pdf">2023年政府信息公开年报.pdf</a></li></ul>`);
    expect(pageKind(browserDocument(html))).toEqual({ kind: 'other' });
  });
});

describe('a tab showing a PDF', () => {
  it('the browser’s PDF viewer (its document typed application/pdf) is a PDF page whose one link is the PDF', () => {
    const viewer = { contentType: 'application/pdf', URL: 'http://www.linxi.gov.cn/u/2023%E5%B9%B4%E6%8A%A5.pdf' } as Document;
    expect(pageKind(viewer)).toEqual({ kind: 'pdf', links: [{ text: '2023年报.pdf', href: viewer.URL }] });
    const broken = { contentType: 'application/pdf', URL: 'http://www.linxi.gov.cn/u/%E5.pdf' } as Document;
    expect(pageKind(broken)).toEqual({ kind: 'pdf', links: [{ text: '%E5.pdf', href: broken.URL }] });
  });

  it('an ordinary page is not one', () => {
    expect(pageKind(browserDocument(chrome('首页', '<p>x</p>'))).kind).toBe('other');
  });
});
