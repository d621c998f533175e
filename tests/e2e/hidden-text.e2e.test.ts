import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badgeText, expectedAudit, GOV, launch, tabIdOf, type Harness } from './harness.ts';

// In the page, the audit reads what is rendered: text the page's own stylesheet hides (a draft table, an
// old row, a digit) is not audited. Read without the stylesheet, the same page has errors.

const BANNER_HEADLINE = 'nianbao-banner [data-testid="nianbao-headline"]';
let h: Harness;
beforeAll(async () => {
  h = await launch();
});
afterAll(async () => h?.close());

describe('a hidden draft table with a wrong total above the real one (hidden-draft-2021.html)', () => {
  const name = 'hidden-draft-2021.html';

  it('read from the markup alone, the hidden parts make errors (so the page test below is not vacuous)', async () => {
    const markupOnly = (await expectedAudit(name))!;
    expect(markupOnly.report.findings.filter((f) => f.severity === 'error').length).toBeGreaterThan(0);
  });

  it('in Chromium: no error or warning mark, a "reconciles" banner and a green check', async () => {
    const page = await h.context.newPage();
    await page.goto(`${GOV}/${name}`);
    await page.waitForSelector(BANNER_HEADLINE);
    expect(await page.locator(BANNER_HEADLINE).textContent()).toMatch(/^本报告表格数据全部核对一致 · 已核对 [1-9]\d* 项关系，读取 [1-9]\d* 个数字$/);
    expect(await page.locator('[data-nianbao-finding]').count()).toBe(0);
    expect(await page.locator('[data-nianbao-warning]').count()).toBe(0);
    expect(await badgeText(h, await tabIdOf(h, page))).toBe('✓');
  });
});
