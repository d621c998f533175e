/**
 * The fuzzing engine shared by tests/fuzz.test.ts and its worker threads (tests/support/fuzz-worker.ts):
 * page generators, the oracle, and `runShare`, which runs a number of cases and returns counts and the
 * first failure. Plain Node-loadable TypeScript (relative .ts imports, no vitest), so a worker thread can
 * run it without vite.
 *
 * Oracle, every case: never throws; never writes to the page; a report it returns parses with
 * ReportSchema; every `ok` value is read from an element of this page whose text reads back as that
 * value, and its digits appear in the page text (it never invents a number); returns within a generous
 * CPU-time bound proportional to the page, measured in this thread and retried once (a hang detector, not a
 * performance assertion; a loaded machine does not trip it).
 */
import fc from 'fast-check';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { Window } from 'happy-dom';
import { auditDocument } from '../../lib/audit.ts';
import { readNumber } from '../../lib/read/read-number.ts';
import { cleanSpaces, toHalfWidth } from '../../lib/read/normalize-text.ts';
import { ReportSchema, type TableKey } from '../../lib/schema.ts';
import {
  LEGACY_COLUMNS,
  LEGACY_ROWS,
  TABLE2_COLUMNS,
  TABLE2_ROWS,
  TABLE3_COLUMNS,
  TABLE3_ROWS,
  TABLE4_COLUMNS,
} from '../../lib/tables/dictionary.ts';

export interface FuzzStats {
  cases: number;
  reports: number;
  okValues: number;
  linkedom: number;
  happy: number;
  maxMs: number;
  parseMs: number;
  auditMs: number;
  checkMs: number;
}
export const stats: FuzzStats = { cases: 0, reports: 0, okValues: 0, linkedom: 0, happy: 0, maxMs: 0, parseMs: 0, auditMs: 0, checkMs: 0 };

let happyWindow: Window | null = null;
let happyUses = 0;
const retired: Window[] = [];
/**
 * A happy-dom window's DOMParser. A window keeps every document it parsed alive until it is closed, and
 * closing is asynchronous: so windows are retired every 50 documents and closed between cases
 * (`settle`). Without that a long run grows by ~170 KB per happy-dom document (8 GB at 100 000 cases).
 */
function happyParser() {
  if (happyWindow && ++happyUses > 50) {
    retired.push(happyWindow);
    happyWindow = null;
  }
  if (!happyWindow) {
    happyWindow = new Window();
    happyUses = 1;
  }
  return new happyWindow.DOMParser();
}

/** Closes retired happy-dom windows (call between cases). */
export async function settle(): Promise<void> {
  if (retired.length) await Promise.all(retired.splice(0).map((w) => w.happyDOM.close()));
}

export async function closeHappyDom(): Promise<void> {
  if (happyWindow) retired.push(happyWindow);
  happyWindow = null;
  await settle();
}

// ---------------------------------------------------------------- oracle

export type Dom = 'linkedom' | 'happy-dom';

export function parse(html: string, dom: Dom): Document {
  if (process.env.FUZZ_DOM) dom = process.env.FUZZ_DOM as Dom;
  const t0 = performance.now();
  try {
    if (dom === 'linkedom') {
      stats.linkedom++;
      return parseHTML(html).document as unknown as Document;
    }
    stats.happy++;
    return happyParser().parseFromString(html, 'text/html') as unknown as Document;
  } finally {
    stats.parseMs += performance.now() - t0;
  }
}

/** A number in plain decimal (String() switches to exponent form outside 1e-7..1e21; Intl is slow). */
function plainDecimal(n: number): string {
  const s = String(n);
  return s.includes('e') ? n.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 }) : s;
}

/** Leading zeros of the integer part and trailing zeros of a fraction do not change a value. */
function appearsIn(value: number, text: string): boolean {
  const digits = plainDecimal(Math.abs(value)).replace(/\D/g, '');
  const want = digits.replace(/^0+/, '').replace(/0+$/, '') || '0';
  return toHalfWidth(text).replace(/\D/g, '').includes(want);
}

/** Hang detector: 1 s plus 1 ms per element (a report page of 2 000 elements audits in ~10 ms). */
function timeBound(doc: Document): number {
  return 1000 + doc.querySelectorAll('*').length;
}

