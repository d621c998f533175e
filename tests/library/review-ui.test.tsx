import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { Banner } from '@/components/Banner.tsx';
import type { Coverage } from '@/lib/schema.ts';
import { useMount } from '../support/mount.ts';
import { finding } from '../support/fake-report.ts';

// The banner with the library's additions: review controls, dismissed findings apart and not counted,
// later years' notes in their own list naming (and linking) the later report.

const covered: Coverage = { relationsChecked: 42, numbersRead: 200, cellsUnreadable: 0, notCheckable: [] };
const mount = useMount();

describe('Banner with review marks', () => {
  const dismissed = finding({ id: 'e1', review: { status: 'dismissed', note: '已更正', at: '2025-01-01T00:00:00.000Z' } });
  const open = finding({ id: 'e2' });
  const note = finding({
    id: 'later:x',
    rule: 'series.carry_over',
    severity: 'warning',
    message: '某局2022年报告与本报告对照：…',
    other: { agency: '某局', year: 2022, source: { title: 't', url: 'http://a.gov.cn/2022.html' }, cells: [] },
  });

  it('a dismissed finding is listed apart, greyed, and not counted; later notes get their own list with a link', () => {
    const el = mount(<Banner findings={[dismissed, open]} later={[note]} coverage={covered} onSelect={vi.fn()} onDismiss={vi.fn()} onReview={vi.fn()} />);
    expect(el.querySelector('[data-testid="nianbao-headline"]')!.textContent).toBe('本报告有 1 处数据不一致');
    const apart = el.querySelector('[data-testid="nianbao-dismissed"]')!;
    expect(apart.querySelector('summary')!.textContent).toBe('已忽略 1 条（不计入）');
    expect(apart.querySelector('[data-finding-id="e1"]')!.classList.contains('nb-dismissed')).toBe(true);
    expect(apart.querySelector('.nb-review-status')!.textContent).toBe('已忽略：已更正');
    const later = el.querySelector('[data-testid="nianbao-later"]')!;
    expect(later.querySelector('a.nb-other')!.getAttribute('href')).toBe('http://a.gov.cn/2022.html');
    expect(later.querySelector('a.nb-other')!.textContent).toBe('某局2022年报告');
  });

  it('已核实 / 已忽略 pass the note typed beside them; 撤销 clears', () => {
    const onReview = vi.fn();
    const el = mount(<Banner findings={[dismissed, open]} coverage={covered} onSelect={vi.fn()} onDismiss={vi.fn()} onReview={onReview} />);
    const item = el.querySelector('[data-finding-id="e2"]')!;
    item.querySelector('input')!.value = '  电话核实  ';
    act(() => (item.querySelector('[data-review-action="confirmed"]') as HTMLButtonElement).click());
    expect(onReview).toHaveBeenLastCalledWith(open, 'confirmed', '电话核实');
    act(() => (el.querySelector('[data-finding-id="e1"] [data-review-action="clear"]') as HTMLButtonElement).click());
    expect(onReview).toHaveBeenLastCalledWith(dismissed, null);
  });

  it('without onReview (no library), no review controls', () => {
    const el = mount(<Banner findings={[open]} coverage={covered} onSelect={vi.fn()} onDismiss={vi.fn()} />);
    expect(el.querySelector('.nb-review')).toBeNull();
  });
});
