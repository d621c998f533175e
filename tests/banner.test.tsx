import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Banner } from '@/components/Banner.tsx';
import { CellTooltip, tipPosition } from '@/components/CellTooltip.tsx';
import { finding } from './support/fake-report.ts';

let root: HTMLElement;
const mount = (ui: preact.ComponentChild) => {
  root = document.createElement('div');
  document.body.append(root);
  act(() => render(ui, root));
  return root;
};
afterEach(() => {
  render(null, root);
  root.remove();
});

describe('Banner', () => {
  const errors = [finding({ id: 'e1' }), finding({ id: 'e2', message: '总计 3 ≠ 1 + 1 = 2' })];
  const warning = finding({ id: 'w1', severity: 'warning', message: '空白单元格' });

  it('counts the errors and lists them; a click asks to show the cells', () => {
    const onSelect = vi.fn();
    const el = mount(<Banner findings={[...errors, warning]} onSelect={onSelect} onDismiss={vi.fn()} />);
    expect(el.querySelector('[data-testid="nianbao-headline"]')!.textContent).toBe('本报告有 2 处数据不一致');
    const items = el.querySelectorAll('.nb-finding');
    expect(el.querySelectorAll('details .nb-finding')).toHaveLength(1);
    expect(items).toHaveLength(3); // two errors + the folded warning
    act(() => (items[1]!.querySelector('button') as HTMLButtonElement).click());
    expect(onSelect).toHaveBeenCalledWith(errors[1]);
  });

  it('keeps warnings folded in a <details>', () => {
    const el = mount(<Banner findings={[...errors, warning]} onSelect={vi.fn()} onDismiss={vi.fn()} />);
    const details = el.querySelector('details.nb-warnings') as HTMLDetailsElement;
    expect(details.open).toBe(false);
    expect(details.querySelector('summary')!.textContent).toContain('1 条提示');
    expect(details.textContent).toContain('空白单元格');
  });

  it('says clearly when everything reconciles, and can be dismissed', () => {
    const onDismiss = vi.fn();
    const el = mount(<Banner findings={[warning]} onSelect={vi.fn()} onDismiss={onDismiss} />);
    expect(el.querySelector('[data-testid="nianbao-headline"]')!.textContent).toBe('本报告表格数据全部核对一致');
    act(() => (el.querySelector('.nb-close') as HTMLButtonElement).click());
    expect(onDismiss).toHaveBeenCalled();
  });

  it('renders page-derived text as text, never as HTML', () => {
    const evil = finding({ id: 'x', message: '<img src=x onerror=alert(1)>总计' });
    const el = mount(<Banner findings={[evil]} onSelect={vi.fn()} onDismiss={vi.fn()} />);
    expect(el.querySelector('img')).toBeNull();
    expect(el.textContent).toContain('<img src=x onerror=alert(1)>总计');
  });
});

describe('CellTooltip', () => {
  it('shows each finding with its kind, table and rule name', () => {
    const el = mount(
      <CellTooltip tip={{ findings: [finding({ id: 'e1' })], rect: { top: 100, bottom: 120, left: 50, right: 90 } }} />,
    );
    const tip = el.querySelector('[role="tooltip"]') as HTMLElement;
    expect(tip.textContent).toContain('不一致 · 表三（依申请公开） · 申请人合计');
    expect(tip.textContent).toContain('总计 0 ≠ 自然人 1 + 商业企业 6 = 7');
    expect(tip.style.top).toBe('100px');
    expect(tip.style.left).toBe('98px');
  });

  it('puts a note (a culprit cell) before the findings', () => {
    const el = mount(<CellTooltip tip={{ findings: [finding({ id: 'e1' })], rect: { top: 1, bottom: 2, left: 1, right: 2 }, note: '两项核对都涉及此格，最可能出错' }} />);
    const lines = el.querySelectorAll('.nb-tip-line');
    expect(lines[0]!.textContent).toBe('两项核对都涉及此格，最可能出错');
    expect(lines[1]!.textContent).toContain('申请人合计');
  });

  it('sits beside the cell when there is room, else below it, else above it', () => {
    expect(tipPosition({ top: 100, bottom: 120, left: 50, right: 90 }, 1000, 800)).toMatchObject({ left: '98px', top: '100px' });
    expect(tipPosition({ top: 100, bottom: 120, left: 800, right: 900 }, 1000, 800)).toMatchObject({ top: '128px' });
    expect(tipPosition({ top: 700, bottom: 720, left: 800, right: 900 }, 1000, 800)).toMatchObject({ bottom: '108px' });
  });

  it('renders nothing without a tip', () => {
    expect(mount(<CellTooltip tip={null} />).innerHTML).toBe('');
  });
});
