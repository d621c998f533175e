import { useEffect, useRef, useState } from 'preact/hooks';
import type { AuditResult } from '@/lib/audit.ts';
import type { Finding, Report } from '@/lib/schema.ts';
import { Banner } from '@/components/Banner.tsx';
import { CellTooltip, type TipState } from '@/components/CellTooltip.tsx';
import { ExportButtons, type ExportAction } from '@/components/ExportButtons.tsx';
import { language, t } from '@/components/i18n.ts';
import type { Marks } from '@/entrypoints/content/mark-cells.ts';
import { ensureMarkStyles } from '@/entrypoints/content/page-style.ts';
import { revealElement } from '@/entrypoints/content/reveal.ts';
import { watchTooltips } from '@/entrypoints/content/tooltip.ts';
import { downloadBlob, downloadFile } from '@/entrypoints/popup/download.ts';
import { logError } from '@/entrypoints/content/log.ts';
import { encodeCsv, makeExport, makeTsv } from '@/entrypoints/popup/exports.ts';
import { readSettings, SETTINGS_KEY } from '@/lib/settings.ts';
import { attachmentFromSearch, hostNeedsAsking, originPattern } from '@/entrypoints/shared/attachment-address.ts';
import { downloadAttachment, tooBigText } from './download.ts';
import { readAttachment, type ReadAttachment } from './read.ts';
import { drawPdf, showDocx } from './show.ts';

// The attachment page: attachment.html?url=<a report's attachment>. Fetches it (only now: the reader
// clicked 核对附件), reads and audits it like a page, and shows it with the page's banner, marks, tooltips
// and exports.

/** A document read (Word or PDF), whether or not it held a report. */
type Shown = Exclude<ReadAttachment, { kind: 'problem' }>;
/** A document that held a report. */
type Audited = Shown & { result: AuditResult };

type State =
  | { step: 'permission'; host: string; denied?: boolean }
  | { step: 'loading' }
  /** `read`: the document, shown below the sentence, when it held no report. */
  | { step: 'problem'; text: string; read?: Shown }
  | { step: 'ready'; read: Audited };

