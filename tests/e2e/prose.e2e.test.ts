import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { GOV, launch, NON_GOV, type Harness } from './harness.ts';

// The prose and the form in real Chromium: clean-2021.html with the received count restated as 69 (the
// table says 66; the two digits in separate <span>s) and its publication date moved to 2023-02-20 (a 局:
// due 1月31日). The quoted sentence is highlighted with the CSS Custom Highlight API, the DOM untouched.

const BANNER = 'nianbao-banner';
let h: Harness;
let page: Page;
let textBefore: string;
beforeAll(async () => {
  h = await launch();
  // The page's text without the extension: the same file served from a host that is not .gov.cn.
  const plain = await h.context.newPage();
  await plain.goto(`${NON_GOV}/prose-slip-2021.html`);
  textBefore = await plain.evaluate(() => document.body.innerText);
  await plain.close();
  page = await h.context.newPage();
  await page.goto(`${GOV}/prose-slip-2021.html`);
  await page.waitForSelector(`${BANNER} >> [data-testid="nianbao-headline"]`);
});
afterAll(async () => h?.close());

describe('a restated count that disagrees with Table 3, and a late publication date', () => {
  it('highlights the quoted sentence: CSS.highlights has nianbao-prose over the sentence with 69', async () => {
    const { has, texts } = await page.evaluate(() => {
      const hl = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
      const set = hl.get('nianbao-prose');
      return { has: hl.has('nianbao-prose'), texts: set ? [...set].map((r) => r.toString()) : [] };
    });
    expect(has).toBe(true);
    expect(texts).toEqual(['2022年，本机关共收到政府信息公开申请69件，上年结转5件。']);
  });

  it('lists the sentence in the banner under 正文与表格不符, and the deadline under 形式', async () => {
    const prose = page.locator(`${BANNER} >> [data-testid="nianbao-prose"]`);
    await expect.poll(() => prose.textContent()).toContain('正文与表格不符（1）');
    expect(await prose.textContent()).toContain('共收到政府信息公开申请69件');
    const form = page.locator(`${BANNER} >> [data-testid="nianbao-form"]`);
    expect(await form.textContent()).toContain('形式（1）');
    expect(await form.textContent()).toContain('2023-02-20');
    // Neither counts as 数据不一致: the tables of this page reconcile.
    expect(await page.locator(`${BANNER} >> [data-testid="nianbao-headline"]`).textContent()).toMatch(/^本报告表格数据全部核对一致/);
  });

  it("leaves the page's DOM text unchanged", async () => {
    const after = await page.evaluate(() => document.body.innerText);
    // Our UI lives in shadow roots, which innerText does not enter: the page's own text reads the same.
    expect(after).toBe(textBefore);
    expect(textBefore).toContain('共收到政府信息公开申请69件');
  });
});
