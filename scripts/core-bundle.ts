/**
 * The in-page core as one script that sets a global: lib/audit.ts's auditDocument and the page's own hiding
 * test (hiddenAsRendered, what the content script passes), to run in a plain page where the content script does
 * not. The bench's warm figures, profile-audit and compare-audit all measure this one bundle.
 */
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');

export async function coreBundle({ root = ROOT, name = 'NB', minify = true } = {}): Promise<string> {
  const { build } = await import('vite');
  // The entry sits in the checkout's own (ignored) .prof/, so a checkout given as `root` bundles its own lib/.
  const entry = path.join(path.resolve(root), '.prof/core-entry.ts');
  fs.mkdirSync(path.dirname(entry), { recursive: true });
  fs.writeFileSync(entry, "export { auditDocument } from '../lib/audit.ts';\nexport { hiddenAsRendered } from '../lib/read/hidden-elements.ts';\n");
  const out = (await build({
    root: path.resolve(root),
    configFile: false,
    logLevel: 'silent',
    build: { write: false, minify, lib: { entry, formats: ['iife'], name } },
  })) as unknown as { output: { code?: string }[] }[] | { output: { code?: string }[] };
  return (Array.isArray(out) ? out[0] : out).output[0].code!;
}
