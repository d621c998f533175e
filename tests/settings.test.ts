import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, readSettings } from '../lib/settings.ts';

describe('settings read back from storage', () => {
  it('defaults when nothing (or something foreign) is stored; keeps only known values', () => {
    expect(readSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(readSettings('x')).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS).toEqual({ marks: true, banner: true, pill: true, csv: 'utf8-bom', language: 'auto' });
    expect(readSettings({ marks: false, banner: 'no', pill: false, csv: 'latin1', extra: 1 })).toEqual({ marks: false, banner: true, pill: false, csv: 'utf8-bom', language: 'auto' });
    expect(readSettings({ csv: 'gb18030' }).csv).toBe('gb18030');
  });

  it('the language: auto unless exactly zh or en is stored', () => {
    expect(readSettings({ language: 'en' }).language).toBe('en');
    expect(readSettings({ language: 'zh' }).language).toBe('zh');
    for (const stored of ['fr', 'EN', 'zh_CN', 1, null]) expect(readSettings({ language: stored }).language).toBe('auto');
  });
});