/**
 * This thread's own CPU time in ms: unlike wall time it does not grow while a loaded machine runs other
 * threads (a fuzz run on a busy 2-core machine failed two workers at once on wall time alone).
 */
export function cpuMs(): number {
  const u = process.threadCpuUsage?.() ?? process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** Audit one page and check every property. Returns the report (or null). */
export function auditChecked(doc: Document) {
  const c0 = performance.now();
  try {
    return auditAndCheck(doc);
  } finally {
    stats.checkMs += performance.now() - c0;
  }
}

function auditAndCheck(doc: Document) {
  const root = (doc.body ?? doc.documentElement) as Element;
  const before = doc.documentElement.outerHTML;
  const source = { url: 'http://www.example.gov.cn/fuzz.html' };
  const t0 = performance.now();
  const c0 = cpuMs();
  const result = auditDocument(doc, source);
  let cpu = cpuMs() - c0;
  const ms = performance.now() - t0;
  stats.cases++;
  stats.maxMs = Math.max(stats.maxMs, ms);
  stats.auditMs += ms;
  const bound = timeBound(doc);
  if (cpu >= bound) {
    // Over the bound in this thread's own CPU time: run it once more (a GC pause or a CPU-time reading
    // that includes other threads' work on a platform without per-thread CPU time) before calling it a hang.
    const c1 = cpuMs();
    auditDocument(doc, source);
    cpu = Math.min(cpu, cpuMs() - c1);
    if (cpu >= bound) throw new Error(`hang detector: audit used ${cpu.toFixed(0)} ms of CPU twice (bound ${bound} ms; wall ${ms.toFixed(0)} ms)`);
  }
  if (doc.documentElement.outerHTML !== before) throw new Error('the audit wrote to the page');
  if (!result) return null;
  stats.reports++;
  const { report } = result;
  const parsed = ReportSchema.safeParse(report);
  if (!parsed.success) throw new Error(`report does not parse: ${JSON.stringify(parsed.error.issues.slice(0, 3))}`);
  const pageText = cleanSpaces(root.textContent ?? '');
  const fail = (what: string, c: { row: string; col: string; raw: string; value: number | null }, key: string) => {
    throw new Error(`${what}: ${key}.${c.row}.${c.col} raw=${JSON.stringify(c.raw)} value=${c.value}`);
  };
  for (const [key, table] of Object.entries(report.tables) as [TableKey, NonNullable<(typeof report.tables)[TableKey]>][]) {
    for (const c of table.cells) {
      if (c.status !== 'ok') {
        if (c.value !== null) fail('a value without status ok', c, key);
        continue;
      }
      stats.okValues++;
      if (!Number.isFinite(c.value)) fail('not a finite number', c, key);
      if (!appearsIn(c.value!, c.raw)) fail('digits not in the cell text', c, key);
      if (!pageText.includes(c.raw)) fail('cell text not in the page text', c, key);
      const el = result.elementFor(key, c);
      if (!el) fail('no element', c, key);
      if (!root.contains(el!)) fail('element not in this page', c, key);
      if (c.source?.kind === 'table') {
        // The element's own text reads back as exactly this value.
        const again = readNumber(shownText(el!));
        if (again.value !== c.value || again.status !== c.status || again.raw !== c.raw) fail(`element reads back as ${again.value}`, c, key);
      }
    }
  }
  return report;
}

/**
 * The text a reader sees of an element, as an independent reference: its textContent without what a browser
 * never renders as text (script, style, template, noscript). A cell `０<script>1</script>` shows 0.
 */
function shownText(el: Element): string {
  const copy = el.cloneNode(true) as Element;
  for (const hidden of Array.from(copy.querySelectorAll('script,style,template,noscript'))) hidden.remove();
  return copy.textContent ?? '';
}

// ---------------------------------------------------------------- vocabulary

/** `arb` one time in `oneIn`, else undefined (fc.option's `freq` is the other way round). */
function sometimes<T>(arb: fc.Arbitrary<T>, oneIn: number): fc.Arbitrary<T | undefined> {
  return fc.oneof({ weight: oneIn - 1, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: arb });
}

const LABELS = [
  ...[TABLE2_ROWS, TABLE2_COLUMNS, TABLE3_ROWS, TABLE3_COLUMNS, TABLE4_COLUMNS, LEGACY_ROWS, LEGACY_COLUMNS].flatMap((defs) =>
    defs.flatMap((d) => d.label.split(/ · | \/ /)),
  ),
  '申请人情况', '法人或其他组织', '信息内容', '三、本年度办理结果', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '合计',
  '行政复议', '行政诉讼', '未经复议直接起诉', '复议后起诉', '第二十条第（一）项', '第二十条第（五）项', '第二十一条第（三）项',
  '统计指标', '指标名称', '单位', '计量单位', '统计数', '历年累计', '自然人', '本年新收', '政府信息公开情况统计表', '项', '件', '条', '次',
];
const TITLES = [
  '某区2021年政府信息公开工作年度报告', '2019年度政务公开工作年度报告', '新闻动态', '', '政府信息公开年报（2015）', '通知公告 — 列表',
];
const JUNK = [
  '😀', '👨‍👩‍👧‍👦', '🇨🇳', 'مرحبا', 'שלום', '\u202e', '\u200f', '\u202a', '\u0001', '\u0007', '\u001b', '\u0008', '\u007f', '\u0085',
  '\u200b', '\u2060', '\ufeff', '\u00ad', '\ud800', '\udfff', 'Ω', '\u3000', ' ', '\t', '\n', '&nbsp;', '&amp;', '&lt;td&gt;', '<br>',
  '<b>1</b><span>2</span>', '<span>自然</span><span>人</span>', '<o:p></o:p>', '<!-- c -->', '<script>1</script>', 'null', 'NaN',
  'Infinity', '1e9', '0x1F', '١٢٣', '१२३', '五十', 'Ⅻ', '½', '①', '⁵', '%', '=1+1', '@SUM(A1)',
];
const DASHES = ['—', '——', '-', '－', '/', '无', '不适用', '', ' ', '&nbsp;'];

const numberArb = fc
  .tuple(
    fc.constantFrom('', '', '', '-', '+', '－', '−', '–'),
    // Up to 19 digits: past 15 significant digits a cell must read as unreadable, never as a rounded number.
    fc.oneof(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 99_999 }), fc.bigInt({ min: 0n, max: 9_999_999_999_999_999_999n })),
    fc.constantFrom('', '', ',', '，', ' ', '\u00a0', '\u2009', "'", '.', '_'),
    sometimes(fc.integer({ min: 0, max: 99 }), 4),
    fc.constantFrom('', '', '', '件', '条', '次', '项', '个', '人', '万元', '元', '批次', ' 件', '人次'),
    fc.integer({ min: 0, max: 7 }),
  )
  .map(([sign, n, sep, frac, unit, mode]) => {
    // Separators every 3 digits (sometimes the wrong ones): "1,234", "1 234", "1'234", "1.234".
    let digits = sep ? String(n).replace(/\B(?=(\d{3})+(?!\d))/g, sep) : String(n);
    if (frac !== undefined) digits += `.${frac}`;
    let s = sign + digits + unit;
    if (mode === 0) s = toFullWidth(s);
    if (mode === 1) s = s.split('').join('<span></span>');
    return s;
  });

