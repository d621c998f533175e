import { useEffect, useMemo, useState } from 'preact/hooks';
import { agencyKey, sameAgency } from '@/lib/agency-identity.ts';
import { checkSeries } from '@/lib/checks/series.ts';
import { exportFindingsCsv, exportValuesCsv } from '@/lib/export/csv.ts';
import { exportJson } from '@/lib/export/json.ts';
import { exportWideCsv } from '@/lib/export/wide-csv.ts';
import { counted, libraryReport, reviewsOf, type LibraryEntry } from '@/lib/library/entry.ts';
import { importHtml, importJson, type Imported } from '@/lib/library/import.ts';
import { overYears } from '@/lib/library/over-years.ts';
import { allSeries } from '@/lib/library/series-view.ts';
import type { Report, Review } from '@/lib/schema.ts';
import { formatLabel } from '../labels.ts';
import { language, t } from '../i18n.ts';
import { OverYears } from './OverYears.tsx';

// 我的年报库: every report read, sortable and filterable; select and export (long CSV, wide CSV, findings
// CSV, JSON array); delete; import JSON exports and saved pages; each agency's key figures over the years.

export interface LibraryPort {
  all(): Promise<LibraryEntry[]>;
  put(report: Report, reviews: Record<string, Review>): Promise<void>;
  delete(keys: string[]): Promise<void>;
  clear(): Promise<void>;
  download(fileName: string, text: string, mime: string): void;
  parseHtml(html: string): Document;
  confirm(question: string): boolean;
}

type SortKey = 'agency' | 'year' | 'errors' | 'readAt';

interface Row {
  entry: LibraryEntry;
  report: Report;
  errors: number;
  warnings: number;
}

const CSV = 'text/csv;charset=utf-8';

