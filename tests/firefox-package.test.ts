/**
 * The Firefox package: `wxt zip -b firefox`, then Mozilla's own linter (`web-ext lint`, offline) on what it
 * packed. No errors; the warnings are exactly the known ones, each explained (README, “Firefox”):
 * - UNSAFE_VAR_ASSIGNMENT “import” in content.js: the content script imports the extension's own auditor.js
 *   by `browser.runtime.getURL`, never a page-given address;
 * - UNSAFE_VAR_ASSIGNMENT innerHTML in auditor.js and the extension pages' shared chunk: Preact's support for dangerouslySetInnerHTML,
 *   which no source file uses (checked below);
 * - DANGEROUS_EVAL in the extension pages' shared chunk (popup, library): zod's probe `Function('')`, skipped at run time (`z.config({ jitless: true })`).
 * - UNSAFE_VAR_ASSIGNMENT “import” in pdf.js (the attachment page's chunk and its worker, nowhere else): pdf.js
 *   imports its worker by `GlobalWorkerOptions.workerSrc` (set to the extension's own file) and its image
 *   decoders by `wasmUrl` (never set: those images are not read).
 * A new kind of warning, or one in another file, fails this test.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const run = (args: string[]) =>
  spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_UPDATE_NOTIFIER: '1' }, maxBuffer: 64 * 1024 * 1024 });

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

describe('Firefox package', () => {
  it('builds, zips, and passes web-ext lint with only the known warnings', { timeout: 240_000 }, () => {
    const zip = run([join(ROOT, 'node_modules', 'wxt', 'bin', 'wxt.mjs'), 'zip', '-b', 'firefox']);
    expect(zip.status, zip.stderr + zip.stdout).toBe(0);
    const manifest = JSON.parse(readFileSync(join(ROOT, '.output', 'firefox-mv2', 'manifest.json'), 'utf8'));
    expect(manifest.browser_specific_settings.gecko.id).toMatch(/@/);
    expect(manifest.browser_specific_settings.gecko.data_collection_permissions).toEqual({ required: ['none'] });
    expect(readdirSync(join(ROOT, '.output')).some((f) => /-firefox\.zip$/.test(f))).toBe(true);
    expect(existsSync(join(ROOT, '.output', 'firefox-mv2', 'schema', 'report.schema.json'))).toBe(true);

    const lint = run([join(ROOT, 'node_modules', 'web-ext', 'bin', 'web-ext.js'), 'lint', '--source-dir', '.output/firefox-mv2', '--no-config-discovery', '--output', 'json']);
    const result = JSON.parse(lint.stdout);
    expect(result.errors).toEqual([]);
    expect(result.summary.errors).toBe(0);
    const warnings = (result.warnings as { code: string; file: string; message: string }[])
      // Vite names the extension pages' shared chunks after a module inside them, which moves as pages are added.
      .map((w) => `${w.code} ${w.file.replace(/^chunks\/.*\.js$/, 'chunks/(shared).js').replace(/-[\w-]{8}\.mjs$/, '.mjs')} ${w.message}`)
      .sort();
    expect(warnings).toEqual([
      'DANGEROUS_EVAL chunks/(shared).js The Function constructor is eval.',
      'UNSAFE_VAR_ASSIGNMENT assets/pdf.worker.min.mjs Unsafe call to import for argument 0',
      'UNSAFE_VAR_ASSIGNMENT auditor.js Unsafe assignment to innerHTML',
      'UNSAFE_VAR_ASSIGNMENT chunks/(shared).js Unsafe assignment to innerHTML',
      'UNSAFE_VAR_ASSIGNMENT chunks/(shared).js Unsafe call to import for argument 0',
      'UNSAFE_VAR_ASSIGNMENT content-scripts/content.js Unsafe call to import for argument 0',
    ]);
  });

  it('the innerHTML warnings are Preact’s, not ours: no source file sets HTML', () => {
    const offenders = ['entrypoints', 'components', 'lib']
      .flatMap((d) => sourceFiles(join(ROOT, d)))
      .filter((f) => /dangerouslySetInnerHTML|\.innerHTML\s*=|insertAdjacentHTML|outerHTML\s*=/.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
