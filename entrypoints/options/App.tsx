import { useEffect, useState } from 'preact/hooks';
import { ARCHIVE_ORIGINS, extraOrigins, FILE_ORIGINS, mirrorPattern, patternHost } from '@/lib/extra-hosts.ts';
import type { CsvFlavour, LanguageSetting, Settings } from '@/lib/settings.ts';
import type { OptionsPort } from './port.ts';
import { chooseLanguage, setLanguage, t } from '@/components/i18n.ts';
import { LOG_PREFIX } from '@/entrypoints/content/log.ts';
import { browserLanguage } from '@/entrypoints/shared/language.ts';

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
    console.error(LOG_PREFIX, err);
    setNotice({ text: t('failed', err instanceof Error ? err.message : String(err)), error: true });
  }

  // Called straight from the click/change handler: permissions.request needs the user's gesture.
  const toggle = (wanted: string[], on: boolean) =>
    (on ? port.request(wanted) : port.remove(wanted))
      .then((ok) => setNotice(ok ? { text: t('optSaved') } : { text: t('optDenied'), error: true }))
      .then(refresh)
      .catch(fail);

  const addMirror = (e: Event) => {
    e.preventDefault();
    const pattern = mirrorPattern(mirror);
    if (!pattern) return setNotice({ text: t('optMirrorInvalid'), error: true });
    toggle([pattern], true).then(() => setMirror(''));
  };

  const save = (next: Settings) => {
    // The page itself follows the language at once; pages opened afterwards read the saved setting.
    setLanguage(chooseLanguage(next.language, browserLanguage()));
    setSettings(next);
    port.saveSettings(next).then(() => setNotice({ text: t('optSaved') }), fail);
  };

  const has = (wanted: string[]) => !!origins && wanted.every((o) => origins.includes(o));
  const mirrors = (origins ?? []).filter((o) => !ARCHIVE_ORIGINS.includes(o) && !FILE_ORIGINS.includes(o));

  return (
    <main class="nb-options">
      <h1>{t('optTitle')}</h1>
      <p>
        <a href={port.helpUrl()} target="_blank" rel="noopener" data-testid="help-link">
          {t('optHelpLink')}
        </a>
      </p>

      <section>
        <h2>{t('optPlacesTitle')}</h2>
        <p class="nb-hint">{t('optPlacesIntro')}</p>
        <label class="nb-check">
          <input type="checkbox" data-testid="archive" disabled={!origins} checked={has(ARCHIVE_ORIGINS)} onChange={(e) => toggle(ARCHIVE_ORIGINS, e.currentTarget.checked)} />
          {t('optArchive')}
        </label>
        <p class="nb-hint">{t('optArchiveHint')}</p>

        <form class="nb-mirror" onSubmit={addMirror}>
          <label>
            {t('optMirror')}
            <input type="text" data-testid="mirror-host" value={mirror} placeholder="mirror.example.org" onInput={(e) => setMirror(e.currentTarget.value)} />
          </label>
          <button type="submit">{t('optMirrorAdd')}</button>
        </form>
        <p class="nb-hint">{t('optMirrorHint')}</p>
        {mirrors.length > 0 && (
          <ul class="nb-mirrors" data-testid="mirrors">
            {mirrors.map((o) => (
              <li key={o}>
                {patternHost(o)}{' '}
                <button type="button" onClick={() => toggle([o], false)}>
                  {t('optMirrorRemove')}
                </button>
              </li>
            ))}
          </ul>
        )}

        <label class="nb-check">
          <input type="checkbox" data-testid="files" disabled={!origins} checked={has(FILE_ORIGINS)} onChange={(e) => toggle(FILE_ORIGINS, e.currentTarget.checked)} />
          {t('optFiles')}
        </label>
        <p class="nb-hint">{t('optFilesHint')}</p>
        {has(FILE_ORIGINS) && !fileAccess && <p class="nb-warn">{t('optFilesBlocked')}</p>}
      </section>

      {settings && (
        <section>
          <h2>{t('optDisplayTitle')}</h2>
          <label class="nb-check">
            <input type="checkbox" data-testid="marks" checked={settings.marks} onChange={(e) => save({ ...settings, marks: e.currentTarget.checked })} />
            {t('optMarks')}
          </label>
          <label class="nb-check">
            <input type="checkbox" data-testid="banner" checked={settings.banner} onChange={(e) => save({ ...settings, banner: e.currentTarget.checked })} />
            {t('optBanner')}
          </label>
          <label class="nb-check">
            <input type="checkbox" data-testid="pill" checked={settings.pill} disabled={!settings.banner} onChange={(e) => save({ ...settings, pill: e.currentTarget.checked })} />
            {t('optPill')}
            {!settings.banner && t('optPillNeedsBanner')}
          </label>
          <p class="nb-hint">{t('optDisplayHint')}</p>

          <h2>{t('optLanguageTitle')}</h2>
          {(
            [
              ['auto', t('optLanguageAuto')],
              ['zh', t('optLanguageZh')],
              ['en', t('optLanguageEn')],
            ] as [LanguageSetting, string][]
          ).map(([value, label]) => (
            <label class="nb-check" key={value}>
              <input type="radio" name="language" value={value} data-testid={`language-${value}`} checked={settings.language === value} onChange={() => save({ ...settings, language: value })} />
              {label}
            </label>
          ))}

          <h2>{t('optCsvTitle')}</h2>
          {(
            [
              ['utf8-bom', t('optCsvUtf8')],
              ['gb18030', t('optCsvGb18030')],
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
