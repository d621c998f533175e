/**
 * npm run audit -- <file.html|dir>... [--format text|json|csv|wide] [--out DIR] [--dictionary]
 * Audits saved report pages in Node, then checks the reports against each other (one agency's consecutive
 * years, lib/checks/series.ts): those findings go into the later year's report. Exit 0 when every input was read (findings are data, not errors);
 * 1 when an input could not be read or holds no report, or --out could not be written, with the reason on
 * stderr; 2 for bad arguments, with the usage line.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { exportJson } from '../lib/export/json.ts';
import { exportFindingsCsv, exportValuesCsv } from '../lib/export/csv.ts';
import { exportWideCsv } from '../lib/export/wide-csv.ts';
import { checkSeries } from '../lib/checks/series.ts';
import { EXPORT_KINDS, exportFileName, freeCopyNumber, type ExportKind } from '../lib/export/file-names.ts';
import type { Report } from '../lib/schema.ts';
import { documentFileSentence, iframeSources, writeErrorSentence } from './audit-errors.ts';
import { dictionaryMarkdown } from './dictionary-markdown.ts';
import { auditFile, decodePage, InputError } from './read-page.ts';
import { summary } from './summary.ts';

const USAGE = 'usage: npm run audit -- <file.html|dir>... [--format text|json|csv|wide] [--out DIR] [--dictionary]';

/** A mistake in the command line itself: exit 2, with the usage line. */
class UsageError extends Error {}

