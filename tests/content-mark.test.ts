import { beforeEach, describe, expect, it } from 'vitest';
import { firstReportTable } from '@/entrypoints/content/anchor.ts';
import {
  clearMarks,
  CULPRIT_ATTR,
  ERROR_ATTR,
  INVOLVED_ATTR,
  findingsOf,
  markedAncestor,
  markFindings,
  WARNING_ATTR,
} from '@/entrypoints/content/mark-cells.ts';
import { ensureMarkStyles, FLASH_ATTR, removeMarkStyles, STYLE_ID } from '@/entrypoints/content/page-style.ts';
import { revealFinding } from '@/entrypoints/content/ui.tsx';
import { finding, pageWithTable } from './support/fake-report.ts';

const ROWS = ['new_received', 'carried_over'];
const COLS = ['natural_person', 'commercial', 'total'];
const td = (row: string, col: string) => document.querySelector(`td[data-row="${row}"][data-col="${col}"]`)!;

describe('markFindings', () => {
  beforeEach(() => {
    document.head.innerHTML = '';
    document.body.innerHTML = '';
  });

  it('marks a failed sum’s total strongly, its non-zero parts lightly, its zero parts not at all; text untouched', () => {
    const textBefore = () => document.body.textContent;
    const e1 = finding({
      id: 'f1',
      cells: [{ row: 'new_received', col: 'total' }, { row: 'new_received', col: 'natural_person' }, { row: 'new_received', col: 'commercial' }],
    });
    const result = pageWithTable(document, ROWS, COLS, [e1]);
    result.report.tables.table3!.cells.find((c) => c.row === 'new_received' && c.col === 'commercial')!.value = 0;
    const before = textBefore();

    const marks = markFindings(result);

    expect([...document.querySelectorAll(`[${ERROR_ATTR}]`)]).toEqual([td('new_received', 'total')]);
    expect([...document.querySelectorAll(`[${INVOLVED_ATTR}]`)]).toEqual([td('new_received', 'natural_person')]);
    expect(td('new_received', 'commercial').attributes.length).toBe(2); // data-row, data-col only
    expect(document.querySelectorAll(`[${CULPRIT_ATTR}]`)).toHaveLength(0);
    // One tab stop for the finding, at its total.
    expect([...document.querySelectorAll('[tabindex]')]).toEqual([td('new_received', 'total')]);
    expect(textBefore()).toBe(before);
    expect(marks.main.get('f1')).toBe(td('new_received', 'total'));
    expect(findingsOf(td('new_received', 'natural_person'), marks).map((f) => f.id)).toEqual(['f1']);
  });

  it('a cell in two failed relations is the culprit: its own mark, the one tab stop of both, and it says so', () => {
    const row = finding({ id: 'row', cells: [{ row: 'new_received', col: 'total' }, { row: 'new_received', col: 'natural_person' }] });
    const col = finding({
      id: 'col',
      rule: 'table3.results_total',
      cells: [{ row: 'carried_over', col: 'natural_person' }, { row: 'new_received', col: 'natural_person' }],
    });
    const marks = markFindings(pageWithTable(document, ROWS, COLS, [row, col]));
    const culprit = td('new_received', 'natural_person');
    expect([...document.querySelectorAll(`[${CULPRIT_ATTR}]`)]).toEqual([culprit]);
    expect(culprit.getAttribute(CULPRIT_ATTR)).toBe('row col');
    expect(marks.main.get('row')).toBe(culprit);
    expect(marks.main.get('col')).toBe(culprit);
    expect([...document.querySelectorAll('[tabindex]')]).toEqual([culprit]);
    expect(culprit.getAttribute('aria-description')).toMatch(/^两项核对都涉及此格，最可能出错；/);
    // The two printed totals stay strongly marked, without a tab stop of their own.
    expect([...document.querySelectorAll(`[${ERROR_ATTR}]`)]).toEqual([td('new_received', 'total'), td('carried_over', 'natural_person')]);
  });

  it('marks warnings with their own attribute, not data-nianbao-finding', () => {
    const w = finding({ id: 'w1', severity: 'warning', cells: [{ row: 'carried_over', col: 'commercial' }] });
    markFindings(pageWithTable(document, ROWS, COLS, [w]));
    expect(document.querySelectorAll(`[${ERROR_ATTR}]`)).toHaveLength(0);
    expect(td('carried_over', 'commercial').getAttribute(WARNING_ATTR)).toBe('w1');
  });

  it('does not take over a tabindex the page already set, and clearMarks restores the page', () => {
    const result = pageWithTable(document, ROWS, COLS, [
      finding({ id: 'f1', cells: [{ row: 'new_received', col: 'total' }, { row: 'new_received', col: 'natural_person' }] }),
    ]);
    td('new_received', 'total').setAttribute('tabindex', '-1');
    const pristine = document.body.innerHTML;
    markFindings(result);
    expect(td('new_received', 'total').getAttribute('tabindex')).toBe('-1');
    expect(td('new_received', 'natural_person').hasAttribute('tabindex')).toBe(false);
    expect(td('new_received', 'total').getAttribute('aria-description')).toContain('总计 0 ≠');
    clearMarks(document);
    expect(document.body.innerHTML).toBe(pristine);
  });

  it('a row printed on one line (one element for all its cells) says each finding once', () => {
    const f1 = finding({ id: 'f1', cells: [{ row: 'new_received', col: 'total' }, { row: 'new_received', col: 'natural_person' }] });
    const result = pageWithTable(document, ROWS, COLS, [f1]);
    const line = document.querySelector('p')!;
    markFindings({ ...result, elementFor: () => line });
    expect(line.getAttribute(ERROR_ATTR)).toBe('f1');
    expect(line.getAttribute('aria-description')).toBe(f1.message);
  });

  it('skips cells the core could not locate on the page', () => {
    const f = finding({ id: 'f1', cells: [{ row: 'nowhere', col: 'total' }] });
    const marks = markFindings(pageWithTable(document, ROWS, COLS, [f]));
    expect(marks.main.has('f1')).toBe(false);
    expect(document.querySelectorAll(`[${ERROR_ATTR}]`)).toHaveLength(0);
  });

  it('findingsOf lists errors before warnings; markedAncestor climbs from inner nodes', () => {
    const e = finding({ id: 'e', cells: [{ row: 'new_received', col: 'total' }] });
    const w = finding({ id: 'w', severity: 'warning', cells: [{ row: 'new_received', col: 'total' }] });
    const marks = markFindings(pageWithTable(document, ROWS, COLS, [w, e]));
    const cell = td('new_received', 'total');
    cell.innerHTML = '<span>7</span>';
    expect(findingsOf(cell, marks).map((f) => f.id)).toEqual(['e', 'w']);
    expect(markedAncestor(cell.querySelector('span'))).toBe(cell);
    expect(markedAncestor(document.querySelector('h1'))).toBeNull();
  });
});

