import { useEffect, useState } from 'preact/hooks';
import type { Finding } from '@/lib/schema.ts';
import { ExportButtons, type ExportAction } from '@/components/ExportButtons.tsx';
import { FindingList } from '@/components/FindingList.tsx';
import { NoReport } from '@/components/NoReport.tsx';
import { AttachmentList } from '@/components/AttachmentList.tsx';
import { ReportHeader } from '@/components/ReportHeader.tsx';
import { verdictOf } from '@/lib/checks/verdict.ts';
import { counted } from '@/lib/library/entry.ts';
import type { OnReview } from '@/components/ReviewControls.tsx';
import { t } from '@/components/i18n.ts';
import { LOG_PREFIX } from '@/entrypoints/content/log.ts';
import { downloadBlob, downloadFile } from './download.ts';
import { encodeCsv, makeExport, makeTsv } from './exports.ts';
import type { PopupPort, PopupState } from './port.ts';

// The popup: the active tab's report, its findings (click → the page shows the cell) and the exports.

export function App({ port }: { port: PopupPort }) {
  const [state, setState] = useState<PopupState | null>(null);
  const [notice, setNotice] = useState<{ text: string; error?: boolean } | null>(null);

  const load = () =>
    port.load().then(setState, (err: unknown) => {
      console.error(LOG_PREFIX, err);
      setState({ kind: 'none', why: { headline: t('popupCannotRead'), detail: String(err) } });
    });
  useEffect(() => void load(), [port]);

  const libraryLink = (
    <p class="nb-library-link">
      <a href="/library.html" target="_blank" rel="noopener" data-testid="library-link">
        {t('libraryLink')}
      </a>
    </p>
  );
  const helpUrl = port.helpUrl?.();
  const helpLink = helpUrl && (
    <p class="nb-help-link">
      <a href={helpUrl} target="_blank" rel="noopener" data-testid="help-link">
        {t('popupHelpLink')}
      </a>
    </p>
  );
  if (!state) return <p class="nb-loading">{t('loading')}</p>;
  if (state.kind === 'none')
    return (
      // The page's one main landmark (the report view's is <main>), without <main>'s padding.
      <div role="main">
        <NoReport why={state.why.checkable ? { ...state.why, links: undefined } : state.why} />
        {state.why.checkable && state.why.links && (
          <AttachmentList links={state.why.links} onCheck={port.checkAttachment && ((l) => port.checkAttachment!(l.href))} />
        )}
        {libraryLink}
        {helpLink}
      </div>
    );

  const { report, tabId, libraryKey, later = [] } = state;
  // Findings the reader set aside (已忽略) are listed apart and not counted.
  const live = counted(report.findings);
  const dismissed = report.findings.filter((f) => !live.includes(f));
  const { errors, gaps, notes, prose, form } = verdictOf(live, report.coverage);
  const fail = (err: unknown) => {
    console.error(LOG_PREFIX, err);
    setNotice({ text: t('failed', err instanceof Error ? err.message : String(err)), error: true });
  };
  // No await before port.evidence: it asks for a permission, which needs the click's gesture.
  const saveEvidencePack = () => {
    if (!port.evidence) return;
    setNotice({ text: t('popupEvidenceWorking') });
    return port.evidence(tabId, report).then((pack) => {
      downloadBlob(pack.fileName, new Blob([pack.zip as BlobPart], { type: 'application/zip' }));
      setNotice({ text: pack.notes.length ? t('downloadedWithNotes', pack.fileName, pack.notes.join(' ')) : t('downloaded', pack.fileName) });
    }, fail);
  };
  const reveal = (f: Finding) => port.reveal(tabId, f.id).catch(fail);
  const review: OnReview | undefined =
    libraryKey && port.review
      ? (f, status, note) =>
          port
            .review!(tabId, libraryKey, f.id, status ? { status, ...(note ? { note } : {}), at: new Date().toISOString() } : null)
            .then(load, fail)
      : undefined;
  const onAction = async (action: ExportAction) => {
    if (action === 'evidence') return saveEvidencePack();
    try {
      if (action === 'copy-tsv') {
        await port.copyText(makeTsv(report));
        setNotice({ text: t('copied') });
      } else {
        const file = await makeExport(report, action);
        const flavour = action === 'json' || action === 'xlsx' ? 'utf8-bom' : ((await port.csvFlavour?.()) ?? 'utf8-bom');
        if (flavour === 'utf8-bom' || typeof file.content !== 'string') downloadFile(file.fileName, file.content, file.mime);
        else {
          const { blob, fellBack } = encodeCsv({ ...file, text: file.content }, flavour);
          downloadBlob(file.fileName, blob);
          if (fellBack) return setNotice({ text: t('downloadedUtf8Fallback', file.fileName) });
        }
        setNotice({ text: t('downloaded', file.fileName) });
      }
    } catch (err) {
      fail(err);
    }
  };

  return (
    <main class="nb-popup">
      <ReportHeader report={{ ...report, findings: live }} />
      {errors.length > 0 && (
        <section class="nb-section">
          <h2>{t('popupErrors', errors.length)}</h2>
          <p class="nb-hint">{t('popupClickHint')}</p>
          <FindingList findings={errors} onSelect={reveal} onReview={review} />
        </section>
      )}
      {gaps.length > 0 && (
        <section class="nb-section" data-testid="gaps">
          <h2>{t('groupGaps', gaps.length)}</h2>
          <FindingList findings={gaps} onSelect={reveal} onReview={review} />
        </section>
      )}
      {prose.length > 0 && (
        <section class="nb-section" data-testid="prose">
          <h2>{t('groupProse', prose.length)}</h2>
          <FindingList findings={prose} onSelect={reveal} />
        </section>
      )}
      {form.length > 0 && (
        <section class="nb-section" data-testid="form">
          <h2>{t('groupForm', form.length)}</h2>
          <FindingList findings={form} onSelect={reveal} />
        </section>
      )}
      {notes.length > 0 && (
        <details class="nb-section">
          <summary>{t('popupNotes', notes.length)}</summary>
          <FindingList findings={notes} onSelect={reveal} onReview={review} />
        </details>
      )}
      {later.length > 0 && (
        <section class="nb-section" data-testid="later">
          <h2 class="nb-later-title">{t('groupLater', later.length)}</h2>
          <FindingList findings={later} onSelect={reveal} />
        </section>
      )}
      {dismissed.length > 0 && (
        <details class="nb-section" data-testid="dismissed">
          <summary>{t('popupDismissed', dismissed.length)}</summary>
          <FindingList findings={dismissed} onSelect={reveal} onReview={review} />
        </details>
      )}
      <ExportButtons onAction={onAction} evidence={!!port.evidence} />
      {libraryLink}
      {helpLink}
      {notice && (
        <p class={`nb-notice ${notice.error ? 'nb-notice-error' : ''}`} role="status">
          {notice.text}
        </p>
      )}
    </main>
  );
}
