// quick placeholder, replaced by the real CLI
import { parseHTML } from 'linkedom';
import { readFileSync } from 'node:fs';
import { auditDocument } from '../lib/audit.ts';
for (const f of process.argv.slice(2)) {
  const { document } = parseHTML(readFileSync(f, 'utf8'));
  const r = auditDocument(document as unknown as Document, { file: f });
  console.log(JSON.stringify(r?.report, null, 1));
}
