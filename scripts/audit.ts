/**
 * npm run audit -- <file.html|file.docx|file.pdf|dir>... [--format text|json|csv|wide|xlsx] [--out DIR] [--dictionary] [--schema]
 * Audits saved report pages, Word (.docx) and PDF reports in Node, then checks the reports against each other (one agency's consecutive
 * years, lib/checks/series.ts): those findings go into the later year's report. `--format xlsx` writes one
 * workbook per report into the --out folder (instead of the JSON and CSVs); `--schema` prints the reports'
 * JSON Schema. Exit 0 when every input was read (findings are data, not errors);
 * 1 when an input could not be read or holds no report, or --out could not be written, with the reason on
 * stderr; 2 for bad arguments, with the usage line.
 */
import { constants, copyFileSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { basename, extname, join, resolve } from 'node:path';
import { exportJson } from '../lib/export/json.ts';
import { reportJsonSchemaText } from '../lib/export/json-schema.ts';
import { exportXlsx } from '../lib/export/xlsx.ts';
import { BOM, exportFindingsCsv, exportValuesCsv, toCsv } from '../lib/export/csv.ts';
import { WIDE_LEAD_COLUMNS, wideKeys, wideRow } from '../lib/export/wide-csv.ts';
import { EXPORT_KINDS, exportFileName, freeCopyNumber, type ExportKind } from '../lib/export/file-names.ts';
import type { Report } from '../lib/schema.ts';
import { writeErrorSentence } from './audit-errors.ts';
import { dictionaryMarkdown } from './dictionary-markdown.ts';
import { InputError } from './read-page.ts';
import { auditPages } from './audit-pool.ts';
import { ReportSpool, Sink } from './report-spool.ts';
import { summary } from './summary.ts';
import { memoryPeaks, MEMORY_PROBE } from './memory-probe.ts';

const USAGE = 'usage: npm run audit -- <file.html|file.docx|file.pdf|dir>... [--format text|json|csv|wide|xlsx] [--out DIR] [--dictionary] [--schema]';

/** A mistake in the command line itself: exit 2, with the usage line. */
class UsageError extends Error {}

function parseArgs(argv: string[]) {
  const files: string[] = [];
  let format = 'text';
  let out: string | null = null;
  let dictionary = false;
  let schema = false;
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
    else if (a === '--schema') schema = true;
    else if (a === '--help' || a === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else if (a === '-') throw new UsageError('不支持从标准输入读取（“-”）；请给出网页文件或文件夹');
    else if (a.startsWith('-')) throw new UsageError(`不认识的选项 “${a}”`);
    else files.push(a);
  }
  if (!['text', 'json', 'csv', 'wide', 'xlsx'].includes(format)) throw new UsageError(`--format 只能是 text、json、csv、wide 或 xlsx（收到 “${format}”）`);
  if (format === 'xlsx' && !out) throw new UsageError('--format xlsx 写入文件：请用 --out 给出文件夹');
  if (!dictionary && !schema && !files.length) throw new UsageError('请给出要核对的网页文件或文件夹');
  return { files, format, out, dictionary, schema };
}

const DOCUMENT_EXTENSIONS: Record<string, string> = { '.doc': 'Word', '.wps': 'WPS', '.ofd': 'OFD', '.xls': 'Excel', '.xlsx': 'Excel' };

/** What the CLI reads in a folder: saved pages, Word (.docx) and PDF reports. */
const READ_IN_FOLDER = /\.(?:html?|docx|pdf)$/i;

/** The pages (and .docx reports) of a folder; a folder without any is an input error that names what it does hold. */
function pagesIn(dir: string): string[] {
  const names = readdirSync(dir).sort();
  const pages = names.filter((f) => READ_IN_FOLDER.test(f)).map((f) => join(dir, f));
  if (pages.length) return pages;
  const counts = new Map<string, number>();
  for (const f of names) {
    const kind = DOCUMENT_EXTENSIONS[extname(f).toLowerCase()];
    if (kind) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  const others = [...counts].map(([kind, n]) => `${n} 个 ${kind} 文件`).join('、');
  throw new InputError(`${dir}：文件夹里没有 .html/.htm 网页、.docx 或 .pdf 文件${others ? `（只有 ${others}；这类年报暂不支持）` : ''}`);
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false; // reported by the page reader
  }
}

const EXPORTS: Record<ExportKind, (r: Report) => string | Promise<Uint8Array>> = {
  json: exportJson,
  'values-csv': exportValuesCsv,
  'findings-csv': exportFindingsCsv,
  xlsx: exportXlsx,
};

/**
 * Writes each report's files of `kinds` into `dir` as it comes, never over an existing file (renamed copies are
 * told on stderr); with `whole`, the whole set's two files too (written to scratch files alongside, then
 * copied in under a free name at the end).
 */
function openExports(dir: string, kinds: ExportKind[], whole: { prefix: string; columns: string[]; scratch: (name: string) => string } | null) {
  const guard = <T>(f: () => T): T => {
    try {
      return f();
    } catch (e) {
      throw new InputError(writeErrorSentence(e, dir));
    }
  };
  const guardAsync = async (f: () => Promise<void>): Promise<void> => {
    try {
      await f();
    } catch (e) {
      throw new InputError(writeErrorSentence(e, dir));
    }
  };
  const written = new Set<string>();
  const wide = whole ? new Sink(whole.scratch('wide.csv')) : null;
  const array = whole ? new Sink(whole.scratch('reports.json')) : null;
  guard(() => {
    mkdirSync(dir, { recursive: true });
    if (!statSync(dir).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
  });
  wide?.write(BOM + toCsv([...WIDE_LEAD_COLUMNS, ...whole!.columns], []) + '\r\n');
  let first = true;
  return {
    async add(report: Report, file: string) {
      await guardAsync(async () => {
        const copy = freeCopyNumber(report, (name) => written.has(name) || existsSync(join(dir, name)), kinds);
        if (copy > 1) {
          const wanted = exportFileName(report, 'json').replace(/\.json$/, '');
          console.error(`年报核对: ${file} 的文件名改为 ${exportFileName(report, 'json', copy).replace(/\.json$/, '')}…（已有同名的 ${wanted}…，不覆盖）`);
        }
        for (const kind of kinds) {
          const name = exportFileName(report, kind, copy);
          // 'wx': fail rather than replace a file that appeared meanwhile.
          writeFileSync(join(dir, name), await EXPORTS[kind](report), { flag: 'wx' });
          written.add(name);
        }
      });
      wide?.write(csvBody(toCsv([...WIDE_LEAD_COLUMNS, ...whole!.columns], [wideRow(report, whole!.columns)])));
      array?.write(jsonArrayItem(report, first));
      first = false;
    },
    finish() {
      wide?.close();
      array?.write(first ? '[]\n' : '\n]\n');
      array?.close();
      guard(() => {
        if (whole) {
          // The whole set in two files: one line per report (wide CSV) and one JSON array.
          for (const [suffix, scratch] of [['-wide.csv', 'wide.csv'], ['-reports.json', 'reports.json']]) {
            const name = freeName(whole.prefix, suffix, (n) => written.has(n) || existsSync(join(dir, n)));
            copyFileSync(whole.scratch(scratch), join(dir, name), constants.COPYFILE_EXCL);
            written.add(name);
          }
        }
        console.error(`年报核对: 已写入 ${written.size} 个文件到 ${dir}`);
      });
    },
  };
}

/** The lines after the header line of toCsv's output, each ending in CRLF (nothing for a header alone). */
function csvBody(csv: string): string {
  const at = csv.indexOf('\r\n');
  return at < 0 ? '' : `${csv.slice(at + 2)}\r\n`;
}

/** One report as an element of the pretty-printed JSON array exportJson gives for a list (the opening bracket with the first). */
function jsonArrayItem(report: Report, first: boolean): string {
  const item = exportJson(report).trimEnd().replace(/\n/g, '\n  ');
  return `${first ? '[\n' : ',\n'}  ${item}`;
}

/** A progress line on a terminal, once the run has taken more than a second. */
function progress(total: number) {
  const started = Date.now();
  let shown = false;
  return {
    tick(done: number) {
      if (!process.stderr.isTTY || Date.now() - started < 1000) return;
      shown = true;
      process.stderr.write(`\r年报核对: 已读 ${done}/${total} 个网页`);
    },
    end() {
      if (shown) process.stderr.write('\r\x1b[K');
    },
  };
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

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (args.dictionary) {
    process.stdout.write(dictionaryMarkdown());
    return 0;
  }
  if (args.schema) {
    process.stdout.write(reportJsonSchemaText());
    return 0;
  }
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
  // Read on worker threads, handed back in input order; held in a spool file, not in memory (scripts/report-spool.ts).
  const spool = new ReportSpool();
  const sources: string[] = [];
  const shown = progress(files.length);
  try {
    await auditPages(files, spool.dir, (i, outcome) => {
      shown.tick(i + 1);
      if ('error' in outcome) return fail(new InputError(outcome.error));
      spool.addEntry(outcome.entry);
      sources.push(files[i]);
    });
    shown.end();
    // One FILE gives one object; a folder or several inputs give an array, however many reports they held.
    const oneFile = args.files.length === 1 && !isFolder(args.files[0]);
    let exports: ReturnType<typeof openExports> | null = null;
    if (args.out) {
      try {
        const whole = oneFile ? null : { prefix: setPrefix(args.files), columns: wideKeys(spool.wideCarriers), scratch: (n: string) => spool.scratch(n) };
        exports = openExports(args.out, args.format === 'xlsx' ? ['xlsx'] : EXPORT_KINDS, whole);
      } catch (e) {
        fail(e);
      }
    }
    const columns = args.format === 'wide' ? wideKeys(spool.wideCarriers) : [];
    // A pipe takes writes asynchronously: wait for it to drain, or a slow reader would have the whole output queued in memory.
    const out = async (text: string) => {
      if (!process.stdout.write(text)) await once(process.stdout, 'drain');
    };
    let i = 0;
    // Across reports: each report's share goes after its own findings (same code as the library page).
    for (const report of spool.reports()) {
      if (MEMORY_PROBE) memoryPeaks.sampleMain(16);
      const file = sources[i];
      if (args.format === 'text') await out(summary(report, file));
      if (args.format === 'json') await out(oneFile ? exportJson(report) : jsonArrayItem(report, i === 0));
      if (args.format === 'csv') await out(i === 0 ? exportValuesCsv(report) : csvBody(exportValuesCsv(report).slice(BOM.length).replace(/\r\n$/, '')));
      if (args.format === 'wide') {
        const csv = toCsv([...WIDE_LEAD_COLUMNS, ...columns], [wideRow(report, columns)]);
        await out(i === 0 ? `${BOM}${csv}\r\n` : csvBody(csv));
      }
      if (exports) {
        try {
          await exports.add(report, file);
        } catch (e) {
          fail(e);
          exports = null;
        }
      }
      i++;
    }
    if (args.format === 'json' && i > 0 && !oneFile) await out('\n]\n');
    if (exports) {
      try {
        exports.finish();
      } catch (e) {
        fail(e);
      }
    }
  } finally {
    spool.close();
  }
  return failed ? 1 : 0;
}

// A reader that stops early (`| head -1`) closes the pipe: that is not an error, so end quietly.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

// For the bench (scripts/bench.ts): the peak memory of the whole run, worker threads included.
// Each thread's peaks too (scripts/memory-probe.ts).
if (MEMORY_PROBE) process.on('exit', () => console.error(`maxRSS ${process.resourceUsage().maxRSS}\n${memoryPeaks.line()}`));

try {
  process.exitCode = await main();
} catch (e) {
  if (e instanceof UsageError || e instanceof InputError) {
    console.error(`年报核对: ${e.message}`);
    if (e instanceof UsageError) console.error(USAGE);
    process.exitCode = 2;
  } else throw e;
}
