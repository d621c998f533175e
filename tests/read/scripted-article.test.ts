import { expect, it } from 'vitest';
import { scriptedArticleHtml } from '../../lib/read/scripted-article.ts';

const table = '<table><tr><td>申请人情况</td></tr><tr><td>本年新收</td><td>1</td></tr></table>';

it('finds the report markup in an inline script string, unescaping it', () => {
  const escaped = table.replace(/</g, '\\u003c').replace(/\//g, '\\/');
  const script = `var other = "${'x'.repeat(300)}"; let content = '${escaped}${' '.repeat(200)}'; document.getElementById('zoom').innerHTML = content;`;
  expect(scriptedArticleHtml(['var a = 1;', script])!.trim()).toBe(table);
});

it('ignores scripts without report markup', () => {
  expect(scriptedArticleHtml([`var html = "<table><tr><td>${'新闻'.repeat(200)}</td></tr></table>";`])).toBeNull();
});
