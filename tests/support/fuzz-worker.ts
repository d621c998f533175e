/** A worker thread of `npm run fuzz`: runs its share of cases and posts the result (see fuzz-core.ts). */
import { parentPort, workerData } from 'node:worker_threads';
import { runShare, type ShareOptions } from './fuzz-core.ts';

parentPort!.postMessage(await runShare(workerData as ShareOptions));
