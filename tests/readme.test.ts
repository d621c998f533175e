import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { withDictionary } from '../scripts/dictionary-markdown.ts';

it('the README’s data dictionary lists every key of lib/tables/dictionary.ts (run `npm run docs` to refresh)', () => {
  const readme = readFileSync(join(import.meta.dirname, '..', 'README.md'), 'utf8');
  expect(readme).toBe(withDictionary(readme));
  expect(readme).toContain('| `denied_three_safety_one_stability` |');
});
