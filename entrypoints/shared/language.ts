import { chooseLanguage, language, setLanguage, t, type MessageKey } from '@/components/i18n.ts';
import { readSettings, SETTINGS_KEY } from '@/lib/settings.ts';

// The extension pages, the auditor and the background set the language from the reader's setting (options
// page) before they show anything; 'auto' follows the browser's language.

/**
 * The browser's language: navigator.language (in Chromium, the UI language) where there is one — the pages,
 * the content script and the service worker all have it, so they agree — else i18n.getUILanguage().
 */
export function browserLanguage(): string | undefined {
  const fromNavigator = globalThis.navigator?.language;
  if (fromNavigator) return fromNavigator;
  try {
    return browser.i18n?.getUILanguage?.();
  } catch {
    return undefined;
  }
}

export function applyLanguageSetting(stored: unknown): void {
  setLanguage(chooseLanguage(readSettings(stored).language, browserLanguage()));
}

/** Reads the setting from storage.local and applies it; a storage failure leaves the browser's language. */
export async function loadLanguage(): Promise<void> {
  try {
    const stored = (await browser.storage?.local?.get(SETTINGS_KEY)) as Record<string, unknown> | undefined;
    applyLanguageSetting(stored?.[SETTINGS_KEY]);
  } catch {
    applyLanguageSetting(undefined);
  }
}

/** An extension page, once its language is known: its tab title and <html lang> in that language. */
export function titlePage(title: MessageKey): void {
  document.title = t(title);
  document.documentElement.lang = language() === 'zh' ? 'zh-CN' : 'en';
}
