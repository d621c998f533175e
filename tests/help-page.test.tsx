import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { Help } from '@/entrypoints/help/Help.tsx';
import { HELP_RULES } from '@/entrypoints/help/rules.ts';
import { SERIES_RULES } from '@/lib/checks/series.ts';

let root: HTMLElement | undefined;
afterEach(() => {
  if (root) render(null, root);
  root?.remove();
  root = undefined;
});
function mount() {
  const el = document.createElement('div');
  root = el;
  document.body.append(el);
  act(() => render(<Help />, el));
  return el;
}

describe('help page', () => {
  it('explains every check the extension reports, each with a worked example in both languages', () => {
    const ids = HELP_RULES.map((r) => r.id);
    for (const id of ['table3.row_total', 'table3.results_total', 'table3.balance', 'table4.group_total', 'legacy.sum', 'table2.expectation', 'plausibility', 'layout', 'blank_cells', ...SERIES_RULES.map((r) => r.id)])
      expect(ids).toContain(id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of HELP_RULES) {
      expect(r.explain.zh, r.id).toMatch(/例|实例/);
      expect(r.explain.en, r.id).toMatch(/Example|Real case/);
      expect(r.name.en, r.id).not.toBe('');
    }
  });

  it('shows Chinese first and switches to English and back; says nothing leaves the browser', () => {
    const el = mount();
    expect(el.querySelector('h1')!.textContent).toBe('年报核对 · 使用说明');
    expect(el.querySelectorAll('[data-rule]').length).toBe(HELP_RULES.length);
    expect(el.querySelector('[data-rule="table3.balance"] dd')!.textContent).toContain('10 + 2 = 9 + 3');
    expect(el.querySelector('[data-testid="privacy"]')!.textContent).toContain('不会发送到任何地方');
    act(() => (el.querySelector('[data-testid="switch-lang"]') as HTMLButtonElement).click());
    expect(el.querySelector('h1')!.textContent).toBe('Nianbao Check · Help');
    expect(el.querySelector('[data-testid="privacy"]')!.textContent).toContain('never sent anywhere');
    act(() => (el.querySelector('[data-testid="switch-lang"]') as HTMLButtonElement).click());
    expect(el.querySelector('h1')!.textContent).toBe('年报核对 · 使用说明');
  });
});
