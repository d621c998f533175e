/**
 * A folder of any size in flat memory. Every report of the folder must be known before any is final: a
 * later page may be its agency's year before, whose series.* findings (lib/checks/series.ts) go into this
 * report. So each report is written, as it is read, to a spool file (one compact JSON line, in input
 * order), and only a slim copy stays in memory: what checkSeries reads (agency, year, source, format, the
 * carried-over/carried-forward rows of table 3, tables 2 and legacy) and a digest of all its figures (two
 * copies of one year are told apart by them). At the end the spool is read back line by line, each
 * report gets its series findings and goes to the outputs — the same output as holding them all.
 */
import { createHash } from 'node:crypto';
import { appendFileSync, mkdtempSync, openSync, readSync, closeSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { StringDecoder } from 'node:string_decoder';
import { join } from 'node:path';
import { checkSeries } from '../lib/checks/series.ts';
import { agencyKey } from '../lib/agency-identity.ts';
import type { Finding, Report, Table } from '../lib/schema.ts';

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

/**
 * checkSeries over the reports, one agency at a time: it pairs only reports whose agencyKey is equal (and not
 * null; see sameAgency), so the answer is the same as over the whole list — but it compares every report
 * with every other, which over one folder of 20,000 pages is 400 million comparisons.
 */
export function seriesByAgency(reports: Report[]): Finding[][] {
  const out: Finding[][] = reports.map(() => []);
  const groups = new Map<string, number[]>();
  reports.forEach((r, i) => {
    const key = agencyKey(r);
    if (key === null) return;
    const group = groups.get(key);
    if (group) group.push(i);
    else groups.set(key, [i]);
  });
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    checkSeries(members.map((i) => reports[i])).forEach((found, k) => (out[members[k]] = found));
  }
  return out;
}

export class ReportSpool {
  private readonly dir = mkdtempSync(join(tmpdir(), 'nianbao-spool-'));
  private readonly file = join(this.dir, 'reports.jsonl');
  private readonly slims: Report[] = [];
  private readonly wideSeen = new Set<string>();
  /** For each report that brought `table.row.col` keys not met before, those cells: wideKeys of these is wideKeys of all. */
  readonly wideCarriers: Report[] = [];
  private pending = '';

  add(report: Report): void {
    this.slims.push(slimReport(report));
    this.carryNewKeys(report);
    this.pending += `${JSON.stringify(report)}\n`;
    if (this.pending.length > 1 << 20) this.flush();
  }

  private carryNewKeys(report: Report): void {
    const tables: Report['tables'] = {};
    let any = false;
    for (const [key, table] of Object.entries(report.tables) as [keyof Report['tables'], Table | undefined][]) {
      const cells = (table?.cells ?? []).filter((c) => {
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
    if (any) this.wideCarriers.push({ ...report, findings: [], evidence: {}, tables });
  }

  get count(): number {
    return this.slims.length;
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
    if (!this.slims.length) return;
    const series = seriesByAgency(this.slims);
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
          report.findings.push(...series[i++]);
          yield report;
        }
      }
    } finally {
      closeSync(fd);
    }
  }

  close(): void {
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
