import type { ContentStatus } from '@/entrypoints/shared/messages.ts';
import type { PageLink } from '@/lib/page-kind.ts';
import { isArchiveHost, isGovCnHost } from '@/lib/archive-url.ts';
import { t } from '@/components/i18n.ts';

// Why the popup has nothing to show — a sentence a journalist can act on, not an empty box.

export interface Explanation {
  headline: string;
  detail: string;
  /** Where the reader can go instead (the reports a list page links to, a report's attachments). */
  links?: PageLink[];
  /** The links are a report's attachments, each offered to 核对附件 (components/AttachmentList.tsx). */
  checkable?: boolean;
}

/** `status` is what the page's content script said, or 'absent' when none answered. */
export function explainNoReport(url: string | undefined, status: ContentStatus | 'absent'): Explanation {
  // The tab shows a PDF itself (the browser's viewer: no content script there).
  if (url && isPdfAddress(url)) return pdfTab([{ text: fileNameOf(url), href: url }]);
  // The content script answered: a page of ours (a .gov.cn site, or a place added in the options page).
  if (status !== 'absent') return explainOurPage(status);
  if (url?.startsWith('file:')) {
    return { headline: t('whyFileHeadline'), detail: t('whyFileDetail', t('optFiles')) };
  }
  const host = hostOf(url);
  if (url !== undefined && host === undefined) {
    return { headline: t('whyNotWebHeadline'), detail: t('whyNotWebDetail') };
  }
  if (host !== undefined && isArchiveHost(host)) {
    return { headline: t('whyArchiveHeadline'), detail: t('whyArchiveDetail', t('optArchive')) };
  }
  if (host !== undefined && !isGovCnHost(host)) {
    return {
      headline: t('whyNotGovHeadline'),
      detail: t('whyNotGovDetail', host, t('optMirror')),
    };
  }
  return {
    headline: t('whyNotRunHeadline'),
    detail: host === undefined ? t('whyNotRunNoHost') : t('whyNotRunReload'),
  };
}

function explainOurPage(status: ContentStatus): Explanation {
  const page = status.page;
  if (page?.kind === 'list') {
    return {
      headline: t('whyListHeadline'),
      detail: t('whyListDetail', page.links.length),
      links: page.links,
    };
  }
  if (page?.kind === 'pdf') return pdfTab(page.links);
  if (page?.kind === 'attachment') {
    return {
      headline: t('whyAttachmentHeadline'),
      detail: t('whyAttachmentDetail'),
      links: page.links,
      checkable: true,
    };
  }
  if (status.watching && status.looksLikeReport) {
    return { headline: t('whyWaitingHeadline'), detail: t('whyWaitingDetail') };
  }
  return {
    headline: t('whyNoTablesHeadline'),
    detail: t('whyNoTablesDetail'),
  };
}

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.hostname : undefined;
  } catch {
    return undefined;
  }
}

function pdfTab(links: PageLink[]): Explanation {
  return { headline: t('whyPdfTabHeadline'), detail: t('whyPdfTabDetail'), links, checkable: true };
}

/** An http(s) address whose path ends in .pdf. */
function isPdfAddress(url: string): boolean {
  try {
    const u = new URL(url);
    return (u.protocol === 'http:' || u.protocol === 'https:') && /\.pdf$/i.test(u.pathname);
  } catch {
    return false;
  }
}

function fileNameOf(url: string): string {
  const name = new URL(url).pathname.split('/').pop() ?? url;
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}
