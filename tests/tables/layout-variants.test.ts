// Layout variants where numbers used to vanish silently: each shape as a page (tests/fixtures/*) or as the
// markup real pages use, with the figures written by hand. Whatever cannot be placed is a `layout` warning
// that carries its raw text; nothing is dropped without a word.
import { describe, expect, it } from 'vitest';
import type { Report } from '../../lib/schema.ts';
import { auditHtml, cellValue, errors, fixture, page, table3Header, table3Row } from '../support/audit-html.ts';

const layouts = (report: Report) => report.findings.filter((f) => f.rule === 'layout');
const cellsOf = (report: Report, table: keyof Report['tables'], row: string) =>
  report.tables[table]?.cells.filter((c) => c.row === row).map((c) => [c.col, c.status === 'ok' ? c.value : c.status]);

describe('Table 4 whose header has no rowspans (five empty cells under the 行政复议 labels)', () => {
  const html = fixture('table4-no-rowspan-2021.html');

  it('holds all 15 numbers under their canonical keys', () => {
    const { report } = auditHtml(html)!;
    const v = (col: string) => cellValue(report, 'table4', 'count', col);
    expect(['upheld', 'corrected', 'other', 'pending', 'total'].map((o) => v(`review_${o}`))).toEqual([1, 1, 0, 0, 2]);
    expect(['upheld', 'corrected', 'other', 'pending', 'total'].map((o) => v(`suit_direct_${o}`))).toEqual([1, 0, 0, 1, 2]);
    expect(['upheld', 'corrected', 'other', 'pending', 'total'].map((o) => v(`suit_after_review_${o}`))).toEqual([1, 0, 0, 0, 1]);
    expect(report.tables.table4!.cells).toHaveLength(15);
    expect(layouts(report)).toEqual([]);
    expect(errors(report)).toEqual([]);
  });

  it('runs the 行政复议 group-total check on them', () => {
    // The review total (the fifth value of the data row) printed as 3 where 1 + 1 + 0 + 0 = 2.
    const broken = html.replace(/(<tr>(?:<td nowrap="nowrap" style="width:52px;"><p align="center">\d+<\/p><\/td>){4}<td nowrap="nowrap" style="width:52px;"><p align="center">)2</, '$13<');
    expect(broken).not.toBe(html);
    const { report } = auditHtml(broken)!;
    expect(errors(report).map((f) => [f.id, f.actual, f.expected])).toEqual([['table4:group_total:review', 3, 2]]);
  });
});

describe('a misprinted Table 2 header label (本年废纸件数 for 本年废止件数)', () => {
  it('reads the column by the official order and names the misprint', () => {
    const { report } = auditHtml(fixture('table2-misprint-2021.html'))!;
    expect(cellsOf(report, 'table2', 'regulations')).toEqual([['issued', 0], ['repealed', 0], ['in_force', 0]]);
    expect(cellsOf(report, 'table2', 'normative_documents')).toEqual([['issued', 3], ['repealed', 1], ['in_force', 12]]);
    const notes = layouts(report);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ severity: 'warning', table: 'table2' });
    expect(notes[0].message).toContain('“本年废纸件数”');
    expect(notes[0].message).toContain('“本年废止件数”');
  });

  const block = (labels: string[]) => page(`<table border="1">
<tr><td colspan="4">第二十条第（一）项</td></tr>
<tr><td>信息内容</td>${labels.map((l) => `<td>${l}</td>`).join('')}</tr>
<tr><td>规章</td><td>2</td><td>7</td><td>9</td></tr>
<tr><td>行政规范性文件</td><td>5</td><td>1</td><td>12</td></tr>
</table>`);

  it('does not guess when two labels are unknown, and still reports their numbers', () => {
    const { report } = auditHtml(block(['本年制发件数', '本年废纸件数', '现行有校件数']))!;
    expect(cellsOf(report, 'table2', 'regulations')).toEqual([['issued', 2]]);
    expect(cellsOf(report, 'table2', 'normative_documents')).toEqual([['issued', 5]]);
    const text = layouts(report).map((f) => f.message).join('\n');
    expect(text).not.toContain('疑似印错');
    expect(text).toMatch(/本年废纸件数[^\n]*规章[^\n]*7[^\n]*规范性文件[^\n]*1/);
    expect(text).toMatch(/现行有校件数[^\n]*规章[^\n]*9[^\n]*规范性文件[^\n]*12/);
  });

  it('does not guess when the rest of the header does not match the official layout', () => {
    const { report } = auditHtml(block(['本年废纸件数', '本年制发件数', '现行有效件数']))!;
    expect(cellsOf(report, 'table2', 'regulations')).toEqual([['issued', 7], ['in_force', 9]]);
    const text = layouts(report).map((f) => f.message).join('\n');
    expect(text).not.toContain('疑似印错');
    expect(text).toMatch(/本年废纸件数[^\n]*规章[^\n]*2[^\n]*规范性文件[^\n]*5/);
  });
});

