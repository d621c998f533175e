import { chooseLanguage, setLanguage } from '@/components/i18n.ts';
import { readSettings, SETTINGS_KEY } from '@/lib/settings.ts';

// The extension pages, the auditor and the background set the language from the reader's setting (options
// page) before they show anything; 'auto' asks the browser for its own UI language.

export function browserLanguage(): string | undefined {
  try {
    return browser.i18n?.getUILanguage?.() ?? globalThis.navigator?.language;
  } catch {
    return globalThis.navigator?.language;
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
