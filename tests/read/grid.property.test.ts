/**
 * buildGrid (lib/read/table-grid.ts) against a naive reference of the table model documented at the top of
 * that file. The reference never looks at the DOM: it computes the grid from the same abstract layout
 * that is then rendered as real DOM (happy-dom) for buildGrid, so the two share no code and no parsing.
 *
 * Model (as documented): row groups in tree order, except that <tfoot> groups lay out last (consecutive
 * loose <tr>s form one group); colspan
 * clamp 1..1000, invalid/absent/0 → 1; rowspan 0..65534, invalid/absent → 1, 0 = to the end of the row
 * group; a rowspan is clipped at its row group; a colspan past the edge widens the table; short rows
 * leave null slots; where two cells claim a slot, the earlier one keeps it.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildGrid, MAX_GRID, MAX_SLOTS, type Grid } from '@/lib/read/table-grid.ts';

// ---------- abstract layout ----------

interface CellSpec {
  tag: 'td' | 'th';
  colspan?: string;
  rowspan?: string;
  text: string;
  /** A nested table inside the cell: its rows must never leak into the outer grid. */
  nested?: RowSpec[];
}
interface RowSpec {
  cells: CellSpec[];
  /** A non-cell element child of the <tr> (only reachable through DOM scripting): skipped. */
  junk?: boolean;
}
interface GroupSpec {
  kind: 'loose' | 'thead' | 'tbody' | 'tfoot';
  rows: RowSpec[];
}
interface TableSpec {
  caption: boolean;
  groups: GroupSpec[];
}

// ---------- reference ----------

/** HTML "rules for parsing non-negative integers" (ASCII whitespace, optional sign), or null on error. */
function parseNonNegative(raw: string): number | null {
  let i = 0;
  while (i < raw.length && ' \t\n\f\r'.includes(raw[i])) i++;
  let sign = 1;
  if (raw[i] === '-') {
    sign = -1;
    i++;
  } else if (raw[i] === '+') i++;
  let digits = '';
  while (i < raw.length && raw[i] >= '0' && raw[i] <= '9') digits += raw[i++];
  if (!digits) return null;
  const n = sign * Number(digits);
  return n < 0 ? null : n === 0 ? 0 : n; // -0 parses as 0
}

function refColspan(raw: string | undefined): number {
  const n = raw === undefined ? null : parseNonNegative(raw);
  if (n === null || n === 0) return 1;
  return Math.min(n, 1000);
}

function refRowspan(raw: string | undefined): number {
  const n = raw === undefined ? null : parseNonNegative(raw);
  if (n === null) return 1;
  return Math.min(n, 65534);
}

interface RefCell {
  id: number;
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
}
interface RefGrid {
  /** Slot → cell id, or null. */
  slots: (number | null)[][];
  cells: RefCell[];
  width: number;
  truncated: boolean;
}

/** The spec's groups with consecutive loose groups merged (in the DOM they are indistinguishable). */
function effectiveGroups(spec: TableSpec): RowSpec[][] {
  const out: RowSpec[][] = [];
  const feet: RowSpec[][] = [];
  let prevLoose = false;
  for (const g of spec.groups) {
    if (g.kind === 'loose') {
      if (!g.rows.length) continue; // an empty loose group renders nothing
      if (prevLoose) out[out.length - 1].push(...g.rows);
      else out.push([...g.rows]);
      prevLoose = true;
    } else {
      (g.kind === 'tfoot' ? feet : out).push([...g.rows]);
      prevLoose = false;
    }
  }
  return [...out, ...feet];
}

