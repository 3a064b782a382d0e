/**
 * Worker-thread entry point of "Check data quality": reads the file, profiles it and runs the rules,
 * posting progress as it goes. Runs off the extension host's event loop; the host terminates it to cancel.
 */
import { parentPort } from 'node:worker_threads';
import type { CheckRequest, CheckWorkerMessage } from './check-protocol';
import { checkFile } from '../core/check/check-file';
import { OptionError } from '../core/defaults';

const port = parentPort;
if (!port) throw new Error('check-worker must run in a worker thread');

port.once('message', (request: CheckRequest) => {
  const post = (message: CheckWorkerMessage) => port.postMessage(message);
  checkFile(request, (progress) => post({ type: 'progress', ...progress }))
    .then((result) => post({ type: 'result', result }))
    .catch((error: unknown) =>
      post({ type: 'error', message: error instanceof Error ? error.message : String(error), ...(error instanceof OptionError ? { option: error.option } : {}) }),
    )
    .finally(() => port.close());
});