function toFullWidth(s: string): string {
  return s.replace(/[0-9,.+-]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}

function escapeHtml(s: string): string {
  return s.replace(/&(?![a-z]+;)/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** One piece of cell text: already HTML (escaped where it is plain text). */
const pieceArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: numberArb },
  { weight: 5, arbitrary: fc.constantFrom(...LABELS).map(escapeHtml) },
  { weight: 2, arbitrary: fc.constantFrom(...DASHES) },
  { weight: 2, arbitrary: fc.constantFrom(...JUNK) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }).map(escapeHtml) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }).map((s) => escapeHtml(s.replace(/\0/g, ''))) },
);
const cellTextArb = fc.array(pieceArb, { minLength: 0, maxLength: 3 }).map((a) => a.join(''));

const SPANS = [
  '0', '1', '2', '3', '5', '6', '7', '-1', '-5', '-0', '100000', '1000', '65535', '65534', '99999999999', 'abc', '', ' 2 ', '2.5',
  '1e3', '+2', '３', '2px', 'NaN', '\u00a02',
];
const spanArb = sometimes(fc.oneof(fc.constantFrom(...SPANS), fc.integer({ min: 0, max: 8 }).map(String)), 3);

interface Cell {
  tag: string;
  colspan?: string;
  rowspan?: string;
  text: string;
  nested?: Table;
  /** On a row's first cell: the row's own attributes (a hidden row). */
  rowAttrs?: string;
}
interface Table {
  groups: { wrap: string; rows: Cell[][] }[];
}

