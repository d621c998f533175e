import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEFAULT_SETTINGS, SETTINGS_KEY, type LanguageSetting } from '../../lib/settings.ts';
import { ruleInfo } from '../../lib/checks/catalog.ts';
import type { Finding } from '../../lib/schema.ts';
import { expectedAudit, GOV, launch, tabIdOf, type Harness } from './harness.ts';

// The language setting in real Chromium (whose UI language here is zh-CN): stored as the options page
// stores it, then the banner, a cell's tooltip, the popup and the toolbar button's title follow it.

declare const chrome: any;

const SEED_000 = 'seed-000-xinanjiang-2019.html';
const HEADLINE = 'nianbao-banner [data-testid="nianbao-headline"]';
let h: Harness;
let errors: number;
let firstError: Finding;

beforeAll(async () => {
  h = await launch();
  const found = (await expectedAudit(SEED_000))!.report.findings.filter((f) => f.severity === 'error');
  errors = found.length;
  firstError = found[0];
  // The page's one mismatch is the balance 一 + 二 = 三(七) + 四 (see tests/i18n/finding-text.test.ts for the others).
  expect(firstError.rule).toBe('table3.balance');
  expect(errors).toBeGreaterThan(0);
});
afterAll(async () => h?.close());

async function setLanguage(language: LanguageSetting) {
  const sw = await h.serviceWorker();
  await sw.evaluate(([key, settings]) => chrome.storage.local.set({ [key as string]: settings }), [SETTINGS_KEY, { ...DEFAULT_SETTINGS, language }] as const);
}

async function openReport(): Promise<{ page: Page; tabId: number }> {
  const page = await h.context.newPage();
  await page.goto(`${GOV}/${SEED_000}`);
  await page.waitForSelector(HEADLINE, { timeout: 15_000 });
  return { page, tabId: await tabIdOf(h, page) };
}

async function buttonTitle(tabId: number): Promise<string> {
  const sw = await h.serviceWorker();
  return sw.evaluate((id) => chrome.action.getTitle({ tabId: id }), tabId);
}

describe('language setting', () => {
  it('auto: the browser’s Chinese', async () => {
    const { page, tabId } = await openReport();
    expect(await page.locator(HEADLINE).textContent()).toBe(`本报告有 ${errors} 处数据不一致`);
    await expect.poll(() => buttonTitle(tabId)).toBe(`年报核对：${errors} 处数据不一致`);
    await page.close();
  });

  it('English: the banner, a cell tooltip, the popup and the button title', async () => {
    await setLanguage('en');
    const { page, tabId } = await openReport();
    expect(await page.locator(HEADLINE).textContent()).toBe(`This report has ${errors} mismatches`);
    expect(await page.locator('nianbao-banner .nb-brand').textContent()).toBe('Nianbao Check');
    const firstMessage = await page.locator('nianbao-banner .nb-finding.nb-error .nb-message').first().textContent();
    const subject = firstError.message.slice(0, firstError.message.indexOf('：'));
    const english = `${ruleInfo(firstError.rule)!.name.en} · ${subject}: new + carried over = ${firstError.actual} ≠ answered + carried forward = ${firstError.expected}`;
    expect(firstMessage).toBe(english);

    await page.locator('[data-nianbao-finding]').first().focus();
    const tip = page.locator('nianbao-tip [role="tooltip"]');
    await expect.poll(() => tip.locator('.nb-error .nb-tip-kind').first().textContent()).toMatch(/^Mismatch · Table \d/);
    expect(await tip.locator('.nb-error .nb-tip-text').first().textContent()).toBe(english);

    await expect.poll(() => buttonTitle(tabId)).toBe(`Nianbao Check: ${errors} mismatches`);

    const popup = await h.context.newPage();
    await popup.goto(`chrome-extension://${h.extensionId}/popup.html?tab=${tabId}`);
    await popup.waitForSelector('.nb-report');
    expect(await popup.locator('[data-testid="verdict"]').textContent()).toBe(`This report has ${errors} mismatches`);
    expect(await popup.locator('.nb-section h2').first().textContent()).toBe(`Mismatches (${errors})`);
    expect(await popup.locator('[data-action="json"]').textContent()).toBe('Download JSON');
    await popup.close();
    await page.close();
  });

  it('中文 chosen explicitly: Chinese again', async () => {
    await setLanguage('zh');
    const { page } = await openReport();
    expect(await page.locator(HEADLINE).textContent()).toBe(`本报告有 ${errors} 处数据不一致`);
    await page.close();
  });
});
