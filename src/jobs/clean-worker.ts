/**
 * Worker-thread entry point of "Clean data…": plans, previews or writes, posting progress as it goes. The
 * table never reaches the extension host; the host terminates the worker to cancel.
 */
import { parentPort } from 'node:worker_threads';
import type { CleanRequest, CleanWorkerMessage } from './clean-protocol';
import { runCleanRequest } from './run-clean-job';

const port = parentPort;
if (!port) throw new Error('clean-worker must run in a worker thread');

port.once('message', (request: CleanRequest) => {
  const post = (message: CleanWorkerMessage) => port.postMessage(message);
  runCleanRequest(request, (progress) => post({ type: 'progress', progress }))
    .then((reply) => post({ type: 'result', reply }))
    .catch((error: unknown) => post({ type: 'error', message: error instanceof Error ? error.message : String(error) }))
    .finally(() => port.close());
});