describe('page stylesheet', () => {
  it('is added once, styles only our attributes with outline/box-shadow, and can be removed', () => {
    ensureMarkStyles(document);
    ensureMarkStyles(document);
    const styles = document.querySelectorAll(`#${STYLE_ID}`);
    expect(styles).toHaveLength(1);
    const css = styles[0]!.textContent!;
    expect(css).toContain(`[${ERROR_ATTR}]`);
    expect(css).not.toMatch(/(^|[;{])\s*(border|padding|margin|width|height)\s*:/);
    removeMarkStyles(document);
    expect(document.getElementById(STYLE_ID)).toBeNull();
  });
});

describe('marking and unmarking keep the page as it was', () => {
  it('steps aside a cell’s inline !important outline while marked, and clearMarks restores the style attribute exactly', () => {
    const result = pageWithTable(document, ROWS, COLS, [finding({ id: 'f1', cells: [{ row: 'new_received', col: 'total' }] })]);
    const cell = td('new_received', 'total') as HTMLElement;
    const pageStyle = 'color: red; outline: none !important; box-shadow: none !important';
    cell.setAttribute('style', pageStyle);
    markFindings(result);
    expect(cell.style.getPropertyValue('outline')).toBe('');
    expect(cell.style.getPropertyValue('color')).toBe('red');
    clearMarks(document);
    expect(cell.getAttribute('style')).toBe(pageStyle);
    expect(cell.hasAttribute(ERROR_ATTR)).toBe(false);
  });

  it('does not mark the cells of the blank-cells note (it lists every blank cell, not a problem with each)', () => {
    const note = finding({
      id: 'table3:blank_cells',
      rule: 'blank_cells',
      severity: 'warning',
      cells: [{ row: 'carried_over', col: 'natural_person' }, { row: 'carried_over', col: 'commercial' }],
    });
    const marks = markFindings(pageWithTable(document, ROWS, COLS, [note]));
    expect(document.querySelectorAll(`[${WARNING_ATTR}]`)).toHaveLength(0);
    expect(document.querySelectorAll('[tabindex]')).toHaveLength(0);
    // …but "show me" still has a place to go: the first blank cell.
    expect(marks.main.get('table3:blank_cells')).toBe(td('carried_over', 'natural_person'));
    expect(revealFinding(note, marks)).toBe(true);
    expect(td('carried_over', 'natural_person').hasAttribute(FLASH_ATTR)).toBe(true);
  });
});

describe('firstReportTable', () => {
  it('is the <table> holding the first located cell', () => {
    const result = pageWithTable(document, ROWS, COLS, []);
    expect(firstReportTable(result)).toBe(document.getElementById('t3'));
  });

  it('picks the earlier table in document order when several tables are present', () => {
    const result = pageWithTable(document, ROWS, COLS, []);
    const other = document.createElement('table');
    other.innerHTML = '<tr><td id="early">1</td></tr>';
    document.body.prepend(other);
    result.report.tables.table2 = { rowLabels: {}, colLabels: {}, cells: [{ row: 'x', col: 'y', value: 1, raw: '1', status: 'ok' }] };
    const base = result.elementFor;
    const withTable2 = { ...result, elementFor: (t: Parameters<typeof base>[0], r: Parameters<typeof base>[1]) => (t === 'table2' ? document.getElementById('early')! : base(t, r)) };
    expect(firstReportTable(withTable2)).toBe(other);
  });

  it('is undefined when no cell can be located', () => {
    const result = pageWithTable(document, ROWS, COLS, []);
    expect(firstReportTable({ ...result, elementFor: () => undefined })).toBeUndefined();
  });
});
