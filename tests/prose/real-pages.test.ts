import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditHtml, fixture, SHARED } from '../support/audit-html.ts';

// Precision on real pages: each page below was read by hand, its prose against its tables and its form
// against the rules. Pages that agree get no prose.* and no form.* finding; the three that do not get
// exactly the findings listed, for the reasons written beside them.

const CORPUS = join(SHARED, 'corpus');
const wholeReport = (html: string) =>
  auditHtml(html)!.report.findings.filter((f) => f.rule.startsWith('prose.') || f.rule.startsWith('form.'));

const AGREEING_FIXTURES = [
  // clean-2021: 收到 66 (一), 上年结转 5 (二), 办结 67 (（七）), 予以公开 31, 部分公开 4, 结转 4, 复议 2, 诉讼 2 + 1 = 3;
  // published 2023-01-16 by a 局 (deadline 1月31日); six sections.
  'clean-2021.html',
  // Same prose; the planted table errors are in totals whose parts agree with the prose (31, 1 + 1).
  'planted-2021-mismatch.html',
  // seed 001: legacy 2017 统计表 with no prose numbers; its date is a 成文日期 (2022), not a publication date.
  'seed-001-xiachuan-2017-legacy.html',
  // seed 002: 2020, "未接到要求公开信息的申请" (no number), 复函26件 is not a request; 办 published 2021-01-22.
  'seed-002-chanba-2020.html',
];

describe('real pages whose prose agrees with their tables and whose form is complete', () => {
  for (const name of AGREEING_FIXTURES)
    it(`${name}: no prose.* and no form.* finding`, () => {
      expect(wholeReport(fixture(name))).toEqual([]);
    });

  // The invented layout variants share clean-2021's prose and form.
  for (const name of ['one-table-all-2021.html', 'split-tables-2021.html', 'word-span-soup-2021.html', 'second-copy-2021.html', 'table2-misprint-2021.html', 'table3-remark-column-2021.html', 'table3-rows-out-of-order-2021.html', 'table4-no-rowspan-2021.html'])
    it(`${name}: no prose.* and no form.* finding`, () => {
      expect(wholeReport(fixture(name))).toEqual([]);
    });

  const corpus = ['002-shuyang-fgj-2023.html', '005-pingtan-2015-legacy.html'];
  for (const name of corpus)
    it.skipIf(!existsSync(join(CORPUS, name)))(`corpus ${name}: no prose.* and no form.* finding`, () => {
      // 002: 局, published 2024-01-17, six sections (一's body left out of the copy, its heading kept).
      // 005: legacy 2015, sections 五–七 only (the copy), no publication date: nothing to judge.
      expect(wholeReport(readFileSync(join(CORPUS, name), 'utf8'))).toEqual([]);
    });

  it('the article text is read and holds the statements (the silence is not from reading nothing)', () => {
    const text = auditHtml(fixture('clean-2021.html'))!.report.article!.text;
    expect(text).toContain('共收到政府信息公开申请66件，上年结转5件。');
    expect(text).toContain('被提起行政诉讼3件');
    expect(text).not.toContain('本年新收政府信息公开申请数量'); // the tables are not prose
  });
});

describe('real pages whose prose or form truly disagrees', () => {
  it.skipIf(!existsSync(join(CORPUS, '001-shanghai-bgt-2019.html')))(
    'corpus 001 (上海市人民政府办公厅 2019): 予以公开及部分公开 258 is 自然人 予以公开 alone; the table has 272 + 3 = 275, and 258 / 805 is 32.0%, not 33.9%',
    () => {
      const found = wholeReport(readFileSync(join(CORPUS, '001-shanghai-bgt-2019.html'), 'utf8'));
      expect(found.map((f) => [f.rule, f.text?.quote, f.actual])).toEqual([
        ['prose.disclosed', '予以公开及部分公开258件，占33.9%；', 258],
        ['prose.shares', '予以公开及部分公开258件，占33.9%；', 33.9],
      ]);
      expect(found[0].expected).toBe(275);
      expect(found[0].table).toBe('table3');
    },
  );

  it('seed 000 (新安江街道 2019): no "总体情况" heading (its five opening sections are topical); only that', () => {
    const found = wholeReport(fixture('seed-000-xinanjiang-2019.html'));
    expect(found.map((f) => f.rule)).toEqual(['form.sections']);
    expect(found[0].message).toContain('缺少“一、总体情况”');
    expect(found[0].message).not.toContain('缺少“二');
    expect(found[0].table).toBeNull();
  });

  it('seed 003 (资阳区人民政府 2020): five parts only ("五个部分组成"), no 六、其他需要报告的事项; flattened table lines are not headings', () => {
    const found = wholeReport(fixture('seed-003-ziyang-2020-flattened.html'));
    expect(found.map((f) => f.rule)).toEqual(['form.sections']);
    expect(found[0].message).toContain('缺少“六、其他需要报告的事项”');
    // 平台办件 其中自然人办件 68741 件 is not a request count: no prose.applicants.
    expect(auditHtml(fixture('seed-003-ziyang-2020-flattened.html'))!.report.article!.text).toContain('其中自然人办件68741件');
  });
});

describe('a flattened table (one cell per paragraph) is not prose', () => {
  it('seed 003: the article text keeps the section headings between the tables but none of their label or value lines', () => {
    const text = auditHtml(fixture('seed-003-ziyang-2020-flattened.html'))!.report.article!.text;
    const lines = text.split('\n');
    expect(lines).toContain('三、收到和处理政府信息公开申请情况');
    expect(lines).toContain('四、政府信息公开行政复议、行政诉讼情况');
    expect(text).not.toContain('一、本年新收政府信息公开申请数量');
    expect(text).not.toContain('结果维持');
    expect(lines).not.toContain('0');
  });
});