/** Cells get ids in document order (outer table only), matching the data-id the renderer writes. */
function reference(spec: TableSpec): RefGrid {
  const taken = new Map<number, number>(); // key(y, x) → id
  const key = (y: number, x: number) => y * 2 ** 24 + x;
  const cells: RefCell[] = [];
  // Ids follow document order (as the renderer writes them), whatever order the groups lay out in.
  const idOf = new Map(spec.groups.flatMap((g) => g.rows.flatMap((r) => r.cells)).map((c, i) => [c, i] as const));
  let y0 = 0;
  // The documented bound: once the cells placed so far cover more than MAX_SLOTS slots, the table stops
  // there (the row group being read keeps its rows).
  let covered = 0;
  let truncated = false;
  for (const rows of effectiveGroups(spec)) {
    if (truncated) break;
    const groupEnd = y0 + rows.length;
    rows.forEach((row, dy) => {
      const y = y0 + dy;
      let x = 0;
      for (const c of row.cells) {
        if (truncated) return;
        while (taken.has(key(y, x))) x++;
        const colSpan = refColspan(c.colspan);
        const rs = refRowspan(c.rowspan);
        const rowSpan = rs === 0 ? groupEnd - y : Math.min(rs, groupEnd - y);
        covered += colSpan * rowSpan;
        if (covered > MAX_SLOTS) {
          truncated = true;
          return;
        }
        const cell: RefCell = { id: idOf.get(c)!, row: y, col: x, rowSpan, colSpan };
        cells.push(cell);
        for (let yy = y; yy < y + rowSpan; yy++)
          for (let xx = x; xx < x + colSpan; xx++) if (!taken.has(key(yy, xx))) taken.set(key(yy, xx), cell.id);
        x += colSpan;
      }
    });
    y0 = groupEnd;
  }
  let width = 0;
  for (const k of taken.keys()) width = Math.max(width, (k % 2 ** 24) + 1);
  // ...and no more rows than fit in MAX_GRID slots at that width.
  let height = y0;
  if (height > Math.floor(MAX_GRID / Math.max(width, 1))) {
    height = Math.floor(MAX_GRID / Math.max(width, 1));
    truncated = true;
  }
  const slots: (number | null)[][] = [];
  for (let y = 0; y < height; y++) {
    const line: (number | null)[] = [];
    for (let x = 0; x < width; x++) line.push(taken.get(key(y, x)) ?? null);
    slots.push(line);
  }
  return { slots, cells: cells.filter((c) => c.row < height), width, truncated };
}

// ---------- rendering as real DOM ----------

function renderRow(doc: Document, row: RowSpec, ids: { next: number } | null): HTMLElement {
  const tr = doc.createElement('tr');
  row.cells.forEach((c, i) => {
    if (row.junk && i === 1) tr.appendChild(doc.createElement('div')).textContent = 'junk';
    const el = doc.createElement(c.tag);
    if (c.colspan !== undefined) el.setAttribute('colspan', c.colspan);
    if (c.rowspan !== undefined) el.setAttribute('rowspan', c.rowspan);
    if (ids) el.setAttribute('data-id', String(ids.next++));
    el.appendChild(doc.createTextNode(c.text));
    if (c.nested) {
      const inner = doc.createElement('table');
      const tbody = inner.appendChild(doc.createElement('tbody'));
      for (const r of c.nested) tbody.appendChild(renderRow(doc, r, null));
      el.appendChild(inner);
    }
    tr.appendChild(el);
  });
  if (row.junk && row.cells.length < 2) tr.appendChild(doc.createElement('span')).textContent = 'junk';
  return tr;
}

function render(doc: Document, spec: TableSpec): HTMLTableElement {
  const table = doc.createElement('table');
  if (spec.caption) table.appendChild(doc.createElement('caption')).textContent = 'caption';
  const ids = { next: 0 };
  for (const g of spec.groups) {
    const parent = g.kind === 'loose' ? table : table.appendChild(doc.createElement(g.kind));
    for (const r of g.rows) parent.appendChild(renderRow(doc, r, ids));
  }
  return table;
}

/** buildGrid's output in the reference's terms (cell ids instead of element references). */
function observed(grid: Grid) {
  const idOf = (el: Element) => Number(el.getAttribute('data-id'));
  return {
    slots: grid.slots.map((line) => line.map((s) => (s ? idOf(s.el) : null))),
    cells: grid.cells.map((c) => ({ id: idOf(c.el), row: c.row, col: c.col, rowSpan: c.rowSpan, colSpan: c.colSpan })),
    width: grid.width,
    truncated: grid.truncated,
  };
}

// ---------- generators ----------

