/**
 * The reader's settings (the options page writes them to browser.storage.local; the auditor and the popup
 * read them). Pure: what they are, their defaults, and how a stored value (maybe from an older version,
 * maybe hand-edited) is read back without trusting it.
 */

export type CsvFlavour = 'utf8-bom' | 'gb18030';
/** The extension's language: the browser's, or Chinese or English whatever the browser says. */
export type LanguageSetting = 'auto' | 'zh' | 'en';

export interface Settings {
  /** Outline the cells a finding names (and their tooltips). */
  marks: boolean;
  /** The summary above the report's first table. */
  banner: boolean;
  /** The pill at the top of the window until the banner is seen (needs the banner). */
  pill: boolean;
  /** CSV downloads: UTF-8 with a BOM (Excel, WPS) or GB18030 (old Excel that ignores the BOM). */
  csv: CsvFlavour;
  language: LanguageSetting;
}

export const DEFAULT_SETTINGS: Settings = { marks: true, banner: true, pill: true, csv: 'utf8-bom', language: 'auto' };

/** The storage key they live under. */
export const SETTINGS_KEY = 'nianbao.settings';

export function readSettings(stored: unknown): Settings {
  const s = (stored && typeof stored === 'object' ? stored : {}) as Record<string, unknown>;
  const flag = (key: 'marks' | 'banner' | 'pill') => (typeof s[key] === 'boolean' ? (s[key] as boolean) : DEFAULT_SETTINGS[key]);
  return {
    marks: flag('marks'),
    banner: flag('banner'),
    pill: flag('pill'),
    csv: s.csv === 'gb18030' ? 'gb18030' : 'utf8-bom',
    language: s.language === 'zh' || s.language === 'en' ? s.language : 'auto',
  };
}
