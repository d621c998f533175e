import { useState } from 'preact/hooks';
import { language, setLanguage, t, type Lang } from '@/components/i18n.ts';
import { HELP_RULES } from './rules.ts';

// The help page: what each check means (with a worked example), how figures are read, and what stays private.
// One language at a time (the reader's, components/i18n.ts), switchable; the other is one click away.

const READING = ['helpReading1', 'helpReading2', 'helpReading3', 'helpReading4', 'helpReading5'] as const;

export function Help({ initialLang = language() }: { initialLang?: Lang }) {
  const [lang, setLang] = useState<Lang>(initialLang);
  // The page has no other view: what it shows is in its own language state.
  setLanguage(lang);
  document.title = t('helpTitle');
  const other: Lang = lang === 'zh' ? 'en' : 'zh';
  return (
    <main class="nb-help" lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      <header>
        <h1>{t('helpTitle')}</h1>
        <button type="button" class="nb-lang" data-testid="switch-lang" lang={other === 'zh' ? 'zh-CN' : 'en'} onClick={() => setLang(other)}>
          {t('helpSwitchTo')}
        </button>
      </header>
      <p>{t('helpIntro')}</p>

      <h2>{t('helpChecksTitle')}</h2>
      <dl class="nb-rules">
        {HELP_RULES.map((r) => (
          <div key={r.id} id={r.id} data-rule={r.id}>
            <dt>
              {r.name[lang]} <span class={`nb-sev nb-${r.severity}`}>{t(r.severity === 'error' ? 'helpError' : 'helpWarning')}</span>{' '}
              <code title={t('helpRuleId')}>{r.id}</code>
            </dt>
            <dd>{r.explain[lang]}</dd>
          </div>
        ))}
      </dl>

      <h2>{t('helpReadingTitle')}</h2>
      <ul>
        {READING.map((key) => (
          <li key={key}>{t(key)}</li>
        ))}
      </ul>

      <h2>{t('helpVerdictTitle')}</h2>
      <p>{t('helpVerdict')}</p>

      <h2 id="privacy">{t('helpPrivacyTitle')}</h2>
      <p data-testid="privacy">{t('helpPrivacy')}</p>
    </main>
  );
}
