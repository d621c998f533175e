/**
 * linesUpTo (lib/read/flattened-lines.ts) answers textLines(root, stopAt) from one walk of the whole subtree:
 * on every fixture page and on random markup, for every element as stopAt, the same lines (text and element).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linesUpTo, textLines, wholeTextLines, type Line } from '@/lib/read/flattened-lines.ts';
import { browserDocument, FIXTURES } from '../support/audit-html.ts';

const same = (a: Line[], b: Line[]) => a.length === b.length && a.every((l, i) => l.text === b[i].text && l.el === b[i].el);

function agrees(root: Element, stops: Element[]): boolean {
  const whole = wholeTextLines(root);
  if (!same(whole.lines, textLines(root))) return false;
  return [undefined, root, ...stops].every((stop) => same(linesUpTo(whole, root, stop), textLines(root, stop)));
}

describe('the lines up to an element, from the whole walk', () => {
  it('on every fixture page (every 7th element as where the walk stops)', () => {
    for (const f of readdirSync(FIXTURES).filter((f) => f.endsWith('.html'))) {
      const doc = browserDocument(readFileSync(join(FIXTURES, f), 'utf8'));
      const all = Array.from(doc.body.querySelectorAll('*'));
      expect(agrees(doc.body, all.filter((_, i) => i % 7 === 0)), f).toBe(true);
    }
  });

  const text = fc.constantFrom('', ' ', '\n', '共收到', '申请 6', '件。', '\u3000 二、', 'x');
  const markup: fc.Memo<string> = fc.memo((depth) =>
    depth <= 0
      ? text
      : fc.oneof(
          text,
          fc
            .tuple(
              fc.constantFrom('p', 'div', 'span', 'b', 'br', 'script', 'td', 'table', 'li', 'h2', 'div id="wm-ipp"', 'wayback-toolbar', 'font', 'pre'),
              fc.array(markup(depth - 1), { maxLength: 4 }),
            )
            .map(([tag, kids]) => (tag === 'br' ? '<br>' : `<${tag}>${kids.join('')}</${tag.split(' ')[0]}>`)),
        ),
  );
  it('on random markup, every element as where the walk stops', () => {
    fc.assert(
      fc.property(fc.array(markup(4), { maxLength: 6 }), (parts) => {
        const doc = browserDocument(`<body><div id="a">${parts.join('')}</div></body>`);
        const root = doc.getElementById('a')!;
        return agrees(root, Array.from(root.querySelectorAll('*')));
      }),
      { numRuns: 300 },
    );
  });
});