const cellArb = (depth: number): fc.Arbitrary<Cell> =>
  fc
    .tuple(
      fc.constantFrom('td', 'td', 'td', 'th'),
      spanArb,
      spanArb,
      cellTextArb,
      depth > 0 ? sometimes(tableArb(depth - 1), 40) : fc.constant(undefined),
    )
    .map(([tag, colspan, rowspan, text, nested]) => ({ tag, colspan, rowspan, text, ...(nested ? { nested } : {}) }));

/** A report-like row: a label then values, or a header row of labels, or anything. */
const rowArb = (depth: number): fc.Arbitrary<Cell[]> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.array(cellArb(depth), { maxLength: 8 }) },
    {
      weight: 3,
      arbitrary: fc
        .tuple(cellArb(depth), fc.constantFrom(...LABELS), fc.array(fc.tuple(cellArb(depth), numberArb), { maxLength: 8 }))
        .map(([first, label, rest]) => [{ ...first, text: escapeHtml(label) }, ...rest.map(([c, n]) => ({ ...c, text: n }))]),
    },
    {
      weight: 1,
      arbitrary: fc.array(fc.tuple(cellArb(depth), fc.constantFrom(...LABELS)), { maxLength: 8 }).map((a) => a.map(([c, l]) => ({ ...c, text: escapeHtml(l) }))),
    },
  );

/** depth 1: an outer table whose cells may hold one level of small nested tables. */
function tableArb(depth: number): fc.Arbitrary<Table> {
  const outer = depth > 0;
  return fc
    .record({
      groups: fc.array(
        fc.record({ wrap: fc.constantFrom('', '', 'tbody', 'thead', 'tfoot'), rows: fc.array(rowArb(depth), { maxLength: outer ? 10 : 3 }) }),
        { minLength: 1, maxLength: outer ? 2 : 1 },
      ),
    })
    ;
}

function tableHtml(t: Table): string {
  const cell = (c: Cell) =>
    `<${c.tag}${c.colspan !== undefined ? ` colspan="${escapeHtml(c.colspan)}"` : ''}${c.rowspan !== undefined ? ` rowspan="${escapeHtml(c.rowspan)}"` : ''}>${c.text}${c.nested ? tableHtml(c.nested) : ''}</${c.tag}>`;
  const rows = (rs: Cell[][]) => rs.map((r) => `<tr${r[0]?.rowAttrs ? ` ${r[0].rowAttrs}` : ''}>${r.map(cell).join('')}</tr>`).join('');
  return `<table border="1">${t.groups.map((g) => (g.wrap ? `<${g.wrap}>${rows(g.rows)}</${g.wrap}>` : rows(g.rows))).join('')}</table>`;
}

// Report-shaped tables: the real header layouts of tables 2/3/4 and the legacy 统计表, filled with random
// values, then perturbed (spans, text, removed/duplicated cells and rows). These reach extraction and the
// checks; purely random tables mostly stop at detection.

const td = (text: string, colspan?: number, rowspan?: number): Cell => ({
  tag: 'td',
  text: escapeHtml(text),
  ...(colspan && colspan > 1 ? { colspan: String(colspan) } : {}),
  ...(rowspan && rowspan > 1 ? { rowspan: String(rowspan) } : {}),
});
/** Two numbers in one cell, as pages write them ("3 5", "3/5", "3<br>5", "3（5）"). */
const twoNumbersArb = fc
  .tuple(numberArb, fc.constantFrom(' ', '/', '<br>', '、', '（', '\n'), numberArb)
  .map(([a, sep, b]) => `${a}${sep}${b}${sep === '（' ? '）' : ''}`);
const valueArb = fc.oneof(
  { weight: 12, arbitrary: numberArb },
  { weight: 2, arbitrary: fc.constantFrom(...DASHES) },
  { weight: 2, arbitrary: pieceArb },
  { weight: 1, arbitrary: twoNumbersArb },
);
const values = (n: number) => fc.array(valueArb, { minLength: n, maxLength: n }).map((vs) => vs.map((v) => ({ tag: 'td', text: v }) as Cell));
const labelsOf = (defs: { label: string }[]) => defs.map((d) => d.label.split(' / ')[0]);

