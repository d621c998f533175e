import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { Banner } from '@/components/Banner.tsx';
import { CellTooltip, tipPosition } from '@/components/CellTooltip.tsx';
import type { Coverage } from '@/lib/schema.ts';
import { useMount } from './support/mount.ts';
import { finding } from './support/fake-report.ts';

const covered: Coverage = { relationsChecked: 42, numbersRead: 200, cellsUnreadable: 0, notCheckable: [] };

const mount = useMount();

describe('Banner', () => {
  const errors = [finding({ id: 'e1' }), finding({ id: 'e2', message: '总计 3 ≠ 1 + 1 = 2' })];
  const warning = finding({ id: 'w1', severity: 'warning', message: '空白单元格' });

  it('counts the errors and lists them; a click asks to show the cells', () => {
    const onSelect = vi.fn();
    const el = mount(<Banner findings={[...errors, warning]} coverage={covered} onSelect={onSelect} onDismiss={vi.fn()} />);
    expect(el.querySelector('[data-testid="nianbao-headline"]')!.textContent).toBe('本报告有 2 处数据不一致');
    const items = el.querySelectorAll('.nb-finding');
    expect(el.querySelectorAll('details .nb-finding')).toHaveLength(1);
    expect(items).toHaveLength(3); // two errors + the folded warning
    act(() => (items[1]!.querySelector('button') as HTMLButtonElement).click());
    expect(onSelect).toHaveBeenCalledWith(errors[1]);
  });

  it('keeps warnings folded in a <details>', () => {
    const el = mount(<Banner findings={[...errors, warning]} coverage={covered} onSelect={vi.fn()} onDismiss={vi.fn()} />);
    const details = el.querySelector('details.nb-warnings') as HTMLDetailsElement;
    expect(details.open).toBe(false);
    expect(details.querySelector('summary')!.textContent).toContain('1 条提示');
    expect(details.textContent).toContain('空白单元格');
  });

  it('says clearly when everything reconciles, and can be dismissed', () => {
    const onDismiss = vi.fn();
    const el = mount(<Banner findings={[warning]} coverage={covered} onSelect={vi.fn()} onDismiss={onDismiss} />);
    expect(el.querySelector('[data-testid="nianbao-headline"]')!.textContent).toBe('本报告表格数据全部核对一致 · 已核对 42 项关系，读取 200 个数字');
    expect(el.querySelector('.nb-banner')!.classList.contains('nb-ok')).toBe(true);
    act(() => (el.querySelector('.nb-close') as HTMLButtonElement).click());
    expect(onDismiss).toHaveBeenCalled();
  });

  it('has a small 说明 link that asks to open the help page (only when given a handler)', () => {
    const onHelp = vi.fn();
    const el = mount(<Banner findings={[warning]} coverage={covered} onSelect={vi.fn()} onDismiss={vi.fn()} onHelp={onHelp} />);
    const help = el.querySelector<HTMLButtonElement>('[data-testid="nianbao-help"]')!;
    expect(help.textContent).toBe('说明');
    act(() => help.click());
    expect(onHelp).toHaveBeenCalledTimes(1);
    const bare = mount(<Banner findings={[warning]} coverage={covered} onSelect={vi.fn()} onDismiss={vi.fn()} />);
    expect(bare.querySelector('[data-testid="nianbao-help"]')).toBeNull();
  });

  describe('never green while something could not be checked', () => {
    const gap = finding({ id: 'table3:balance:not_checkable:row:carried_over', rule: 'table3.balance', severity: 'warning', message: '无法核对：缺少 二、上年结转（总计列）' });
    const withGap: Coverage = {
      ...covered,
      notCheckable: [{ id: 'table3:balance:total', rule: 'table3.balance', table: 'table3', subject: '总计列', reason: '缺少 二、上年结转', findingId: gap.id }],
    };
    const layout = finding({ id: 'table3:layout:granted', rule: 'layout', severity: 'warning', message: '予以公开：3 | 1 | 4 未能对应到列' });
    const headline = (el: HTMLElement) => el.querySelector('[data-testid="nianbao-headline"]')!.textContent;

    it('a relation not checkable: says how many items were not checked, lists them unfolded, and what was covered', () => {
      const el = mount(<Banner findings={[gap, warning]} coverage={withGap} onSelect={vi.fn()} onDismiss={vi.fn()} />);
      expect(headline(el)).toBe('未发现不一致，但有 1 项未能核对');
      expect(headline(el)).not.toContain('全部核对一致');
      expect(el.querySelector('.nb-banner')!.classList.contains('nb-gap')).toBe(true);
      expect(el.querySelector('[data-testid="nianbao-gaps"]')!.textContent).toContain('缺少 二、上年结转');
      expect(el.querySelector('[data-testid="nianbao-gaps"]')!.closest('details')).toBeNull();
      expect(el.querySelector('[data-testid="nianbao-covered"]')!.textContent).toBe('已核对 42 项关系，读取 200 个数字');
      expect(el.querySelector('details')!.textContent).toContain('空白单元格'); // the note stays a folded note
    });

    it('a number found in a report table but not placed (layout) blocks green too', () => {
      const el = mount(<Banner findings={[layout]} coverage={covered} onSelect={vi.fn()} onDismiss={vi.fn()} />);
      expect(headline(el)).toBe('未发现不一致，但有 1 项未能核对');
    });

    it('an unreadable cell in a relation blocks green', () => {
      const unknown = finding({ id: 'table3:row_total:granted', severity: 'warning', message: '（一）予以公开：无法核对，自然人“十二” 不是可识别的数字' });
      const coverage = { ...covered, notCheckable: [{ ...withGap.notCheckable[0], id: unknown.id, findingId: unknown.id }] };
      const el = mount(<Banner findings={[unknown]} coverage={coverage} onSelect={vi.fn()} onDismiss={vi.fn()} />);
      expect(headline(el)).toBe('未发现不一致，但有 1 项未能核对');
    });

    it('notes alone (blank cells, plausibility, a total left blank) keep the verdict green', () => {
      const notes = [
        finding({ id: 'table3:blank_cells', rule: 'blank_cells', severity: 'warning', message: '有 3 个分项单元格为空白' }),
        finding({ id: 'table3:plausibility:granted:total', rule: 'plausibility', severity: 'warning', message: '件数应为整数：1.5' }),
        finding({ id: 'table3:row_total:granted', severity: 'warning', message: '（一）予以公开：总计空白（未填报），分项之和为 272' }),
      ];
      const el = mount(<Banner findings={notes} coverage={covered} onSelect={vi.fn()} onDismiss={vi.fn()} />);
      expect(headline(el)).toBe('本报告表格数据全部核对一致 · 已核对 42 项关系，读取 200 个数字');
      expect(el.querySelector('details summary')!.textContent).toContain('3 条提示');
    });

    it('a warning of a rule it does not know blocks green (unknown is not known to be harmless)', () => {
      const el = mount(<Banner findings={[finding({ id: 'x', rule: 'table3.something_new', severity: 'warning' })]} coverage={covered} onSelect={vi.fn()} onDismiss={vi.fn()} />);
      expect(headline(el)).toBe('未发现不一致，但有 1 项未能核对');
    });

    it('no relation checked at all is not green', () => {
      const el = mount(<Banner findings={[]} coverage={{ ...covered, relationsChecked: 0 }} onSelect={vi.fn()} onDismiss={vi.fn()} />);
      expect(headline(el)).toBe('没有可核对的表内关系');
      expect(el.querySelector('.nb-ok')).toBeNull();
    });

    it('errors and gaps: the errors lead, the gaps are counted', () => {
      const el = mount(<Banner findings={[...errors, gap]} coverage={withGap} onSelect={vi.fn()} onDismiss={vi.fn()} />);
      expect(headline(el)).toBe('本报告有 2 处数据不一致，另有 1 项未能核对');
    });
  });

  it('renders page-derived text as text, never as HTML', () => {
    const evil = finding({ id: 'x', message: '<img src=x onerror=alert(1)>总计' });
    const el = mount(<Banner findings={[evil]} coverage={covered} onSelect={vi.fn()} onDismiss={vi.fn()} />);
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
