/**
 * Whether two reports were published by one agency (spec, "Across reports"): the same agency name after
 * normalising whitespace, brackets and full-width forms, and — when both pages give their address — the
 * same site. Names are compared whole, never by likeness: 某某县人民政府 and 某某县人民政府办公室, or
 * 某某县 and 某某县教育局, are different publishers whose figures must never be chained. When in doubt, no pair.
 */
import type { Report } from './schema.ts';
import { toHalfWidth } from './read/normalize-text.ts';

/** The name as compared: half-width, no whitespace, every kind of bracket as ( ), no stray punctuation at the ends. */
export function normalizeAgencyName(name: string): string {
  return toHalfWidth(name)
    .replace(/[\s\u00a0\u200b-\u200d\u2060\ufeff]+/g, '')
    .replace(/[【〔［\[〈《「『﹝]/g, '(')
    .replace(/[】〕］\]〉》」』﹞]/g, ')')
    .replace(/^[^\p{L}\p{N}(]+|[^\p{L}\p{N})]+$/gu, '');
}

/**
 * The key a report's agency is grouped under, or null when the report names none. Reports with different
 * keys are never one agency; an equal key is necessary, not sufficient (see sameAgency: the site counts too).
 */
export function agencyKey(report: Pick<Report, 'agency'>): string | null {
  if (!report.agency) return null;
  const key = normalizeAgencyName(report.agency);
  return key.length >= 2 ? key : null;
}

/** The site a page came from, without `www.` and port; null for a saved file or an address we cannot read. */
export function siteHost(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const { protocol, hostname } = new URL(url);
    if (protocol !== 'http:' && protocol !== 'https:') return null;
    return hostname.toLowerCase().replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

/** A government (某某人民政府, or a 管委会 acting as one) rather than its office or a department. */
const GOVERNMENT = /(人民政府|管委会|管理委员会)$/;
const OFFICE = /(人民政府|管委会|管理委员会)办公[室厅]$/;

/** Why two different names are not one agency, in the words a reader would use. */
function differentNames(a: string, b: string): string {
  const [gov, other] = GOVERNMENT.test(a) ? [a, b] : [b, a];
  if (GOVERNMENT.test(gov) && other.startsWith(gov) && OFFICE.test(other)) {
    return `“${gov}”与“${other}”是政府和它的办公室，各自发布年报，不能前后对比`;
  }
  if (GOVERNMENT.test(gov) && !GOVERNMENT.test(other)) {
    return `“${gov}”是一级政府，“${other}”不是同一机关（可能是其部门或办公室），不能前后对比`;
  }
  return `机关名称不同：“${a}”与“${b}”`;
}

export function sameAgency(a: Pick<Report, 'agency' | 'source'>, b: Pick<Report, 'agency' | 'source'>): { same: boolean; why: string } {
  const ka = agencyKey(a);
  const kb = agencyKey(b);
  if (!ka || !kb) return { same: false, why: `未能从${!ka && !kb ? '两份' : '其中一份'}年报中识别出发布机关，不能确认是同一机关` };
  if (ka !== kb) return { same: false, why: differentNames(ka, kb) };
  const ha = siteHost(a.source.url);
  const hb = siteHost(b.source.url);
  if (ha && hb && ha !== hb) return { same: false, why: `机关名称相同（“${ka}”），但来自不同网站（${ha} 与 ${hb}），可能是不同地方的同名机关` };
  if (ha && hb) return { same: true, why: `机关名称相同（“${ka}”），来自同一网站 ${ha}` };
  return { same: true, why: `机关名称相同（“${ka}”）；${ha || hb ? '只有一份' : '两份都'}没有网址，未核对网站` };
}
