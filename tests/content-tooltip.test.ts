import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TipState } from '@/components/CellTooltip.tsx';
import { markFindings } from '@/entrypoints/content/mark-cells.ts';
import { watchTooltips } from '@/entrypoints/content/tooltip.ts';
import { finding, pageWithTable } from './support/fake-report.ts';

describe('watchTooltips', () => {
  const ctl = new AbortController();
  afterEach(() => ctl.abort());

  function setup(tipHost?: Element) {
    const f = finding({ id: 'f1', cells: [{ row: 'r1', col: 'total' }] });
    const marks = markFindings(pageWithTable(document, ['r1', 'r2'], ['a', 'total'], [f]));
    const show = vi.fn<(tip: TipState | null) => void>();
    watchTooltips(document, marks, show, ctl.signal, tipHost);
    const cell = document.querySelector('td[data-row="r1"][data-col="total"]') as HTMLElement;
    const plain = document.querySelector('td[data-row="r2"][data-col="a"]') as HTMLElement;
    return { show, cell, plain, last: () => show.mock.lastCall?.[0] };
  }

  it('opens on hover of a marked cell and closes when the pointer leaves it', () => {
    const { cell, plain, last } = setup();
    cell.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
    expect(last()?.findings.map((f) => f.id)).toEqual(['f1']);
    cell.dispatchEvent(new MouseEvent('mouseout', { bubbles: true, relatedTarget: plain }));
    expect(last()).toBeNull();
  });

  it('stays open while the pointer moves onto the tooltip, and closes when it leaves it (WCAG 1.4.13: hoverable)', () => {
    const tipHost = document.createElement('nianbao-tip');
    const { cell, plain, last } = setup(tipHost);
    document.body.append(tipHost);
    cell.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
    cell.dispatchEvent(new MouseEvent('mouseout', { bubbles: true, relatedTarget: tipHost }));
    tipHost.dispatchEvent(new MouseEvent('mouseover', { bubbles: true, relatedTarget: cell }));
    expect(last()?.findings.map((f) => f.id)).toEqual(['f1']);
    // Back onto its cell: still open; then off the tooltip onto the page: closed.
    tipHost.dispatchEvent(new MouseEvent('mouseout', { bubbles: true, relatedTarget: cell }));
    cell.dispatchEvent(new MouseEvent('mouseover', { bubbles: true, relatedTarget: tipHost }));
    expect(last()?.findings.map((f) => f.id)).toEqual(['f1']);
    cell.dispatchEvent(new MouseEvent('mouseout', { bubbles: true, relatedTarget: tipHost }));
    tipHost.dispatchEvent(new MouseEvent('mouseout', { bubbles: true, relatedTarget: plain }));
    expect(last()).toBeNull();
    tipHost.remove();
  });

  it('opens on keyboard focus, and Escape dismisses it', () => {
    const { cell, last } = setup();
    cell.focus();
    expect(last()?.findings[0]?.id).toBe('f1');
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(last()).toBeNull();
    cell.blur();
    expect(last()).toBeNull();
  });

  it('ignores unmarked cells', () => {
    const { plain, show } = setup();
    plain.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
    expect(show).not.toHaveBeenCalled();
  });
});

describe('a culprit cell’s tooltip', () => {
  const ctl = new AbortController();
  afterEach(() => ctl.abort());

  it('says first that two failed checks cross there', () => {
    const row = finding({ id: 'row', cells: [{ row: 'r1', col: 'total' }, { row: 'r1', col: 'a' }] });
    const col = finding({ id: 'col', rule: 'table3.results_total', cells: [{ row: 'r2', col: 'a' }, { row: 'r1', col: 'a' }] });
    const marks = markFindings(pageWithTable(document, ['r1', 'r2'], ['a', 'total'], [row, col]));
    const show = vi.fn<(tip: TipState | null) => void>();
    watchTooltips(document, marks, show, ctl.signal);
    (document.querySelector('td[data-row="r1"][data-col="a"]') as HTMLElement).focus();
    const tip = show.mock.lastCall?.[0];
    expect(tip?.note).toBe('两项核对都涉及此格，最可能出错');
    expect(tip?.findings.map((f) => f.id)).toEqual(['row', 'col']);
    (document.querySelector('td[data-row="r1"][data-col="total"]') as HTMLElement).dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
    expect(show.mock.lastCall?.[0]?.note).toBeUndefined();
  });
});
