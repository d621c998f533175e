/**
 * The CLI's pages audited on worker threads (one per core), handed back in input order as they finish:
 * a result waits only for the pages before it, so what is held at once is bounded by the pages in flight
 * (a few per worker), not by the folder. Few pages are audited on the main thread: starting workers costs
 * more than it saves.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { auditPageForSpool, type SpooledOutcome } from './audit-page.ts';
import { SpoolWriter } from './report-spool.ts';
import { memoryPeaks, MEMORY_PROBE, type HeapSample } from './memory-probe.ts';

/** Below this many pages the main thread audits them itself. */
const POOL_FROM = 16;
/** Pages sent ahead to each worker, so none idles while the main thread writes. */
const AHEAD = 4;
/**
 * A worker's old generation: what it keeps between pages is nothing, but V8 lets an unbounded heap grow
 * for long before collecting it (2,000 pages: ~500 MB a thread). A bound makes it collect instead; the
 * largest page read so far needs a small fraction of it.
 */
const WORKER_HEAP_MB = 256;

export async function auditPages(files: string[], spoolDir: string, onOutcome: (index: number, outcome: SpooledOutcome) => void): Promise<void> {
  // NIANBAO_THREADS=1: everything on the main thread (tests compare the two).
  const threads = Math.min(Number(process.env.NIANBAO_THREADS ?? availableParallelism()), Math.ceil(files.length / AHEAD));
  if (files.length < POOL_FROM || threads < 2) {
    const spool = new SpoolWriter(spoolDir, 'main');
    for (let i = 0; i < files.length; i++) onOutcome(i, await auditPageForSpool(files[i], spool));
    return;
  }
  const done = new Map<number, SpooledOutcome>();
  let nextOut = 0;
  let nextIn = 0;
  // Each worker writes its reports to its own files in the spool's folder: only where they are comes back.
  const workers = Array.from({ length: threads }, (_, k) => new Worker(new URL('./audit-worker.ts', import.meta.url), { workerData: { spoolDir, name: `worker${k}` }, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } }));
  try {
    await new Promise<void>((resolve, reject) => {
      const send = (w: Worker) => {
        if (nextIn < files.length) {
          w.postMessage({ index: nextIn, file: files[nextIn] });
          nextIn++;
        }
      };
      workers.forEach((w, k) => {
        w.on('message', ({ index, outcome, heap }: { index: number; outcome: SpooledOutcome; heap?: HeapSample }) => {
          if (MEMORY_PROBE) {
            memoryPeaks.note(`worker${k}`, heap!);
            memoryPeaks.sampleMain();
          }
          done.set(index, outcome);
          try {
            for (let o = done.get(nextOut); o; o = done.get(nextOut)) {
              done.delete(nextOut);
              onOutcome(nextOut++, o);
            }
          } catch (e) {
            reject(e);
            return;
          }
          if (nextOut === files.length) resolve();
          else send(w);
        });
        w.on('error', reject);
        w.on('exit', (code) => code !== 0 && reject(new Error(`audit worker exited with ${code}`)));
        for (let a = 0; a < AHEAD; a++) send(w);
      });
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
