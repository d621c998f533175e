import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { withDictionary } from '../scripts/dictionary-markdown.ts';
import { withRules } from '../scripts/rules-markdown.ts';
import { FINDING_COLUMNS, VALUE_COLUMNS } from '../lib/export/csv.ts';
import { XLSX_FINDING_COLUMNS } from '../lib/export/xlsx.ts';

const readme = readFileSync(join(import.meta.dirname, '..', 'README.md'), 'utf8');

it('the README’s data dictionary lists every key of lib/tables/ (run `npm run docs` to refresh)', () => {
  expect(readme).toBe(withDictionary(readme));
  expect(readme).toContain('| `denied_three_safety_one_stability` |');
});

it('the README’s “What it checks” table lists every rule of lib/checks/catalog.ts (run `npm run docs` to refresh)', () => {
  expect(readme).toBe(withRules(readme));
  expect(readme).toContain('| `table3.balance` | 收结平衡');
  expect(readme).toContain('| `layout` | 表格布局');
});

it('the README names the export columns exactly as lib/export writes them', () => {
  for (const columns of [VALUE_COLUMNS, FINDING_COLUMNS, XLSX_FINDING_COLUMNS]) expect(readme).toContain(`\`${columns.join(',')}\``);
});