describe('an unreadable value in the first value cell of a table’s first data row', () => {
  const TEXTS = ['〇', '零', '十二', '不涉及', '40*', '0*', '50%', '(5)', '约10', '1234567890123456'];

  const table3 = (first: string) =>
    page(`<table border="1">${table3Header()}
${table3Row('一、本年新收政府信息公开申请数量', [`<td>${first}</td>`, 2, 0, 0, 1, 0, 8])}
${table3Row('二、上年结转政府信息公开申请数量', [1, 0, 0, 0, 0, 0, 1])}
${table3Row('四、结转下年度继续办理', [1, 0, 0, 0, 0, 0, 1])}
</table>`);

  it.each(TEXTS)('keeps row 一 of Table 3 with “%s” as an unreadable cell', (text) => {
    const { report } = auditHtml(table3(text))!;
    const cell = report.tables.table3!.cells.find((c) => c.row === 'new_received' && c.col === 'natural_person');
    expect(cell).toMatchObject({ status: 'unreadable', raw: text, value: null });
    expect(cellsOf(report, 'table3', 'new_received')).toHaveLength(7);
    expect(cellValue(report, 'table3', 'new_received', 'total')).toBe(8);
  });

  const BLOCKS: [string, string, string, string][] = [
    ['第二十条第（一）项', '<td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td>', '规章', 'issued'],
    ['第二十条第（五）项', '<td colspan="3">本年处理决定数量</td>', '行政许可', 'decisions'],
    ['第二十条第（六）项', '<td colspan="3">本年处理决定数量</td>', '行政处罚', 'decisions'],
    ['第二十条第（八）项', '<td colspan="3">本年收费金额（单位：万元）</td>', '行政事业性收费', 'fee_amount'],
  ];
  const table2 = (first: string) =>
    page(`<table border="1">${BLOCKS.map(([title, head, row]) => {
      const three = head.includes('colspan') ? `<td colspan="3">${first}</td>` : `<td>${first}</td><td>0</td><td>3</td>`;
      return `<tr><td colspan="4">${title}</td></tr><tr><td>信息内容</td>${head}</tr><tr><td>${row}</td>${three}</tr>`;
    }).join('\n')}</table>`);
  const TABLE2_ROW_KEYS: Record<string, string> = { 规章: 'regulations', 行政许可: 'licensing', 行政处罚: 'penalties', 行政事业性收费: 'fees' };

  it.each(TEXTS)('keeps the first row of every Table 2 block with “%s” as an unreadable cell', (text) => {
    const { report } = auditHtml(table2(text))!;
    for (const [, , label, col] of BLOCKS) {
      const cell = report.tables.table2!.cells.find((c) => c.row === TABLE2_ROW_KEYS[label] && c.col === col);
      expect(cell, label).toMatchObject({ status: 'unreadable', raw: text, value: null });
    }
    expect(cellValue(report, 'table2', 'regulations', 'in_force')).toBe(3);
  });
});

