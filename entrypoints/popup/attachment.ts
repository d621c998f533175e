import { ATTACHMENT_PAGE, attachmentPageSearch, hostNeedsAsking, originPattern } from '@/entrypoints/shared/attachment-address.ts';

/**
 * 核对附件 in the popup. A .gov.cn attachment opens the attachment page at once (its host is the content
 * script's). Another host is asked for first thing in the click (the request needs the
 * reader's gesture; it answers at once when the host is already granted, and it may close the popup while
 * its prompt shows), then open the attachment page, which fetches and audits. A refusal still opens the
 * page: it says what is missing and offers the request again.
 */
export function checkAttachment(href: string): Promise<void> {
  const url = new URL(href);
  const open = async () => {
    await browser.tabs.create({ url: browser.runtime.getURL(ATTACHMENT_PAGE) + attachmentPageSearch(href) });
  };
  if (!hostNeedsAsking(url)) return open();
  return browser.permissions
    .request({ origins: [originPattern(url)] })
    .catch(() => false)
    .then(open);
}
