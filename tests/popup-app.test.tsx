import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as XLSX from 'xlsx';
import { REPORT_SCHEMA_ID, ReportSchema } from '@/lib/schema.ts';
import { App } from '@/entrypoints/popup/App.tsx';
import { downloadBlob, downloadFile } from '@/entrypoints/popup/download.ts';
import type { PopupPort, PopupState } from '@/entrypoints/popup/port.ts';
import { fakeReport, finding } from './support/fake-report.ts';

vi.mock('@/entrypoints/popup/download.ts', () => ({ downloadFile: vi.fn(), downloadBlob: vi.fn() }));

const report = fakeReport(
  [finding({ id: 'e1', cells: [{ row: 'new_received', col: 'total' }] }), finding({ id: 'w1', severity: 'warning', message: '空白' })],
  [{ row: 'new_received', col: 'total', value: 0, raw: '0', status: 'ok' }],
);

function port(state: PopupState): PopupPort & { reveal: ReturnType<typeof vi.fn>; copyText: ReturnType<typeof vi.fn> } {
  return { load: async () => state, reveal: vi.fn(async () => undefined), copyText: vi.fn(async () => undefined) };
}

let root: HTMLElement;
async function mount(p: PopupPort) {
  root = document.createElement('div');
  document.body.append(root);
  await act(async () => {
    render(<App port={p} />, root);
  });
  return root;
}
// A click, then the handler's awaits (export, settings) run out before the test looks.
const click = (el: Element | null) =>
  act(async () => {
    (el as HTMLElement).click();
    for (let i = 0; i < 10; i++) await Promise.resolve();
  });
afterEach(() => {
  render(null, root);
  root.remove();
  vi.mocked(downloadFile).mockClear();
  vi.mocked(downloadBlob).mockClear();
});

