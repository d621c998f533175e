/**
 * A folder of any size in flat memory. Every report of the folder must be known before any is final: a
 * later page may be its agency's year before, whose series.* findings (lib/checks/series.ts) go into this
 * report. So each report is written, by the thread that read it (a worker, scripts/audit-pool.ts), to that
 * thread's spool file (one compact JSON line), and a slim copy to a second file: what checkSeries reads (agency, year, source, format, article
 * text, the carried-over/carried-forward rows of table 3, tables 2 and legacy) and a digest of all its
 * figures (two copies of one year are told apart by them). Only where the lines are crosses to the main
 * thread, never the report (big messages between threads left the process's memory growing with the
 * folder, outside the JS heaps). In memory stays each report's agency key, year and where its lines are. At the end, one agency at a time, the slim copies of the years that
 * follow each other are read back to choose each report's year before (previousReport); then the reports
 * are read back in input order, and each report gets checkSeries against its year before's slim copy and goes to
 * the outputs — the same output as holding them all.
 */
import { createHash } from 'node:crypto';
import { appendFileSync, mkdtempSync, openSync, readSync, closeSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkSeries, previousReport } from '../lib/checks/series.ts';
import { agencyKey } from '../lib/agency-identity.ts';
import type { Report, Table } from '../lib/schema.ts';

/** Table 3's rows the series rules compare; the other tables they read are small. */
const SERIES_TABLE3_ROWS = new Set(['carried_over', 'carried_forward']);

/** Every number the report prints, digested (the same fields checkSeries compares copies by). */
function figuresDigest(report: Report): string {
  const all = Object.entries(report.tables)
    .flatMap(([key, t]) => (t?.cells ?? []).map((c) => [key, c.row, c.col, c.status, c.value]))
    .sort((a, b) => String(a).localeCompare(String(b)));
  return createHash('sha256').update(JSON.stringify(all)).digest('hex');
}

/** What checkSeries needs of a report, and a stand-in table holding the digest of all its figures. */
export function slimReport(report: Report): Report {
  const { table2, table3, legacy } = report.tables;
  const tables: Record<string, Table> = {};
  if (table2) tables.table2 = table2;
  if (legacy) tables.legacy = legacy;
  if (table3) tables.table3 = { ...table3, cells: table3.cells.filter((c) => SERIES_TABLE3_ROWS.has(c.row)) };
  // Not a report table: only there so that two slim copies have equal figures exactly when the reports do.
  tables.figures = { rowLabels: {}, colLabels: {}, cells: [{ row: 'digest', col: figuresDigest(report), value: null, status: 'blank', raw: '' }] } as unknown as Table;
  return { ...report, findings: [], evidence: {}, tables: tables as Report['tables'] };
}

/** What previousReport reads of a report: agency, year, source (sameAgency, the first by name) and the figures' digest (copies). */
function pairingRecord(slim: Report): Report {
  return { agency: slim.agency, year: slim.year, source: slim.source, tables: { figures: (slim.tables as Record<string, unknown>).figures } } as unknown as Report;
}

/** Where a line is: the file of the thread that wrote it, at what byte, how many bytes. */
export interface LineAt {
  file: string;
  offset: number;
  length: number;
}

/**
 * A report as the spool takes it, written by the thread that read the page (a worker) to its own files:
 * where its line and its slim copy's line are, its agency key and year, and the cells whose `table.row.col`
 * key that thread had not met before (null when none). A thread is sent its pages in input order, so the
 * first report of the folder to bring a key always brings it here: the spool keeps those no earlier report
 * brought, the same carriers as checking every cell on one thread. Only this small record crosses threads.
 */
export interface SpoolEntry {
  report: LineAt;
  slim: LineAt;
  key: string | null;
  year: number | null;
  wide: Report['tables'] | null;
}

/** A file appended to by one thread only, each piece's place known as it is written. */
class AppendFile {
  private size = 0;
  private readonly path: string;
  constructor(path: string) {
    this.path = path;
  }
  append(text: string): LineAt {
    const bytes = Buffer.from(text);
    appendFileSync(this.path, bytes);
    const at = { file: this.path, offset: this.size, length: bytes.length };
    this.size += bytes.length;
    return at;
  }
}

