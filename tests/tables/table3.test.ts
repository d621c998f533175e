// Table 3 label and layout variants, each as the markup shape real pages use.
import { describe, expect, it } from 'vitest';
import { auditHtml, cellValue, errors, page, table3Header, table3Row } from '../support/audit-html.ts';

const RESULT_LABELS: [string, string][] = [
  ['<td rowspan="23">三、本年度办理结果</td><td colspan="2">（一）予以公开</td>', 'granted'],
  ['<td colspan="2">（二）部分公开（区分处理的，只计这一情形，不计其他情形）</td>', 'partly_granted'],
  ['<td rowspan="8">（三）不予公开</td><td>1.属于国家秘密</td>', 'denied_state_secret'],
  ['<td>2.其他法律行政法规禁止公开</td>', 'denied_law_forbidden'],
  ['<td>3.危及“三安全一稳定”</td>', 'denied_three_safety_one_stability'],
  ['<td>4.保护第三方合法权益</td>', 'denied_third_party'],
  ['<td>5.属于三类内部事务信息</td>', 'denied_internal_affairs'],
  ['<td>6.属于四类过程性信息</td>', 'denied_process_info'],
  ['<td>7.属于行政执法案卷</td>', 'denied_enforcement_file'],
  ['<td>8.属于行政查询事项</td>', 'denied_admin_query'],
  ['<td rowspan="3">（四）无法提供</td><td>1.本机关不掌握相关政府信息</td>', 'unable_not_held'],
  ['<td>2.没有现成信息需要另行制作</td>', 'unable_needs_creation'],
  ['<td>3.补正后申请内容仍不明确</td>', 'unable_unclear'],
  ['<td rowspan="5">（五）不予处理</td><td>1.信访举报投诉类申请</td>', 'ignored_petition'],
  ['<td>2.重复申请</td>', 'ignored_repeat'],
  ['<td>3.要求提供公开出版物</td>', 'ignored_publication'],
  ['<td>4.无正当理由大量反复申请</td>', 'ignored_mass_repeat'],
  ['<td>5.要求行政机关确认或重新出具已获取信息</td>', 'ignored_confirmation'],
  ['<td rowspan="3">（六）其他处理</td><td>1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请</td>', 'other_no_correction'],
  ['<td>2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请</td>', 'other_no_fee'],
  ['<td>3.其他</td>', 'other_misc'],
  ['<td colspan="2">（七）总计</td>', 'results_total'],
];

/** A whole 2021 Table 3: rows → 7 numbers each (natural person first, total last). */
function table3(values: Record<string, number[] | string>, opts: { naturalLabel?: string } = {}): string {
  const cells = (key: string) => {
    const v = values[key] ?? [0, 0, 0, 0, 0, 0, 0];
    return typeof v === 'string' ? v : v.map((n) => `<td>${n}</td>`).join('');
  };
  return `<table border="1">${table3Header(opts)}
${table3Row('一、本年新收政府信息公开申请数量', [cells('new_received')])}
${table3Row('二、上年结转政府信息公开申请数量', [cells('carried_over')])}
${RESULT_LABELS.map(([label, key]) => `<tr>${label}${cells(key)}</tr>`).join('\n')}
${table3Row('四、结转下年度继续办理', [cells('carried_forward')])}
</table>`;
}

const balanced = {
  new_received: [5, 2, 0, 0, 1, 0, 8],
  carried_over: [1, 0, 0, 0, 0, 0, 1],
  granted: [3, 1, 0, 0, 0, 0, 4],
  unable_not_held: [2, 1, 0, 0, 1, 0, 4],
  results_total: [5, 2, 0, 0, 1, 0, 8],
  carried_forward: [1, 0, 0, 0, 0, 0, 1],
};

