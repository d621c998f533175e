import { describe, expect, it } from 'vitest';
import { extraOrigins, mirrorPattern, patternHost } from '../lib/extra-hosts.ts';

describe('extra places to read reports', () => {
  it('a typed mirror becomes one exact host pattern; wildcards, schemes other than http(s) and junk are refused', () => {
    expect(mirrorPattern(' Mirror.Example.org ')).toBe('*://mirror.example.org/*');
    expect(mirrorPattern('https://mirror.example.org:8443/path/nb.html?x=1')).toBe('*://mirror.example.org/*');
    expect(mirrorPattern('mirror.example.org/reports/')).toBe('*://mirror.example.org/*');
    expect(mirrorPattern('10.0.0.7')).toBe('*://10.0.0.7/*');
    for (const bad of ['', '*.example.org', 'example', 'ftp://x.org', 'a b.org', '<all_urls>', 'file:///C:/x'])
      expect(mirrorPattern(bad), bad).toBeNull();
  });

  it('the granted origins needing a runtime registration: all but the default .gov.cn match (and never everything)', () => {
    expect(extraOrigins(['*://*.gov.cn/*', '*://web.archive.org/*', 'file:///*', '*://mirror.example.org/*', '*://web.archive.org/*'])).toEqual([
      '*://mirror.example.org/*',
      '*://web.archive.org/*',
      'file:///*',
    ]);
    expect(extraOrigins(['<all_urls>', '*://*/*'])).toEqual([]);
    expect(extraOrigins(undefined)).toEqual([]);
    expect(patternHost('*://mirror.example.org/*')).toBe('mirror.example.org');
  });
});