describe('a Table 3 with an extra 备注 column after 总计', () => {
  const { report } = auditHtml(fixture('table3-remark-column-2021.html'))!;

  it('reads the known columns of every row', () => {
    expect(report.tables.table3!.cells).toHaveLength(175);
    expect(cellsOf(report, 'table3', 'granted')).toEqual([
      ['natural_person', 24], ['commercial', 5], ['research', 1], ['social_welfare', 0], ['legal_service', 1], ['other_org', 0], ['total', 31],
    ]);
    expect(errors(report)).toEqual([]);
  });

  it('reports the unknown column once, with what it holds', () => {
    const notes = layouts(report);
    expect(notes).toHaveLength(1);
    expect(notes[0].message).toContain('备注');
    expect(notes[0].message).toContain('（一）予以公开 6');
    expect(notes[0].message).toContain('含网上申请');
  });
});

describe('Table 3 rows in an unexpected order (四 printed before （七）总计)', () => {
  it('reads every known row wherever it sits', () => {
    const { report } = auditHtml(fixture('table3-rows-out-of-order-2021.html'))!;
    expect(report.tables.table3!.cells).toHaveLength(175);
    expect(cellsOf(report, 'table3', 'results_total')).toEqual([
      ['natural_person', 53], ['commercial', 9], ['research', 1], ['social_welfare', 0], ['legal_service', 3], ['other_org', 1], ['total', 67],
    ]);
    expect(cellValue(report, 'table3', 'carried_forward', 'total')).toBe(4);
    expect(errors(report)).toEqual([]);
    expect(layouts(report)).toEqual([]);
  });

  it('still stops at a following table that is not this one', () => {
    const html = page(`<table border="1">${table3Header()}
${table3Row('一、本年新收政府信息公开申请数量', [5, 2, 0, 0, 1, 0, 8])}
${table3Row('二、上年结转政府信息公开申请数量', [1, 0, 0, 0, 0, 0, 1])}
${table3Row('（七）总计', [5, 2, 0, 0, 1, 0, 8])}
${table3Row('四、结转下年度继续办理', [1, 0, 0, 0, 0, 0, 1])}
</table><p>附：历年申请情况</p><table border="1"><tr><td>年份</td><td>2021</td><td>2022</td></tr><tr><td>（一）予以公开</td><td>40</td><td>3</td></tr></table>`);
    const { report } = auditHtml(html)!;
    expect(cellsOf(report, 'table3', 'granted')).toEqual([]);
    expect(layouts(report)).toEqual([]);
  });
});

