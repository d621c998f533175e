import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, readSettings } from '../lib/settings.ts';

describe('settings read back from storage', () => {
  it('defaults when nothing (or something foreign) is stored; keeps only known values', () => {
    expect(readSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(readSettings('x')).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS).toEqual({ marks: true, banner: true, pill: true, csv: 'utf8-bom' });
    expect(readSettings({ marks: false, banner: 'no', pill: false, csv: 'latin1', extra: 1 })).toEqual({ marks: false, banner: true, pill: false, csv: 'utf8-bom' });
    expect(readSettings({ csv: 'gb18030' }).csv).toBe('gb18030');
  });
});
