import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditHtml, fixture, SHARED } from '../support/audit-html.ts';

// Copies of real-shaped pages with one slip planted each: each slip is found, a prose finding quotes the
// planted number; and the traps beside them (a related quantity, documents counted in 条, another year,
// digits split across spans, one lawsuit group alone) stay silent.

const CLEAN = fixture('clean-2021.html');
const SHANGHAI = join(SHARED, 'corpus', '001-shanghai-bgt-2019.html');

function planted(html: string, from: string | RegExp, to: string): string {
  const out = html.replace(from, to);
  expect(out, `the plant ${from} applies`).not.toBe(html);
  return out;
}
const whole = (html: string) => auditHtml(html)!.report.findings.filter((f) => /^(prose|form)\./.test(f.rule));

describe('one planted slip each', () => {
  it('a restated count changed (收到 66 → 69): prose.requests quotes the sentence with 69', () => {
    const found = whole(planted(CLEAN, '共收到政府信息公开申请66件', '共收到政府信息公开申请69件'));
    expect(found.map((f) => f.rule)).toEqual(['prose.requests']);
    expect(found[0].text?.quote).toContain('共收到政府信息公开申请69件');
    expect(found[0]).toMatchObject({ table: 'table3', expected: 66, actual: 69, severity: 'warning' });
    expect(found[0].cells).toContainEqual({ row: 'new_received', col: 'total' });
  });

  it('the quote offsets point into report.article.text', () => {
    const report = auditHtml(planted(CLEAN, '上年结转5件', '上年结转6件'))!.report;
    const f = report.findings.find((x) => x.rule === 'prose.carried_over')!;
    expect(report.article!.text.slice(f.text!.start, f.text!.end)).toBe(f.text!.quote);
    expect(f.text!.quote).toContain('上年结转6件');
  });

  it('the lawsuit count changed to the direct suits alone (3 → 2): still a slip, prose.lawsuits names both groups', () => {
    const found = whole(planted(CLEAN, '被提起行政诉讼3件', '被提起行政诉讼2件'));
    expect(found.map((f) => f.rule)).toEqual(['prose.lawsuits']);
    expect(found[0].text?.quote).toContain('被提起行政诉讼2件');
    expect(found[0].cells).toEqual([{ row: 'count', col: 'suit_direct_total' }, { row: 'count', col: 'suit_after_review_total' }]);
    expect(found[0].expected).toBe(3);
  });

  it.skipIf(!existsSync(SHANGHAI))('a share changed (不予处理 158 件 占 19.6% → 21.6%): prose.shares quotes it', () => {
    const found = whole(planted(readFileSync(SHANGHAI, 'utf8'), '不予处理158件，占19.6%', '不予处理158件，占21.6%'));
    const shares = found.filter((f) => f.rule === 'prose.shares' && f.text?.quote.includes('21.6%'));
    expect(shares).toHaveLength(1);
    expect(shares[0].actual).toBe(21.6);
    expect(shares[0].expected).toBe(19.6);
  });

  it('a publication date moved past 1月31日 for a 局 (2023-01-16 → 2023-02-20): form.deadline with the date, where read and the issuer', () => {
    const found = whole(CLEAN.replaceAll('2023-01-16', '2023-02-20'));
    expect(found.map((f) => f.rule)).toEqual(['form.deadline']);
    expect(found[0].table).toBeNull();
    expect(found[0].message).toContain('2023-02-20');
    expect(found[0].message).toContain('公开日期');
    expect(found[0].message).toContain('临溪县市场监督管理局');
    expect(found[0].message).toContain('第四十九条');
  });

  it('a date past 3月31日 is late for a 人民政府 too; inside the window it is not', () => {
    const gov = CLEAN.replaceAll('临溪县市场监督管理局', '临溪县人民政府');
    expect(whole(gov.replaceAll('2023-01-16', '2023-03-20')).map((f) => f.rule)).toEqual([]);
    expect(whole(gov.replaceAll('2023-01-16', '2023-04-03')).map((f) => f.rule)).toEqual(['form.deadline']);
    // A 管委会 is neither clearly: nothing inside the window.
    const board = CLEAN.replaceAll('临溪县市场监督管理局', '临溪经济开发区管委会');
    expect(whole(board.replaceAll('2023-01-16', '2023-03-20')).map((f) => f.rule)).toEqual([]);
  });

  it('section 五 removed: form.sections names it, even with its words inside another sentence', () => {
    const without = planted(CLEAN, /<p[^>]*><strong>五、存在的主要问题及改进情况<\/strong><\/p>\s*<p[^>]*>[^\n]*<\/p>\s*<p[^>]*>[^\n]*<\/p>/, '');
    const quoted = planted(without, '组织开展业务培训2次。', '组织开展业务培训2次。报告另列“五、政府信息公开工作存在的主要问题及改进情况”一节。');
    for (const html of [without, quoted]) {
      const found = whole(html);
      expect(found.map((f) => f.rule)).toEqual(['form.sections']);
      expect(found[0].message).toContain('缺少“五、存在的主要问题及改进情况”');
    }
  });

  it('section 五 left empty: form.sections says so', () => {
    const empty = planted(CLEAN, /(<strong>五、存在的主要问题及改进情况<\/strong><\/p>)\s*<p[^>]*>[^\n]*<\/p>\s*<p[^>]*>[^\n]*<\/p>/, '$1');
    expect(whole(empty).map((f) => f.message).join()).toContain('下没有内容');
  });

  it('the year in the 统计期限 differs from the title: form.year names both', () => {
    const found = whole(planted(CLEAN, '统计期限自2022年1月1日', '统计期限自2021年1月1日'));
    expect(found.map((f) => f.rule)).toEqual(['form.year']);
    expect(found[0].message).toMatch(/2022 年（标题.*2021 年（统计期限/);
  });
});

