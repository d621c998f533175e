import zh from '@/public/_locales/zh_CN/messages.json';
import en from '@/public/_locales/en/messages.json';
import type { LanguageSetting } from '@/lib/settings.ts';

// The extension's own strings in Chinese and English (public/_locales, the browser's i18n format, which
// also names the extension in the manifest). chrome.i18n follows the browser only and cannot be switched
// at runtime, so the pages and the auditor read the same files here and follow the reader's setting.
// Never imported by the content script (entrypoints/content.ts): it would carry both files onto every page.

export type Lang = 'zh' | 'en';
export type MessageKey = keyof typeof zh;

type Messages = Record<MessageKey, { message: string; placeholders?: Record<string, { content: string }> }>;
const MESSAGES: Record<Lang, Messages> = { zh, en };

/** 'auto' follows the browser's language: Chinese for any zh-*, English for everything else. */
export function chooseLanguage(setting: LanguageSetting, browserLanguage: string | undefined): Lang {
  if (setting === 'zh' || setting === 'en') return setting;
  return browserLanguage?.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

let current: Lang = chooseLanguage('auto', globalThis.navigator?.language);

/** Set once the settings are read (before anything is rendered), and when the reader changes them. */
export function setLanguage(lang: Lang): void {
  current = lang;
}

export function language(): Lang {
  return current;
}

/**
 * The message in the current language, with $1…$9 replaced by `subs`: the browser's own syntax, named
 * placeholders ($AGENCY$ → its content, "$1") included.
 */
export function t(key: MessageKey, ...subs: (string | number)[]): string {
  const { message, placeholders } = MESSAGES[current][key];
  const expanded = placeholders ? message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => placeholders[name.toLowerCase()]?.content ?? whole) : message;
  return substitute(expanded, subs);
}

export function substitute(message: string, subs: (string | number)[]): string {
  return message.replace(/\$(\$|[1-9])/g, (whole, d: string) => {
    if (d === '$') return '$';
    const i = Number(d);
    return i <= subs.length ? String(subs[i - 1]) : whole;
  });
}

/**
 * What the reader can do with an attachment the extension cannot read (lib/document-kind.ts knows the kinds;
 * its own sentences are the CLI's advice, which suggests saving a page).
 */
export function unreadableDocumentAdvice(kind: 'LegacyWord' | 'WPS' | 'OFD' | 'Excel' | 'ZIP'): string {
  return t(`attachAdvice${kind}`);
}
