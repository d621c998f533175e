import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// WCAG 2.x contrast of the banner's text colours on its backgrounds, in the light and the dark scheme, read
// from the stylesheet itself: its rules name colours through custom properties, declared once per scheme.

const CSS = readFileSync(join(import.meta.dirname, '..', 'entrypoints', 'content', 'ui.css'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
const DARK_QUERY = '@media (prefers-color-scheme: dark)';
const darkStart = CSS.indexOf(DARK_QUERY);
/** The stylesheet outside the dark block, and the dark block's body. */
const LIGHT_CSS = CSS.slice(0, darkStart) + CSS.slice(blockEnd(darkStart));
const DARK_CSS = CSS.slice(CSS.indexOf('{', darkStart) + 1, blockEnd(darkStart) - 1);

/** Index just past the `}` closing the block that opens after `from`. */
function blockEnd(from: number): number {
  let depth = 0;
  for (let i = CSS.indexOf('{', from); i < CSS.length; i++) {
    if (CSS[i] === '{') depth++;
    else if (CSS[i] === '}' && --depth === 0) return i + 1;
  }
  throw new Error('unclosed block');
}

/** The value of `prop` in the rule of `css` whose selector is exactly `selector`. */
function declaredIn(css: string, selector: string, prop: string): string | undefined {
  for (const m of css.matchAll(/([^{}]+)\{([^}]*)\}/g)) {
    if (m[1]!.trim() !== selector) continue;
    const decl = new RegExp(`(?:^|;)\\s*${prop}\\s*:\\s*([^;]+)`).exec(m[2]!);
    if (decl) return decl[1]!.trim();
  }
  return undefined;
}

const ROOTS = '.nb-banner, .nb-tip, .nb-pill';

/** `prop` of `selector` as a hex colour in `scheme`, its custom properties resolved from that scheme's palette. */
function declared(selector: string, prop: string, scheme: 'light' | 'dark' = 'light'): string {
  const value = declaredIn(LIGHT_CSS, selector, prop);
  if (!value) throw new Error(`no ${prop} in ${selector}`);
  const name = /^var\((--[\w-]+)\)$/.exec(value)?.[1];
  if (!name) return value;
  const resolved = (scheme === 'dark' ? declaredIn(DARK_CSS, ROOTS, name) : undefined) ?? declaredIn(LIGHT_CSS, ROOTS, name);
  if (!resolved) throw new Error(`${name} is not declared for ${scheme}`);
  return resolved;
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe('banner contrast (WCAG AA, 4.5:1 for normal text)', () => {
  it('computes the known ratios (black on white is 21:1)', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  it('the dark scheme has a palette of its own (each colour below differs from the light one)', () => {
    for (const [selector, prop] of [['.nb-banner', 'background'], ['.nb-table', 'color'], ['.nb-toggle', 'color']] as const)
      expect(declared(selector, prop, 'dark'), selector).not.toBe(declared(selector, prop, 'light'));
  });

  for (const scheme of ['light', 'dark'] as const) {
    const backgrounds = {
      mismatch: declared('.nb-banner', 'background', scheme),
      clean: declared('.nb-banner.nb-ok', 'background', scheme),
      gap: declared('.nb-banner.nb-gap', 'background', scheme),
    };
    const expectReadable = (selector: string, color: string) => {
      for (const [name, bg] of Object.entries(backgrounds))
        expect(contrast(color, bg), `${scheme}: ${selector} ${color} on ${name} ${bg}`).toBeGreaterThanOrEqual(4.5);
    };

    it(`${scheme}: the "N 条提示" toggle, the 说明 link and the review links are readable on every banner background`, () => {
      for (const selector of ['.nb-toggle', '.nb-help', '.nb-other', '.nb-review-open']) expectReadable(selector, declared(selector, 'color', scheme));
    });

    it(`${scheme}: so are the body text, table names, brand, coverage line and warning texts of the banner list`, () => {
      for (const selector of ['.nb-banner, .nb-tip, .nb-pill', '.nb-table', '.nb-brand', '.nb-covered, .nb-gaps-title', '.nb-warning .nb-message', '.nb-close'])
        expectReadable(selector, declared(selector, 'color', scheme));
    });

    it(`${scheme}: each headline is readable on its own background`, () => {
      const pairs = [
        ['.nb-bad .nb-title', backgrounds.mismatch],
        ['.nb-ok .nb-title', backgrounds.clean],
        ['.nb-gap .nb-title', backgrounds.gap],
      ] as const;
      for (const [selector, bg] of pairs) expect(contrast(declared(selector, 'color', scheme), bg), `${scheme}: ${selector}`).toBeGreaterThanOrEqual(4.5);
    });

    it(`${scheme}: the tooltip's and the pill's texts are readable on their backgrounds`, () => {
      const tip = declared('.nb-tip', 'background', scheme);
      for (const selector of ['.nb-tip', '.nb-tip-kind', '.nb-tip-line.nb-warning .nb-tip-kind'])
        expect(contrast(declared(selector, 'color', scheme), tip), `${scheme}: ${selector}`).toBeGreaterThanOrEqual(4.5);
      const pillText = declared('.nb-pill button', 'color', scheme);
      for (const selector of ['.nb-pill', '.nb-pill.nb-ok'])
        expect(contrast(pillText, declared(selector, 'background', scheme)), `${scheme}: ${selector}`).toBeGreaterThanOrEqual(4.5);
    });
  }
});
