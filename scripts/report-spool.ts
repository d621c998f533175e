/**
 * A folder of any size in flat memory. Every report of the folder must be known before any is final: a
 * later page may be its agency's year before, whose series.* findings (lib/checks/series.ts) go into this
 * report. So each report is written, as it is read, to a spool file (one compact JSON line, in input
 * order), and a slim copy to a second file: what checkSeries reads (agency, year, source, format, article
 * text, the carried-over/carried-forward rows of table 3, tables 2 and legacy) and a digest of all its
 * figures (two copies of one year are told apart by them). In memory stays only each report's agency key,
 * year and where its slim copy is. At the end, one agency at a time, the slim copies of the years that
 * follow each other are read back to choose each report's year before (previousReport); then the spool is
 * read back line by line, and each report gets checkSeries against its year before's slim copy and goes to
 * the outputs — the same output as holding them all.
 */
import { createHash } from 'node:crypto';
import { appendFileSync, mkdtempSync, openSync, readSync, closeSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { StringDecoder } from 'node:string_decoder';
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

/**
 * A report as the spool takes it, made on the thread that read the page (a worker): its spool line, its slim
 * copy's line, agency key and year, and the cells whose `table.row.col` key that thread had not met before
 * (`seen`, updated; null when none). A thread is sent its pages in input order, so the first report of the
 * folder to bring a key always brings it here: the spool keeps those no earlier report brought, the same
 * carriers as checking every cell on one thread.
 */
export interface SpoolEntry {
  line: string;
  slimLine: string;
  key: string | null;
  year: number | null;
  wide: Report['tables'] | null;
}

export function spoolEntry(report: Report, seen: Set<string>): SpoolEntry {
  const wide: Report['tables'] = {};
  let any = false;
  for (const [key, table] of Object.entries(report.tables) as [keyof Report['tables'], Table | undefined][]) {
    const cells = (table?.cells ?? []).filter((c) => {
      const k = `${key}.${c.row}.${c.col}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
    if (cells.length) {
      wide[key] = { rowLabels: {}, colLabels: {}, cells };
      any = true;
    }
  }
  return {
    line: `${JSON.stringify(report)}\n`,
    slimLine: `${JSON.stringify(slimReport(report))}\n`,
    key: agencyKey(report),
    year: report.year,
    wide: any ? wide : null,
  };
}

/** Where each report's slim copy is in its file, with what it is grouped and paired by: a few numbers a report. */
interface SlimIndex {
  /** agencyKey, one string for all reports of an agency. */
  keys: (string | null)[];
  years: (number | null)[];
  offsets: number[];
  lengths: number[];
}

export class ReportSpool {
  private readonly dir = mkdtempSync(join(tmpdir(), 'nianbao-spool-'));
  private readonly file = join(this.dir, 'reports.jsonl');
  private readonly slims = new JsonLines(join(this.dir, 'slim.jsonl'));
  private readonly index: SlimIndex = { keys: [], years: [], offsets: [], lengths: [] };
  private readonly keyNames = new Map<string, string>();
  private readonly wideSeen = new Set<string>();
  /** What add() has met, as a worker's own set (spoolEntry). */
  private readonly ownSeen = new Set<string>();
  /** For each report that brought `table.row.col` keys not met before, those cells: wideKeys of these is wideKeys of all. */
  readonly wideCarriers: Report[] = [];
  private pending = '';

  /** A whole report (tests, and callers that hold one): prepared here, as a worker would. */
  add(report: Report): void {
    this.addEntry(spoolEntry(report, this.ownSeen));
  }

  /** A report prepared where it was read (scripts/audit-pool.ts): only text to append and a few numbers. */
  addEntry(entry: SpoolEntry): void {
    const at = this.slims.addLine(entry.slimLine);
    this.index.keys.push(entry.key === null ? null : this.intern(entry.key));
    this.index.years.push(entry.year);
    this.index.offsets.push(at.offset);
    this.index.lengths.push(at.length);
    if (entry.wide) this.carryNewKeys(entry.wide);
    this.pending += entry.line;
    if (this.pending.length > 1 << 20) this.flush();
  }

  private intern(key: string): string {
    const known = this.keyNames.get(key);
    if (known !== undefined) return known;
    this.keyNames.set(key, key);
    return key;
  }

  /** Report i's slim copy, read back from its file. */
  private slim(i: number): Report {
    return this.slims.read(this.index.offsets[i], this.index.lengths[i]) as Report;
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

  private flush(): void {
    if (this.pending) appendFileSync(this.file, this.pending);
    this.pending = '';
  }

  /** Each report in input order, with its series findings after its own. */
  *reports(): Generator<Report> {
    this.flush();
    this.slims.flush();
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
    const fd = openSync(this.file, 'r');
    try {
      const buf = Buffer.alloc(1 << 20);
      // A chunk may end inside a character: the decoder keeps its first bytes for the next one.
      const decoder = new StringDecoder('utf8');
      let rest = '';
      let i = 0;
      for (let n = readSync(fd, buf); n > 0; n = readSync(fd, buf)) {
        const lines = (rest + decoder.write(buf.subarray(0, n))).split('\n');
        rest = lines.pop()!;
        for (const line of lines) {
          const report = JSON.parse(line) as Report;
          const before = previousOf(i++);
          // The pair alone: previousReport finds the same year before in it (same agency, year − 1, the only candidate).
          if (before) report.findings.push(...checkSeries([report, before])[0]);
          yield report;
        }
      }
    } finally {
      closeSync(fd);
    }
  }

  close(): void {
    this.slims.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** JSON values appended to a file, one a line, each read back by its place in the file. */
class JsonLines {
  private fd: number | null = null;
  private pending: string[] = [];
  private pendingBytes = 0;
  private size = 0;
  private readonly path: string;
  constructor(path: string) {
    this.path = path;
  }

  addLine(line: string): { offset: number; length: number } {
    const length = Buffer.byteLength(line);
    const offset = this.size;
    this.size += length;
    this.pending.push(line);
    this.pendingBytes += length;
    if (this.pendingBytes > 1 << 20) this.flush();
    return { offset, length };
  }

  flush(): void {
    if (!this.pending.length) return;
    this.fd ??= openSync(this.path, 'w+');
    writeSync(this.fd, this.pending.join(''));
    this.pending = [];
    this.pendingBytes = 0;
  }

  read(offset: number, length: number): unknown {
    this.flush();
    const buf = Buffer.alloc(length);
    for (let got = 0; got < length; ) got += readSync(this.fd!, buf, got, length - got, offset + got);
    return JSON.parse(buf.toString('utf8'));
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
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
