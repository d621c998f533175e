import type { Cell, Table } from '@/lib/schema.ts';

/** A value as written in a hand-made table: a number, '' (blank), '—' (dash), or any other text (unreadable). */
export type HandValue = number | string;

/**
 * A small table written by hand, row → column → value, for calling one rule on it. A column written
 * `legal_person` with `covers` is a value merged over those columns.
 */
export function handTable(rows: Record<string, Record<string, HandValue>>, covers: Record<string, string[]> = {}): Table {
  const cells: Cell[] = [];
  for (const [row, cols] of Object.entries(rows))
    for (const [col, v] of Object.entries(cols)) {
      const status = typeof v === 'number' ? 'ok' : v === '' ? 'blank' : v === '—' ? 'dash' : 'unreadable';
      cells.push({ row, col, ...(covers[col] ? { covers: covers[col] } : {}), value: typeof v === 'number' ? v : null, raw: String(v), status });
    }
  return { rowLabels: {}, colLabels: {}, cells };
}

/** Table 3's seven columns for one row: natural person, the five legal-person columns, total. */
export function t3(natural: HandValue, legal: [HandValue, HandValue, HandValue, HandValue, HandValue], total: HandValue): Record<string, HandValue> {
  const [commercial, research, social_welfare, legal_service, other_org] = legal;
  return { natural_person: natural, commercial, research, social_welfare, legal_service, other_org, total };
}
