// Every string of the help page apart from the rules (entrypoints/help/rules.ts), in Chinese and English.

export type Lang = 'zh' | 'en';

export const HELP_TEXT = {
  title: { zh: '年报核对 · 使用说明', en: 'Nianbao Check · Help' },
  switchTo: { zh: 'English', en: '中文' },
  intro: {
    zh: '年报核对在政府网站上直接读取政府信息公开工作年度报告的表格，核对表内和表间的勾稽关系，在网页上标出不一致的单元格，并可导出 JSON / CSV。',
    en: 'Nianbao Check reads the tables of a government information-disclosure annual report where you read it, checks the relations between its figures, marks the cells that disagree on the page, and exports JSON / CSV.',
  },
  checksTitle: { zh: '每项核对的含义', en: 'What each check means' },
  error: { zh: '不一致', en: 'mismatch' },
  warning: { zh: '提示', en: 'warning' },
  readingTitle: { zh: '数字是怎样读取的', en: 'How the figures are read' },
  reading: {
    zh: [
      '分项单元格空白或为“—”“-”：按 0（“未填报”）计入合计，相关提示会说明这一点。很多报告把所有的 0 都留空。',
      '合计单元格空白：视为“合计未填报”，不是 0，不据此报告不一致；最多给出提示并写出分项之和。',
      '合并单元格：横跨“法人或其他组织”五列的一个数，是这五列的小计；横跨全部七列的一个数，是该行的总计。这个数不会被复制到每一列。',
      '无法识别的文字（不是数字）：标为“无法读取”，原样保留其文字；它参与的关系记为“未能核对”，不会被当作 0。',
      '网页上隐藏的内容（草稿表格、隐藏的行或数字）不读取；存档网站（web.archive.org）自己的工具栏也不读取。',
    ],
    en: [
      'A blank or dashed part cell counts as 0 (“not reported”) in sums, and the message says so. Many reports leave every zero blank.',
      'A blank total is “total not reported”, not 0: no mismatch is raised against it, at most a warning giving the parts’ sum.',
      'Merged cells: one figure across the five 法人或其他组织 columns is their subtotal; one figure across all seven columns is the row’s total. It is never copied into each column.',
      'Text that is not a number is “unreadable”: its text is kept as printed, and the relations it takes part in are “not checked”, never read as 0.',
      'What the page hides (a draft table, hidden rows or digits) is not read; neither is the archive’s own toolbar on web.archive.org.',
    ],
  },
  verdictTitle: { zh: '核对结果怎样理解', en: 'Reading the verdict' },
  verdict: {
    zh: '“数据不一致”是报告自身印出的数字之间的矛盾，点击条目可定位到单元格。“未能核对”说明哪些关系因为读不到数字而没有核对。“提示”值得留意，但不计入不一致。“未发现不一致”的结论会写明核对了多少项关系、读取了多少个数字。',
    en: '“Mismatches” are contradictions between figures the report itself prints; click one to see its cells. “Not checked” names the relations we could not check for want of a readable figure. “Warnings” are worth a look but are not mismatches. A clean verdict says how many relations were checked and how many figures read.',
  },
  privacyTitle: { zh: '隐私', en: 'Privacy' },
  privacy: {
    zh: '一切都在你的浏览器里完成：网页内容、核对结果和设置都不会发送到任何地方，扩展不联网。导出的文件和证据包只保存到你自己的电脑。只有在你为存档网站、镜像网站或本机文件打开核对时，才会向浏览器申请相应网站的访问权限。',
    en: 'Everything happens in your browser: page content, results and settings are never sent anywhere, and the extension makes no network requests. Exports and evidence packs are saved to your own computer only. Access to other sites (the archive, a mirror, local files) is asked for only when you turn them on.',
  },
  ruleId: { zh: '规则', en: 'rule' },
} as const;
