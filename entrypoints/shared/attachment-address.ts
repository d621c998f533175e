import { isGovCnHost } from '@/lib/archive-url.ts';

// The attachment page's address: attachment.html?url=<the attachment>. Only http(s) attachments are read.

export const ATTACHMENT_PAGE = '/attachment.html';

export function attachmentPageSearch(attachment: string): string {
  return `?${new URLSearchParams({ url: attachment })}`;
}

/** The attachment an attachment page's `?url=` names; null unless it is an http(s) address. */
export function attachmentFromSearch(search: string): URL | null {
  const raw = new URLSearchParams(search).get('url');
  if (!raw) return null;
  try {
    const url = new URL(raw);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/** The host permission that lets an extension page fetch `url` (one origin, every path). */
export function originPattern(url: URL): string {
  return `${url.protocol}//${url.hostname}/*`;
}

/**
 * May the attachment page fetch from this host without asking? A .gov.cn host is one the content script
 * runs on, which Chromium counts for an extension page's cross-origin requests; any other host (a CDN, a
 * mirror) needs its permission, asked for at the reader's click.
 */
export function hostNeedsAsking(url: URL): boolean {
  return !isGovCnHost(url.hostname);
}
