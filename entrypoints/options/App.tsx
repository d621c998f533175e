import { useEffect, useState } from 'preact/hooks';
import { ARCHIVE_ORIGINS, extraOrigins, FILE_ORIGINS, mirrorPattern, patternHost } from '@/lib/extra-hosts.ts';
import type { CsvFlavour, Settings } from '@/lib/settings.ts';
import type { OptionsPort } from './port.ts';
import { TEXT } from './text.ts';

// The options page: other places to read reports (each an optional host permission asked for in the click
// that turns it on), what the page shows, and the CSV encoding.

export function OptionsApp({ port }: { port: OptionsPort }) {
  const [origins, setOrigins] = useState<string[] | null>(null);
  const [fileAccess, setFileAccess] = useState(true);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [mirror, setMirror] = useState('');
  const [notice, setNotice] = useState<{ text: string; error?: boolean } | null>(null);

  const refresh = () =>
    Promise.all([port.granted(), port.fileAccessAllowed()]).then(([granted, files]) => {
      setOrigins(extraOrigins(granted));
      setFileAccess(files);
    });
  useEffect(() => {
    refresh().catch(fail);
    port.loadSettings().then(setSettings, fail);
    return port.onPermissionsChanged(() => void refresh().catch(fail));
  }, [port]);

  function fail(err: unknown) {
    console.error('[年报核对]', err);
    setNotice({ text: `${TEXT.failed}${err instanceof Error ? err.message : String(err)}`, error: true });
  }

  // Called straight from the click/change handler: permissions.request needs the user's gesture.
  const toggle = (wanted: string[], on: boolean) =>
    (on ? port.request(wanted) : port.remove(wanted))
      .then((ok) => setNotice(ok ? { text: TEXT.saved } : { text: TEXT.denied, error: true }))
      .then(refresh)
      .catch(fail);

  const addMirror = (e: Event) => {
    e.preventDefault();
    const pattern = mirrorPattern(mirror);
    if (!pattern) return setNotice({ text: TEXT.mirrorInvalid, error: true });
    toggle([pattern], true).then(() => setMirror(''));
  };

  const save = (next: Settings) => {
    setSettings(next);
    port.saveSettings(next).then(() => setNotice({ text: TEXT.saved }), fail);
  };

  const has = (wanted: string[]) => !!origins && wanted.every((o) => origins.includes(o));
  const mirrors = (origins ?? []).filter((o) => !ARCHIVE_ORIGINS.includes(o) && !FILE_ORIGINS.includes(o));

  return (
    <main class="nb-options">
      <h1>{TEXT.title}</h1>
      <p>
        <a href={port.helpUrl()} target="_blank" rel="noopener" data-testid="help-link">
          {TEXT.helpLink}
        </a>
      </p>

      <section>
        <h2>{TEXT.placesTitle}</h2>
        <p class="nb-hint">{TEXT.placesIntro}</p>
        <label class="nb-check">
          <input type="checkbox" data-testid="archive" disabled={!origins} checked={has(ARCHIVE_ORIGINS)} onChange={(e) => toggle(ARCHIVE_ORIGINS, e.currentTarget.checked)} />
          {TEXT.archive}
        </label>
        <p class="nb-hint">{TEXT.archiveHint}</p>

        <form class="nb-mirror" onSubmit={addMirror}>
          <label>
            {TEXT.mirror}
            <input type="text" data-testid="mirror-host" value={mirror} placeholder={TEXT.mirrorPlaceholder} onInput={(e) => setMirror(e.currentTarget.value)} />
          </label>
          <button type="submit">{TEXT.mirrorAdd}</button>
        </form>
        <p class="nb-hint">{TEXT.mirrorHint}</p>
        {mirrors.length > 0 && (
          <ul class="nb-mirrors" data-testid="mirrors">
            {mirrors.map((o) => (
              <li key={o}>
                {patternHost(o)}{' '}
                <button type="button" onClick={() => toggle([o], false)}>
                  {TEXT.mirrorRemove}
                </button>
              </li>
            ))}
          </ul>
        )}

        <label class="nb-check">
          <input type="checkbox" data-testid="files" disabled={!origins} checked={has(FILE_ORIGINS)} onChange={(e) => toggle(FILE_ORIGINS, e.currentTarget.checked)} />
          {TEXT.files}
        </label>
        <p class="nb-hint">{TEXT.filesHint}</p>
        {has(FILE_ORIGINS) && !fileAccess && <p class="nb-warn">{TEXT.filesBlocked}</p>}
      </section>

      {settings && (
        <section>
          <h2>{TEXT.displayTitle}</h2>
          <label class="nb-check">
            <input type="checkbox" data-testid="marks" checked={settings.marks} onChange={(e) => save({ ...settings, marks: e.currentTarget.checked })} />
            {TEXT.marks}
          </label>
          <label class="nb-check">
            <input type="checkbox" data-testid="banner" checked={settings.banner} onChange={(e) => save({ ...settings, banner: e.currentTarget.checked })} />
            {TEXT.banner}
          </label>
          <label class="nb-check">
            <input type="checkbox" data-testid="pill" checked={settings.pill} disabled={!settings.banner} onChange={(e) => save({ ...settings, pill: e.currentTarget.checked })} />
            {TEXT.pill}
            {!settings.banner && TEXT.pillNeedsBanner}
          </label>
          <p class="nb-hint">{TEXT.displayHint}</p>

          <h2>{TEXT.csvTitle}</h2>
          {(
            [
              ['utf8-bom', TEXT.csvUtf8],
              ['gb18030', TEXT.csvGb18030],
            ] as [CsvFlavour, string][]
          ).map(([value, label]) => (
            <label class="nb-check" key={value}>
              <input type="radio" name="csv" value={value} data-testid={`csv-${value}`} checked={settings.csv === value} onChange={() => save({ ...settings, csv: value })} />
              {label}
            </label>
          ))}
        </section>
      )}

      {notice && (
        <p class={`nb-notice ${notice.error ? 'nb-notice-error' : ''}`} role="status">
          {notice.text}
        </p>
      )}
    </main>
  );
}
