/**
 * A full garbage collection of the calling thread's heap, for the few moments when a thread has just let go
 * of memory as large as a file and would otherwise keep it until its collector happens to run: an idle worker
 * allocates nothing, so its collector would not run at all; a busy thread would collect only after allocating
 * about as much again beside it.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  const gc: unknown = runInNewContext('gc');
  if (typeof gc === 'function') gc();
}
