// npm run docs: rewrites the README's generated sections: the rule table (lib/checks/catalog.ts) and the
// data dictionary (lib/tables/).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withDictionary } from './dictionary-markdown.ts';
import { withRules } from './rules-markdown.ts';

const file = join(import.meta.dirname, '..', 'README.md');
writeFileSync(file, withRules(withDictionary(readFileSync(file, 'utf8'))));