const table3Arb: fc.Arbitrary<Cell[][]> = fc
  .tuple(fc.integer({ min: 1, max: 3 }), fc.subarray(labelsOf(TABLE3_ROWS), { minLength: 1 }), fc.array(values(7), { minLength: 28, maxLength: 28 }))
  .map(([labelCols, labels, vals]) => [
    [td('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', labelCols, 3), td('申请人情况', 7)],
    [td('自然人', 1, 2), td('法人或其他组织', 5), td('总计', 1, 2)],
    labelsOf(TABLE3_COLUMNS.slice(1, 6)).map((l) => td(l)),
    ...labels.map((l, i) => [td(l, labelCols), ...vals[i]]),
  ]);
const table4Arb: fc.Arbitrary<Cell[][]> = values(15).map((vals) => {
  const outcomes = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  return [
    [td('行政复议', 5), td('行政诉讼', 10)],
    [...outcomes.map((o) => td(o, 1, 2)), td('未经复议直接起诉', 5), td('复议后起诉', 5)],
    [...outcomes, ...outcomes].map((o) => td(o)),
    vals,
  ];
});
const table2Arb: fc.Arbitrary<Cell[][]> = fc
  .tuple(fc.subarray(labelsOf(TABLE2_COLUMNS), { minLength: 1, maxLength: 4 }), fc.subarray(labelsOf(TABLE2_ROWS), { minLength: 1 }), fc.array(values(4), { minLength: 8, maxLength: 8 }))
  .map(([cols, rows, vals]) => [
    [td('第二十条第（一）项', cols.length + 1)],
    [td('信息内容'), ...cols.map((c) => td(c))],
    ...rows.map((r, i) => [td(r), ...vals[i].slice(0, cols.length)]),
  ]);
const legacyArb: fc.Arbitrary<Cell[][]> = fc
  .tuple(fc.boolean(), fc.subarray(labelsOf(LEGACY_ROWS), { minLength: 1 }), fc.array(values(2), { minLength: LEGACY_ROWS.length, maxLength: LEGACY_ROWS.length }), fc.array(fc.constantFrom('条', '件', '个', '次', '—', ''), { minLength: LEGACY_ROWS.length, maxLength: LEGACY_ROWS.length }))
  .map(([cumulative, rows, vals, units]) => [
    [td('统计指标'), td('单位'), td('统计数'), ...(cumulative ? [td('历年累计')] : [])],
    ...rows.map((r, i) => [td(r), td(units[i]), ...vals[i].slice(0, cumulative ? 2 : 1)]),
  ]);

type Perturb =
  | { op: 'span'; at: number; attr: 'colspan' | 'rowspan'; value: string | undefined }
  | { op: 'text'; at: number; text: string }
  | { op: 'remove-cell'; at: number }
  | { op: 'dup-row'; at: number }
  | { op: 'remove-row'; at: number }
  | { op: 'hide-row'; at: number; attrs: string }
  | { op: 'swap-rows'; at: number; with: number }
  | { op: 'remark-column'; at: number; text: string }
  | { op: 'unreadable-row'; at: number; texts: string[] };