export function Viewer({ search }: { search: string }) {
  const url = attachmentFromSearch(search);
  const [state, setState] = useState<State>(url ? { step: 'loading' } : { step: 'problem', text: t('attachNoUrl') });
  const [notice, setNotice] = useState<string | null>(null);

  /** `asked`: the host's permission is held; without it a refused request means we must ask. */
  const load = async (u: URL, asked: boolean) => {
    setState({ step: 'loading' });
    let res: Response;
    try {
      res = await fetch(u.href);
    } catch (e) {
      if (!asked) return setState({ step: 'permission', host: u.host });
      return setState({ step: 'problem', text: t('attachFetchFailed', e instanceof Error ? e.message : String(e)) });
    }
    try {
      if (!res.ok) return setState({ step: 'problem', text: t('attachFetchFailed', `HTTP ${res.status}`) });
      const got = await downloadAttachment(res);
      if (got.kind === 'too-big') return setState({ step: 'problem', text: tooBigText(got) });
      const read = await readAttachment(got.bytes, u);
      if (read.kind === 'problem') return setState({ step: 'problem', text: read.text });
      if (!read.result) return setState({ step: 'problem', text: t('attachNoReport'), read });
      setState({ step: 'ready', read: read as Audited });
    } catch (e) {
      logError('attachment', e);
      setState({ step: 'problem', text: t('attachReadFailed', e instanceof Error ? e.message : String(e)) });
    }
  };

  useEffect(() => {
    if (!url) return;
    document.title = `${url.pathname.split('/').pop() || url.host} · ${t('attachPageTitle')}`;
    document.documentElement.lang = language() === 'zh' ? 'zh-CN' : 'en';
    // Without the host's permission the fetch would be refused: ask first (the request needs a click here).
    void browser.permissions
      .contains({ origins: [originPattern(url)] })
      .then((granted) => (granted || !hostNeedsAsking(url) ? load(url, granted) : setState({ step: 'permission', host: url.host })));
  }, []);

  const allow = () => {
    // No await before the request: it needs the click's gesture.
    void browser.permissions.request({ origins: [originPattern(url!)] }).then((granted) => (granted ? load(url!, true) : setState({ step: 'permission', host: url!.host, denied: true })));
  };

  const report = state.step === 'ready' ? state.read.result.report : undefined;
  // The popup's exports, with its CSV encoding from the options page.
  const onAction = async (action: ExportAction) => {
    if (!report) return;
    try {
      if (action === 'copy-tsv') {
        await navigator.clipboard.writeText(makeTsv(report));
        setNotice(t('attachCopied'));
      } else if (action !== 'evidence') {
        const file = await makeExport(report, action);
        const flavour = action === 'json' || action === 'xlsx' ? 'utf8-bom' : readSettings((await browser.storage.local.get(SETTINGS_KEY))?.[SETTINGS_KEY]).csv;
        if (flavour === 'utf8-bom' || typeof file.content !== 'string') downloadFile(file.fileName, file.content, file.mime);
        else downloadBlob(file.fileName, encodeCsv({ ...file, text: file.content }, flavour).blob);
        setNotice(t('attachDownloaded', file.fileName));
      }
    } catch (err) {
      logError('attachment', err);
      setNotice(t('attachFailed', err instanceof Error ? err.message : String(err)));
    }
  };

  return (
    <main class="nb-attachment-page">
      <header class="nb-attachment-head">
        <p class="nb-attachment-source">
          {t('attachSource')}
          {url ? (
            <a href={url.href} target="_blank" rel="noreferrer" data-testid="attachment-url">
              {url.href}
            </a>
          ) : null}
        </p>
        {report && <h1 data-testid="attachment-title">{report.source.title || url?.pathname.split('/').pop()}</h1>}
      </header>
      {state.step === 'loading' && <p class="nb-loading" role="status">{t('attachLoading')}</p>}
      {state.step === 'permission' && (
        <p class="nb-permission" role="status" data-testid="attachment-permission">
          {state.denied ? t('attachDenied', state.host) : t('attachNeedPermission', state.host)}{' '}
          <button type="button" onClick={allow} data-testid="attachment-allow">
            {t('attachAllow')}
          </button>
        </p>
      )}
      {state.step === 'problem' && (
        <p class="nb-problem" role="alert" data-testid="attachment-problem">
          {state.text}
        </p>
      )}
      {state.step === 'ready' && <Checked read={state.read} onAction={onAction} />}
      {state.step === 'problem' && state.read && <DocumentView read={state.read} onMarks={() => undefined} />}
      {notice && (
        <p class="nb-notice" role="status">
          {notice}
        </p>
      )}
    </main>
  );
}

function Checked({ read, onAction }: { read: Audited; onAction: (a: ExportAction) => void }) {
  const report: Report = read.result.report;
  const [marks, setMarks] = useState<Marks | null>(null);
  const [tip, setTip] = useState<TipState | null>(null);
  const [bannerShown, setBannerShown] = useState(true);
  useEffect(() => {
    if (!marks) return;
    const stop = new AbortController();
    watchTooltips(document, marks, setTip, stop.signal);
    return () => stop.abort();
  }, [marks]);
  const select = (f: Finding) => {
    const el = marks?.main.get(f.id);
    if (el) revealElement(el);
  };
  return (
    <>
      {bannerShown && <Banner findings={report.findings} coverage={report.coverage} onSelect={select} onDismiss={() => setBannerShown(false)} />}
      <ExportButtons onAction={onAction} />
      <DocumentView read={read} onMarks={setMarks} />
      <CellTooltip tip={tip} />
    </>
  );
}

/** The document itself, drawn once into a container Preact leaves alone. */
function DocumentView({ read, onMarks }: { read: Shown; onMarks: (marks: Marks) => void }) {
  const ref = useRef<HTMLDivElement>(null);
  const [drawn, setDrawn] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    const container = ref.current;
    if (!container) return;
    ensureMarkStyles(document);
    const report = read.result?.report;
    if (read.kind === 'docx') {
      onMarks(showDocx(container, read.doc, read.result));
      setDrawn(true);
      return;
    }
    void drawPdf(container, read.bytes, report).then(
      (marks) => {
        onMarks(marks);
        setDrawn(true);
      },
      (e: unknown) => {
        logError('attachment', e);
        setFailed(t('attachDrawFailed', e instanceof Error ? e.message : String(e)));
      },
    );
  }, [read]);
  return (
    <>
      {failed && (
        <p class="nb-problem" role="alert">
          {failed}
        </p>
      )}
      <div ref={ref} class={`nb-document nb-document-${read.kind}`} data-testid="attachment-document" data-drawn={drawn ? '' : undefined} />
    </>
  );
}
