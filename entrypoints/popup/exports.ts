import type { Report } from '@/lib/schema.ts';
import { exportJson } from '@/lib/export/json.ts';
import { exportFindingsCsv, exportTsv, exportValuesCsv } from '@/lib/export/csv.ts';
import { exportFileName, type ExportKind } from '@/lib/export/file-names.ts';

// The three downloads and the clipboard table. The exporters validate through the zod schema (that's
// why they run here in the popup and not in the content script) and throw on an invalid report.

const RUN: Record<ExportKind, { make: (r: Report) => string; mime: string }> = {
  json: { make: exportJson, mime: 'application/json' },
  'values-csv': { make: exportValuesCsv, mime: 'text/csv;charset=utf-8' },
  'findings-csv': { make: exportFindingsCsv, mime: 'text/csv;charset=utf-8' },
};

export interface ExportFile { fileName: string; text: string; mime: string }

export function makeExport(report: Report, kind: ExportKind): ExportFile {
  const { make, mime } = RUN[kind];
  return { fileName: exportFileName(report, kind), text: make(report), mime };
}

export function makeTsv(report: Report): string {
  return exportTsv(report);
}