describe('a second copy of the report on the page', () => {
  const { report } = auditHtml(fixture('second-copy-2021.html'))!;

  it('keeps the first copy’s values', () => {
    expect(cellValue(report, 'table3', 'granted', 'natural_person')).toBe(24);
    expect(errors(report).filter((f) => !f.id.startsWith('copy2:'))).toEqual([]);
  });

  it('lists the cells where the copies differ', () => {
    const diff = layouts(report).filter((f) => f.message.includes('第二份'));
    expect(diff).toHaveLength(1);
    expect(diff[0]).toMatchObject({ table: 'table3', severity: 'warning' });
    expect(diff[0].message).toContain('（一）予以公开');
    expect(diff[0].message).toContain('自然人');
    expect(diff[0].message).toMatch(/24[^0-9]+25/);
  });

  it('audits the second copy too, so an error only there is reported', () => {
    const second = errors(report).filter((f) => f.id.startsWith('copy2:'));
    expect(second.map((f) => f.id).sort()).toEqual(['copy2:table3:results_total:natural_person', 'copy2:table3:row_total:granted']);
    for (const f of second) expect(f.message.startsWith('（第二份）')).toBe(true);
    expect(second.find((f) => f.id === 'copy2:table3:row_total:granted')).toMatchObject({ actual: 31, expected: 32 });
  });

  it('finds the second copy’s cells on the page for its findings', () => {
    const result = auditHtml(fixture('second-copy-2021.html'))!;
    const ref = { row: 'granted', col: 'natural_person' };
    expect(result.elementFor('table3', ref)!.textContent).toBe('24');
    expect(result.elementFor('table3', ref, 2)!.textContent).toBe('25');
    const first = result.elementFor('table3', { row: 'granted', col: 'total' })!;
    const second = result.elementFor('table3', { row: 'granted', col: 'total' }, 2)!;
    expect(second).not.toBe(first);
    expect(first.compareDocumentPosition(second) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('an identical repeat stays one quiet note per table and adds no checks', () => {
    const clean = fixture('clean-2021.html');
    const start = clean.indexOf('<p style="text-indent:2em;"><strong>二、主动公开政府信息情况');
    const end = clean.indexOf('<p style="text-indent:2em;"><strong>五、');
    const twice = clean.slice(0, end) + clean.slice(start, end) + clean.slice(end);
    const { report: again } = auditHtml(twice)!;
    expect(again.findings.filter((f) => f.id.startsWith('copy2:'))).toEqual([]);
    const notes = layouts(again);
    expect(notes.map((f) => f.table).sort()).toEqual(['table2', 'table3', 'table4']);
    for (const f of notes) expect(f.message).toContain('重复出现');
    expect(errors(again)).toEqual([]);
  });
});

describe('a row with numbers under a known header is never dropped without a finding', () => {
  it('a first data row whose label is not recognised', () => {
    const html = page(`<table border="1">${table3Header()}
${table3Row('一、本年新受政府信息公开申请数量', [5, 2, 0, 0, 1, 0, 8])}
${table3Row('二、上年结转政府信息公开申请数量', [1, 0, 0, 0, 0, 0, 1])}
</table>`);
    const { report } = auditHtml(html)!;
    expect(layouts(report).map((f) => f.message).join('\n')).toMatch(/本年新受[^\n]*5 \| 2 \| 0 \| 0 \| 1 \| 0 \| 8/);
  });

  it('a row of numbers with no label at all', () => {
    const html = page(`<table border="1">${table3Header()}
${table3Row('一、本年新收政府信息公开申请数量', [5, 2, 0, 0, 1, 0, 8])}
<tr><td colspan="3"></td><td>4</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>4</td></tr>
${table3Row('二、上年结转政府信息公开申请数量', [1, 0, 0, 0, 0, 0, 1])}
</table>`);
    const { report } = auditHtml(html)!;
    expect(layouts(report).map((f) => f.message).join('\n')).toContain('4 | 0 | 0 | 0 | 0 | 0 | 4');
  });

  it('a number left of Table 4’s value columns', () => {
    const html = page(`<table border="1"><tr><td rowspan="3">项目</td><td colspan="5">行政复议</td><td colspan="10">行政诉讼</td></tr>
<tr><td rowspan="2">结果维持</td><td rowspan="2">结果纠正</td><td rowspan="2">其他结果</td><td rowspan="2">尚未审结</td><td rowspan="2">总计</td><td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td></tr>
<tr>${'<td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td>'.repeat(2)}</tr>
<tr><td>9</td>${[1, 0, 0, 0, 1, 2, 0, 0, 0, 2, 0, 0, 0, 1, 1].map((v) => `<td>${v}</td>`).join('')}</tr></table>`);
    const { report } = auditHtml(html)!;
    expect(report.tables.table4!.cells).toHaveLength(15);
    expect(layouts(report).map((f) => f.message).join('\n')).toContain('9');
  });

  it('a table whose rows all fail to line up keeps its findings', () => {
    const html = page(`<table border="1">${table3Header()}
${table3Row('一、本年新收政府信息公开申请数量', [5, 2, 0, 0, 1, 0, 8, '<td>/</td>'])}
${table3Row('二、上年结转政府信息公开申请数量', [1, 0, 0, 0, 0, 0, 1, '<td>/</td>'])}
</table>`);
    const { report } = auditHtml(html)!;
    expect(layouts(report).map((f) => f.message).join('\n')).toContain('5 | 2 | 0 | 0 | 1 | 0 | 8 | /');
  });

  it('a second data row under Table 4', () => {
    const head = fixture('table4-no-rowspan-2021.html');
    const row = '<tr><td>占比</td>' + '<td>0</td>'.repeat(13) + '<td>7</td></tr>';
    const at = head.lastIndexOf('</tbody></table>');
    const { report } = auditHtml(head.slice(0, at) + row + head.slice(at))!;
    expect(report.tables.table4!.cells).toHaveLength(15);
    expect(layouts(report).map((f) => f.message).join('\n')).toContain('占比 | 0 | 0');
  });

  it('a third printing of a row', () => {
    const rowOne = table3Row('一、本年新收政府信息公开申请数量', [5, 2, 0, 0, 1, 0, 8]);
    const html = page(`<table border="1">${table3Header()}${rowOne}</table><table border="1">${table3Header()}${rowOne}</table><table border="1">${table3Header()}${table3Row('一、本年新收政府信息公开申请数量', [6, 2, 0, 0, 1, 0, 9])}</table>`);
    const { report } = auditHtml(html)!;
    expect(cellValue(report, 'table3', 'new_received', 'natural_person')).toBe(5);
    expect(layouts(report).map((f) => f.message).join('\n')).toContain('6 | 2 | 0 | 0 | 1 | 0 | 9');
  });
});

describe('a misprinted label in the Table 3 and Table 4 headers', () => {
  it('Table 3: 科妍机构 read as 科研机构 by the official order', () => {
    const { report } = auditHtml(fixture('clean-2021.html').replace('>科研机构<', '>科妍机构<'))!;
    expect(cellValue(report, 'table3', 'new_received', 'research')).toBe(1);
    expect(report.tables.table3!.cells).toHaveLength(175);
    expect(layouts(report).map((f) => f.message)).toEqual(['表头“科妍机构”疑似印错，按格式的列序读作“科研机构”']);
    expect(errors(report)).toEqual([]);
  });

  it('Table 4: an outcome label misprinted under 复议后起诉', () => {
    const html = fixture('clean-2021.html');
    const at = html.lastIndexOf('>结果纠正<');
    const { report } = auditHtml(html.slice(0, at) + '>结果纠镇<' + html.slice(at + '>结果纠正<'.length))!;
    expect(report.tables.table4!.cells).toHaveLength(15);
    expect(cellValue(report, 'table4', 'count', 'suit_after_review_corrected')).toBe(0);
    expect(layouts(report).map((f) => f.message)).toEqual(['表头“结果纠镇”疑似印错，按格式的列序读作“行政诉讼 · 复议后起诉 · 结果纠正”']);
  });
});

describe('an unreadable first value where the header gives no geometry', () => {
  const ROW_ONE = '<p style="text-align: center;">一、本年新收政府信息公开申请数量</p>\n<p style="text-align: center;">0</p>';

  // The line reader glues an unreadable line onto the label before it (labels are split over lines), so
  // the row has six values for seven columns: it cannot be placed, but it is said, with its numbers.
  it.each(['〇', '约10', '40*'])('reports row 一 of a table flattened to one cell per line with “%s”', (text) => {
    const html = fixture('seed-003-ziyang-2020-flattened.html');
    expect(html).toContain(ROW_ONE);
    const { report } = auditHtml(html.replace(ROW_ONE, ROW_ONE.replace('>0<', `>${text}<`)))!;
    expect(layouts(report).map((f) => f.message).join('\n')).toContain(`一、本年新收政府信息公开申请数量${text} | 0 | 0 | 0 | 0 | 0 | 0`);
  });

  it('keeps the first row of a table continued in another <table> after a page break', () => {
    const html = page(`<table border="1">${table3Header()}
${table3Row('一、本年新收政府信息公开申请数量', [5, 2, 0, 0, 1, 0, 8])}</table><p>第 2 页</p><table border="1">
<tr><td colspan="2">二、上年结转政府信息公开申请数量</td><td>〇</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>1</td></tr></table>`);
    const { report } = auditHtml(html)!;
    expect(report.tables.table3!.cells.find((c) => c.row === 'carried_over' && c.col === 'natural_person')).toMatchObject({ status: 'unreadable', raw: '〇' });
    expect(cellValue(report, 'table3', 'carried_over', 'total')).toBe(1);
  });
});