const perturbArb: fc.Arbitrary<Perturb> = fc.oneof(
  fc.record({ op: fc.constant('span' as const), at: fc.nat(), attr: fc.constantFrom<'colspan' | 'rowspan'>('colspan', 'rowspan'), value: spanArb }),
  fc.record({ op: fc.constant('text' as const), at: fc.nat(), text: cellTextArb }),
  fc.record({ op: fc.constant('remove-cell' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('dup-row' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('remove-row' as const), at: fc.nat() }),
  // Shapes of real pages: hidden rows, rows out of order, an extra 备注 column, a row of unreadable values.
  fc.record({ op: fc.constant('hide-row' as const), at: fc.nat(), attrs: fc.constantFrom('style="display:none"', 'hidden', 'style="DISPLAY: none; height:0"', 'style="visibility:hidden"') }),
  fc.record({ op: fc.constant('swap-rows' as const), at: fc.nat(), with: fc.nat() }),
  fc.record({ op: fc.constant('remark-column' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom('备注', '说明', ''), numberArb) }),
  fc.record({ op: fc.constant('unreadable-row' as const), at: fc.nat(), texts: fc.array(fc.constantFrom(...JUNK, '五', '十二', '约3', '3件左右', '见附件'), { minLength: 1, maxLength: 8 }) }),
);

function perturb(rows: Cell[][], ps: Perturb[]): Cell[][] {
  const out = rows.map((r) => r.map((c) => ({ ...c })));
  for (const p of ps) {
    const all = out.flat();
    if (!out.length) break;
    const row = p.at % out.length;
    const cell = all.length ? all[p.at % all.length] : undefined;
    if (p.op === 'span' && cell) {
      if (p.value === undefined) delete cell[p.attr];
      else cell[p.attr] = p.value;
    } else if (p.op === 'text' && cell) cell.text = p.text;
    else if (p.op === 'remove-cell' && out[row].length) out[row].splice(p.at % out[row].length, 1);
    else if (p.op === 'dup-row') out.splice(row, 0, out[row].map((c) => ({ ...c })));
    else if (p.op === 'remove-row') out.splice(row, 1);
    else if (p.op === 'hide-row' && out[row].length) out[row][0].rowAttrs = p.attrs;
    else if (p.op === 'swap-rows') {
      const other = p.with % out.length;
      [out[row], out[other]] = [out[other], out[row]];
    } else if (p.op === 'remark-column') out.forEach((r, i) => r.push({ tag: 'td', text: i === 0 ? '备注' : p.text }));
    else if (p.op === 'unreadable-row') out[row].forEach((c, i) => i > 0 && (c.text = escapeHtml(p.texts[i % p.texts.length])));
  }
  return out;
}

const reportTableArb: fc.Arbitrary<Table> = fc
  .tuple(
    fc.oneof({ weight: 3, arbitrary: table3Arb }, { weight: 2, arbitrary: table4Arb }, { weight: 2, arbitrary: table2Arb }, { weight: 1, arbitrary: legacyArb }),
    fc.array(perturbArb, { maxLength: 5 }),
    fc.constantFrom('', '', 'tbody'),
  )
  .map(([rows, ps, wrap]) => ({ groups: [{ wrap, rows: perturb(rows, ps) }] }));

type Block = { kind: 'table'; table: Table } | { kind: 'lines'; lines: string[] } | { kind: 'prose'; text: string };

const blockArb: fc.Arbitrary<Block> = fc.oneof(
  { weight: 4, arbitrary: tableArb(1).map((table) => ({ kind: 'table' as const, table })) },
  { weight: 6, arbitrary: reportTableArb.map((table) => ({ kind: 'table' as const, table })) },
  { weight: 2, arbitrary: fc.array(cellTextArb, { maxLength: 20 }).map((lines) => ({ kind: 'lines' as const, lines })) },
  {
    // A report table flattened to one cell per line (seed 003).
    weight: 1,
    arbitrary: reportTableArb.map((t) => ({ kind: 'lines' as const, lines: t.groups.flatMap((g) => g.rows.flat().map((c) => c.text)) })),
  },
  {
    // A report table flattened to one row per line: its cells apart by spaces (text pasted from a PDF), the
    // first two perhaps glued (…申请数量3001 53 0).
    weight: 1,
    arbitrary: fc.tuple(reportTableArb, fc.boolean()).map(([t, glue]) => ({
      kind: 'lines' as const,
      lines: t.groups.flatMap((g) => g.rows.map((r) => r.map((c, i) => (i === 0 || (glue && i === 1) ? '' : ' ') + c.text).join(''))),
    })),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '统计期限为2021年1月1日至2021年12月31日。', '发布机构：某县人民政府办公室 发布日期：2022-01-20', '本报告中所列数据的统计期限自2020年1月1日起。',
      '一、总体情况', '四、存在的主要问题及改进情况',
    ).map((text) => ({ kind: 'prose' as const, text })),
  },
);

/** happy-dom parses ~4× slower than linkedom: 1 case in 8 is enough to keep it covered. */
export const domArb = fc.integer({ min: 0, max: 7 }).map((n): Dom => (n === 0 ? 'happy-dom' : 'linkedom'));

const pageArb = fc.record({
  title: fc.constantFrom(...TITLES),
  h1: fc.option(fc.constantFrom(...TITLES), { nil: undefined }),
  blocks: fc.array(blockArb, { minLength: 1, maxLength: 3 }),
  dom: domArb,
});

/** A whole document, as a browser always has one (linkedom leaves a fragment's nodes outside <body>). */
export function wrapPage(title: string, body: string): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;
}

