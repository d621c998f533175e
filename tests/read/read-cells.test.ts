// Reading a report table's cells the way a reader sees them: two numbers in one cell stay two, text the
// page does not show is not audited, an opaque cell keeps its text, and a table cut off by the size
// bounds says so. Each case is the clean 2021 fixture with one change, read with both DOMs (happy-dom as
// in the page's tests, linkedom as in the CLI).
import { describe, expect, it } from 'vitest';
import { auditHtml, cellValue, errors, fixture, page } from '../support/audit-html.ts';
import type { Report } from '../../lib/schema.ts';

const clean = fixture('clean-2021.html');
/** The Table 3 <table> of the fixture (one line of its source). */
const table3 = clean.split('\n').find((l) => l.includes('申请人情况'))!;
const newReceivedRow = /<tr><td colspan="3"[^>]*><p>一、本年新收[\s\S]*?<\/tr>/.exec(table3)![0];
const GRANTED = '<p align="center">24</p>'; // granted × natural_person
const TOTAL = '<p align="center">66</p>'; // new_received × total

function once(html: string, from: string, to: string): string {
  const at = html.indexOf(from);
  if (at < 0 || html.indexOf(from, at + 1) >= 0) throw new Error(`not exactly one ${from}`);
  return html.slice(0, at) + to + html.slice(at + from.length);
}

const DOMS = ['browser', 'node'] as const;
function read(html: string, dom: (typeof DOMS)[number]): Report {
  const result = auditHtml(html, dom);
  expect(result).not.toBeNull();
  return result!.report;
}
const cell = (report: Report, row: string, col: string) => report.tables.table3!.cells.find((c) => c.row === row && c.col === col)!;

describe.each(DOMS)('two numbers in one cell are unreadable, never glued together; raw keeps the break (%s DOM)', (dom) => {
  it.each([
    ['5<br>2', '5\n2'],
    ['<p>3</p><p>5</p>', '3\n5'],
    ['3 5', '3 5'],
    ['<div>3</div>5', '3\n5'],
    ['<span>12</span><br/><span>7</span>', '12\n7'],
    // A newline in the source between digits: a browser shows "3 5", two numbers all the same (raw keeps
    // the newline, so the export cannot read back as 35).
    ['<span>3</span>\n<span>5</span>', '3\n5'],
    // A sign above its digits: not a number either.
    ['－<br>０', '－\n０'],
  ])('%j', (inner, raw) => {
    const report = read(once(clean, GRANTED, `<p align="center">${inner}</p>`), dom);
    expect(cell(report, 'granted', 'natural_person')).toMatchObject({ status: 'unreadable', value: null, raw });
  });

  it('a thousands grouping still reads as one number', () => {
    const report = read(once(clean, GRANTED, '<p align="center">1 234</p>'), dom);
    expect(cellValue(report, 'table3', 'granted', 'natural_person')).toBe(1234);
  });

  it('inline elements inside a number do not split it (Word span soup)', () => {
    const report = read(once(clean, GRANTED, '<p align="center"><span lang="EN-US">2</span><span>4</span></p>'), dom);
    expect(cellValue(report, 'table3', 'granted', 'natural_person')).toBe(24);
  });

  it('a label broken by <br> still names its row', () => {
    const report = read(once(clean, '<p>一、本年新收政府信息公开申请数量</p>', '<p>一、本年新收政府<br>信息公开申请数量</p>'), dom);
    expect(cellValue(report, 'table3', 'new_received', 'total')).toBe(66);
    // Chinese wrapped onto lines is one word: no space where the line broke.
    expect(report.tables.table3!.rowLabels.new_received).toBe('一、本年新收政府信息公开申请数量');
  });

  it('full-width digits on two lines stay two numbers', () => {
    const report = read(once(clean, GRANTED, '<p align="center">２<br>４</p>'), dom);
    expect(cell(report, 'granted', 'natural_person')).toMatchObject({ status: 'unreadable', raw: '２\n４' });
  });
});