function stamp(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

export function LibraryApp({ port }: { port: LibraryPort }) {
  const [entries, setEntries] = useState<LibraryEntry[] | null>(null);
  const [agency, setAgency] = useState('');
  const [year, setYear] = useState('');
  const [errorsOnly, setErrorsOnly] = useState(false);
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: 'readAt', desc: true });
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [notice, setNotice] = useState<{ text: string; error?: boolean } | null>(null);

  const reload = () =>
    port.all().then(setEntries, (err: unknown) => setNotice({ text: t('libCannotRead', String(err)), error: true }));
  useEffect(() => void reload(), [port]);

  const rows = useMemo<Row[]>(() => {
    if (!entries) return [];
    const series = allSeries(entries, checkSeries, sameAgency);
    return entries.map((entry) => {
      const report = libraryReport(entry, series.get(entry.key));
      const live = counted(report.findings);
      return {
        entry,
        report,
        errors: live.filter((f) => f.severity === 'error').length,
        warnings: live.filter((f) => f.severity === 'warning').length,
      };
    });
  }, [entries]);

  if (!entries) return <p class="nb-loading">{t('loading')}</p>;

  const agencies = [...new Set(rows.map((r) => r.report.agency ?? t('notRecognised')))].sort();
  const years = [...new Set(rows.map((r) => r.report.year).filter((y): y is number => y !== null))].sort();
  const shown = rows
    .filter((r) => (!agency || (r.report.agency ?? t('notRecognised')) === agency) && (!year || String(r.report.year) === year) && (!errorsOnly || r.errors > 0))
    .sort((a, b) => {
      const v = (r: Row) =>
        sort.key === 'agency' ? (r.report.agency ?? '') : sort.key === 'year' ? (r.report.year ?? 0) : sort.key === 'errors' ? r.errors : r.entry.readAt;
      const [x, y] = [v(a), v(b)];
      const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'zh-CN');
      return sort.desc ? -c : c;
    });
  const picked = shown.filter((r) => selected.has(r.entry.key));
  const toExport = (picked.length ? picked : shown).map((r) => r.report);

  const fail = (err: unknown) => setNotice({ text: t('failed', err instanceof Error ? err.message : String(err)), error: true });
  const exportAs = (kind: 'values' | 'wide' | 'findings' | 'json') => {
    try {
      if (!toExport.length) return setNotice({ text: t('libNothingToExport'), error: true });
      const base = `年报库-${toExport.length}份-${stamp()}`;
      if (kind === 'values') port.download(`${base}-数据.csv`, exportValuesCsv(toExport), CSV);
      else if (kind === 'wide') port.download(`${base}-宽表.csv`, exportWideCsv(toExport), CSV);
      else if (kind === 'findings') port.download(`${base}-问题清单.csv`, exportFindingsCsv(toExport), CSV);
      else port.download(`${base}.json`, exportJson(toExport), 'application/json');
      setNotice({ text: t('libExported', toExport.length) });
    } catch (err) {
      fail(err);
    }
  };
  const remove = async (keys: string[]) => {
    await port.delete(keys).catch(fail);
    setSelected(new Set());
    await reload();
  };
  const removeAll = async () => {
    if (!port.confirm(t('libConfirmClear', entries.length))) return;
    await port.clear().catch(fail);
    setSelected(new Set());
    await reload();
  };
  const importFiles = async (files: FileList | File[]) => {
    const all: Imported = { reports: [], problems: [] };
    for (const file of Array.from(files)) {
      const text = await file.text();
      const got = /\.html?$/i.test(file.name) ? importHtml(text, file.name, port.parseHtml) : importJson(text, file.name);
      all.reports.push(...got.reports);
      all.problems.push(...got.problems);
    }
    for (const r of all.reports) await port.put(r, reviewsOf(r.findings)).catch(fail);
    await reload();
    const done = all.reports.length ? t('libImported', all.reports.length) : '';
    setNotice({ text: [done, ...all.problems].filter(Boolean).join(t('listSeparator')), error: all.problems.length > 0 });
  };
  const header = (key: SortKey, label: string) => (
    <th>
      <button type="button" class="nb-sort" data-sort={key} onClick={() => setSort({ key, desc: sort.key === key ? !sort.desc : key !== 'agency' })}>
        {label}
        {sort.key === key ? (sort.desc ? ' ▼' : ' ▲') : ''}
      </button>
    </th>
  );
  const groups = new Map<string, Report[]>();
  for (const r of rows) {
    if (r.report.year === null) continue;
    const k = agencyKey(r.report) ?? r.report.agency ?? t('notRecognised');
    groups.set(k, [...(groups.get(k) ?? []), r.report]);
  }

  return (
    <main
      class="nb-library"
      onDragOver={(e) => e.preventDefault()}
      onDrop={(e) => {
        e.preventDefault();
        if (e.dataTransfer?.files.length) void importFiles(e.dataTransfer.files);
      }}
    >
      <h1>{t('libTitle')}</h1>
      <p class="nb-hint">{t('libIntro')}</p>
      <div class="nb-toolbar">
        <label>
          {t('agency')}
          <select data-testid="filter-agency" value={agency} onChange={(e) => setAgency(e.currentTarget.value)}>
            <option value="">{t('libAll')}</option>
            {agencies.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('year')}
          <select data-testid="filter-year" value={year} onChange={(e) => setYear(e.currentTarget.value)}>
            <option value="">{t('libAll')}</option>
            {years.map((y) => (
              <option key={y} value={String(y)}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input type="checkbox" data-testid="filter-errors" checked={errorsOnly} onChange={(e) => setErrorsOnly(e.currentTarget.checked)} />
          {t('libErrorsOnly')}
        </label>
        <label class="nb-import">
          {t('libImport')}
          <input type="file" accept=".json,.html,.htm" multiple data-testid="import" onChange={(e) => e.currentTarget.files && void importFiles(e.currentTarget.files)} />
        </label>
      </div>
      <table class="nb-library-table" data-testid="library-table">
        <thead>
          <tr>
            <th>
              <input
                type="checkbox"
                aria-label={t('libSelectAll')}
                checked={shown.length > 0 && picked.length === shown.length}
                onChange={(e) => setSelected(new Set(e.currentTarget.checked ? shown.map((r) => r.entry.key) : []))}
              />
            </th>
            {header('agency', t('agency'))}
            {header('year', t('year'))}
            <th>{t('format')}</th>
            {header('errors', t('libErrors'))}
            <th>{t('libWarnings')}</th>
            {header('readAt', t('libReadAt'))}
            <th>{t('libSource')}</th>
            <td />
          </tr>
        </thead>
        <tbody>
          {shown.map(({ entry, report, errors, warnings }) => (
            <tr key={entry.key} data-key={entry.key} data-testid="library-row">
              <td>
                <input
                  type="checkbox"
                  aria-label={t('libSelect')}
                  checked={selected.has(entry.key)}
                  onChange={(e) => {
                    const next = new Set(selected);
                    if (e.currentTarget.checked) next.add(entry.key);
                    else next.delete(entry.key);
                    setSelected(next);
                  }}
                />
              </td>
              <td data-col="agency">{report.agency ?? t('notRecognised')}</td>
              <td data-col="year">{report.year ?? '—'}</td>
              <td>{formatLabel(report.format)}</td>
              <td data-col="errors" class={errors ? 'nb-bad' : ''}>
                {errors}
              </td>
              <td data-col="warnings">{warnings}</td>
              <td>{new Date(entry.readAt).toLocaleString(language() === 'zh' ? 'zh-CN' : 'en')}</td>
              <td>
                {report.source.url ? (
                  <a href={report.source.url} target="_blank" rel="noopener noreferrer" title={report.source.title}>
                    {report.source.title || report.source.url}
                  </a>
                ) : (
                  (report.source.file ?? report.source.title)
                )}
              </td>
              <td>
                <button type="button" data-action="delete" onClick={() => void remove([entry.key])}>
                  {t('libDelete')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {!entries.length && <p class="nb-hint">{t('libEmpty')}</p>}
      <div class="nb-exports">
        <span>{picked.length ? t('libExportPicked', picked.length) : t('libExportShown', shown.length)}</span>
        <button type="button" data-action="values-csv" onClick={() => exportAs('values')}>
          {t('libLongCsv')}
        </button>
        <button type="button" data-action="wide-csv" title={t('libWideCsvHint')} onClick={() => exportAs('wide')}>
          {t('libWideCsv')}
        </button>
        <button type="button" data-action="findings-csv" onClick={() => exportAs('findings')}>
          {t('libFindingsCsv')}
        </button>
        <button type="button" data-action="json" onClick={() => exportAs('json')}>
          JSON
        </button>
        <button type="button" data-action="delete-selected" disabled={!picked.length} onClick={() => void remove(picked.map((r) => r.entry.key))}>
          {t('libDeleteSelected')}
        </button>
        <button type="button" data-action="delete-all" disabled={!entries.length} onClick={() => void removeAll()}>
          {t('libDeleteAll')}
        </button>
      </div>
      {notice && (
        <p class={`nb-notice ${notice.error ? 'nb-notice-error' : ''}`} role="status" data-testid="notice">
          {notice.text}
        </p>
      )}
      {groups.size > 0 && (
        <section>
          <h2>{t('libOverYears')}</h2>
          {[...groups].map(([k, reports]) => (
            <OverYears key={k} agency={reports[0].agency ?? k} rows={overYears(reports)} />
          ))}
        </section>
      )}
    </main>
  );
}