describe('Table 3 rows and columns by label', () => {
  it('reads every 2021 row of a canonical table and finds it clean', () => {
    const { report } = auditHtml(page(table3(balanced)))!;
    const rows = Object.keys(report.tables.table3!.rowLabels);
    expect(rows).toEqual(['new_received', 'carried_over', ...RESULT_LABELS.map(([, k]) => k), 'carried_forward']);
    expect(report.format).toBe('2021');
    expect(errors(report)).toEqual([]);
    expect(cellValue(report, 'table3', 'unable_not_held', 'legal_service')).toBe(1);
  });

  it('takes an unlabelled column under 申请人情况 for the missing 自然人 header', () => {
    const { report } = auditHtml(page(table3(balanced, { naturalLabel: '' })))!;
    expect(cellValue(report, 'table3', 'new_received', 'natural_person')).toBe(5);
    expect(errors(report)).toEqual([]);
  });

  it('accepts 合计 for 总计 and labels broken by spaces and <br>', () => {
    const html = page(table3(balanced)).replace(/>总计</g, '>合<br>计<').replace('商业企业', '商业 企业').replace('一、本年新收', '一、本年 新收');
    const { report } = auditHtml(html)!;
    expect(cellValue(report, 'table3', 'new_received', 'total')).toBe(8);
    expect(cellValue(report, 'table3', 'new_received', 'commercial')).toBe(2);
    expect(errors(report)).toEqual([]);
  });

  it('reads full-width digits and units in value cells', () => {
    const html = page(table3({ ...balanced, granted: '<td>３</td><td>1件</td><td>0</td><td>0</td><td>0</td><td>0</td><td>４件</td>' }));
    const { report } = auditHtml(html)!;
    expect(cellValue(report, 'table3', 'granted', 'natural_person')).toBe(3);
    expect(cellValue(report, 'table3', 'granted', 'total')).toBe(4);
    expect(errors(report)).toEqual([]);
  });
});

describe('Table 3 checks', () => {
  it('names a broken row total with its arithmetic', () => {
    const { report } = auditHtml(page(table3({ ...balanced, granted: [3, 1, 0, 0, 0, 0, 5] })))!;
    const ids = errors(report).map((f) => f.id);
    expect(ids).toContain('table3:row_total:granted');
    const f = errors(report).find((x) => x.id === 'table3:row_total:granted')!;
    expect(f.message).toBe('（一）予以公开：总计 5 ≠ 自然人 3 + 商业企业 1 + 科研机构 0 + 社会公益组织 0 + 法律服务机构 0 + 其他 0 = 4');
    expect(f).toMatchObject({ expected: 4, actual: 5, severity: 'error' });
    // The same wrong 5 also breaks the 总计 column's results sum: reported once each, naming its cells.
    expect(ids).toContain('table3:results_total:total');
  });

  it('flags a broken balance in one column only', () => {
    const { report } = auditHtml(page(table3({ ...balanced, carried_forward: [2, 0, 0, 0, 0, 0, 1] })))!;
    const ids = errors(report).map((f) => f.id);
    expect(ids).toEqual(['table3:row_total:carried_forward', 'table3:balance:natural_person']);
  });

  it('makes a sum with an unreadable cell unknown, not wrong, and keeps the raw text', () => {
    const html = page(table3({ ...balanced, granted: '<td>3</td><td>一件</td><td>0</td><td>0</td><td>0</td><td>0</td><td>4</td>' }));
    const { report } = auditHtml(html)!;
    const cell = report.tables.table3!.cells.find((c) => c.row === 'granted' && c.col === 'commercial')!;
    expect(cell).toMatchObject({ status: 'unreadable', raw: '一件', value: null });
    expect(errors(report)).toEqual([]);
    const unknown = report.findings.find((f) => f.id === 'table3:row_total:granted')!;
    expect(unknown).toMatchObject({ severity: 'warning', expected: null });
    expect(unknown.message).toContain('无法核对');
  });

  it('counts blank parts as 0 and says so; never argues with a blank total', () => {
    const html = page(table3({ ...balanced, granted: '<td>3</td><td>1</td><td></td><td>&nbsp;</td><td></td><td></td><td></td>' }));
    const { report } = auditHtml(html)!;
    expect(errors(report)).toEqual([]);
    expect(report.findings.find((f) => f.id === 'table3:row_total:granted')).toMatchObject({ severity: 'warning', expected: 4, actual: null });
    expect(report.findings.find((f) => f.rule === 'blank_cells')!.cells).toContainEqual({ row: 'granted', col: 'research' });
  });

  it('reports values that do not fit the columns as a layout finding with the raw numbers, never shifted', () => {
    const html = page(table3({ ...balanced, granted: '<td>3</td><td>1</td><td>4</td>' }));
    const { report } = auditHtml(html)!;
    expect(report.tables.table3!.cells.some((c) => c.row === 'granted')).toBe(false);
    const layout = report.findings.find((f) => f.rule === 'layout')!;
    expect(layout.message).toContain('3 | 1 | 4');
    expect(layout.message).toContain('予以公开');
  });
});

