/**
 * Pages about a report that are not the report itself, told apart cheaply from the DOM (pure: runs in
 * the page and in tests): a report column's list page (many links that each name a year's 年报), and a
 * report page whose report is an attachment (PDF, Word, WPS, OFD, Excel, or an embedded PDF).
 * Only asked when no report table was found; both kinds name a report in their title or heading.
 * Runs in the page (a browser DOM resolves each link's address).
 */
import { mayHoldReport, mentionsReport } from './report-detection.ts';

/** `text` is the link's own text (or its address, for an embedded PDF). */
export interface PageLink { text: string; href: string }
/** `pdf`: the tab shows a PDF itself (the browser's viewer), its one link the PDF. */
export type PageKind = { kind: 'list' | 'attachment' | 'pdf'; links: PageLink[] } | { kind: 'other' };

const OTHER: PageKind = { kind: 'other' };

const YEAR = /(?:19|20)\d\d/;
const ATTACHMENT = /\.(?:pdf|docx?|wps|ofd|xlsx?)(?:$|[?#&])/i;
/** A report column lists at least this many reports; a report's own sidebar ("往年年报") rarely does. */
const LIST_MIN = 4;

function add(links: PageLink[], text: string, href: string): void {
  // Only web links: never javascript: or data: (the popup renders these as links).
  // At most 50: the popup lists them.
  if (/^https?:/.test(href) && links.length < 50 && !links.some((l) => l.href === href)) links.push({ text, href });
}

export function pageKind(doc: Document): PageKind {
  // The browser's PDF viewer keeps the PDF's type on its document: the tab is the attachment.
  if (doc.contentType === 'application/pdf' && /^https?:/.test(doc.URL)) {
    const name = new URL(doc.URL).pathname.split('/').pop() || doc.URL;
    let text = name;
    try {
      text = decodeURIComponent(name);
    } catch {
      // a malformed escape: the name as it is
    }
    return { kind: 'pdf', links: [{ text, href: doc.URL }] };
  }
  const heading = doc.querySelector('h1')?.textContent ?? '';
  if (!mentionsReport(doc.title + heading)) return OTHER;
  const reports: PageLink[] = [];
  const attachments: PageLink[] = [];
  // The DOM's own properties resolve relative addresses against the page.
  for (const a of doc.querySelectorAll<HTMLAnchorElement>('a[href]')) {
    const href = a.href;
    const text = (a.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (mentionsReport(text) && YEAR.test(text)) add(reports, text, href);
    if (ATTACHMENT.test(href) || ATTACHMENT.test(text)) add(attachments, text || a.title || href, href);
  }
  for (const el of doc.querySelectorAll<HTMLIFrameElement & HTMLObjectElement>('embed[src],iframe[src],object[data]')) {
    const href = el.src || el.data;
    if (/\.pdf(?:$|[?#&])/i.test(href)) add(attachments, href, href);
  }
  // A list page names many reports and prints none of a report table's own words.
  if (reports.length >= LIST_MIN && !mayHoldReport(doc.body?.textContent ?? '')) return { kind: 'list', links: reports };
  if (attachments.length) return { kind: 'attachment', links: attachments };
  return OTHER;
}
