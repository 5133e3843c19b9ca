// The body of a FindingRowsWorker thread: rebuilds the bench's organization
// from its seed and size (the same findings as the main thread's), then
// says it is ready, then answers each { id, from, to } with those findings'
// rows.
import { parentPort, workerData } from 'node:worker_threads';
import { awsOrganization } from '../lib/awsOrganization';
import { rowsOf } from './findingRows';

const { org } = awsOrganization(workerData.seed, workerData.size);
parentPort!.postMessage({ ready: true });
parentPort!.on('message', ({ id, from, to }) => {
  parentPort!.postMessage({ id, rows: rowsOf(org, from, to) });
});