// Values where buildGrid and the HTML parsing rules (and Chromium) agree. The ones where they do not
// ('-0', a non-ASCII-whitespace prefix) are pinned separately below, in "known divergences".
const SPAN_VALUES = [
  '0', '1', '2', '3', '4', '5', '-1', '\f2', '\n4', 'abc', '', ' 2', '\t3', '+3', '2.7', '1e3', '3px', '00', '007',
  '100000', '1000', '1001', '65534', '65535', '99999999999999999999',
];
const spanArb = fc.option(fc.oneof(fc.constantFrom(...SPAN_VALUES), fc.integer({ min: 0, max: 6 }).map(String)), { nil: undefined, freq: 2 });
// Big colspans make every later slot check walk a 1000-wide row; keep them, but rare.
const smallSpanArb = fc.option(fc.integer({ min: 0, max: 4 }).map(String), { nil: undefined, freq: 2 });
const colspanArb = fc.oneof({ weight: 9, arbitrary: smallSpanArb }, { weight: 1, arbitrary: spanArb });
const rowspanArb = fc.oneof({ weight: 8, arbitrary: smallSpanArb }, { weight: 2, arbitrary: spanArb });

const leafCell = fc.record({
  tag: fc.constantFrom<'td' | 'th'>('td', 'td', 'th'),
  colspan: colspanArb,
  rowspan: rowspanArb,
  text: fc.constantFrom('', '1', '自然人', '总计', '—', 'x'),
});
const leafRow = fc.record({ cells: fc.array(leafCell, { maxLength: 3 }) });

const cellArb: fc.Arbitrary<CellSpec> = fc
  .tuple(leafCell, fc.oneof({ weight: 7, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.array(leafRow, { minLength: 1, maxLength: 3 }) }))
  .map(([c, nested]) => (nested ? { ...c, nested } : c));
const rowArb: fc.Arbitrary<RowSpec> = fc.record({
  cells: fc.array(cellArb, { maxLength: 6 }),
  // Junk between cells in about one row in seven (drawn by fast-check, so a seed replays it).
  junk: fc.nat({ max: 19 }).map((n) => n < 3),
});
const groupArb: fc.Arbitrary<GroupSpec> = fc.record({
  kind: fc.constantFrom<GroupSpec['kind']>('loose', 'loose', 'thead', 'tbody', 'tbody', 'tfoot'),
  rows: fc.array(rowArb, { maxLength: 5 }),
});
const tableArb: fc.Arbitrary<TableSpec> = fc.record({
  caption: fc.boolean(),
  groups: fc.array(groupArb, { maxLength: 4 }),
});

// ---------- tests ----------

function check(spec: TableSpec) {
  const table = render(document, spec);
  document.body.replaceChildren(table);
  const grid = buildGrid(table);
  const want = reference(spec);
  const got = observed(grid);
  // JSON first: toEqual on a 200 000-slot grid is slow; it only runs to print the difference.
  if (JSON.stringify(got) !== JSON.stringify(want)) expect(got).toEqual(want);
  // Rectangular; every slot's cell really covers it; text read once from the element.
  grid.slots.forEach((line, y) => {
    if (line.length !== grid.width) throw new Error(`row ${y} is ${line.length} long, width ${grid.width}`);
    line.forEach((s, x) => {
      if (s && !(y >= s.row && y < s.row + s.rowSpan && x >= s.col && x < s.col + s.colSpan))
        throw new Error(`slot ${y},${x} holds a cell that does not cover it`);
    });
  });
  // Text read once from the element: what the cell shows. Unlike textContent, the words of a nested
  // table are not glued to the cell's own text or to each other (a browser lays them out apart) —
  // except Chinese on adjacent lines, which reads as one run of text (lib/read/cell-text.ts).
  const specs = spec.groups.flatMap((g) => g.rows.flatMap((r) => r.cells));
  const han = (w: string) => /^[\u4e00-\u9fff]+$/.test(w);
  for (const c of grid.cells) {
    const s = specs[Number(c.el.getAttribute('data-id'))];
    const words: string[] = [];
    for (const w of [s.text, ...(s.nested ?? []).flatMap((r) => r.cells.map((n) => n.text))].filter(Boolean)) {
      if (words.length && han(w) && han(words[words.length - 1])) words[words.length - 1] += w;
      else words.push(w);
    }
    expect(c.text.split(/\s+/).filter(Boolean)).toEqual(words);
  }
}