describe('popup App', () => {
  it('shows the report, its errors, and reveals a finding on click', async () => {
    const p = port({ kind: 'report', tabId: 3, report });
    const el = await mount(p);
    expect(el.querySelector('h1')!.textContent).toBe(report.source.title);
    expect(el.querySelector('[data-testid="agency"]')!.textContent).toBe('某区人民政府');
    expect(el.querySelector('[data-testid="year"]')!.textContent).toBe('2021');
    expect(el.querySelector('[data-testid="verdict"]')!.textContent).toBe('本报告有 1 处数据不一致');
    await click(el.querySelector('[data-finding-id="e1"] button'));
    expect(p.reveal).toHaveBeenCalledWith(3, 'e1');
  });

  it('downloads JSON that parses with the schema, and the two CSVs', async () => {
    const el = await mount(port({ kind: 'report', tabId: 3, report }));
    await click(el.querySelector('[data-action="json"]'));
    const [name, text, mime] = vi.mocked(downloadFile).mock.lastCall!;
    expect(name).toMatch(/\.json$/);
    expect(mime).toBe('application/json');
    expect(ReportSchema.parse(JSON.parse(text as string))).toEqual({ $schema: REPORT_SCHEMA_ID, ...report });
    await click(el.querySelector('[data-action="values-csv"]'));
    expect(vi.mocked(downloadFile).mock.lastCall![0]).toMatch(/\.csv$/);
    await click(el.querySelector('[data-action="findings-csv"]'));
    expect(vi.mocked(downloadFile).mock.lastCall![1]).toContain('e1');
  });

  it('downloads an XLSX workbook: the table, the findings and the report’s metadata', async () => {
    const el = await mount(port({ kind: 'report', tabId: 3, report }));
    await click(el.querySelector('[data-action="xlsx"]'));
    // The workbook is zipped asynchronously: wait for the download.
    await vi.waitFor(() => expect(downloadFile).toHaveBeenCalled());
    const [name, bytes, mime] = vi.mocked(downloadFile).mock.lastCall!;
    expect(name).toBe('某区人民政府-2021-政府信息公开年报.xlsx');
    expect(mime).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const wb = XLSX.read(bytes as Uint8Array, { type: 'array' });
    expect(wb.SheetNames).toEqual(['收到和处理政府信息公开申请情况', '问题清单', '报告信息']);
    expect(XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets['问题清单'], { header: 1 }).map((r) => r[0])).toEqual(['id', 'e1', 'w1']);
    await vi.waitFor(() => expect(el.querySelector('[role="status"]')?.textContent).toContain(name));
  });

  it('writes the CSVs in GB18030 (no BOM) when the options page says so; JSON stays UTF-8', async () => {
    const el = await mount({ ...port({ kind: 'report', tabId: 3, report }), csvFlavour: async () => 'gb18030' });
    await click(el.querySelector('[data-action="findings-csv"]'));
    expect(downloadFile).not.toHaveBeenCalled();
    const [name, blob] = vi.mocked(downloadBlob).mock.lastCall!;
    expect(name).toMatch(/\.csv$/);
    const bytes = new Uint8Array(await blob.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('gb18030').decode(bytes);
    expect(text).toContain('e1');
    // Chinese written as GB18030 two-byte codes, read back intact.
    expect(text).toContain('某区人民政府');
    await click(el.querySelector('[data-action="json"]'));
    expect(vi.mocked(downloadFile).mock.lastCall![0]).toMatch(/\.json$/);
  });

  it('links to the help page in a new tab, with or without a report', async () => {
    const helpUrl = () => 'chrome-extension://x/help.html';
    for (const state of [{ kind: 'report', tabId: 3, report }, { kind: 'none', why: { headline: 'h', detail: 'd' } }] as PopupState[]) {
      const el = await mount({ ...port(state), helpUrl });
      const a = el.querySelector<HTMLAnchorElement>('[data-testid="help-link"]')!;
      expect(a.getAttribute('href')).toBe('chrome-extension://x/help.html');
      expect(a.target).toBe('_blank');
      render(null, root);
      root.remove();
    }
  });

  it('saves the evidence pack from one click, as a zip, and says what it could not include', async () => {
    const evidence = vi.fn(async () => ({ fileName: 'a-2021-证据-2026-12-01.zip', zip: Uint8Array.from([80, 75, 5, 6]), notes: ['未保存网页存档'] }));
    const el = await mount({ ...port({ kind: 'report', tabId: 3, report }), evidence });
    await click(el.querySelector('[data-action="evidence"]'));
    expect(evidence).toHaveBeenCalledWith(3, report);
    const [name, blob] = vi.mocked(downloadBlob).mock.lastCall!;
    expect(name).toBe('a-2021-证据-2026-12-01.zip');
    expect([...new Uint8Array(await blob.arrayBuffer())]).toEqual([80, 75, 5, 6]);
    expect(el.querySelector('[role="status"]')!.textContent).toContain('未保存网页存档');
    // Without the browser's support (no port.evidence) there is no button.
    render(null, root);
    root.remove();
    const bare = await mount(port({ kind: 'report', tabId: 3, report }));
    expect(bare.querySelector('[data-action="evidence"]')).toBeNull();
  });

  it('copies the table as TSV', async () => {
    const p = port({ kind: 'report', tabId: 3, report });
    const el = await mount(p);
    await click(el.querySelector('[data-action="copy-tsv"]'));
    expect(p.copyText.mock.lastCall![0]).toContain('\t');
    expect(el.querySelector('[role="status"]')!.textContent).toContain('已复制');
  });

  it('shows an error instead of a file when the report does not validate', async () => {
    const bad = { ...report, year: 'x' } as unknown as typeof report;
    const el = await mount(port({ kind: 'report', tabId: 3, report: bad }));
    await click(el.querySelector('[data-action="json"]'));
    expect(downloadFile).not.toHaveBeenCalled();
    expect(el.querySelector('.nb-notice-error')!.textContent).toContain('操作失败');
  });

  it('says why there is nothing to show', async () => {
    const el = await mount(port({ kind: 'none', why: { headline: '此页面不是 .gov.cn 网站', detail: 'x' } }));
    expect(el.querySelector('[data-testid="no-report"] h1')!.textContent).toBe('此页面不是 .gov.cn 网站');
    expect(el.querySelector('[data-testid="page-links"]')).toBeNull();
  });

  it('lists the links a list page or an attachment page offers, as links that open in a new tab', async () => {
    const links = [
      { text: '某区2022年政府信息公开工作年度报告', href: 'http://www.a.gov.cn/1.html' },
      { text: '附件.pdf', href: 'http://www.a.gov.cn/f.pdf' },
    ];
    const el = await mount(port({ kind: 'none', why: { headline: '这是年报列表页', detail: 'x', links } }));
    const anchors = [...el.querySelectorAll('[data-testid="page-links"] a')] as HTMLAnchorElement[];
    expect(anchors.map((a) => [a.textContent, a.getAttribute('href'), a.target])).toEqual(links.map((l) => [l.text, l.href, '_blank']));
  });

  describe('the verdict says what it covered', () => {
    const clean = fakeReport([finding({ id: 'table3:blank_cells', rule: 'blank_cells', severity: 'warning', message: '有 3 个分项单元格为空白' })], [], {
      relationsChecked: 42,
      numbersRead: 200,
    });

    it('clean: green, with the relations checked and the numbers read', async () => {
      const el = await mount(port({ kind: 'report', tabId: 3, report: clean }));
      const verdict = el.querySelector('[data-testid="verdict"]')!;
      expect(verdict.textContent).toBe('✓ 本报告表格数据全部核对一致 · 已核对 42 项关系，读取 200 个数字');
      expect(verdict.classList.contains('nb-ok')).toBe(true);
      expect(el.querySelector('[data-testid="gaps"]')).toBeNull();
    });

    it('a relation not checkable: never green; the gap is listed, unfolded, and can be revealed', async () => {
      const gap = finding({ id: 'table3:row_total:not_checkable:col:other_org', severity: 'warning', message: '无法核对：缺少 其他列（（一）予以公开）' });
      const report = fakeReport([gap], [], {
        relationsChecked: 41,
        numbersRead: 180,
        notCheckable: [{ id: 'table3:row_total:granted', rule: 'table3.row_total', table: 'table3', subject: '（一）予以公开', reason: '缺少 其他列', findingId: gap.id }],
      });
      const p = port({ kind: 'report', tabId: 3, report });
      const el = await mount(p);
      const verdict = el.querySelector('[data-testid="verdict"]')!;
      expect(verdict.textContent).toBe('未发现不一致，但有 1 项未能核对');
      expect(verdict.classList.contains('nb-ok')).toBe(false);
      expect(el.querySelector('[data-testid="covered"]')!.textContent).toBe('已核对 41 项关系，读取 180 个数字');
      const gaps = el.querySelector('[data-testid="gaps"]')!;
      expect(gaps.closest('details')).toBeNull();
      expect(gaps.textContent).toContain('缺少 其他列');
      await click(gaps.querySelector(`[data-finding-id="${gap.id}"] button`));
      expect(p.reveal).toHaveBeenCalledWith(3, gap.id);
    });
  });
});

