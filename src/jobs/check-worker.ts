/**
 * Worker-thread entry point of "Check data quality": reads the file, profiles it and runs the rules,
 * posting progress as it goes. Runs off the extension host's event loop; the host terminates it to cancel.
 */
import { parentPort } from 'node:worker_threads';
import type { CheckRequest, CheckResult, CheckWorkerMessage } from './check-protocol';
import { runCheckRequest } from './run-check';

const port = parentPort;
if (!port) throw new Error('check-worker must run in a worker thread');

port.once('message', (request: CheckRequest) => {
  const post = (message: CheckWorkerMessage) => port.postMessage(message);
  runCheckRequest(request, (progress) => post({ type: 'progress', ...progress }))
    .then((result: CheckResult) => post({ type: 'result', result }))
    .catch((error: unknown) => post({ type: 'error', message: error instanceof Error ? error.message : String(error) }))
    .finally(() => port.close());
});
