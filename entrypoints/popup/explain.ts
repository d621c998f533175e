import type { ContentStatus } from '@/entrypoints/shared/messages.ts';
import type { PageLink } from '@/lib/page-kind.ts';
import { isArchiveHost } from '@/lib/archive-url.ts';
import { TEXT as OPTIONS_TEXT } from '@/entrypoints/options/text.ts';
import { ATTACHMENT_TEXT } from '@/components/attachment-text.ts';

/** The names the options page gives the places it can add. */
const PLACES = { archive: OPTIONS_TEXT.archive, mirror: OPTIONS_TEXT.mirror, files: OPTIONS_TEXT.files };

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
    return { headline: '这是本机文件', detail: `要核对保存到本机的网页，请在年报核对的设置中打开“${PLACES.files}”。` };
  }
  const host = hostOf(url);
  if (url !== undefined && host === undefined) {
    return { headline: '这不是网页', detail: '年报核对只在 .gov.cn 政府网站的网页上运行。' };
  }
  if (host !== undefined && isArchiveHost(host)) {
    return { headline: '这是存档网站', detail: `要核对 web.archive.org 上的 .gov.cn 页面存档（只核对原网址为 .gov.cn 的存档页），请在年报核对的设置中打开“${PLACES.archive}”，然后刷新页面。` };
  }
  if (host !== undefined && !isGovCn(host)) {
    return {
      headline: '此页面不是 .gov.cn 网站',
      detail: `${host} 不是政府网站；年报核对默认只在 .gov.cn 网站上运行。如果这是政府网站的镜像，可以在设置中把它添加为${PLACES.mirror}。`,
    };
  }
  return {
    headline: '此页面没有运行年报核对',
    detail:
      host === undefined
        ? '它不是 .gov.cn 网站，或者是在安装扩展之前打开的——如果是政府网站，请刷新页面后再试。'
        : '页面是在安装或更新扩展之前打开的，请刷新页面后再试。',
  };
}

function explainOurPage(status: ContentStatus): Explanation {
  const page = status.page;
  if (page?.kind === 'list') {
    return {
      headline: '这是年报列表页',
      detail: `本页列出了 ${page.links.length} 份年度报告，它本身不是报告，没有可核对的表格。打开其中一份，年报核对会在那一页核对：`,
      links: page.links,
    };
  }
  if (page?.kind === 'pdf') return pdfTab(page.links);
  if (page?.kind === 'attachment') {
    return {
      headline: '本页的年报是附件',
      detail: ATTACHMENT_TEXT.attachmentDetail,
      links: page.links,
      checkable: true,
    };
  }
  if (status.watching && status.looksLikeReport) {
    return { headline: '正在等待页面加载表格', detail: '页面标题像是年度报告，但表格还没出现（有的网站用脚本加载正文）。请稍后再打开。' };
  }
  return {
    headline: '此页面未找到年报表格',
    detail: '没有找到政府信息公开工作年度报告的统计表（表二、表三、表四或旧版统计表），所以没有可核对的数据。',
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

export function isGovCn(host: string): boolean {
  return host === 'gov.cn' || host.endsWith('.gov.cn');
}

function pdfTab(links: PageLink[]): Explanation {
  return { headline: ATTACHMENT_TEXT.pdfTabHeadline, detail: ATTACHMENT_TEXT.pdfTabDetail, links, checkable: true };
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
