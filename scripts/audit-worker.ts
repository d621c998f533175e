/**
 * One worker thread of the CLI's pool (scripts/audit-pool.ts): audits the pages it is sent, one message
 * per page back. A page that cannot be read or holds no report comes back as the sentence to print; any
 * other error is a bug and ends the worker (the pool rethrows it).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { auditPageForSpool, type SpooledOutcome } from './audit-page.ts';
import { heapSample, MEMORY_PROBE } from './memory-probe.ts';
import { SpoolWriter } from './report-spool.ts';

// Pages come a few ahead; a PDF's audit is asynchronous (pdf.js), so they are audited one after another
// on a chain rather than all at once (one page's memory at a time). A rejection ends the worker.
let chain = Promise.resolve();
// This worker's spool files; its pages come in input order (scripts/report-spool.ts).
const spool = new SpoolWriter(workerData.spoolDir, workerData.name);
parentPort!.on('message', (job: { index: number; file: string }) => {
  chain = chain.then(async () => {
    const outcome: SpooledOutcome = await auditPageForSpool(job.file, spool);
    parentPort!.postMessage({ index: job.index, outcome, heap: MEMORY_PROBE ? heapSample() : undefined });
  });
  chain.catch((e) => {
    throw e;
  });
});