describe('buildGrid vs the reference table model', () => {
  it('agrees on random span layouts (real DOM)', () => {
    fc.assert(
      fc.property(tableArb, (spec) => check(spec)),
      { numRuns: Number(process.env.GRID_RUNS ?? 400) },
    );
  });

  it('agrees where the size bounds cut the table (huge spans, rowspan="0" staircases)', () => {
    const heavySpan = fc.constantFrom(undefined, undefined, '0', '1', '3', '400', '1000', '100000');
    const heavyCell = fc.record({ tag: fc.constant<'td'>('td'), colspan: heavySpan, rowspan: heavySpan, text: fc.constant('h') });
    const heavyTable: fc.Arbitrary<TableSpec> = fc.record({
      caption: fc.constant(false),
      groups: fc.array(
        fc.record({
          kind: fc.constantFrom<GroupSpec['kind']>('loose', 'tbody', 'tfoot'),
          rows: fc.array(fc.record({ cells: fc.array(heavyCell, { minLength: 1, maxLength: 4 }) }), { minLength: 5, maxLength: 40, size: 'max' }),
        }),
        { minLength: 1, maxLength: 3 },
      ),
    });
    let truncated = 0;
    fc.assert(
      fc.property(heavyTable, (spec) => {
        check(spec);
        if (reference(spec).truncated) truncated++;
      }),
      { numRuns: Math.ceil(Number(process.env.GRID_RUNS ?? 400) / 10) },
    );
    expect(truncated, 'cases cut by a bound').toBeGreaterThan(0);
  });

  it('reference self-check: a plain 2×2 table', () => {
    const spec: TableSpec = {
      caption: false,
      groups: [{ kind: 'tbody', rows: [{ cells: [{ tag: 'td', text: 'a' }, { tag: 'td', text: 'b' }] }, { cells: [{ tag: 'td', text: 'c' }] }] }],
    };
    expect(reference(spec)).toEqual({
      slots: [[0, 1], [2, null]],
      cells: [
        { id: 0, row: 0, col: 0, rowSpan: 1, colSpan: 1 },
        { id: 1, row: 0, col: 1, rowSpan: 1, colSpan: 1 },
        { id: 2, row: 1, col: 0, rowSpan: 1, colSpan: 1 },
      ],
      width: 2,
      truncated: false,
    });
  });
});

// ---------- tricky layouts, by hand (parsed HTML, as a page would have it) ----------

function gridOf(html: string): Grid {
  document.body.innerHTML = html;
  return buildGrid(document.querySelector('table')!);
}
/** Slots as the cells' text ('.' for an empty slot). */
function picture(grid: Grid): string[] {
  return grid.slots.map((line) => line.map((s) => (s ? s.text.trim() || '?' : '.')).join(' '));
}

