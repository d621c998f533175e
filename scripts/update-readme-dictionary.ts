// npm run docs: rewrites the README's data dictionary from lib/tables/dictionary.ts.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withDictionary } from './dictionary-markdown.ts';

const file = join(import.meta.dirname, '..', 'README.md');
writeFileSync(file, withDictionary(readFileSync(file, 'utf8')));
