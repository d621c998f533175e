import { useState } from 'preact/hooks';
import { HELP_RULES } from './rules.ts';
import { HELP_TEXT as T, type Lang } from './text.ts';

// The help page: what each check means (with a worked example), how figures are read, and what stays private.
// One language at a time, switchable; the other is one click away.

export function Help({ initialLang = 'zh' }: { initialLang?: Lang }) {
  const [lang, setLang] = useState<Lang>(initialLang);
  const other: Lang = lang === 'zh' ? 'en' : 'zh';
  return (
    <main class="nb-help" lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      <header>
        <h1>{T.title[lang]}</h1>
        <button type="button" class="nb-lang" data-testid="switch-lang" lang={other === 'zh' ? 'zh-CN' : 'en'} onClick={() => setLang(other)}>
          {T.switchTo[lang]}
        </button>
      </header>
      <p>{T.intro[lang]}</p>

      <h2>{T.checksTitle[lang]}</h2>
      <dl class="nb-rules">
        {HELP_RULES.map((r) => (
          <div key={r.id} id={r.id} data-rule={r.id}>
            <dt>
              {r.name[lang]} <span class={`nb-sev nb-${r.severity}`}>{T[r.severity][lang]}</span>{' '}
              <code title={T.ruleId[lang]}>{r.id}</code>
            </dt>
            <dd>{r.explain[lang]}</dd>
          </div>
        ))}
      </dl>

      <h2>{T.readingTitle[lang]}</h2>
      <ul>
        {T.reading[lang].map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>

      <h2>{T.verdictTitle[lang]}</h2>
      <p>{T.verdict[lang]}</p>

      <h2 id="privacy">{T.privacyTitle[lang]}</h2>
      <p data-testid="privacy">{T.privacy[lang]}</p>
    </main>
  );
}
