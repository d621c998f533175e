/**
 * For the bench (NIANBAO_REPORT_RSS=1): each thread's memory, sampled as the run goes — the main thread's
 * and every worker's V8 heap (used and reserved), their ArrayBuffers and the process's resident set — so
 * that a growing peak can be put on the thread that grows. Off unless asked: nothing is sampled.
 */
import { getHeapStatistics } from 'node:v8';

export const MEMORY_PROBE = !!process.env.NIANBAO_REPORT_RSS;

/** One thread's heap at one moment, in bytes. */
export interface HeapSample {
  used: number;
  total: number;
  external: number;
  /** V8's own malloc'd memory outside the heap (compiler zones and the like). */
  malloced: number;
}

export function heapSample(): HeapSample {
  const h = getHeapStatistics();
  return { used: h.used_heap_size, total: h.total_heap_size, external: h.external_memory, malloced: h.malloced_memory };
}

/** The largest of each figure seen, per thread; `rss` is the whole process's, sampled on the main thread. */
export class MemoryPeaks {
  private readonly peaks = new Map<string, HeapSample>();
  private rss = 0;
  private samples = 0;

  note(thread: string, s: HeapSample): void {
    const p = this.peaks.get(thread);
    if (!p) this.peaks.set(thread, { ...s });
    else {
      p.used = Math.max(p.used, s.used);
      p.total = Math.max(p.total, s.total);
      p.external = Math.max(p.external, s.external);
      p.malloced = Math.max(p.malloced, s.malloced);
    }
  }

  /** The main thread's heap and the process's resident set, now (every so many calls: it reads /proc). */
  sampleMain(every = 1): void {
    if (this.samples++ % every) return;
    this.note('main', heapSample());
    this.rss = Math.max(this.rss, process.memoryUsage.rss());
  }

  /** One line for the bench to read: `memory {"main":{usedMB,totalMB,externalMB,mallocedMB},"worker0":…,"rssMB":…}`. */
  line(): string {
    const mb = (b: number) => Math.round(b / 1048576);
    const out: Record<string, unknown> = {};
    for (const [thread, p] of this.peaks) out[thread] = { usedMB: mb(p.used), totalMB: mb(p.total), externalMB: mb(p.external), mallocedMB: mb(p.malloced) };
    out.rssMB = mb(this.rss);
    return `memory ${JSON.stringify(out)}`;
  }
}

export const memoryPeaks = new MemoryPeaks();