describe.each(DOMS)('a cell keeps the text a browser shows: only a real line break joins Chinese (%s DOM)', (dom) => {
  const label = '<p>一、本年新收政府信息公开申请数量</p>';
  const rowLabel = (report: Report) => report.tables.table3!.rowLabels.new_received;

  it('Word-style spans with source newlines between them: "0 万 元", as Chromium\'s innerText shows it', () => {
    // The fuzz case (seed-001, remove-row + wrap-digits): the `\n` are whitespace text nodes between inline
    // spans, collapsible white space that a browser renders as a space, not a line break.
    const legacy = fixture('seed-001-xiachuan-2017-legacy.html');
    const fees = '<p style="text-align:center;"><span style="font-family:仿宋_GB2312;font-size:14px;">0万元</span></p>';
    const report = read(once(legacy, fees, '<span>0</span>\n<span>万</span>\n<span>元</span>\n'), dom);
    const cell = report.tables.legacy!.cells.find((c) => c.row === 'fees' && c.col === 'value');
    expect(cell).toMatchObject({ value: 0, status: 'ok', unit: '万元', raw: '0 万 元' });
  });

  it('a source newline inside one paragraph is a space, and the label still names its row', () => {
    const report = read(once(clean, label, '<p>一、本年新收政府\n信息公开申请数量</p>'), dom);
    expect(cellValue(report, 'table3', 'new_received', 'total')).toBe(66);
    expect(rowLabel(report)).toBe('一、本年新收政府 信息公开申请数量');
  });

  it('a source newline between spans is a space, and the label still names its row', () => {
    const report = read(once(clean, label, '<p><span>一、本年新收政府</span>\n<span>信息公开申请数量</span></p>'), dom);
    expect(cellValue(report, 'table3', 'new_received', 'total')).toBe(66);
    expect(rowLabel(report)).toBe('一、本年新收政府 信息公开申请数量');
  });

  it.each([
    ['one character a line (本<br>年<br>度 style)', `<p>${[...'一、本年新收政府信息公开申请数量'].join('<br>')}</p>`],
    ['a <br> followed by a source newline', '<p>一、本年新收政府<br>\n信息公开申请数量</p>'],
    ["Word's <p> per line, source newlines between them", '<p>一、本年新收政府</p>\n<p>信息公开</p>\n<p>申请数量</p>'],
    ['a <p> per line around spans', '<p><span>一、本年新收政府</span></p><p><span>信息公开申请数量</span>\n</p>'],
  ])('%s still joins into the label it is', (_, html) => {
    const report = read(once(clean, label, html), dom);
    expect(cellValue(report, 'table3', 'new_received', 'total')).toBe(66);
    expect(rowLabel(report)).toBe('一、本年新收政府信息公开申请数量');
  });
});

describe.each(DOMS)('text the reader cannot see is not audited (%s DOM)', (dom) => {
  const wrongRow = newReceivedRow.replace('<p align="center">52</p>', '<p align="center">99</p>');

  it.each([
    ['display:none', '<tr style="display:none">'],
    ['DISPLAY: NONE !important', '<tr style="color:red; DISPLAY: NONE !important">'],
    ['the hidden attribute', '<tr hidden>'],
  ])('a row hidden by %s before the visible one', (_how, open) => {
    const html = once(clean, newReceivedRow, wrongRow.replace('<tr>', open) + newReceivedRow);
    const report = read(html, dom);
    expect(cellValue(report, 'table3', 'new_received', 'natural_person')).toBe(52);
    expect(errors(report)).toEqual([]);
    expect(report.findings.filter((f) => f.rule === 'layout')).toEqual([]);
  });

  it.each([
    ['display:none', '<span style="display:none">9</span>'],
    ['visibility:hidden', '<span style="visibility:hidden">9</span>'],
    ['the hidden attribute', '<font hidden>9</font>'],
  ])('a digit hidden by %s inside a number', (_how, hidden) => {
    const report = read(once(clean, TOTAL, `<p align="center">6${hidden}6</p>`), dom);
    expect(cellValue(report, 'table3', 'new_received', 'total')).toBe(66);
    expect(errors(report)).toEqual([]);
  });

  it.each([
    ['a display:none <div>', '<div style="display: none">', '</div>'],
    ['a <div hidden>', '<div class="draft" hidden>', '</div>'],
    ['a <template>', '<template>', '</template>'],
    ['visibility:hidden', '<div style="visibility:hidden;height:0">', '</div>'],
  ])('a draft table with a wrong total, hidden in %s, above the real one', (_how, open, close) => {
    const draft = table3.replace(TOTAL, '<p align="center">99</p>');
    const report = read(once(clean, table3, `${open}${draft}${close}\n${table3}`), dom);
    expect(cellValue(report, 'table3', 'new_received', 'total')).toBe(66);
    expect(errors(report)).toEqual([]);
  });

  it('a hidden cell takes no slot: the visible cells keep their columns', () => {
    const shifted = newReceivedRow.replace('<td nowrap="nowrap" style="width:52px;">', '<td style="display:none">0</td><td nowrap="nowrap" style="width:52px;">');
    const report = read(once(clean, newReceivedRow, shifted), dom);
    expect(cellValue(report, 'table3', 'new_received', 'natural_person')).toBe(52);
    expect(cellValue(report, 'table3', 'new_received', 'total')).toBe(66);
  });
});

