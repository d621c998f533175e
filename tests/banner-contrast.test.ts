import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// WCAG 2.x contrast of the banner's text colours on its two backgrounds, read from the stylesheet itself.

const CSS = readFileSync(join(import.meta.dirname, '..', 'entrypoints', 'content', 'ui.css'), 'utf8');

/** The value of `prop` in the rule whose selector is exactly `selector`. */
function declared(selector: string, prop: string): string {
  for (const m of CSS.matchAll(/([^{}]+)\{([^}]*)\}/g)) {
    if (m[1]!.trim() !== selector) continue;
    const decl = new RegExp(`(?:^|;)\\s*${prop}\\s*:\\s*([^;]+)`).exec(m[2]!);
    if (decl) return decl[1]!.trim();
  }
  throw new Error(`no ${prop} in ${selector}`);
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

  const backgrounds = { mismatch: declared('.nb-banner', 'background'), clean: declared('.nb-banner.nb-ok', 'background') };

  it('the "N 条提示" toggle is readable on both banner backgrounds', () => {
    const toggle = declared('.nb-toggle', 'color');
    for (const [name, bg] of Object.entries(backgrounds)) expect(contrast(toggle, bg), `${toggle} on ${name} ${bg}`).toBeGreaterThanOrEqual(4.5);
  });

  it('so are the table names and warning texts of the banner list', () => {
    for (const selector of ['.nb-table', '.nb-brand', '.nb-warning .nb-message']) {
      const color = declared(selector, 'color');
      for (const [name, bg] of Object.entries(backgrounds)) expect(contrast(color, bg), `${selector} ${color} on ${name} ${bg}`).toBeGreaterThanOrEqual(4.5);
    }
  });
});
