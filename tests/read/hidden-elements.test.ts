/**
 * hiddenInTree answers for many elements while asking each ancestor once: it must answer exactly as the
 * plain walk up (is the element or an ancestor hidden?). hiddenByMarkup answers the same with or without
 * the tag its caller has read. cellText does not ask about an empty inline element, which adds nothing either way.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { hiddenByMarkup, hiddenInTree } from '@/lib/read/hidden-elements.ts';
import { BLOCK_TAGS, cellText, UNRENDERED_TAGS } from '@/lib/read/cell-text.ts';
import { parseHtml } from '../../scripts/read-page.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);

function naiveHiddenInTree(el: Element): boolean {
  for (let at: Element | null = el; at; at = at.parentElement) if (hiddenByMarkup(at)) return true;
  return false;
}

const attrs = fc.constantFrom('', ' hidden', ' style="display:none"', ' style="width:1px"', ' style="visibility:hidden"', ' class="x"');
const treeArb: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant('<table><tr><td>1</td></tr></table>'),
    fc.tuple(fc.constantFrom('div', 'section', 'span', 'template'), attrs, fc.array(tie('node'), { maxLength: 3 })).map(
      ([tag, a, kids]) => `<${tag}${a}>${kids.join('')}</${tag}>`,
    ),
  ),
})).node;

describe('hiddenInTree', () => {
  it('answers as the walk up, for every element, asking each element at most once', () => {
    fc.assert(
      fc.property(fc.array(treeArb, { maxLength: 4 }), (parts) => {
        const doc = parseHtml(`<html><body>${parts.join('')}</body></html>`);
        const all = Array.from(doc.querySelectorAll('*'));
        const asked = new Map<Element, number>();
        const inTree = hiddenInTree((el) => {
          asked.set(el, (asked.get(el) ?? 0) + 1);
          return hiddenByMarkup(el);
        });
        for (const el of [...all].reverse()) expect(inTree(el)).toBe(naiveHiddenInTree(el));
        for (const n of asked.values()) expect(n).toBe(1);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('hiddenByMarkup', () => {
  it('answers the same with the tag given', () => {
    const doc = parseHtml(
      '<html><body><table hidden><tr style="DISPLAY: none"><td style="width:1px">1</td><td style="visibility:collapse">2</td></tr></table><p>3</p></body></html>',
    );
    const all = Array.from(doc.querySelectorAll('*'));
    expect(all.filter((el) => hiddenByMarkup(el)).map((el) => el.localName)).toEqual(['table', 'tr', 'td']);
    const template = doc.createElement('template');
    for (const el of [...all, template]) expect(hiddenByMarkup(el, el.localName)).toBe(hiddenByMarkup(el));
    expect(hiddenByMarkup(template)).toBe(true);
  });
});

describe('cellText asks only about elements that could change its text', () => {
  const doc = parseHtml(
    '<html><body><table><tr><td><p class="x">1<o:p></o:p></p><span><img></span><p></p><span hidden>2</span><script>3</script><div style="display:none"></div>4</td></tr></table></body></html>',
  );
  const td = doc.querySelector('td')!;

  it('an empty inline element is not asked, an empty block is (it breaks the line when shown)', () => {
    const asked: string[] = [];
    const text = cellText(td, (el, tag) => {
      asked.push(el.localName);
      return hiddenByMarkup(el, tag);
    });
    expect(asked).toEqual(['p', 'span', 'p', 'span', 'div']);
    expect(text).toBe('\n1\n\n\n4');
  });

  it('the text is the same whether an empty inline element is hidden or not', () => {
    const hideEmpty = (el: Element) => hiddenByMarkup(el) || (!el.firstChild && !BLOCK_TAGS.has(el.localName));
    expect(cellText(td, hideEmpty)).toBe(cellText(td, hiddenByMarkup));
  });

  it('no tag is both a block and unrendered (cellText asks blocks without the unrendered test)', () => {
    expect([...BLOCK_TAGS].filter((tag) => UNRENDERED_TAGS.has(tag))).toEqual([]);
  });
});
