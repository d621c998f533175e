/**
 * npm run audit -- <file.html|dir>... [--format text|json|csv] [--out DIR] [--dictionary]
 * Audits saved report pages in Node. Exit 0 when every input was read (findings are data, not errors);
 * 1 when an input could not be read or holds no report, with the reason on stderr.
 */
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { exportJson } from '../lib/export-json.ts';
import { exportFindingsCsv, exportValuesCsv } from '../lib/export-csv.ts';
import { exportFileName } from '../lib/file-names.ts';
import type { Report } from '../lib/schema.ts';
import { dictionaryMarkdown } from './dictionary-markdown.ts';
import { auditFile, InputError } from './read-page.ts';
import { summary } from './summary.ts';

const USAGE = 'usage: npm run audit -- <file.html|dir>... [--format text|json|csv] [--out DIR] [--dictionary]';

function parseArgs(argv: string[]) {
  const files: string[] = [];
  let format = 'text';
  let out: string | null = null;
  let dictionary = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--format') format = argv[++i] ?? '';
    else if (a.startsWith('--format=')) format = a.slice(9);
    else if (a === '--out') out = argv[++i] ?? null;
    else if (a === '--dictionary') dictionary = true;
    else if (a === '--help' || a === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else files.push(a);
  }
  if (!['text', 'json', 'csv'].includes(format)) throw new InputError(`--format 只能是 text、json 或 csv（收到 “${format}”）`);
  return { files, format, out, dictionary };
}

function expand(paths: string[]): string[] {
  return paths.flatMap((p) => {
    try {
      if (statSync(p).isDirectory())
        return readdirSync(p).filter((f) => /\.html?$/i.test(f)).sort().map((f) => join(p, f));
    } catch {
      /* reported by readPage */
    }
    return [p];
  });
}

function main(): number {
  const args = parseArgs(process.argv.slice(2));
  if (args.dictionary) {
    process.stdout.write(dictionaryMarkdown());
    return 0;
  }
  if (!args.files.length) throw new InputError(USAGE);
  const reports: Report[] = [];
  let failed = 0;
  for (const file of expand(args.files)) {
    try {
      const result = auditFile(file, basename(file));
      if (!result) throw new InputError(`${file}：没有找到政府信息公开年报的表格（不是年报页面，或表格是图片/附件）`);
      reports.push(result.report);
      if (args.format === 'text') process.stdout.write(summary(result.report, file));
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      console.error(`年报核对: ${e.message}`);
      failed++;
    }
  }
  if (args.format === 'json' && reports.length) process.stdout.write(exportJson(reports.length === 1 ? reports[0] : reports));
  if (args.format === 'csv' && reports.length) process.stdout.write(exportValuesCsv(reports));
  if (args.out) {
    mkdirSync(args.out, { recursive: true });
    for (const r of reports) {
      writeFileSync(join(args.out, exportFileName(r, 'json')), exportJson(r));
      writeFileSync(join(args.out, exportFileName(r, 'values-csv')), exportValuesCsv(r));
      writeFileSync(join(args.out, exportFileName(r, 'findings-csv')), exportFindingsCsv(r));
    }
    console.error(`年报核对: 已写入 ${reports.length * 3} 个文件到 ${args.out}`);
  }
  return failed ? 1 : 0;
}

try {
  process.exitCode = main();
} catch (e) {
  if (e instanceof InputError) {
    console.error(`年报核对: ${e.message}`);
    process.exitCode = 2;
  } else throw e;
}