describe('a table split over two <table>s with its header repeated', () => {
  it('reads one Table 3 from both parts', () => {
    const full = table3(balanced);
    const cut = full.indexOf('<tr><td rowspan="5">（五）不予处理');
    const second = `</table><p>第 2 页</p><table border="1">${table3Header()}` + full.slice(cut).replace('<td rowspan="5">（五）不予处理', '<td rowspan="9">三、本年度办理结果</td><td rowspan="5">（五）不予处理');
    const { report } = auditHtml(page(full.slice(0, cut) + second))!;
    expect(Object.keys(report.tables.table3!.rowLabels)).toHaveLength(25);
    expect(errors(report)).toEqual([]);
  });
});

describe('old sites that lay the whole page out in a <table>', () => {
  it('reads the report table inside, not the layout cell around it', () => {
    const inner = page(table3(balanced)).match(/<table[\s\S]*<\/table>/)![0];
    const html = page(`<table><tr><td>导航 本年新收 自然人 申请人情况</td><td></td></tr><tr><td><p>正文</p>${inner}</td><td>1</td></tr></table>`);
    const { report } = auditHtml(html)!;
    expect(cellValue(report, 'table3', 'new_received', 'total')).toBe(8);
    expect(report.tables.table3!.cells).toHaveLength(7 * 25);
    expect(report.findings).toEqual([]);
  });
});

describe('a table continued after a page break in a <table> of another width', () => {
  it('places merged and single cells by the right edge the two parts share', () => {
    const full = table3(balanced);
    const cut = full.indexOf('<tr><td rowspan="5">（五）不予处理');
    // The second part has a two-column label area (no 三、 group cell) and writes 5 + merged 法人 + total.
    const rest = full
      .slice(cut)
      .replace('<td rowspan="5">（五）不予处理</td><td>1.信访举报投诉类申请</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td>',
        '<td rowspan="5">（五）不予处理</td><td>1.信访举报投诉类申请</td><td>2</td><td colspan="5">3</td><td>5</td>')
      .replace(/<td colspan="3">四、/, '<td colspan="2">四、')
      .replace(/<td colspan="2">（七）总计/, '<td colspan="2">（七）总计');
    const html = page(full.slice(0, cut) + '</table><table border="1">' + rest);
    const { report } = auditHtml(html)!;
    const petition = report.tables.table3!.cells.filter((c) => c.row === 'ignored_petition');
    expect(petition.map((c) => [c.col, c.value])).toEqual([['natural_person', 2], ['legal_person', 3], ['total', 5]]);
    expect(report.findings.filter((f) => f.rule === 'layout')).toEqual([]);
  });
});

describe('header variants', () => {
  it('reads 其他组织 as the 其他 column', () => {
    const { report } = auditHtml(page(table3(balanced).replace('<td>其他</td>', '<td>其他组织</td>')))!;
    expect(cellValue(report, 'table3', 'new_received', 'other_org')).toBe(0);
    // Read from the table's grid, not rescued by the one-cell-per-line reader.
    expect(report.tables.table3!.cells.every((c) => c.source?.kind === 'table')).toBe(true);
    expect(errors(report)).toEqual([]);
  });
});
