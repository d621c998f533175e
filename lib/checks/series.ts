/**
 * Checks across reports (spec, "Across reports"): one agency's report for year Y against its report for
 * year Y−1. A finding belongs to the later report, marks that report's cells and names the earlier report
 * in `other`. Only consecutive years are compared, and only reports sameAgency pairs.
 *
 * Two reports of the same agency for year Y−1 (a re-publication, two saved copies): when their figures are
 * identical either will do, and the one with the first address/file name is taken; when they differ we cannot
 * know which one year Y continues, so year Y is compared with neither.
 */
import { sameAgency } from '../agency-identity.ts';
import type { CellRef, Finding, OtherReport, Report, Table } from '../schema.ts';
import { LEGACY_ROWS, LEGAL_PERSON_COLUMNS, TABLE3_COLUMNS } from '../tables/dictionary.ts';
import type { RuleInfo } from './rule-info.ts';
import { reportTable } from '../tables/index.ts';
import { viewOf, type TableView, type Term } from './terms.ts';
import { textReuse } from './text-reuse.ts';

export const SERIES_RULES: RuleInfo[] = [
  {
    id: 'series.carry_over',
    severity: 'error',
    scope: 'series',
    kind: 'relation',
    name: { zh: '上年结转 = 上年报告的结转下年度', en: 'Carried over = last year’s carried forward' },
    explain: {
      zh: '表三“二、上年结转政府信息公开申请数量”应等于同一机关上一年度报告的“四、结转下年度继续办理”，逐列比较（两边都印了数字的列；空白不比较；合并的“法人或其他组织”按合计比较）。这是同一批申请在年初和年末的两次计数，不等说明两份报告有一份写错。例：2023年报告 二、上年结转（总计）2，2022年报告 四、结转下年度继续办理（总计）0。',
      en: 'Table 3 row 二 (carried over from last year) must equal row 四 (carried forward) of the same agency’s report for the year before, column by column where both print a number (blanks are not compared; a merged 法人或其他组织 cell compares with the group’s sum). They count the same requests at the two ends of a year. Example: the 2023 report carries over 2 in total, the 2022 report carried forward 0.',
    },
  },
  {
    id: 'series.table2_stock',
    severity: 'warning',
    scope: 'series',
    kind: 'note',
    name: { zh: '现行有效件数的年度衔接', en: 'Documents in force, year on year' },
    explain: {
      zh: '（2021年格式表二）规章、行政规范性文件的“现行有效件数”通常等于上一年度报告的现行有效件数加本年制发件数减本年废止件数。格式并未规定这一关系，修订、清理、重新分类都会使它不成立，所以只是提示。例：2022年 现行有效 10，2023年 制发 3、废止 1，2023年现行有效应约为 12。',
      en: '(2021 format, Table 2) Documents in force for 规章 and 行政规范性文件 usually equal last year’s in force plus this year’s issued minus this year’s repealed. The format does not define this and revisions or reclassification break it, so it is only a warning. Example: 10 in force in 2022, 3 issued and 1 repealed in 2023: about 12 in force in 2023.',
    },
  },
  {
    id: 'series.cumulative',
    severity: 'warning',
    scope: 'series',
    kind: 'note',
    name: { zh: '历年累计数不应减少', en: 'A cumulative count never falls' },
    explain: {
      zh: '（2018年及以前的统计表）“历年累计”是到当年为止的累计数，不应比上一年度报告的历年累计更小。实例：某机关主动公开信息的历年累计数在2015年报告中为 81916，在2018年报告中为 12106。',
      en: '(Pre-2019 统计表) A 历年累计 figure counts everything up to that year and cannot be smaller than the year before’s. Example (a real case): an agency’s cumulative count of proactively disclosed items was 81,916 in its 2015 report and 12,106 in its 2018 report.',
    },
  },
];

/** For each report (same order), the series findings that belong to it (it is the later year's report). */
export function checkSeries(reports: readonly Report[]): Finding[][] {
  return reports.map((report) => {
    const previous = previousReport(report, reports).report;
    if (!previous) return [];
    return [...carryOver(report, previous), ...table2Stock(report, previous), ...cumulative(report, previous), ...textReuse(report, previous)];
  });
}

/** The report of the same agency for the year before, or null with the reason (for the library to show). */
export function previousReport(report: Report, reports: readonly Report[]): { report: Report | null; why: string } {
  if (report.year === null) return { report: null, why: '未识别出报告年度' };
  const candidates = reports.filter((r) => r !== report && r.year === report.year! - 1 && sameAgency(report, r).same);
  if (!candidates.length) return { report: null, why: `没有同一机关 ${report.year - 1} 年度的报告` };
  const first = [...candidates].sort((a, b) => sourceName(a).localeCompare(sourceName(b)))[0];
  if (candidates.some((c) => figures(c) !== figures(first))) {
    return { report: null, why: `同一机关 ${report.year - 1} 年度有 ${candidates.length} 份数字不同的报告（可能是更正后重新发布），无法确定与哪一份对比` };
  }
  return { report: first, why: candidates.length > 1 ? `同一机关 ${report.year - 1} 年度有 ${candidates.length} 份数字相同的报告，取 ${sourceName(first)}` : '' };
}

function sourceName(r: Report): string {
  return r.source.url ?? r.source.file ?? r.source.title;
}

/** Every number the report's tables print, as one string: equal for two copies of one report. */
function figures(r: Report): string {
  return JSON.stringify(
    Object.entries(r.tables)
      .flatMap(([key, t]) => (t?.cells ?? []).map((c) => [key, c.row, c.col, c.status, c.value]))
      .sort((a, b) => String(a).localeCompare(String(b))),
  );
}

