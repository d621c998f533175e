/**
 * Archived copies of a report on the Wayback Machine (web.archive.org). Their address carries the original
 * one: http(s)://web.archive.org/web/<14-digit timestamp>[modifier like id_ or if_]/<original URL>. The
 * report's host (is it a .gov.cn page?), its `source.url` and its agency's site come from the original; the
 * archive's address is kept as `source.archivedAt`. Pure and tiny: the content script carries it.
 */

export interface ArchivedAddress {
  /** The page's own address as the archive recorded it. */
  original: string;
  /** Its host, lower case. */
  host: string;
  /** When the archive captured it: YYYY-MM-DDTHH:MM:SSZ (the archive's clock is UTC). */
  capturedAt: string;
  /** The archive's address, as visited. */
  archivedAt: string;
}

const ARCHIVE_HOSTS = new Set(['web.archive.org', 'wayback.archive.org']);
// The timestamp may be cut short by hand (2021, 20210315); the archive redirects those, so only the full form is read.
const ARCHIVE_PATH = /^\/web\/(\d{14})(?:[a-z]{2}_)?\/(.+)$/;

export function isArchiveHost(host: string): boolean {
  return ARCHIVE_HOSTS.has(host.toLowerCase());
}

/** The original address in an archive URL; null for anything else (or an original we cannot read). */
export function parseArchiveUrl(href: string): ArchivedAddress | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !isArchiveHost(url.hostname)) return null;
  // pathname percent-encodes nothing we need; the original's own query and hash follow the archive's path.
  const m = ARCHIVE_PATH.exec(url.pathname);
  if (!m) return null;
  let rest = m[2] + url.search + url.hash;
  // The archive also serves a scheme-less original (web/2021…/www.x.gov.cn/…) and collapses '//' to '/'.
  rest = rest.replace(/^(https?):\/(?!\/)/i, '$1://');
  if (!/^https?:\/\//i.test(rest)) rest = `http://${rest}`;
  let original: URL;
  try {
    original = new URL(rest);
  } catch {
    return null;
  }
  if (!original.hostname) return null;
  const t = m[1];
  return {
    original: original.href,
    host: original.hostname.toLowerCase(),
    capturedAt: `${t.slice(0, 4)}-${t.slice(4, 6)}-${t.slice(6, 8)}T${t.slice(8, 10)}:${t.slice(10, 12)}:${t.slice(12, 14)}Z`,
    archivedAt: href,
  };
}

/** The host a page stands for: the original's for an archived copy, else its own. */
export function reportHost(href: string): string {
  const archived = parseArchiveUrl(href);
  if (archived) return archived.host;
  try {
    return new URL(href).hostname.toLowerCase();
  } catch {
    return '';
  }
}

export function isGovCnHost(host: string): boolean {
  return host === 'gov.cn' || host.endsWith('.gov.cn');
}

/** `source` for a report read at this address: the original's URL, and the archive's when it is a copy. */
export function sourceOfAddress(href: string): { url: string; archivedAt?: string } {
  const archived = parseArchiveUrl(href);
  return archived ? { url: archived.original, archivedAt: archived.archivedAt } : { url: href };
}

/**
 * The archive's own toolbar and notices, inserted into the archived page: not part of the report, so
 * neither detection nor the reader looks inside them.
 */
export const ARCHIVE_CHROME_SELECTOR = '#wm-ipp-base, #wm-ipp, #wm-ipp-print, #donato, #wm-toolbar, wayback-toolbar';

export function isArchiveChrome(el: Element): boolean {
  return typeof el.matches === 'function' && el.matches(ARCHIVE_CHROME_SELECTOR);
}
