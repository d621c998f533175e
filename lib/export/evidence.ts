import { zipSync } from 'fflate';
import type { Report } from '../schema.ts';

/**
 * The evidence pack: what the reader saw, in one zip, each file with its SHA-256 in manifest.json so a later
 * reader can tell the files are the ones saved. Built in the popup (fflate stays out of the content script
 * and the auditor). Nothing is uploaded.
 */

export interface EvidenceFile {
  name: string;
  bytes: Uint8Array;
  /** What the file is, in plain Chinese, for the manifest. */
  what: string;
}

export interface EvidenceManifest {
  tool: string;
  url: string | null;
  archivedAt?: string;
  title: string;
  agency: string | null;
  year: number | null;
  savedAt: string;
  files: { name: string; what: string; bytes: number; sha256: string }[];
  notes: string[];
}

const hex = (buf: ArrayBuffer) => Array.from(new Uint8Array(buf), (b) => b.toString(16).padStart(2, '0')).join('');

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  return hex(await crypto.subtle.digest('SHA-256', bytes as BufferSource));
}

/** `<agency>-<year>-证据-<YYYY-MM-DD>.zip` (the reader's local date). */
export function evidenceFileName(report: Pick<Report, 'agency' | 'year'>, when: Date): string {
  const agency = (report.agency ?? '未知机关').replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 60);
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = `${when.getFullYear()}-${pad(when.getMonth() + 1)}-${pad(when.getDate())}`;
  return `${agency}-${report.year ?? '未知年度'}-证据-${date}.zip`;
}

export async function evidenceManifest(report: Report, files: EvidenceFile[], savedAt: Date, tool: string, notes: string[] = []): Promise<EvidenceManifest> {
  return {
    tool,
    url: report.source.url ?? null,
    ...(report.source.archivedAt ? { archivedAt: report.source.archivedAt } : {}),
    title: report.source.title,
    agency: report.agency,
    year: report.year,
    savedAt: savedAt.toISOString(),
    files: await Promise.all(files.map(async (f) => ({ name: f.name, what: f.what, bytes: f.bytes.length, sha256: await sha256Hex(f.bytes) }))),
    notes,
  };
}

/** The zip: every file, plus manifest.json. PNGs and MHTML are stored as they are (already compressed / best kept byte-exact). */
export function evidenceZip(files: EvidenceFile[], manifest: EvidenceManifest): Uint8Array {
  const entries: Record<string, Uint8Array> = {};
  for (const f of files) {
    if (entries[f.name]) throw new Error(`duplicate file in evidence pack: ${f.name}`);
    entries[f.name] = f.bytes;
  }
  entries['manifest.json'] = new TextEncoder().encode(JSON.stringify(manifest, null, 2));
  return zipSync(entries, { level: 6, mtime: new Date(manifest.savedAt) });
}
