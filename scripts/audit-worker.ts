/**
 * One worker thread of the CLI's pool (scripts/audit-pool.ts): audits the pages it is sent, one message
 * per page back. A page that cannot be read or holds no report comes back as the sentence to print; any
 * other error is a bug and ends the worker (the pool rethrows it).
 */
import { parentPort } from 'node:worker_threads';
import { auditPage, type PageOutcome } from './audit-page.ts';

parentPort!.on('message', (job: { index: number; file: string }) => {
  const outcome: PageOutcome = auditPage(job.file);
  parentPort!.postMessage({ index: job.index, outcome });
});