/** One thread's spool files (its reports, their slim copies) and the wide keys its reports brought. */
export class SpoolWriter {
  private readonly reports: AppendFile;
  private readonly slims: AppendFile;
  private readonly seen = new Set<string>();
  constructor(dir: string, name: string) {
    this.reports = new AppendFile(join(dir, `${name}.jsonl`));
    this.slims = new AppendFile(join(dir, `${name}-slim.jsonl`));
  }

  write(report: Report): SpoolEntry {
    const wide: Report['tables'] = {};
    let any = false;
    for (const [key, table] of Object.entries(report.tables) as [keyof Report['tables'], Table | undefined][]) {
      const cells = (table?.cells ?? []).filter((c) => {
        const k = `${key}.${c.row}.${c.col}`;
        if (this.seen.has(k)) return false;
        this.seen.add(k);
        return true;
      });
      if (cells.length) {
        wide[key] = { rowLabels: {}, colLabels: {}, cells };
        any = true;
      }
    }
    return {
      report: this.reports.append(`${JSON.stringify(report)}\n`),
      slim: this.slims.append(`${JSON.stringify(slimReport(report))}\n`),
      key: agencyKey(report),
      year: report.year,
      wide: any ? wide : null,
    };
  }
}

/** Where each report's lines are, with what it is grouped and paired by: a few numbers a report. */
interface SpoolIndex {
  /** agencyKey, one string for all reports of an agency. */
  keys: (string | null)[];
  years: (number | null)[];
  /** For the report lines and the slim lines: the file (its number in `files`), offset and length. */
  reportFiles: number[];
  reportOffsets: number[];
  reportLengths: number[];
  slimFiles: number[];
  slimOffsets: number[];
  slimLengths: number[];
}

export class ReportSpool {
  /** The spool's folder: each thread's files go there (scripts/audit-pool.ts). */
  readonly dir = mkdtempSync(join(tmpdir(), 'nianbao-spool-'));
  private readonly index: SpoolIndex = { keys: [], years: [], reportFiles: [], reportOffsets: [], reportLengths: [], slimFiles: [], slimOffsets: [], slimLengths: [] };
  private readonly files: string[] = [];
  private readonly fileNumbers = new Map<string, number>();
  private readonly readers = new Map<number, number>();
  private readonly keyNames = new Map<string, string>();
  private readonly wideSeen = new Set<string>();
  /** add()'s writer, as a worker's own. */
  private own: SpoolWriter | null = null;
  /** For each report that brought `table.row.col` keys not met before, those cells: wideKeys of these is wideKeys of all. */
  readonly wideCarriers: Report[] = [];

  /** A whole report (tests, and callers that hold one): written here, as a worker would. */
  add(report: Report): void {
    this.own ??= new SpoolWriter(this.dir, 'own');
    this.addEntry(this.own.write(report));
  }

  /** A report written where it was read (scripts/audit-pool.ts): only its place and a few numbers are kept. */
  addEntry(entry: SpoolEntry): void {
    this.index.keys.push(entry.key === null ? null : this.intern(entry.key));
    this.index.years.push(entry.year);
    this.index.reportFiles.push(this.fileNumber(entry.report.file));
    this.index.reportOffsets.push(entry.report.offset);
    this.index.reportLengths.push(entry.report.length);
    this.index.slimFiles.push(this.fileNumber(entry.slim.file));
    this.index.slimOffsets.push(entry.slim.offset);
    this.index.slimLengths.push(entry.slim.length);
    if (entry.wide) this.carryNewKeys(entry.wide);
  }

  private fileNumber(path: string): number {
    let n = this.fileNumbers.get(path);
    if (n === undefined) {
      n = this.files.length;
      this.files.push(path);
      this.fileNumbers.set(path, n);
    }
    return n;
  }

  /** The JSON line at a place in one of the spool's files. */
  private readLine(file: number, offset: number, length: number): unknown {
    let fd = this.readers.get(file);
    if (fd === undefined) this.readers.set(file, (fd = openSync(this.files[file], 'r')));
    const buf = Buffer.allocUnsafe(length);
    for (let got = 0; got < length; ) {
      const n = readSync(fd, buf, got, length - got, offset + got);
      if (n <= 0) throw new Error(`spool file ${this.files[file]} ends before byte ${offset + length}`);
      got += n;
    }
    return JSON.parse(buf.toString('utf8'));
  }