function other(report: Report, table: Table, refs: CellRef[]): OtherReport {
  const value = (ref: CellRef) => table.cells.find((c) => c.row === ref.row && c.col === ref.col)?.value ?? null;
  return {
    agency: report.agency,
    year: report.year,
    source: { ...report.source },
    cells: refs.map((ref) => ({ ...ref, value: value(ref) })),
  };
}

type Printed = Extract<Term, { kind: 'value' }>;

/** A number the report prints in this cell (or merged group): not blank, not a dash, not unreadable, not absent. */
function printed(view: TableView, row: string, col: string, label: string): Printed | null {
  if (col !== 'total' && view.spansAll(row)) return null;
  const term = view.term(row, col, label);
  return term.kind === 'value' && !term.blank ? term : null;
}

const TABLE3_COL_LABEL: Record<string, string> = {
  ...Object.fromEntries(TABLE3_COLUMNS.map((c) => [c.key, c.label])),
  legal_person: '法人或其他组织',
};

function yearName(r: Report): string {
  return `${r.year}年报告`;
}

/** Table 3: 二、上年结转 of Y = 四、结转下年度继续办理 of Y−1, per column both print. */
function carryOver(report: Report, previous: Report): Finding[] {
  const mine = report.tables.table3;
  const theirs = previous.tables.table3;
  if (!mine || !theirs) return [];
  const { groups } = reportTable('table3');
  const vm = viewOf(mine, groups);
  const vt = viewOf(theirs, groups);
  if (!vm.hasRow('carried_over') || !vt.hasRow('carried_forward')) return [];
  // A group merged on either side compares as the group's sum on both.
  const grouped = vm.hasGroupCell('carried_over', 'legal_person') || vt.hasGroupCell('carried_forward', 'legal_person');
  const cols = ['total', 'natural_person', ...(grouped ? ['legal_person'] : LEGAL_PERSON_COLUMNS)];
  const out: Finding[] = [];
  for (const col of cols) {
    const label = TABLE3_COL_LABEL[col];
    const a = printed(vm, 'carried_over', col, label);
    const b = printed(vt, 'carried_forward', col, label);
    if (!a || !b || a.value === b.value) continue;
    out.push({
      id: `series:carry_over:${col}`,
      rule: 'series.carry_over',
      severity: 'error',
      message: `二、上年结转（${label}）${a.value} ≠ ${yearName(previous)} 四、结转下年度继续办理（${label}）${b.value}`,
      table: 'table3',
      cells: a.refs,
      expected: b.value,
      actual: a.value,
      other: other(previous, theirs, b.refs),
    });
  }
  return out;
}

const STOCK_ROWS: [string, string][] = [
  ['regulations', '规章'],
  ['normative_documents', '行政规范性文件'],
];

/** Table 2 (2021): in force in Y ≈ in force in Y−1 + issued in Y − repealed in Y. */
function table2Stock(report: Report, previous: Report): Finding[] {
  const mine = report.tables.table2;
  const theirs = previous.tables.table2;
  if (!mine || !theirs || report.format !== '2021' || previous.format !== '2021') return [];
  const vm = viewOf(mine, reportTable('table2').groups);
  const vt = viewOf(theirs, reportTable('table2').groups);
  const out: Finding[] = [];
  for (const [row, rowLabel] of STOCK_ROWS) {
    const now = printed(vm, row, 'in_force', '现行有效件数');
    const before = printed(vt, row, 'in_force', '现行有效件数');
    // A blank 制发/废止 is "none this year" (0); an unreadable or missing one stops the comparison.
    const issued = vm.term(row, 'issued', '本年制发件数');
    const repealed = vm.term(row, 'repealed', '本年废止件数');
    if (!now || !before || issued.kind !== 'value' || repealed.kind !== 'value') continue;
    const expected = before.value + issued.value - repealed.value;
    if (now.value === expected) continue;
    out.push({
      id: `series:table2_stock:${row}`,
      rule: 'series.table2_stock',
      severity: 'warning',
      message: `${rowLabel} 现行有效件数 ${now.value} ≠ ${yearName(previous)} 现行有效件数 ${before.value} + 本年制发件数 ${issued.value} − 本年废止件数 ${repealed.value} = ${expected}（修订、清理或重新分类也会使二者不等）`,
      table: 'table2',
      cells: [...now.refs, ...issued.refs, ...repealed.refs],
      expected,
      actual: now.value,
      other: other(previous, theirs, before.refs),
    });
  }
  return out;
}

const LEGACY_LABEL: Record<string, string> = Object.fromEntries(LEGACY_ROWS.map((r) => [r.key, r.label]));

/** Legacy 统计表: a 历年累计 figure never falls from one year to the next. */
function cumulative(report: Report, previous: Report): Finding[] {
  const mine = report.tables.legacy;
  const theirs = previous.tables.legacy;
  if (!mine || !theirs) return [];
  const vm = viewOf(mine, reportTable('legacy').groups);
  const vt = viewOf(theirs, reportTable('legacy').groups);
  const out: Finding[] = [];
  for (const row of vm.rows()) {
    const label = LEGACY_LABEL[row] ?? mine.rowLabels[row] ?? row;
    const now = printed(vm, row, 'cumulative', label);
    const before = printed(vt, row, 'cumulative', label);
    if (!now || !before || now.value >= before.value) continue;
    out.push({
      id: `series:cumulative:${row}`,
      rule: 'series.cumulative',
      severity: 'warning',
      message: `${label} 历年累计 ${now.value} < ${yearName(previous)} 历年累计 ${before.value}（累计数不应比上一年少）`,
      table: 'legacy',
      cells: now.refs,
      expected: before.value,
      actual: now.value,
      other: other(previous, theirs, before.refs),
    });
  }
  return out;
}