function pageHtml(p: { title: string; h1?: string; blocks: Block[] }): string {
  const body = p.blocks
    .map((b) =>
      b.kind === 'table' ? tableHtml(b.table) : b.kind === 'lines' ? b.lines.map((l) => `<p>${l}</p>`).join('\n') : `<p>${b.text}</p>`,
    )
    .join('\n');
  return wrapPage(escapeHtml(p.title), `${p.h1 ? `<h1>${escapeHtml(p.h1)}</h1>` : ''}${body}`);
}

/** Random whole pages as HTML (for comparing parsers on them, tests/read/light-dom.test.ts). */
export const pageHtmlArb: fc.Arbitrary<string> = pageArb.map(pageHtml);

// ---------------------------------------------------------------- mutated real tables

export function fixtureTables(root: string): { name: string; html: string }[] {
  const dirs = [join(root, 'tests/fixtures'), join(root, '../shared/corpus')].filter((d) => existsSync(d));
  const out: { name: string; html: string }[] = [];
  for (const dir of dirs) {
    for (const f of readdirSync(dir).filter((f) => f.endsWith('.html')).sort()) {
      const { document } = parseHTML(readFileSync(join(dir, f), 'utf8'));
      const tables = Array.from(document.querySelectorAll('table')).filter((t) => !t.parentElement?.closest('table'));
      if (!tables.length) continue;
      out.push({ name: f, html: wrapPage(escapeHtml(document.title), tables.map((t) => t.outerHTML).join('\n')) });
    }
  }
  return out;
}

