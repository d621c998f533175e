import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { Banner } from '@/components/Banner.tsx';
import { verdictOf } from '@/lib/checks/verdict.ts';
import { articleText, rangeOf } from '@/lib/read/article-text.ts';
import type { Coverage } from '@/lib/schema.ts';
import { auditHtml, fixture } from '../support/audit-html.ts';
import { finding } from '../support/fake-report.ts';

const covered: Coverage = { relationsChecked: 42, numbersRead: 200, cellsUnreadable: 0, notCheckable: [] };
const prose = finding({ id: 'p1', rule: 'prose.requests', severity: 'warning', table: 'table3', message: '正文说收到申请 69 件', text: { quote: '共收到申请69件。', start: 0, end: 9 } });
const form = finding({ id: 'f1', rule: 'form.deadline', severity: 'warning', table: null, cells: [], message: '2023-02-20 发布，晚于 2023年1月31日' });

describe('prose and form findings are their own groups', () => {
  it('never gaps, never 数据不一致: a clean table verdict stays clean', () => {
    const v = verdictOf([prose, form], covered);
    expect(v.kind).toBe('clean');
    expect(v.gaps).toEqual([]);
    expect(v.prose).toEqual([prose]);
    expect(v.form).toEqual([form]);
  });

  it('the banner lists the quoted sentence under 正文与表格不符 and the form under 形式', () => {
    const root = document.createElement('div');
    document.body.append(root);
    act(() => render(<Banner findings={[prose, form]} coverage={covered} onSelect={vi.fn()} onDismiss={vi.fn()} />, root));
    expect(root.querySelector('[data-testid="nianbao-prose"]')!.textContent).toContain('正文与表格不符（1）');
    expect(root.querySelector('[data-testid="nianbao-prose"] .nb-quote')!.textContent).toBe('共收到申请69件。');
    expect(root.querySelector('[data-testid="nianbao-form"]')!.textContent).toContain('形式（1）');
    expect(root.querySelector('[data-testid="nianbao-headline"]')!.textContent).toMatch(/^本报告表格数据全部核对一致/);
    render(null, root);
    root.remove();
  });
});

describe('article text', () => {
  it('joins digits split across spans, drops tables and scripts, one line per paragraph, and maps back to the DOM', () => {
    document.body.innerHTML =
      '<div id="a"><p>一、总体情况</p><p>共收到申请<span>6</span><span>9</span>件，<b>上年</b>结转5件。</p><script>var x="收到申请1件"</script>' +
      '<table><tr><td>一、本年新收</td><td>66</td></tr></table><p>  二、主动公开政府信息情况 </p></div>';
    const article = articleText(document.getElementById('a')!);
    expect(article.text).toBe('一、总体情况\n共收到申请69件，上年结转5件。\n二、主动公开政府信息情况');
    const start = article.text.indexOf('共');
    const range = rangeOf(article, start, article.text.indexOf('。') + 1)!;
    expect(range.toString()).toBe('共收到申请69件，上年结转5件。');
  });

  it('a template that does not fit the year: form.template (a 2019-format table in a report titled 2021)', () => {
    const html = fixture('seed-002-chanba-2020.html').replaceAll('区浐灞办2020年', '区浐灞办2021年');
    const found = auditHtml(html)!.report.findings.filter((f) => f.rule === 'form.template');
    expect(found).toHaveLength(1);
    expect(found[0].message).toContain('2021 年度的报告应使用2021 年格式');
  });
});
