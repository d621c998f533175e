import { describe, expect, it } from 'vitest';
import { isArchiveChrome, isGovCnHost, parseArchiveUrl, reportHost, sourceOfAddress } from '../lib/archive-url.ts';
import { nodeDocument } from './support/audit-html.ts';

describe('archive URLs', () => {
  it('reads the original address, host and capture time of a Wayback copy', () => {
    const href = 'https://web.archive.org/web/20230315082901/http://www.linxi.gov.cn/zwgk/2022nb.html';
    expect(parseArchiveUrl(href)).toEqual({
      original: 'http://www.linxi.gov.cn/zwgk/2022nb.html',
      host: 'www.linxi.gov.cn',
      capturedAt: '2023-03-15T08:29:01Z',
      archivedAt: href,
    });
  });

  it('drops the id_/if_ modifiers, keeps the original query, and reads http:/ collapsed or scheme-less originals', () => {
    expect(parseArchiveUrl('http://web.archive.org/web/20210101000000id_/https://www.gd.gov.cn/a.jsp?id=7')?.original).toBe(
      'https://www.gd.gov.cn/a.jsp?id=7',
    );
    expect(parseArchiveUrl('https://web.archive.org/web/20210101000000if_/http:/www.gd.gov.cn/x.html')?.original).toBe('http://www.gd.gov.cn/x.html');
    expect(parseArchiveUrl('https://web.archive.org/web/20210101000000/www.gd.gov.cn/x.html')?.host).toBe('www.gd.gov.cn');
  });

  it('is null for other hosts, short timestamps, the calendar pages and garbage', () => {
    expect(parseArchiveUrl('http://www.linxi.gov.cn/web/20230315082901/http://x.gov.cn/')).toBeNull();
    expect(parseArchiveUrl('https://web.archive.org/web/2023/http://www.linxi.gov.cn/')).toBeNull();
    expect(parseArchiveUrl('https://web.archive.org/web/*/http://www.linxi.gov.cn/*')).toBeNull();
    expect(parseArchiveUrl('not a url')).toBeNull();
    expect(parseArchiveUrl('file:///home/a/web/20230315082901/http://x.gov.cn/')).toBeNull();
  });

  it('a page stands for its original host: .gov.cn detection and source.url use it, the archive URL is kept', () => {
    const href = 'https://web.archive.org/web/20230315082901/http://www.linxi.gov.cn/nb.html';
    expect(reportHost(href)).toBe('www.linxi.gov.cn');
    expect(isGovCnHost(reportHost(href))).toBe(true);
    expect(isGovCnHost(reportHost('https://web.archive.org/web/20230315082901/http://www.example.com/'))).toBe(false);
    expect(isGovCnHost('evilgov.cn')).toBe(false);
    expect(sourceOfAddress(href)).toEqual({ url: 'http://www.linxi.gov.cn/nb.html', archivedAt: href });
    expect(sourceOfAddress('http://www.linxi.gov.cn/nb.html')).toEqual({ url: 'http://www.linxi.gov.cn/nb.html' });
  });

  it("recognises the archive's toolbar elements and nothing else", () => {
    const doc = nodeDocument('<html><body><div id="wm-ipp-base"><table><tr><td>x</td></tr></table></div><div id="main"></div></body></html>');
    expect(isArchiveChrome(doc.getElementById('wm-ipp-base')!)).toBe(true);
    expect(isArchiveChrome(doc.getElementById('main')!)).toBe(false);
  });
});
