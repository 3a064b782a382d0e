/**
 * Worker-thread entry point of the data jobs: "Check data quality" (reads the file, profiles it and runs
 * the rules), the table editor (table-worker.ts, when the first request opens a table) and "Clean data…"
 * (plans, previews or writes; run-clean-job.ts, loaded on the first cleaning request), posting progress as
 * they go. One bundle for all, so the readers and the rules ship once. Runs off the extension host's event
 * loop; the host terminates the worker to cancel, and keeps a check worker for the next check a while.
 */
import { parentPort } from 'node:worker_threads';
import type { CheckRequest, CheckWorkerMessage } from './check-protocol';
import type { CleanRequest, CleanWorkerMessage } from './clean-protocol';
import type { TableOpenRequest } from './table-protocol';
import { serveTable } from './table-worker';
import { checkFile } from '../core/check/check-file';
import { OptionError } from '../core/defaults';
import { collectGarbage } from '../core/shared/collect-garbage';

const port = parentPort;
if (!port) throw new Error('check-worker must run in a worker thread');

function check(request: CheckRequest): Promise<void> {
  const post = (message: CheckWorkerMessage) => port!.postMessage(message);
  // The reader's threads are stopped once the check is done with them (releaseReaderThreads): not needed for
  // the rules, nor while the worker waits for the next check.
  return checkFile({ ...request, releaseReaderThreads: true }, (progress) => post({ type: 'progress', ...progress }))
    .then((result) => post({ type: 'result', result }))
    .catch((error: unknown) =>
      post({ type: 'error', message: error instanceof Error ? error.message : String(error), ...(error instanceof OptionError ? { option: error.option } : {}) }),
    )
    // The checked table is garbage now: collected at once, so an idle worker holds no memory as large as the file.
    .finally(collectGarbage);
}

/** Checks one file after another, as the host asks (it keeps the worker between checks, kept-worker.ts). */
function serveChecks(first: CheckRequest): void {
  let done = check(first);
  port!.on('message', (request: CheckRequest) => {
    done = done.then(() => check(request));
  });
}

async function clean(request: CleanRequest): Promise<void> {
  const post = (message: CleanWorkerMessage) => port!.postMessage(message);
  try {
    const { runCleanRequest } = await import('./run-clean-job.js');
    post({ type: 'result', reply: await runCleanRequest(request, (progress) => post({ type: 'progress', progress })) });
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
}

port.once('message', (request: CheckRequest | CleanRequest | TableOpenRequest) => {
  // A table is served until the host closes it, checks as long as the host keeps the worker; a cleaning request is one job.
  if (request.type === 'open') return serveTable(port, request);
  if (request.type === 'check') return serveChecks(request);
  void clean(request).finally(() => port.close());
});
