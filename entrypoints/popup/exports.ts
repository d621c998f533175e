import type { Report } from '@/lib/schema.ts';
import type { CsvFlavour } from '@/lib/settings.ts';
import { encodeGb18030 } from '@/lib/export/gb18030.ts';
import { exportJson } from '@/lib/export/json.ts';
import { exportFindingsCsv, exportTsv, exportValuesCsv } from '@/lib/export/csv.ts';
import { exportXlsx, XLSX_MIME } from '@/lib/export/xlsx.ts';
import { exportFileName, type ExportKind } from '@/lib/export/file-names.ts';

// The four downloads and the clipboard table. The exporters validate through the zod schema (that's
// why they run here in the popup and not in the content script) and throw on an invalid report; the
// workbook's writer stays here too, out of the content script and the auditor.

const RUN: Record<ExportKind, { make: (r: Report) => string | Promise<Uint8Array>; mime: string }> = {
  json: { make: exportJson, mime: 'application/json' },
  'values-csv': { make: exportValuesCsv, mime: 'text/csv;charset=utf-8' },
  'findings-csv': { make: exportFindingsCsv, mime: 'text/csv;charset=utf-8' },
  xlsx: { make: exportXlsx, mime: XLSX_MIME },
};

export interface ExportFile { fileName: string; content: string | Uint8Array; mime: string }

export async function makeExport(report: Report, kind: ExportKind): Promise<ExportFile> {
  const { make, mime } = RUN[kind];
  return { fileName: exportFileName(report, kind), content: await make(report), mime };
}

/**
 * A CSV in the encoding chosen in the options page: UTF-8 with its BOM as made, or GB18030 (no BOM: old
 * Excel reads the system code page). A character GB18030 cannot write keeps the file in UTF-8 rather than
 * lose it (`fellBack`).
 */
export function encodeCsv(file: { text: string; mime: string }, flavour: CsvFlavour): { blob: Blob; fellBack: boolean } {
  if (flavour !== 'gb18030') return { blob: new Blob([file.text], { type: file.mime }), fellBack: false };
  try {
    const bytes = encodeGb18030(file.text.replace(/^\ufeff/, ''));
    return { blob: new Blob([bytes as BlobPart], { type: 'text/csv;charset=gb18030' }), fellBack: false };
  } catch {
    return { blob: new Blob([file.text], { type: file.mime }), fellBack: true };
  }
}

export function makeTsv(report: Report): string {
  return exportTsv(report);
}