describe('traps that stay silent', () => {
  const quiet = (html: string) => expect(whole(html).map((f) => `${f.rule} ${f.message}`)).toEqual([]);

  it('digits split across <span>s read as the reader sees them: 6|6 agrees, 6|9 is found as 69', () => {
    quiet(planted(CLEAN, '申请66件', '申请<span>6</span><span style="font-family:Times">6</span>件'));
    const found = whole(planted(CLEAN, '申请66件', '申请<span>6</span><span>9</span>件'));
    expect(found.map((f) => [f.rule, f.actual])).toEqual([['prose.requests', 69]]);
  });

  it('a related but different quantity: 现行有效 N 件 then 本年度制发 M 件', () => {
    quiet(planted(CLEAN, '及时公开行政许可', '清理并集中发布现行有效规范性文件9件，本年度制发3件。及时公开行政许可'));
  });

  it('documents disclosed on request, counted in 条', () => {
    quiet(planted(CLEAN, '所有申请均在法定期限内答复。', '依申请予以公开政府信息45条，所有申请均在法定期限内答复。'));
  });

  it('figures of other years in the same sentence', () => {
    quiet(planted(CLEAN, '共收到政府信息公开申请66件，上年结转5件。', '共收到政府信息公开申请66件，较上年的50件增加16件，上年结转5件。2021年共收到政府信息公开申请50件。'));
  });

  it('one lawsuit group alone (未经复议直接起诉 2 件) is not the lawsuit count', () => {
    quiet(planted(CLEAN, '被提起行政诉讼3件。', '被提起行政诉讼3件，其中未经复议直接起诉2件。'));
  });

  it('review and lawsuit counts outside information disclosure (a 司法局 handling all reviews)', () => {
    quiet(planted(CLEAN, '组织开展业务培训2次。', '组织开展业务培训2次。全年办理行政复议案件15件，行政诉讼8件。'));
  });
});

describe('exports carry the quote', () => {
  it('the findings CSV has a quote column holding the sentence; the CLI summary shows it', async () => {
    const { exportFindingsCsv, FINDING_COLUMNS } = await import('../../lib/export/csv.ts');
    const { summary } = await import('../../scripts/summary.ts');
    const report = auditHtml(planted(CLEAN, '共收到政府信息公开申请66件', '共收到政府信息公开申请69件'))!.report;
    const csv = exportFindingsCsv(report);
    const header = csv.replace(/^\uFEFF/, '').split('\r\n')[0].split(',');
    expect(header).toContain('quote');
    expect(FINDING_COLUMNS.indexOf('quote')).toBe(FINDING_COLUMNS.indexOf('message') + 1);
    expect(csv).toContain('共收到政府信息公开申请69件，上年结转5件。');
    expect(summary(report, 'x.html')).toContain('「2022年，本机关共收到政府信息公开申请69件，上年结转5件。」');
  });
});

describe('form.sections says nothing when it did not read the sections', () => {
  it('a page of the tables alone (no numbered headings found) gets no form.sections', () => {
    const tablesOnly = CLEAN.replace(/<p[^>]*><strong>[一二三四五六]、[^<]*<\/strong><\/p>/g, '');
    expect(tablesOnly).not.toContain('六、其他需要报告的事项');
    expect(whole(tablesOnly).map((f) => f.rule)).toEqual([]);
  });
});

describe('requests of other kinds in a paragraph about disclosure requests', () => {
  it('受理行政许可申请 / 收到行政复议申请 / 办结工单 are not the disclosure request counts', () => {
    const html = planted(CLEAN, '所有申请均在法定期限内答复。', '所有申请均在法定期限内答复。窗口受理行政许可申请1234件，收到行政复议申请9件，办结工单88件，答复行政许可申请77件。');
    expect(whole(html).map((f) => `${f.rule} ${f.message}`)).toEqual([]);
  });
});
