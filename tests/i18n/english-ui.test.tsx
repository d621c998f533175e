import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Banner } from '@/components/Banner.tsx';
import { CellTooltip } from '@/components/CellTooltip.tsx';
import { ArrivalPill, pillText } from '@/components/ArrivalPill.tsx';
import { language, setLanguage } from '@/components/i18n.ts';
import { App } from '@/entrypoints/popup/App.tsx';
import type { PopupPort } from '@/entrypoints/popup/port.ts';
import { OptionsApp } from '@/entrypoints/options/App.tsx';
import type { OptionsPort } from '@/entrypoints/options/port.ts';
import { Help } from '@/entrypoints/help/Help.tsx';
import { LibraryApp, type LibraryPort } from '@/components/library/LibraryApp.tsx';
import { badgeFor } from '@/entrypoints/background/badge.ts';
import { explainNoReport } from '@/entrypoints/popup/explain.ts';
import { culpritNote } from '@/entrypoints/content/mark-cells.ts';
import { ruleInfo } from '@/lib/checks/catalog.ts';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings.ts';
import type { Coverage } from '@/lib/schema.ts';
import { fakeReport, finding } from '../support/fake-report.ts';

// With the language set to English, each surface says English (the Chinese ones are the other tests).

const CJK = /[\u3400-\u9fff]/;
const covered: Coverage = { relationsChecked: 42, numbersRead: 200, cellsUnreadable: 0, notCheckable: [] };
const error = finding({ id: 'e1' });
const warning = finding({ id: 'w1', rule: 'blank_cells', severity: 'warning', expected: null, actual: null, message: '有 2 个分项单元格为空白' });
const ROW_TOTAL = ruleInfo('table3.row_total')!.name.en;

let root: HTMLElement | undefined;
async function mount(ui: preact.ComponentChild) {
  root = document.createElement('div');
  document.body.append(root);
  await act(async () => render(ui, root!));
  return root;
}
afterEach(() => {
  if (root) render(null, root);
  root?.remove();
  root = undefined;
});
const settle = () => act(async () => void (await new Promise((r) => setTimeout(r, 0))));

