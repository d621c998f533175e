// The one-click exports. Kept dumb: the caller decides what each does.

export type ExportAction = 'json' | 'values-csv' | 'findings-csv' | 'xlsx' | 'copy-tsv' | 'evidence';

const BUTTONS: { action: ExportAction; label: string; hint: string }[] = [
  { action: 'json', label: '下载 JSON', hint: '全部表格数值与核对结果（机器可读）' },
  { action: 'values-csv', label: '下载 CSV', hint: '每个数值一行（长表），可直接叠加多个机关和年度' },
  { action: 'xlsx', label: '下载 XLSX', hint: 'Excel 工作簿：每张表一页（数字为数值），另有问题清单和报告信息' },
  { action: 'findings-csv', label: '下载问题清单 CSV', hint: '每处不一致或提示一行' },
  { action: 'copy-tsv', label: '复制表格', hint: '按网页上的样子逐表复制（行标题、列标题），可粘贴到 Excel / WPS' },
];

const EVIDENCE = {
  action: 'evidence' as const,
  label: '保存证据包',
  hint: '一个 zip：网页存档（MHTML）、每张有问题表格的截图、JSON 与问题清单，附各文件的 SHA-256。只保存在本机，不上传。',
};

/** `evidence`: also offer the evidence pack (the popup, where the browser can save the page). */
export function ExportButtons({ onAction, evidence = false }: { onAction: (action: ExportAction) => void; evidence?: boolean }) {
  return (
    <div class="nb-exports">
      {(evidence ? [...BUTTONS, EVIDENCE] : BUTTONS).map((b) => (
        <button key={b.action} type="button" data-action={b.action} title={b.hint} onClick={() => onAction(b.action)}>
          {b.label}
        </button>
      ))}
    </div>
  );
}