describe.each(DOMS)('an opaque cell keeps its text (%s DOM)', (dom) => {
  it('a value cell holding a nested table is unreadable with its text', () => {
    const report = read(once(clean, GRANTED, '<table><tr><td>24</td><td>件</td></tr></table>'), dom);
    const c = cell(report, 'granted', 'natural_person');
    expect(c).toMatchObject({ status: 'unreadable', value: null });
    expect(c.raw.split(' ')).toEqual(['24', '件']);
  });

  it('a value cell longer than 400 characters is unreadable, its text kept up to a visible cut', () => {
    const long = `说明：${'本项数据包含跨年度办理的申请'.repeat(40)}`;
    const report = read(once(clean, GRANTED, `<p>${long}</p>`), dom);
    const c = cell(report, 'granted', 'natural_person');
    expect(c.status).toBe('unreadable');
    expect(c.raw.startsWith(long.slice(0, 300))).toBe(true);
    expect(c.raw).toContain(`截断，原文 ${long.length} 字`);
    expect(c.raw.length).toBeLessThan(long.length);
  });

  it('a layout cell holding the whole report is still never a label', () => {
    const wrapped = once(clean, table3, `<table><tr><td>本年新收政府信息公开申请数量 说明${table3}</td><td>52</td></tr></table>`);
    const report = read(wrapped, dom);
    expect(cellValue(report, 'table3', 'new_received', 'natural_person')).toBe(52);
    expect(errors(report)).toEqual([]);
  });
});

describe.each(DOMS)('a table cut off by the size bounds says so (%s DOM)', (dom) => {
  // Ten colspan=1000 cells make Table 3 10 010 wide: only 19 of its 27 rows fit in MAX_GRID.
  const wide = '<td colspan="1000">x</td>'.repeat(10);

  it('Table 3 cut after its 19th row: a layout warning names the table and where the cut is', () => {
    const cut = table3.replace('申请人情况</p></td></tr>', `申请人情况</p></td>${wide}</tr>`);
    const report = read(once(clean, table3, cut), dom);
    const found = report.findings.filter((f) => f.rule === 'layout' && /截断/.test(f.message));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'warning', table: 'table3' });
    expect(found[0].message).toContain('第 3 张表格');
    expect(found[0].message).toContain('第 20 行');
  });

  it('a rowspan staircase that cuts Table 3 at a cell names the row and column', () => {
    // 300 rows whose first cell runs to the end of the group: the cells cover more than MAX_SLOTS slots.
    const stairs = `<tbody>${'<tr><td rowspan="0">s</td><td>v</td></tr>'.repeat(400)}</tbody>`;
    const cut = table3.replace('</tbody></table>', `</tbody>${stairs}</table>`);
    const report = read(once(clean, table3, cut), dom);
    const found = report.findings.filter((f) => f.rule === 'layout' && /截断/.test(f.message));
    expect(found).toHaveLength(1);
    expect(found[0].message).toMatch(/第 3 张表格.*第 \d+ 行第 \d+ 列/);
    expect(cellValue(report, 'table3', 'carried_forward', 'total')).toBe(4);
  });

  it('a cut-off layout table that holds no report adds nothing to a report page', () => {
    const junk = `<table><tr>${wide}</tr>${'<tr><td>a</td></tr>'.repeat(30)}</table>`;
    const report = read(clean.replace('</body>', `${junk}</body>`), dom);
    expect(report.findings.filter((f) => /截断/.test(f.message))).toEqual([]);
  });

  it('a page whose only cut-off table is a layout table is not a report', () => {
    const junk = `<table><tr>${wide}</tr>${'<tr><td>本年度</td><td>1</td></tr>'.repeat(30)}</table>`;
    expect(auditHtml(page(junk), dom)).toBeNull();
  });
});