  private intern(key: string): string {
    const known = this.keyNames.get(key);
    if (known !== undefined) return known;
    this.keyNames.set(key, key);
    return key;
  }

  /** Report i's slim copy, read back from its file. */
  private slim(i: number): Report {
    return this.readLine(this.index.slimFiles[i], this.index.slimOffsets[i], this.index.slimLengths[i]) as Report;
  }

  /**
   * For each report, the index of the report of the same agency for the year before that checkSeries would
   * compare it with (-1 for none): previousReport over the slim copies, one agency at a time, reading only
   * the reports that have a year before among their agency's.
   */
  private previousIndices(): Int32Array {
    const n = this.count;
    const previous = new Int32Array(n).fill(-1);
    const groups = new Map<string, number[]>();
    for (let i = 0; i < n; i++) {
      const key = this.index.keys[i];
      if (key === null || this.index.years[i] === null) continue;
      const group = groups.get(key);
      if (group) group.push(i);
      else groups.set(key, [i]);
    }
    for (const members of groups.values()) {
      if (members.length < 2) continue;
      const byYear = new Map<number, number[]>();
      for (const i of members) {
        const y = this.index.years[i]!;
        const same = byYear.get(y);
        if (same) same.push(i);
        else byYear.set(y, [i]);
      }
      // Of each slim copy, only what previousReport reads (a folder may hold thousands of one agency's reports).
      const pairing = new Map<number, Report>();
      const pairingOf = (i: number) => {
        let r = pairing.get(i);
        if (!r) pairing.set(i, (r = pairingRecord(this.slim(i))));
        return r;
      };
      for (const [year, reports] of byYear) {
        const before = byYear.get(year - 1);
        if (!before) continue;
        const candidates = before.map(pairingOf);
        for (const i of reports) {
          const chosen = previousReport(pairingOf(i), candidates).report;
          if (chosen) previous[i] = before[candidates.indexOf(chosen)];
        }
      }
    }
    return previous;
  }

  /** Of the cells a report brings that its thread had not met, those no report before it brought (in input order). */
  private carryNewKeys(wide: Report['tables']): void {
    const tables: Report['tables'] = {};
    let any = false;
    for (const [key, table] of Object.entries(wide) as [keyof Report['tables'], Table][]) {
      const cells = table.cells.filter((c) => {
        const k = `${key}.${c.row}.${c.col}`;
        if (this.wideSeen.has(k)) return false;
        this.wideSeen.add(k);
        return true;
      });
      if (cells.length) {
        tables[key] = { rowLabels: {}, colLabels: {}, cells };
        any = true;
      }
    }
    // wideKeys reads only the tables.
    if (any) this.wideCarriers.push({ tables } as Report);
  }

  get count(): number {
    return this.index.years.length;
  }

  /** A scratch file next to the spool (removed with it). */
  scratch(name: string): string {
    return join(this.dir, name);
  }

  /** Each report in input order, with its series findings after its own. */
  *reports(): Generator<Report> {
    if (!this.count) return;
    const previous = this.previousIndices();
    // Many reports of a folder may continue one earlier report (copies): the last few read are kept.
    const recent = new Map<number, Report>();
    const previousOf = (i: number): Report | null => {
      const j = previous[i];
      if (j < 0) return null;
      let r = recent.get(j);
      if (!r) {
        r = this.slim(j);
        if (recent.size >= 16) recent.delete(recent.keys().next().value!);
        recent.set(j, r);
      }
      return r;
    };
    for (let i = 0; i < this.count; i++) {
      const report = this.readLine(this.index.reportFiles[i], this.index.reportOffsets[i], this.index.reportLengths[i]) as Report;
      const before = previousOf(i);
      // The pair alone: previousReport finds the same year before in it (same agency, year − 1, the only candidate).
      if (before) report.findings.push(...checkSeries([report, before])[0]);
      yield report;
    }
  }

  close(): void {
    for (const fd of this.readers.values()) closeSync(fd);
    this.readers.clear();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** A text file written piece by piece. */
export class Sink {
  private readonly fd: number;
  constructor(path: string, flag = 'w') {
    this.fd = openSync(path, flag);
  }
  write(text: string): void {
    writeSync(this.fd, text);
  }
  close(): void {
    closeSync(this.fd);
  }
}
