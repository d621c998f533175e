import { useEffect, useState } from 'preact/hooks';
import type { Finding } from '@/lib/schema.ts';
import { ExportButtons, type ExportAction } from '@/components/ExportButtons.tsx';
import { FindingList } from '@/components/FindingList.tsx';
import { NoReport } from '@/components/NoReport.tsx';
import { ReportHeader } from '@/components/ReportHeader.tsx';
import { verdictOf } from '@/lib/checks/verdict.ts';
import { downloadBlob, downloadText } from './download.ts';
import { encodeCsv, makeExport, makeTsv } from './exports.ts';
import type { PopupPort, PopupState } from './port.ts';

// The popup: the active tab's report, its findings (click → the page shows the cell) and the exports.

const EVIDENCE_WORKING = '正在保存证据包：页面会依次滚动到每张有问题的表格并截图…';
const HELP_LINK = '说明：每项核对的含义、数字怎样读取、隐私';

export function App({ port }: { port: PopupPort }) {
  const [state, setState] = useState<PopupState | null>(null);
  const [notice, setNotice] = useState<{ text: string; error?: boolean } | null>(null);

  useEffect(() => {
    port.load().then(setState, (err: unknown) => {
      console.error('[年报核对]', err);
      setState({ kind: 'none', why: { headline: '无法读取此页面', detail: String(err) } });
    });
  }, [port]);

  const helpUrl = port.helpUrl?.();
  const helpLink = helpUrl && (
    <p class="nb-help-link">
      <a href={helpUrl} target="_blank" rel="noopener" data-testid="help-link">
        {HELP_LINK}
      </a>
    </p>
  );
  if (!state) return <p class="nb-loading">正在读取…</p>;
  if (state.kind === 'none')
    return (
      <>
        <NoReport why={state.why} />
        {helpLink}
      </>
    );

  const { report, tabId } = state;
  const { errors, gaps, notes } = verdictOf(report.findings, report.coverage);
  const fail = (err: unknown) => {
    console.error('[年报核对]', err);
    setNotice({ text: `操作失败：${err instanceof Error ? err.message : String(err)}`, error: true });
  };
  // No await before port.evidence: it asks for a permission, which needs the click's gesture.
  const saveEvidencePack = () => {
    if (!port.evidence) return;
    setNotice({ text: EVIDENCE_WORKING });
    return port.evidence(tabId, report).then((pack) => {
      downloadBlob(pack.fileName, new Blob([pack.zip as BlobPart], { type: 'application/zip' }));
      setNotice({ text: `已下载 ${pack.fileName}${pack.notes.length ? `（${pack.notes.join(' ')}）` : ''}` });
    }, fail);
  };
  const reveal = (f: Finding) => port.reveal(tabId, f.id).catch(fail);
  const onAction = async (action: ExportAction) => {
    if (action === 'evidence') return saveEvidencePack();
    try {
      if (action === 'copy-tsv') {
        await port.copyText(makeTsv(report));
        setNotice({ text: '表格已复制，可粘贴到 Excel / WPS。' });
      } else {
        const file = makeExport(report, action);
        const flavour = action === 'json' ? 'utf8-bom' : ((await port.csvFlavour?.()) ?? 'utf8-bom');
        if (flavour === 'utf8-bom') downloadText(file.fileName, file.text, file.mime);
        else {
          const { blob, fellBack } = encodeCsv(file, flavour);
          downloadBlob(file.fileName, blob);
          if (fellBack) return setNotice({ text: `已下载 ${file.fileName}（含 GB18030 无法表示的字符，已改用 UTF-8）` });
        }
        setNotice({ text: `已下载 ${file.fileName}` });
      }
    } catch (err) {
      fail(err);
    }
  };

  return (
    <main class="nb-popup">
      <ReportHeader report={report} />
      {errors.length > 0 && (
        <section class="nb-section">
          <h2>数据不一致（{errors.length}）</h2>
          <p class="nb-hint">点击条目，网页会滚动到对应单元格并闪烁标出。</p>
          <FindingList findings={errors} onSelect={reveal} />
        </section>
      )}
      {gaps.length > 0 && (
        <section class="nb-section" data-testid="gaps">
          <h2>未能核对（{gaps.length}）</h2>
          <FindingList findings={gaps} onSelect={reveal} />
        </section>
      )}
      {notes.length > 0 && (
        <details class="nb-section">
          <summary>提示（{notes.length}）</summary>
          <FindingList findings={notes} onSelect={reveal} />
        </details>
      )}
      <ExportButtons onAction={onAction} evidence={!!port.evidence} />
      {helpLink}
      {notice && (
        <p class={`nb-notice ${notice.error ? 'nb-notice-error' : ''}`} role="status">
          {notice.text}
        </p>
      )}
    </main>
  );
}