describe('English UI', () => {
  it('banner: headline, groups, buttons and the findings’ arithmetic in English; the report’s own label kept', async () => {
    setLanguage('en');
    const el = await mount(<Banner findings={[error, warning]} coverage={covered} onSelect={vi.fn()} onDismiss={vi.fn()} onHelp={vi.fn()} />);
    expect(el.querySelector('[data-testid="nianbao-headline"]')!.textContent).toBe('This report has 1 mismatches');
    expect(el.querySelector('[data-testid="nianbao-covered"]')!.textContent).toBe('42 relations checked, 200 figures read');
    expect(el.querySelector('.nb-brand')!.textContent).toBe('Nianbao Check');
    expect(el.querySelector('[data-testid="nianbao-help"]')!.textContent).toBe('Help');
    expect(el.querySelector('.nb-close')!.getAttribute('aria-label')).toBe('Close the results');
    expect(el.querySelector('.nb-banner')!.getAttribute('aria-label')).toBe('Nianbao Check results');
    expect(el.querySelector('details.nb-warnings summary')!.textContent).toBe('1 warnings (not counted as mismatches, but worth a look)');
    const first = el.querySelector('.nb-finding')!;
    expect(first.querySelector('.nb-table')!.textContent).toBe('Table 3 (requests)');
    expect(first.querySelector('.nb-message')!.textContent).toBe(`${ROW_TOTAL} · 本年新收: printed total 0 ≠ parts add up to 7`);
    // Review controls, when the library is there.
    const reviewed = await mount(<Banner findings={[error]} coverage={covered} onSelect={vi.fn()} onDismiss={vi.fn()} onReview={vi.fn()} />);
    expect(reviewed.querySelector('.nb-review-open')!.textContent).toBe('Mark');
    expect([...reviewed.querySelectorAll('[data-review-action]')].map((b) => b.textContent)).toEqual(['Confirmed', 'Set aside']);
  });

  it('the same banner in Chinese says lib’s message (the setting is what switches it)', async () => {
    setLanguage('zh');
    const el = await mount(<Banner findings={[error]} coverage={covered} onSelect={vi.fn()} onDismiss={vi.fn()} />);
    expect(el.querySelector('.nb-message')!.textContent).toBe(error.message);
    expect(el.querySelector('[data-testid="nianbao-headline"]')!.textContent).toBe('本报告有 1 处数据不一致');
  });

  it('cell tooltip: kind, table, rule and the arithmetic; the culprit note', async () => {
    setLanguage('en');
    const tip = { findings: [error], rect: { top: 10, bottom: 30, left: 10, right: 60 }, note: culpritNote(2) };
    const el = await mount(<CellTooltip tip={tip} />);
    const lines = [...el.querySelectorAll('.nb-tip-line')].map((p) => p.textContent);
    expect(lines[0]).toBe('Two failed checks involve this cell: it is the most likely error');
    expect(el.querySelector('.nb-error .nb-tip-kind')!.textContent).toBe(`Mismatch · Table 3 (requests) · ${ROW_TOTAL}`);
    expect(el.querySelector('.nb-tip-text')!.textContent).toBe(`${ROW_TOTAL} · 本年新收: printed total 0 ≠ parts add up to 7`);
    expect(culpritNote(3)).toBe('3 failed checks involve this cell: it is the most likely error');
  });

  it('pill', async () => {
    setLanguage('en');
    expect(pillText([error])).toBe('Nianbao Check: 1 mismatches');
    expect(pillText([warning])).toBe('Nianbao Check: all reconcile');
    const el = await mount(<ArrivalPill findings={[warning]} onJump={vi.fn()} onDismiss={vi.fn()} />);
    expect(el.querySelector('.nb-pill')!.classList.contains('nb-ok')).toBe(true);
    expect(el.querySelector('.nb-pill-close')!.getAttribute('aria-label')).toBe('Close');
  });

  it('popup: header, sections, exports and links; a page without a report explained in English', async () => {
    setLanguage('en');
    const report = fakeReport([error, warning], [{ row: 'new_received', col: 'total', value: 0, raw: '0', status: 'ok' }]);
    const port: PopupPort = { load: async () => ({ kind: 'report', tabId: 1, report }), reveal: vi.fn(async () => undefined), copyText: vi.fn(async () => undefined), helpUrl: () => 'x' };
    const el = await mount(<App port={port} />);
    expect(el.querySelector('[data-testid="verdict"]')!.textContent).toBe('This report has 1 mismatches');
    expect([...el.querySelectorAll('.nb-meta dt')].map((d) => d.textContent)).toEqual(['Agency', 'Year', 'Format']);
    expect(el.querySelector('h2')!.textContent).toBe('Mismatches (1)');
    expect(el.querySelector('.nb-message')!.textContent).toBe(`${ROW_TOTAL} · 本年新收: printed total 0 ≠ parts add up to 7`);
    expect(el.querySelector('[data-action="json"]')!.textContent).toBe('Download JSON');
    expect(el.querySelector('[data-testid="library-link"]')!.textContent).toBe('My report library');
    expect(el.querySelector('[data-testid="help-link"]')!.textContent).toMatch(/^Help: /);
    // Nothing Chinese is ours: only the report's own title, agency, label and the warning's message.
    const ours = el.cloneNode(true) as HTMLElement;
    for (const n of ours.querySelectorAll('.nb-report-title, [data-testid="agency"], .nb-message')) n.remove();
    expect(ours.textContent).not.toMatch(CJK);

    expect(explainNoReport('https://www.example.com/a', 'absent').headline).toBe('This page is not on a .gov.cn site');
    expect(explainNoReport('file:///a.html', 'absent').detail).toContain('“Pages saved on this computer (file://)”');
  });

  it('options page: English throughout; choosing 中文 switches the page at once and saves the choice', async () => {
    setLanguage('en');
    let saved: Settings = { ...DEFAULT_SETTINGS, language: 'en' };
    const port: OptionsPort = {
      granted: async () => [],
      request: async () => true,
      remove: async () => true,
      fileAccessAllowed: async () => true,
      onPermissionsChanged: () => () => {},
      loadSettings: async () => saved,
      saveSettings: vi.fn(async (s: Settings) => void (saved = s)),
      helpUrl: () => 'x',
    };
    const el = await mount(<OptionsApp port={port} />);
    await settle();
    expect(el.querySelector('h1')!.textContent).toBe('Nianbao Check · Options');
    expect(el.textContent!.replace('中文', '')).not.toMatch(CJK); // only the 中文 choice is Chinese
    const labels = [...el.querySelectorAll('input[name="language"]')].map((i) => i.parentElement!.textContent);
    expect(labels).toEqual(['Follow the browser', '中文', 'English']);
    expect(el.querySelector<HTMLInputElement>('[data-testid="language-en"]')!.checked).toBe(true);
    await act(async () => el.querySelector<HTMLInputElement>('[data-testid="language-zh"]')!.click());
    await settle();
    expect(saved.language).toBe('zh');
    expect(language()).toBe('zh');
    expect(el.querySelector('h1')!.textContent).toBe('年报核对 · 设置');
  });

  it('help page: the reader’s language first, the rules’ English names and explanations from the catalog', async () => {
    setLanguage('en');
    const el = await mount(<Help />);
    expect(el.querySelector('h1')!.textContent).toBe('Nianbao Check · Help');
    expect(el.querySelector('[data-rule="table3.row_total"] dt')!.textContent).toContain(ROW_TOTAL);
    expect(el.querySelector('[data-testid="switch-lang"]')!.textContent).toBe('中文');
  });

  it('library page', async () => {
    setLanguage('en');
    const port: LibraryPort = { all: async () => [], put: async () => {}, delete: async () => {}, clear: async () => {}, download: vi.fn(), parseHtml: (h) => new DOMParser().parseFromString(h, 'text/html') as unknown as Document, confirm: () => false };
    const el = await mount(<LibraryApp port={port} />);
    await settle();
    expect(el.querySelector('h1')!.textContent).toBe('My report library');
    expect(el.textContent).not.toMatch(CJK);
  });

  it('badge title', () => {
    setLanguage('en');
    expect(badgeFor(undefined).title).toBe('Nianbao Check');
    expect(badgeFor(fakeReport([error, finding({ id: 'e2' })], [])).title).toBe('Nianbao Check: 2 mismatches');
    expect(badgeFor(fakeReport([], [])).title).toBe('Nianbao Check: every table figure reconciles');
    setLanguage('zh');
    expect(badgeFor(fakeReport([error], [])).title).toBe('年报核对：1 处数据不一致');
  });
});