type Mutation =
  | { op: 'span'; at: number; attr: 'colspan' | 'rowspan'; value: string }
  | { op: 'text'; at: number; html: string }
  | { op: 'remove-cell'; at: number }
  | { op: 'dup-row'; at: number }
  | { op: 'remove-row'; at: number }
  | { op: 'nest'; at: number; html: string }
  | { op: 'wrap-digits'; at: number }
  | { op: 'hide-row'; at: number }
  | { op: 'move-row'; at: number; to: number }
  | { op: 'remark-column'; at: number; text: string }
  | { op: 'two-numbers'; at: number; html: string };

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('span' as const), at: fc.nat(), attr: fc.constantFrom<'colspan' | 'rowspan'>('colspan', 'rowspan'), value: fc.oneof(fc.constantFrom(...SPANS), fc.integer({ min: 0, max: 8 }).map(String)) }),
  fc.record({ op: fc.constant('text' as const), at: fc.nat(), html: cellTextArb }),
  fc.record({ op: fc.constant('remove-cell' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('dup-row' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('remove-row' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('nest' as const), at: fc.nat(), html: tableArb(0).map(tableHtml) }),
  fc.record({ op: fc.constant('wrap-digits' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('hide-row' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('move-row' as const), at: fc.nat(), to: fc.nat() }),
  fc.record({ op: fc.constant('remark-column' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom('备注', ''), numberArb) }),
  fc.record({ op: fc.constant('two-numbers' as const), at: fc.nat(), html: twoNumbersArb }),
);

function mutate(doc: Document, m: Mutation): void {
  const cells = Array.from(doc.querySelectorAll('td, th'));
  const rows = Array.from(doc.querySelectorAll('tr'));
  const cell = cells.length ? cells[m.at % cells.length] : null;
  const row = rows.length ? rows[m.at % rows.length] : null;
  switch (m.op) {
    case 'span':
      cell?.setAttribute(m.attr, m.value);
      break;
    case 'text':
      if (cell) cell.innerHTML = m.html;
      break;
    case 'remove-cell':
      cell?.remove();
      break;
    case 'dup-row':
      if (row) row.after(row.cloneNode(true));
      break;
    case 'remove-row':
      row?.remove();
      break;
    case 'nest':
      if (cell) cell.insertAdjacentHTML('beforeend', m.html);
      break;
    case 'hide-row':
      row?.setAttribute('style', 'display:none');
      break;
    case 'move-row': {
      // Not into itself: after a 'nest' mutation a row can hold other rows.
      const to = rows[m.to % rows.length];
      if (row && to && !row.contains(to)) to.before(row);
      break;
    }
    case 'remark-column':
      rows.forEach((r, i) => r.insertAdjacentHTML('beforeend', `<td>${i === 0 ? '备注' : m.text}</td>`));
      break;
    case 'two-numbers':
      if (cell) cell.innerHTML = m.html;
      break;
    case 'wrap-digits':
      // Word-style: split the digits over spans with line breaks between them.
      if (cell) cell.innerHTML = (cell.textContent ?? '').split('').map((ch) => `<span>${escapeHtml(ch)}</span>\n`).join('');
      break;
  }
}

// ---------------------------------------------------------------- running a share

export interface ShareOptions {
  /** Random pages to run. */
  pages: number;
  /** Mutated real report tables to run. */
  mutated: number;
  seed: number;
  /** The project root (fixtures are read from tests/fixtures and ../shared/corpus). */
  root: string;
}

export interface ShareResult {
  stats: FuzzStats;
  ms: number;
  /** fast-check's report of the first failing case (seed, path, shrunk counterexample), or null. */
  failure: string | null;
}

// Async properties only so that retired happy-dom windows can close between cases (see settle).
export function pagesProperty() {
  return fc.asyncProperty(pageArb, async (p) => {
    auditChecked(parse(pageHtml(p), p.dom));
    await settle();
  });
}

export function mutatedProperty(sources: { name: string; html: string }[]) {
  return fc.asyncProperty(
    fc.nat({ max: sources.length - 1 }),
    fc.array(mutationArb, { minLength: 1, maxLength: 6 }),
    domArb,
    async (i, mutations, dom) => {
      const doc = parse(sources[i].html, dom);
      for (const m of mutations) mutate(doc, m);
      auditChecked(doc);
      await settle();
    },
  );
}

/** A few facts about a failing case, so a failure says what it was without dumping the page. */
function summarize(html: string, extra: string): string {
  const count = (re: RegExp) => (html.match(re) ?? []).length;
  return `${extra}; ${html.length} chars of HTML, ${count(/<table/g)} tables, ${count(/<tr/g)} rows, ${count(/<t[dh][\s>]/g)} cells`;
}

/** What failed, in a few lines: the property, the seed and path to replay, the reason, the case's size. */
export function failureReport<T>(property: string, o: ShareOptions, seed: number, d: fc.RunDetails<T>, describeCase: (args: T) => string): string | null {
  if (!d.failed) return null;
  const reason = d.errorInstance instanceof Error ? d.errorInstance.message : String(d.errorInstance ?? 'failed');
  let shape = '';
  try {
    shape = d.counterexample ? describeCase(d.counterexample) : '(no counterexample)';
  } catch (err) {
    shape = `(could not describe the case: ${String(err)})`;
  }
  const full = fc.defaultReportMessage(d) ?? '';
  return [
    `property "${property}" failed after ${d.numRuns} run(s), seed ${seed}, path ${d.counterexamplePath ?? '?'}${d.interrupted ? ' (interrupted)' : ''}`,
    `reason: ${reason.slice(0, 800)}`,
    `case: ${shape}`,
    `replay: FUZZ_THREADS=1 FUZZ_SEED=${o.seed} FUZZ_RUNS=<the same runs> npx vitest run --project unit tests/fuzz.test.ts`,
    `fast-check: ${full.length > 3000 ? `${full.slice(0, 3000)}… (${full.length} chars)` : full}`,
  ].join('\n');
}

/** Runs `pages` random pages and `mutated` mutated tables with one seed; never throws. */
export async function runShare(o: ShareOptions): Promise<ShareResult> {
  const t0 = performance.now();
  const pagesRun = await fc.check(pagesProperty(), { numRuns: o.pages, seed: o.seed });
  let failure = failureReport('random pages', o, o.seed, pagesRun, ([page]) => {
    return summarize(pageHtml(page), `${page.dom}, ${page.blocks.length} block(s): ${page.blocks.map((b) => b.kind).join(', ')}`);
  });
  if (!failure && o.mutated > 0) {
    const sources = fixtureTables(o.root);
    const run = await fc.check(mutatedProperty(sources), { numRuns: o.mutated, seed: o.seed + 1 });
    failure = failureReport('mutated real report tables', o, o.seed + 1, run, ([i, ms, dom]) => {
      return summarize(sources[i].html, `${dom}, source page ${sources[i].name} (size before mutation) with ${ms.length} mutation(s): ${ms.map((m) => m.op).join(', ')}`);
    });
  }
  await closeHappyDom();
  return { stats: { ...stats }, ms: performance.now() - t0, failure };
}