describe('buildGrid: tricky layouts', () => {
  it('rowspan past the end of the table is clipped at the row group', () => {
    const g = gridOf('<table><tr><td rowspan="9">A</td><td>B</td></tr><tr><td>C</td></tr></table>');
    expect(picture(g)).toEqual(['A B', 'A C']);
    expect(g.cells[0].rowSpan).toBe(2);
  });

  it('colspan past the edge widens the table; short rows get null slots', () => {
    const g = gridOf('<table><tr><td>A</td></tr><tr><td colspan="4">B</td></tr><tr><td>C</td><td>D</td></tr></table>');
    expect(g.width).toBe(4);
    expect(picture(g)).toEqual(['A . . .', 'B B B B', 'C D . .']);
  });

  it('colspan 0, negative, non-numeric, empty → 1; leading digits and + are read; huge is clamped to 1000', () => {
    const g = gridOf(
      '<table><tr><td colspan="0">a</td><td colspan="-3">b</td><td colspan="x">c</td><td colspan="">d</td><td colspan="2px">e</td><td colspan="+2">f</td></tr></table>',
    );
    expect(g.cells.map((c) => c.colSpan)).toEqual([1, 1, 1, 1, 2, 2]);
    const huge = gridOf('<table><tr><td colspan="100000">H</td><td>x</td></tr></table>');
    expect(huge.cells[0].colSpan).toBe(1000);
    expect(huge.width).toBe(1001);
    expect(huge.slots[0][1000]!.text).toBe('x');
  });

  it('rowspan 0 runs to the end of its row group only; invalid rowspan → 1', () => {
    const g = gridOf(
      '<table><tbody><tr><td rowspan="0">A</td><td>1</td></tr><tr><td>2</td></tr><tr><td>3</td></tr></tbody>' +
        '<tbody><tr><td>B</td><td rowspan="-1">4</td><td rowspan="abc">5</td></tr><tr><td>C</td></tr></tbody></table>',
    );
    expect(picture(g)).toEqual(['A 1 .', 'A 2 .', 'A 3 .', 'B 4 5', 'C . .']);
    expect(g.cells.map((c) => c.rowSpan)).toEqual([3, 1, 1, 1, 1, 1, 1, 1]);
  });

  it('rowspan never crosses thead → tbody', () => {
    const g = gridOf('<table><thead><tr><th rowspan="3">H</th><th>h</th></tr></thead><tbody><tr><td>a</td><td>b</td></tr></tbody></table>');
    expect(picture(g)).toEqual(['H h', 'a b']);
  });

  it('th cells count like td cells', () => {
    const g = gridOf('<table><tr><th colspan="2">T</th></tr><tr><th>a</th><td>1</td></tr></table>');
    expect(picture(g)).toEqual(['T T', 'a 1']);
  });

  it('a contested slot stays with the earlier cell; the later cell still starts at the first free slot', () => {
    // A (rowspan 2) holds row 1 col 0; B in row 1 with colspan 2 starts at col 1.
    // C (rowspan 2, col 1 of row 0) and D (row 1, colspan 3 from col 0?) — D starts at the first free slot.
    const g = gridOf('<table><tr><td rowspan="2">A</td><td>x</td><td rowspan="2">C</td></tr><tr><td colspan="3">D</td></tr></table>');
    expect(picture(g)).toEqual(['A x C .', 'A D C D']);
    expect(g.cells.find((c) => c.text === 'D')).toMatchObject({ row: 1, col: 1, colSpan: 3 });
  });

  it('rows of a nested table do not leak into the outer grid; its text stays in its cell', () => {
    const g = gridOf(
      '<table><tr><td>A<table><tr><td>n1</td><td>n2</td><td>n3</td></tr><tr><td>n4</td></tr></table></td><td>B</td></tr><tr><td>C</td><td>D</td></tr></table>',
    );
    expect(g.slots.length).toBe(2);
    expect(g.width).toBe(2);
    // Each nested cell's text apart, as the browser shows it (textContent would read 'An1n2n3n4').
    expect(g.cells.map((c) => c.text.split(/\s+/).filter(Boolean))).toEqual([['A', 'n1', 'n2', 'n3', 'n4'], ['B'], ['C'], ['D']]);
  });

  it('thead, several tbodies and tfoot: one grid, tfoot last', () => {
    const g = gridOf(
      '<table><caption>cap</caption><thead><tr><th>h</th></tr></thead><tbody><tr><td>1</td></tr></tbody><tbody><tr><td>2</td></tr></tbody><tfoot><tr><td>f</td></tr></tfoot></table>',
    );
    expect(picture(g)).toEqual(['h', '1', '2', 'f']);
  });

  it('empty table, empty rows and empty groups give an empty-but-valid grid', () => {
    expect(gridOf('<table></table>')).toMatchObject({ slots: [], cells: [], width: 0 });
    const g = gridOf('<table><tbody></tbody><tbody><tr></tr><tr><td>a</td></tr></tbody></table>');
    expect(picture(g)).toEqual(['.', 'a']);
  });

  it('bounded: a rowspan="0" staircase stops once its cells cover MAX_SLOTS slots, flagged truncated', () => {
    const n = 400; // 400 rows, each starting with a cell to the end of the group: ~n²/2 = 80 000 slots
    const g = gridOf(`<table><tbody>${'<tr><td rowspan="0">s</td><td>v</td></tr>'.repeat(n)}</tbody></table>`);
    expect(g.truncated).toBe(true);
    expect(g.slots.length * g.width).toBeLessThanOrEqual(MAX_GRID);
    expect(g.cells.reduce((sum, c) => sum + c.rowSpan * c.colSpan, 0)).toBeLessThanOrEqual(MAX_SLOTS);
    // Where: the first cell that did not fit. Row i's staircase cell starts at column i; rows 0..153 cover
    // Σ(400 − i) + 154 = 49 973 slots, and row 154's cell (246 more) passes MAX_SLOTS.
    expect(g.cut).toEqual({ row: 154, col: 154 });
    const plain = gridOf(`<table><tbody>${'<tr><td>s</td><td>v</td></tr>'.repeat(n)}</tbody></table>`);
    expect(plain.truncated).toBe(false);
    expect(plain.cut).toBeNull();
  });

  it('bounded: one row of colspan=1000 cells does not make every other row 10 000 slots wide', () => {
    const g = gridOf(`<table><tr>${'<td colspan="1000">w</td>'.repeat(10)}</tr>${'<tr><td>a</td></tr>'.repeat(100)}</table>`);
    expect(g.width).toBe(10_000);
    expect(g.truncated).toBe(true);
    expect(g.slots.length).toBe(MAX_GRID / 10_000);
    expect(g.cut).toEqual({ row: MAX_GRID / 10_000, col: null });
    expect(g.cells.every((c) => c.row < g.slots.length)).toBe(true);
  });

  it('hidden rows, row groups and cells take no place (as in the browser); a hidden digit is not text', () => {
    const g = gridOf(
      '<table><tr><td rowspan="2">A</td><td>1</td></tr><tr style="display:none"><td>x</td></tr><tr><td>2</td></tr>' +
        '<tbody hidden><tr><td>y</td></tr></tbody><tr><td style="display:none">z</td><td>B</td><td>1<span style="display:none">0</span>2</td></tr></table>',
    );
    expect(picture(g)).toEqual(['A 1', 'A 2', 'B 12']);
  });

  it('rowspan 65535+ is clamped and clipped without building 65 534 rows', () => {
    const g = gridOf('<table><tr><td rowspan="99999999">A</td></tr><tr><td>b</td></tr></table>');
    expect(g.slots.length).toBe(2);
    expect(g.cells[0].rowSpan).toBe(2);
  });
});

