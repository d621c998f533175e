/**
 * The CLI reads saved pages into the light DOM of scripts/light-dom.ts instead of linkedom: every report
 * must come out exactly as from linkedom (same tree from the same htmlparser2 callbacks, same quirks).
 * Compared on every fixture, the corpus, random fuzz pages and hand-made broken markup.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { auditHtml, decodePage, parseHtml } from '../../scripts/read-page.ts';
import { Tokenizer } from 'htmlparser2';
import { parseLight } from '../../scripts/light-dom.ts';
import { FIXTURES, SHARED } from '../support/audit-html.ts';
import { pageHtmlArb } from '../support/fuzz-core.ts';

const pages = [FIXTURES, join(SHARED, 'corpus')]
  .filter((d) => existsSync(d))
  .flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.html')).map((f) => ({ name: f, html: decodePage(readFileSync(join(d, f))) })));

/** The report each parser gives, as JSON (null when no report). */
const both = (html: string) => ['linkedom', 'light'].map((p) => JSON.stringify(auditHtml(html, 'page.html', p as 'light' | 'linkedom')?.report ?? null));

const table3 = readFileSync(join(FIXTURES, 'clean-2021.html'), 'utf8').match(/<table[\s\S]*?<\/table>/g)!.join('\n');

/** Markup the parsers' tree building is most likely to disagree on. */
const broken: Record<string, string> = {
  'no html, no body': `<title>某县2021年政府信息公开工作年度报告</title><p>发布日期：2022-01-20</p>${table3}`,
  'content before <html>': `<p>前言</p><html><head><title>某县2021年政府信息公开工作年度报告</title></head><body>${table3}</body></html>`,
  'head element in body position': `<html><div>x</div><head><title>t</title></head><body>${table3}</body></html>`,
  'unclosed cells and rows': `<html><body>${table3.replace(/<\/t[dr]>/g, '')}</body></html>`,
  'tables inside svg and noscript': `<html><body><svg><table><tr><td style="a&amp;b">1</td></tr></table></svg><noscript><script>var a="<table>"</script>${table3}</noscript>${table3}</body></html>`,
  'stray end tags and p in p': `<html><body></div></p><p><p>发布机构：某县人民政府</span>${table3}</body></html>`,
  'entities and comments': `<html><head><meta name="ArticleTitle" content="某县&amp;2021年政府信息公开工作年度报告"></head><body><!-- <table> -->${table3.replace(/>(\d+)</g, '>&#x3$1;<')}</body></html>`,
  'uppercase tags and attributes': `<HTML><BODY>${table3.replace(/<td/g, '<TD').replace(/colspan/g, 'COLSPAN')}</BODY></HTML>`,
  'scripted article only': `<html><head><title>某县2021年政府信息公开工作年度报告</title></head><body><script>var content = ${JSON.stringify(table3)};</script></body></html>`,
  'title in body': `<html><body><title>某县2021年政府信息公开工作年度报告</title>${table3}</body></html>`,
};

describe('the light DOM gives the reports linkedom gives', () => {
  it.each(pages.map((p) => [p.name, p.html]))('%s', (_name, html) => {
    const [linkedom, light] = both(html);
    expect(light).toBe(linkedom);
  });

  it('reads some report from the fixtures (the comparison is not of nulls)', () => {
    expect(pages.filter((p) => both(p.html)[1] !== 'null').length).toBeGreaterThan(10);
  });

  it.each(Object.entries(broken))('broken markup: %s', (_name, html) => {
    const [linkedom, light] = both(html);
    expect(light).toBe(linkedom);
  });

  it('random fuzz pages', () => {
    fc.assert(
      fc.property(pageHtmlArb, (html) => {
        const [linkedom, light] = both(html);
        expect(light).toBe(linkedom);
      }),
      { numRuns: 300 },
    );
  });

  it('builds the same tree: same elements, text and attributes in document order', () => {
    const shape = (doc: Document | ReturnType<typeof parseLight>) => {
      const out: string[] = [];
      const walk = (n: Node) => {
        for (const c of Array.from(n.childNodes)) {
          if (c.nodeType === 1) {
            const el = c as Element;
            out.push(`<${el.localName} ${el.hasAttributes()} ${['colspan', 'rowspan', 'style', 'hidden', 'name', 'content'].map((a) => el.getAttribute(a)).join('|')}>`);
            walk(el);
            out.push(`</${el.localName}>`);
          } else if (c.nodeType === 3) {
            if (out.at(-1)?.startsWith('#')) out[out.length - 1] += c.nodeValue;
            else out.push(`#${c.nodeValue}`);
          }
        }
      };
      walk(doc as unknown as Node);
      return out;
    };
    for (const html of [...pages.map((p) => p.html), ...Object.values(broken)]) {
      expect(shape(parseHtml(html, 'light'))).toEqual(shape(parseHtml(html, 'linkedom')));
    }
  });

  // scripts/light-dom.ts skips through text and quoted attribute values to the next character that matters:
  // the tokens must be those of htmlparser2's own Tokenizer, also where a value or the text runs to the end.
  it('the skipping tokenizer gives the tree of htmlparser2\'s own', () => {
    const tree = (doc: ReturnType<typeof parseLight>) => {
      const out: string[] = [];
      const walk = (n: ReturnType<typeof parseLight> | ReturnType<typeof parseLight>['children'][number]) => {
        for (const c of n.childNodes) {
          if (c.nodeType === 1) {
            const el = c as ReturnType<typeof parseLight>['children'][number];
            out.push(`<${el.localName} ${JSON.stringify(el.attributes)}>`);
            walk(el);
            out.push(`</${el.localName}>`);
          } else out.push(`${c.nodeType}:${c.nodeValue}`);
        }
      };
      walk(doc);
      return out;
    };
    const edges = [
      `<p title="a &amp; b &lt;c&gt; &#x4E00;" data-x='x &quot; "y" &amp' class=z&amp;w>t &amp; u &nbsp;&copy v</p>`,
      '<td style="mso-x:1;color:red">12</td><td style=\'a:"b"\'>3&',
      '<p a="never closed &amp; more',
      "<p a='never closed",
      'text that ends without a tag &amp',
      'text &',
      '<td>1</td>&#',
      '<textarea>&amp; <b>x</b></textarea><title>a &amp; b</title><script>if (a < b && c) x = "&amp;"</script>',
      '<svg><text x="1&amp;">a&lt;b</text></svg><p>"quoted" \'text\'</p>',
    ];
    fc.assert(
      fc.property(pageHtmlArb, (html) => {
        expect(tree(parseLight(html))).toEqual(tree(parseLight(html, Tokenizer)));
      }),
      { numRuns: 100, seed: 7 },
    );
    for (const html of [...edges, ...pages.map((p) => p.html)]) expect(tree(parseLight(html))).toEqual(tree(parseLight(html, Tokenizer)));
  });
});
