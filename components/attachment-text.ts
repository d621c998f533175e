import { SCANNED_PDF_ADVICE } from '@/lib/document-kind.ts';

// The few words of the attachment check (the popup's 核对附件 and the attachment page), in one place.

export const ATTACHMENT_TEXT = {
  check: '核对附件',
  checkTitle: '下载这个附件并核对其中的表格（Word .docx 或有文字层的 PDF）；只在点击后下载，不上传任何内容',
  attachmentDetail: '本页的年报是附件（PDF、Word 等文件），不在网页正文里。点“核对附件”，年报核对会下载并核对它（Word .docx 和有文字层的 PDF）。附件：',
  pdfTabHeadline: '这是 PDF 文件',
  pdfTabDetail: '本页是一个 PDF 文件。点“核对附件”，年报核对会读取并核对其中的表格：',
  opening: '正在打开核对页…',
  pageTitle: '核对附件 · 年报核对',
  loading: '正在下载并读取附件…',
  noUrl: '没有给出要核对的附件地址（只核对 http/https 地址）。',
  needPermission: (host: string) => `下载附件需要访问 ${host} 的许可（只下载这一个附件，不上传任何内容）。`,
  allow: '允许并核对',
  denied: (host: string) => `没有得到访问 ${host} 的许可，附件没有下载。`,
  fetchFailed: (why: string) => `附件下载失败（${why}）。`,
  drawFailed: (why: string) => `PDF 页面无法显示（${why}）；上面的核对结果和导出不受影响。`,
  readFailed: (why: string) => `读取附件时出错（${why}）。`,
  notADocument: '下载到的不是 Word（.docx）或 PDF 文件（可能是网页或下载页）：请在网页上点开附件链接，确认它能直接下载。',
  docxUnreadable: (why: string) => `这是 Word 文件（.docx），但无法读取：${why}`,
  pdfUnreadable: (why: string) => `这是 PDF 文件，但${why}`,
  scanned: (why: string) => `${why}，${SCANNED_PDF_ADVICE}`,
  noReport: '附件里没有找到政府信息公开工作年度报告的统计表（表二、表三、表四或旧版统计表），没有可核对的数字。',
  source: '附件：',
  copied: '表格已复制，可粘贴到 Excel / WPS。',
  downloaded: (file: string) => `已下载 ${file}`,
  failed: (why: string) => `操作失败：${why}`,
  pageLabel: (n: number) => `第 ${n} 页`,
  kindPdf: 'PDF',
  kindDocx: 'Word（.docx）',
};
