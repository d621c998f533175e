import { describe, expect, it, vi } from 'vitest';
import { handleContentMessage, type ContentState } from '@/entrypoints/content/messages.ts';
import { fakeReport } from './support/fake-report.ts';

const state = (found: boolean): ContentState => ({
  report: () => (found ? fakeReport() : null),
  costMs: () => 4.5,
  watching: () => !found,
  looksLikeReport: () => true,
  pageKind: () => ({ kind: 'list', links: [{ text: '某区2022年政府信息公开工作年度报告', href: 'http://www.example.gov.cn/a.html' }] }),
  reveal: vi.fn((id: string) => found && id === 'f1'),
});

describe('content script replies to the popup', () => {
  it('status is always answered', async () => {
    await expect(handleContentMessage({ type: 'nianbao/status' }, state(false))).resolves.toEqual({
      found: false,
      watching: true,
      looksLikeReport: true,
      page: { kind: 'list', links: [{ text: '某区2022年政府信息公开工作年度报告', href: 'http://www.example.gov.cn/a.html' }] },
    });
    await expect(handleContentMessage({ type: 'nianbao/status' }, state(true))).resolves.toEqual({ found: true, watching: false, looksLikeReport: true });
  });

  it('only a frame with a report answers get-report and reveal', async () => {
    expect(handleContentMessage({ type: 'nianbao/get-report' }, state(false))).toBeUndefined();
    await expect(handleContentMessage({ type: 'nianbao/get-report' }, state(true))).resolves.toMatchObject({ costMs: 4.5, report: { agency: '某区人民政府' } });
    expect(handleContentMessage({ type: 'nianbao/reveal', findingId: 'f1' }, state(false))).toBeUndefined();
    expect(handleContentMessage({ type: 'nianbao/reveal', findingId: 'zz' }, state(true))).toBeUndefined();
    await expect(handleContentMessage({ type: 'nianbao/reveal', findingId: 'f1' }, state(true))).resolves.toBe(true);
  });

  it('ignores anything that is not ours', () => {
    expect(handleContentMessage(undefined, state(true))).toBeUndefined();
    expect(handleContentMessage({ type: 'other' }, state(true))).toBeUndefined();
  });
});