describe('核对附件 (components/AttachmentList.tsx)', () => {
  const links = [
    { text: '年度报告.pdf', href: 'http://www.a.gov.cn/download.jsp?filename=1.pdf' },
    { text: '年度报告.doc', href: 'http://www.a.gov.cn/u/2.doc' },
  ];

  it('an attachment page: each attachment listed as before, with 核对附件 that hands a readable one to the port', async () => {
    const p = { ...port({ kind: 'none', why: { headline: '本页的年报是附件', detail: 'x', links, checkable: true } }), checkAttachment: vi.fn(async () => undefined) };
    const el = await mount(p);
    const anchors = [...el.querySelectorAll('[data-testid="page-links"] a')] as HTMLAnchorElement[];
    expect(anchors.map((a) => [a.textContent, a.getAttribute('href'), a.target])).toEqual(links.map((l) => [l.text, l.href, '_blank']));
    const buttons = el.querySelectorAll('[data-testid="check-attachment"]');
    expect(buttons).toHaveLength(2);
    await click(buttons[0]!);
    expect(p.checkAttachment).toHaveBeenCalledWith(links[0]!.href);
  });

  it('a format that cannot be read (.doc) says so and what to do, and is not fetched', async () => {
    const p = { ...port({ kind: 'none', why: { headline: '本页的年报是附件', detail: 'x', links, checkable: true } }), checkAttachment: vi.fn(async () => undefined) };
    const el = await mount(p);
    await click(el.querySelectorAll('[data-testid="check-attachment"]')[1]!);
    expect(p.checkAttachment).not.toHaveBeenCalled();
    expect(el.querySelectorAll('[data-testid="page-links"] li')[1]!.querySelector('[role="status"]')!.textContent).toMatch(/旧版 Word 文件（\.doc）.*另存为 \.docx/);
  });

  it('a list page’s links get no 核对附件', async () => {
    const p = { ...port({ kind: 'none', why: { headline: '这是年报列表页', detail: 'x', links } }), checkAttachment: vi.fn(async () => undefined) };
    const el = await mount(p);
    expect(el.querySelectorAll('[data-testid="page-links"] a')).toHaveLength(2);
    expect(el.querySelector('[data-testid="check-attachment"]')).toBeNull();
  });
});
