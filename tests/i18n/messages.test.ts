import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseLanguage, language, setLanguage, substitute, t, type MessageKey } from '@/components/i18n.ts';
import { REPORT_TABLES } from '@/lib/tables/index.ts';
import { FIGURE_LABELS } from '@/lib/library/over-years.ts';

// The two message files (public/_locales, the browser's format) and the t() that reads them.

const locales = path.join(import.meta.dirname, '..', '..', 'public', '_locales');
type Entry = { message: string; description?: string; placeholders?: Record<string, { content: string }> };
const read = (dir: string) => JSON.parse(fs.readFileSync(path.join(locales, dir, 'messages.json'), 'utf8')) as Record<string, Entry>;
/** The message with its named placeholders replaced by their content ($1…), as the browser reads it. */
const expanded = (e: Entry) => e.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => e.placeholders?.[name.toLowerCase()]?.content ?? whole);
const zh = read('zh_CN');
const en = read('en');
const placeholders = (message: string) => [...new Set(message.match(/\$[1-9]/g) ?? [])].sort();

describe('message files', () => {
  it('only zh_CN and en, with the same keys', () => {
    expect(fs.readdirSync(locales).sort()).toEqual(['en', 'zh_CN']);
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
  });

  it('each message uses the same $1…$9 in both languages, and a non-empty text', () => {
    for (const key of Object.keys(zh)) {
      expect(placeholders(expanded(en[key])), key).toEqual(placeholders(expanded(zh[key])));
      expect(zh[key].message.trim(), key).not.toBe('');
      expect(en[key].message.trim(), key).not.toBe('');
    }
  });

  it('keys the browser accepts ([A-Za-z0-9_@]); every $name$ is a declared placeholder (else Chrome refuses to load the extension)', () => {
    for (const [lang, file] of [['zh', zh], ['en', en]] as const) {
      for (const [key, entry] of Object.entries(file)) {
        expect(key).toMatch(/^[A-Za-z0-9_@]+$/);
        const declared = Object.keys(entry.placeholders ?? {}).map((p) => p.toLowerCase());
        // Chrome's reading: $ + [A-Za-z0-9_@]+ + $ names a placeholder ("$1$2" too: placeholder "1").
        const named = [...entry.message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => m[1].toLowerCase());
        expect(named.filter((n) => !declared.includes(n)), `${lang} ${key}`).toEqual([]);
      }
    }
  });

  it('English messages are English: no Chinese outside the names of the report’s own headings and of 中文', () => {
    // The help page and the popup quote a few Chinese headings (法人或其他组织, 表二…) on purpose; the names
    // of the extension keep their Chinese name beside the English one.
    const allowed = new Set(['extName', 'optLanguageZh', 'helpSwitchTo', 'helpReading3', 'whyNoTablesDetail']);
    const cjk = /[\u3400-\u9fff]/;
    const leaking = Object.keys(en).filter((k) => !allowed.has(k) && cjk.test(en[k].message));
    expect(leaking).toEqual([]);
    // And each allowed one does quote Chinese (the list stays exact).
    expect([...allowed].filter((k) => !cjk.test(en[k].message))).toEqual([]);
  });

  it('the Chinese table and figure names are the tables’ and the library’s own', () => {
    for (const table of REPORT_TABLES) expect(zh[`table_${table.key}`]?.message).toBe(table.label);
    for (const [key, label] of Object.entries(FIGURE_LABELS)) expect(zh[`figure_${key}`]?.message).toBe(label);
  });

  it('the manifest names resolve in both languages', () => {
    for (const key of ['extName', 'extDescription', 'appName']) {
      expect(zh[key], key).toBeDefined();
      expect(en[key], key).toBeDefined();
    }
    // The browser's limits: a name of at most 75 characters, a description of at most 132.
    for (const file of [zh, en]) {
      expect(file.extName.message.length).toBeLessThanOrEqual(75);
      expect(file.extDescription.message.length).toBeLessThanOrEqual(132);
    }
  });
});

describe('t()', () => {
  it('substitutes $1…$9 in order, leaves a missing one as written, and $$ is a dollar', () => {
    expect(substitute('$1 + $2 = $3', [1, 2, 3])).toBe('1 + 2 = 3');
    expect(substitute('$2 then $1', ['a', 'b'])).toBe('b then a');
    expect(substitute('$1 and $2', ['only'])).toBe('only and $2');
    expect(substitute('$$5', [])).toBe('$5');
    // A substituted value is not substituted again.
    expect(substitute('$1 $2', ['$2', 'x'])).toBe('$2 x');
  });

  it('reads the current language', () => {
    setLanguage('zh');
    expect(t('badgeErrors', 3)).toBe('年报核对：3 处数据不一致');
    expect(t('optLanguageAuto')).toBe('跟随浏览器');
    // Named placeholders (Chrome's format), as in otherReport.
    expect(t('otherReport', '某局', 2022)).toBe('某局2022年报告');
    setLanguage('en');
    expect(language()).toBe('en');
    expect(t('badgeErrors', 3)).toBe('Nianbao Check: 3 mismatches');
    expect(t('verdictCovered', 4, 50)).toBe('4 relations checked, 50 figures read');
    expect(t('otherReport', 'Some bureau', 2022)).toBe('Some bureau report for 2022');
  });

  it('every key resolves in both languages (typed keys: keyof the zh file)', () => {
    for (const lang of ['zh', 'en'] as const) {
      setLanguage(lang);
      for (const key of Object.keys(zh) as MessageKey[]) expect(typeof t(key)).toBe('string');
    }
  });
});

describe('chooseLanguage', () => {
  it('auto follows the browser: any zh-* is Chinese, anything else (or nothing) English', () => {
    for (const browser of ['zh-CN', 'zh', 'zh-TW', 'zh-Hant-HK', 'ZH-cn']) expect(chooseLanguage('auto', browser), browser).toBe('zh');
    for (const browser of ['en-US', 'en', 'fr-FR', 'ja', '', undefined]) expect(chooseLanguage('auto', browser), String(browser)).toBe('en');
  });

  it('the reader’s choice wins over the browser', () => {
    expect(chooseLanguage('zh', 'en-US')).toBe('zh');
    expect(chooseLanguage('en', 'zh-CN')).toBe('en');
  });
});
