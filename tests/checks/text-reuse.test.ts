import { describe, expect, it } from 'vitest';
import { checkSeries } from '../../lib/checks/series.ts';
import { comparableSentences, textReuse } from '../../lib/checks/text-reuse.ts';
import { ruleInfo } from '../../lib/checks/catalog.ts';
import { FindingSchema, type Report } from '../../lib/schema.ts';
import { fakeReport } from '../support/fake-report.ts';

function report(year: number, text: string, agency = '某某县人民政府', url = 'http://www.mm.gov.cn/a.html'): Report {
  const r = fakeReport();
  r.year = year;
  r.agency = agency;
  r.source = { title: `${agency}${year}年政府信息公开工作年度报告`, url };
  r.article = { text };
  return r;
}

const BOILERPLATE_2022 = [
  '某某县人民政府2022年政府信息公开工作年度报告',
  '本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和国务院办公厅政府信息与政务公开办公室有关要求编制。',
  '全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项。',
  '本报告所列数据的统计期限自2022年1月1日起至2022年12月31日止。',
  '本报告电子版可在某某县人民政府门户网站下载。',
  '如对本报告有疑问，请与某某县人民政府办公室联系。',
  '一、总体情况',
  '二、主动公开政府信息情况',
].join('\n');
const BOILERPLATE_2023 = BOILERPLATE_2022.replaceAll('2022', '2023');

/** Eight sentences of 2022; the 2023 report repeats six (two of them with new numbers, one in full-width digits). */
const PROSE_2022 = [
  '2022年，我县坚持以人民为中心的发展思想，全面推进政务公开工作。',
  '全年主动公开政府信息1234条，其中规范性文件12件。',
  '我县进一步完善政府信息公开指南和目录，方便群众查阅。',
  '依申请公开办理流程更加规范，答复质量明显提升。',
  '政府网站平台建设持续加强，栏目设置更加合理。',
  '政务公开培训覆盖全县各部门和乡镇，共培训干部300人次。',
  '县政府常务会议审议的重大事项均通过门户网站公开。',
  '存在的主要问题是基层政务公开标准化规范化水平不高。',
].join('\n');
const PROSE_2023 = [
  '2023年，我县坚持以人民为中心的发展思想，全面推进政务公开工作。', // repeated (year differs)
  '全年主动公开政府信息２３４５条，其中规范性文件１５件。', // repeated (numbers, full width)
  '我县进一步完善政府信息公开指南和目录，方便群众查阅。', // repeated
  '依申请公开办理流程更加规范，答复质量明显提升。', // repeated
  '政府网站平台建设持续加强，栏目设置更加合理。', // repeated
  '政务公开培训覆盖全县各部门和乡镇，共培训干部410人次。', // repeated
  '今年新建了政务公开专区，在县政务服务中心设立查阅点。', // new
  '下一步将推进基层政务公开事项目录的动态更新。', // new
].join('\n');

describe('comparableSentences', () => {
  it('leaves out the template’s fixed sentences, headings, the title and short sentences', () => {
    expect(comparableSentences(`${BOILERPLATE_2022}\n特此报告。`)).toEqual([]);
  });

  it('splits on 。！？； and line ends, and matches across years, digits and full width', () => {
    const a = comparableSentences('全年主动公开政府信息12条；其中规范性文件3件。\n政府网站平台建设持续加强');
    const b = comparableSentences('全年主动公开政府信息１２０条；其中规范性文件４件。\n政府网站平台建设持续加强。');
    expect(a.map((s) => s.key)).toEqual(b.map((s) => s.key));
    expect(a).toHaveLength(3);
  });
});

describe('series.text_reuse', () => {
  it('warns when 6 of 8 sentences repeat last year’s, with the counts and three quotes', () => {
    const later = report(2023, `${BOILERPLATE_2023}\n${PROSE_2023}`);
    const earlier = report(2022, `${BOILERPLATE_2022}\n${PROSE_2022}`, '某某县人民政府', 'http://www.mm.gov.cn/b.html');
    const [findings, none] = checkSeries([later, earlier]);
    expect(none).toEqual([]);
    const reuse = findings.filter((f) => f.rule === 'series.text_reuse');
    expect(reuse).toHaveLength(1);
    const f = reuse[0];
    expect(FindingSchema.parse(f)).toEqual(f);
    expect(f.severity).toBe('warning');
    expect(f.table).toBeNull();
    expect(f.actual).toBe(6);
    expect(f.message).toContain('与2022年报告相比，正文 8 句中有 6 句（75%）重复');
    expect(f.message).toContain('“2023年，我县坚持以人民为中心的发展思想，全面推进政务公开工作。”');
    expect(f.message).toContain('等 6 句');
    expect(f.message).not.toContain('依申请公开办理流程'); // only the first three are quoted
    expect(f.other?.year).toBe(2022);
    expect(ruleInfo(f.rule)?.kind).toBe('note');
  });

  it('is silent when only the template’s fixed sentences repeat', () => {
    const later = report(2023, `${BOILERPLATE_2023}\n${PROSE_2023.split('\n').slice(6).join('\n')}\n今年依申请公开办理数量较上年有所增加。\n行政复议和诉讼案件均未被纠错。\n明年将重点推进政策解读工作。`);
    const earlier = report(2022, `${BOILERPLATE_2022}\n${PROSE_2022}`);
    expect(textReuse(later, earlier)).toEqual([]);
  });

  it('is silent at exactly one half', () => {
    const half = PROSE_2023.split('\n').slice(0, 4).concat(['今年新建了政务公开专区，在县政务服务中心设立查阅点。', '下一步将推进基层政务公开事项目录的动态更新。', '今年依申请公开办理数量较上年有所增加。', '明年将重点推进政策解读工作和回应关切。']);
    expect(textReuse(report(2023, half.join('\n')), report(2022, PROSE_2022))).toEqual([]);
  });

  it('is silent with fewer than 5 sentences to compare, even all repeated', () => {
    const four = PROSE_2022.split('\n').slice(0, 4).join('\n');
    expect(textReuse(report(2023, `${BOILERPLATE_2023}\n${four}`), report(2022, PROSE_2022))).toEqual([]);
  });

  it('is silent for different agencies (through checkSeries)', () => {
    const later = report(2023, PROSE_2023);
    const other = report(2022, PROSE_2022, '另一县人民政府', 'http://www.ly.gov.cn/a.html');
    expect(checkSeries([later, other])).toEqual([[], []]);
  });

  it('is silent when either report has no article text', () => {
    const later = report(2023, PROSE_2023);
    const earlier = report(2022, PROSE_2022);
    delete earlier.article;
    expect(textReuse(later, earlier)).toEqual([]);
  });
});