// Known divergences from the HTML rules for parsing non-negative integers, checked against Chromium 156
// (td.rowSpan/td.colSpan and layout): "-0" is 0 (so rowspan="-0" grows to the end of the row group), and
// only ASCII whitespace may precede the digits (NBSP, U+3000, \v make the value invalid → 1).
// buildGrid's /^\s*\+?(\d+)/ reads "-0" as invalid and accepts any Unicode whitespace.
// Found by this suite and fixed in lib/read/table-grid.ts.
describe('buildGrid: HTML integer parsing and tfoot order, as in Chromium', () => {
  it('rowspan="-0" is 0 (to the end of the row group), as in Chromium', () => {
    const g = gridOf('<table><tr><td rowspan="-0">A</td><td>1</td></tr><tr><td>2</td></tr><tr><td>3</td></tr></table>');
    expect(picture(g)).toEqual(['A 1', 'A 2', 'A 3']);
  });

  it('a span with a non-ASCII-whitespace prefix (NBSP / U+3000 / \\v) is invalid → 1, as in Chromium', () => {
    for (const v of ['\u00a02', '\u30002', '\u000b2']) {
      document.body.innerHTML = '<table><tr><td>A</td><td>1</td></tr><tr><td>2</td><td>3</td></tr></table>';
      const td = document.querySelector('td')!;
      td.setAttribute('colspan', v);
      td.setAttribute('rowspan', v);
      const g = buildGrid(document.querySelector('table')!);
      expect({ v, colSpan: g.cells[0].colSpan, rowSpan: g.cells[0].rowSpan }).toEqual({ v, colSpan: 1, rowSpan: 1 });
    }
  });

  it('a <tfoot> written before <tbody> (HTML 4 order) lays out last, as in Chromium and table.rows', () => {
    const g = gridOf('<table><thead><tr><th>H</th></tr></thead><tfoot><tr><td>F</td></tr></tfoot><tbody><tr><td>B</td></tr></tbody></table>');
    expect(picture(g)).toEqual(['H', 'B', 'F']);
  });
});
