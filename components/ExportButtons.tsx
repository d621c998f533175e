import { t, type MessageKey } from './i18n.ts';

// The one-click exports. Kept dumb: the caller decides what each does.

export type ExportAction = 'json' | 'values-csv' | 'findings-csv' | 'xlsx' | 'copy-tsv' | 'evidence';

const BUTTONS: { action: ExportAction; label: MessageKey; hint: MessageKey }[] = [
  { action: 'json', label: 'exportJson', hint: 'exportJsonHint' },
  { action: 'values-csv', label: 'exportValuesCsv', hint: 'exportValuesCsvHint' },
  { action: 'xlsx', label: 'exportXlsx', hint: 'exportXlsxHint' },
  { action: 'findings-csv', label: 'exportFindingsCsv', hint: 'exportFindingsCsvHint' },
  { action: 'copy-tsv', label: 'exportCopyTsv', hint: 'exportCopyTsvHint' },
];

const EVIDENCE = { action: 'evidence' as const, label: 'exportEvidence', hint: 'exportEvidenceHint' } satisfies (typeof BUTTONS)[number];

/** `evidence`: also offer the evidence pack (the popup, where the browser can save the page). */
export function ExportButtons({ onAction, evidence = false }: { onAction: (action: ExportAction) => void; evidence?: boolean }) {
  return (
    <div class="nb-exports">
      {(evidence ? [...BUTTONS, EVIDENCE] : BUTTONS).map((b) => (
        <button key={b.action} type="button" data-action={b.action} title={t(b.hint)} onClick={() => onAction(b.action)}>
          {t(b.label)}
        </button>
      ))}
    </div>
  );
}
