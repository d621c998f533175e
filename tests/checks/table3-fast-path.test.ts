import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { evaluate } from '@/lib/checks/relation.ts';
import { balanceRelation, columnHolds, resultsTotalRelation, rowHolds, rowTotalRelation, table3View } from '@/lib/checks/table3-rules.ts';
import { TABLE3_RESULT_ROWS } from '@/lib/tables/dictionary.ts';
import { TABLE3_BALANCE } from '@/lib/tables/table3.ts';
import type { Cell, Table } from '@/lib/schema.ts';

// Table 3's rules count a relation as holding from its cells alone (rowHolds, columnHolds) and build its terms
// only otherwise. Whenever that quick test says "holds", evaluating the built relation must say so too.

const LEGAL = ['commercial', 'research', 'social_welfare', 'legal_service', 'other_org'];
const SEVEN = ['natural_person', ...LEGAL, 'total'];
const ROWS = ['new_received', 'carried_over', ...TABLE3_RESULT_ROWS.slice(0, 4), 'results_total', 'carried_forward'];

/** Few distinct values, so that sums often agree; decimals whose floating sums need the rounding. */
const value = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom<number | string>(0, 0, 1, 2) },
  { weight: 2, arbitrary: fc.constantFrom<number | string>(0.1, 0.2, 0.3, -1, 1.5) },
  { weight: 2, arbitrary: fc.constantFrom<number | string>('', '—', '无', 'x') },
  { weight: 1, arbitrary: fc.constant(null) },
);

/**
 * One row: its seven columns, or the legal-person columns merged, or one figure across all seven (alone, or
 * with part cells read as well, which a row written as one figure still does not report).
 */
const row = fc.record({
  layout: fc.constantFrom('split', 'split', 'grouped', 'spanning', 'spanningWithParts'),
  values: fc.array(value, { minLength: 7, maxLength: 7 }),
  present: fc.boolean(),
});

function cellOf(row: string, col: string, v: number | string, covers?: string[]): Cell {
  const status = typeof v === 'number' ? 'ok' : v === '' ? 'blank' : v === '—' || v === '无' ? 'dash' : 'unreadable';
  return { row, col, ...(covers ? { covers } : {}), value: typeof v === 'number' ? v : null, raw: String(v), status };
}

const table = fc.array(row, { minLength: ROWS.length, maxLength: ROWS.length }).map((rows): Table => {
  const cells: Cell[] = [];
  rows.forEach(({ layout, values, present }, i) => {
    if (!present) return;
    const key = ROWS[i];
    const put = (col: string, v: number | string | null, covers?: string[]) => v !== null && cells.push(cellOf(key, col, v, covers));
    if (layout === 'spanning') return void put('total', values[6] ?? 0, SEVEN);
    put('natural_person', values[0]);
    if (layout === 'grouped') put('legal_person', values[1], LEGAL);
    else LEGAL.forEach((c, j) => put(c, values[1 + j]));
    put('total', values[6] ?? 0, layout === 'spanningWithParts' ? SEVEN : undefined);
  });
  return { rowLabels: {}, colLabels: {}, cells };
});

const HOLDS = { kind: 'checked', finding: null };

describe('Table 3 fast paths: a relation counted as holding from its cells does hold', () => {
  it('row totals, results totals and balances, over random tables', () => {
    let quick = 0;
    fc.assert(
      fc.property(table, (t) => {
        const view = table3View(t);
        for (const r of view.rows()) {
          if (view.spansAll(r)) continue;
          for (const parts of [['natural_person', ...LEGAL], ['natural_person', 'legal_person']]) {
            if (!rowHolds(view, r, parts)) continue;
            quick++;
            expect(evaluate(rowTotalRelation(view, r, parts))).toEqual(HOLDS);
          }
        }
        const resultRows = TABLE3_RESULT_ROWS.filter((r) => view.hasRow(r));
        for (const col of [...SEVEN, 'legal_person']) {
          if (columnHolds(view, col, ['results_total'], resultRows)) {
            quick++;
            expect(evaluate(resultsTotalRelation(view, col, resultRows))).toEqual(HOLDS);
          }
          if (columnHolds(view, col, TABLE3_BALANCE.left, TABLE3_BALANCE.right)) {
            quick++;
            expect(evaluate(balanceRelation(view, col))).toEqual(HOLDS);
          }
        }
      }),
      { numRuns: 2000 },
    );
    expect(quick).toBeGreaterThan(200);
  });

  it('a blank stated total, an unreadable or missing cell, or a row written as one figure is never a quick pass', () => {
    const view = table3View({
      rowLabels: {},
      colLabels: {},
      cells: [
        cellOf('new_received', 'natural_person', 1),
        ...LEGAL.map((c) => cellOf('new_received', c, 0)),
        cellOf('new_received', 'total', ''),
        cellOf('carried_over', 'natural_person', 'x'),
        ...LEGAL.map((c) => cellOf('carried_over', c, 0)),
        cellOf('carried_over', 'total', 0),
        cellOf('results_total', 'total', 0, SEVEN),
      ],
    });
    expect(rowHolds(view, 'new_received', ['natural_person', ...LEGAL])).toBe(false);
    expect(rowHolds(view, 'carried_over', ['natural_person', ...LEGAL])).toBe(false);
    expect(rowHolds(view, 'carried_over', ['natural_person', 'legal_person'])).toBe(false);
    expect(columnHolds(view, 'commercial', ['results_total'], [])).toBe(false);
    expect(columnHolds(view, 'total', ['results_total'], [])).toBe(true);
  });
});