function parseArgs(argv: string[]) {
  const files: string[] = [];
  let format = 'text';
  let out: string | null = null;
  let dictionary = false;
  const valueOf = (flag: string, i: number) => {
    const v = argv[i];
    if (v === undefined || v === '' || v.startsWith('-')) throw new UsageError(`${flag} 后面缺少取值`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--format') format = valueOf(a, ++i);
    else if (a.startsWith('--format=')) format = a.slice(9);
    else if (a === '--out') out = valueOf(a, ++i);
    else if (a.startsWith('--out=')) out = a.slice(6) || valueOf('--out', argv.length);
    else if (a === '--dictionary') dictionary = true;
    else if (a === '--help' || a === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else if (a === '-') throw new UsageError('不支持从标准输入读取（“-”）；请给出网页文件或文件夹');
    else if (a.startsWith('-')) throw new UsageError(`不认识的选项 “${a}”`);
    else files.push(a);
  }
  if (!['text', 'json', 'csv', 'wide'].includes(format)) throw new UsageError(`--format 只能是 text、json、csv 或 wide（收到 “${format}”）`);
  if (!dictionary && !files.length) throw new UsageError('请给出要核对的网页文件或文件夹');
  return { files, format, out, dictionary };
}

const DOCUMENT_EXTENSIONS: Record<string, string> = { '.pdf': 'PDF', '.doc': 'Word', '.docx': 'Word', '.wps': 'WPS', '.xls': 'Excel', '.xlsx': 'Excel' };

/** The pages of a folder; a folder without any is an input error that names what it does hold. */
function pagesIn(dir: string): string[] {
  const names = readdirSync(dir).sort();
  const pages = names.filter((f) => /\.html?$/i.test(f)).map((f) => join(dir, f));
  if (pages.length) return pages;
  const counts = new Map<string, number>();
  for (const f of names) {
    const kind = DOCUMENT_EXTENSIONS[extname(f).toLowerCase()];
    if (kind) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  const others = [...counts].map(([kind, n]) => `${n} 个 ${kind} 文件`).join('、');
  throw new InputError(`${dir}：文件夹里没有 .html/.htm 网页${others ? `（只有 ${others}；这类年报暂不支持）` : ''}`);
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false; // reported by the page reader
  }
}

/** Why a page that was read holds no report, with the place to look when the report is in a frame. */
function noReportSentence(file: string): string {
  const base = `${file}：没有找到政府信息公开年报的表格（不是年报页面，或表格是图片/附件）`;
  const frames = iframeSources(decodePage(readFileSync(file)));
  if (!frames.length) return base;
  return `${file}：没有找到政府信息公开年报的表格；这个网页把内容放在内嵌框架（iframe）里，年报可能在 ${frames.slice(0, 3).join('、')}，请打开该地址另存为网页后再核对`;
}

const EXPORTS: Record<ExportKind, (r: Report) => string> = { json: exportJson, 'values-csv': exportValuesCsv, 'findings-csv': exportFindingsCsv };

/** Writes each report's three files into `dir`, never over an existing file; renamed copies are told on stderr. */
function writeExports(dir: string, reports: { report: Report; file: string }[], whole: { prefix: string; reports: Report[] } | null): void {
  try {
    mkdirSync(dir, { recursive: true });
    if (!statSync(dir).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
    const written = new Set<string>();
    for (const { report, file } of reports) {
      const copy = freeCopyNumber(report, (name) => written.has(name) || existsSync(join(dir, name)));
      if (copy > 1) {
        const wanted = exportFileName(report, 'json').replace(/\.json$/, '');
        console.error(`年报核对: ${file} 的文件名改为 ${exportFileName(report, 'json', copy).replace(/\.json$/, '')}…（已有同名的 ${wanted}…，不覆盖）`);
      }
      for (const kind of EXPORT_KINDS) {
        const name = exportFileName(report, kind, copy);
        // 'wx': fail rather than replace a file that appeared meanwhile.
        writeFileSync(join(dir, name), EXPORTS[kind](report), { flag: 'wx' });
        written.add(name);
      }
    }
    if (whole) {
      // The whole set in two files: one line per report (wide CSV) and one JSON array.
      for (const [suffix, content] of [['-wide.csv', exportWideCsv(whole.reports)], ['-reports.json', exportJson(whole.reports)]]) {
        const name = freeName(whole.prefix, suffix, (n) => written.has(n) || existsSync(join(dir, n)));
        writeFileSync(join(dir, name), content, { flag: 'wx' });
        written.add(name);
      }
    }
    console.error(`年报核对: 已写入 ${written.size} 个文件到 ${dir}`);
  } catch (e) {
    throw new InputError(writeErrorSentence(e, dir));
  }
}

/** `<prefix><suffix>`, or `<prefix>-2<suffix>`, … when taken: never over an existing file. */
function freeName(prefix: string, suffix: string, isTaken: (name: string) => boolean): string {
  let name = `${prefix}${suffix}`;
  for (let copy = 2; isTaken(name); copy++) name = `${prefix}-${copy}${suffix}`;
  return name;
}

/** The whole set's files are named after the one folder audited, else 年报核对. */
function setPrefix(inputs: string[]): string {
  const name = inputs.length === 1 && isFolder(inputs[0]) ? basename(resolve(inputs[0])) : '';
  return (name || '年报核对').replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 60);
}

function main(): number {
  const args = parseArgs(process.argv.slice(2));
  if (args.dictionary) {
    process.stdout.write(dictionaryMarkdown());
    return 0;
  }
  const reports: { report: Report; file: string }[] = [];
  let failed = 0;
  const fail = (e: unknown) => {
    if (!(e instanceof InputError)) throw e;
    console.error(`年报核对: ${e.message}`);
    failed++;
  };
  const files: string[] = [];
  for (const path of args.files) {
    try {
      files.push(...(isFolder(path) ? pagesIn(path) : [path]));
    } catch (e) {
      fail(e);
    }
  }
  for (const file of files) {
    try {
      const asDocument = documentFileSentence(file);
      if (asDocument) throw new InputError(asDocument);
      const result = auditFile(file, basename(file));
      if (!result) throw new InputError(noReportSentence(file));
      reports.push({ report: result.report, file });
    } catch (e) {
      fail(e);
    }
  }
  // One FILE gives one object; a folder or several inputs give an array, however many reports they held.
  const oneFile = args.files.length === 1 && !isFolder(args.files[0]);
  const list = reports.map((r) => r.report);
  // Across reports: each report's share goes after its own findings (same code as the library page).
  checkSeries(list).forEach((found, i) => list[i].findings.push(...found));
  if (args.format === 'text') for (const { report, file } of reports) process.stdout.write(summary(report, file));
  if (args.format === 'json' && list.length) process.stdout.write(exportJson(oneFile ? list[0] : list));
  if (args.format === 'csv' && list.length) process.stdout.write(exportValuesCsv(list));
  if (args.format === 'wide' && list.length) process.stdout.write(exportWideCsv(list));
  if (args.out) {
    try {
      writeExports(args.out, reports, oneFile ? null : { prefix: setPrefix(args.files), reports: list });
    } catch (e) {
      fail(e);
    }
  }
  return failed ? 1 : 0;
}

// A reader that stops early (`| head -1`) closes the pipe: that is not an error, so end quietly.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

try {
  process.exitCode = main();
} catch (e) {
  if (e instanceof UsageError || e instanceof InputError) {
    console.error(`年报核对: ${e.message}`);
    if (e instanceof UsageError) console.error(USAGE);
    process.exitCode = 2;
  } else throw e;
}
