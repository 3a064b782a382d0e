/**
 * Cancellation as a type, not a text: a read or a run stopped on request throws a CancelledError. Its name
 * is 'AbortError', as Node's and the DOM's aborts, so {@link isCancellation} recognises those too.
 */
export class CancelledError extends Error {
  override name = 'AbortError';
  constructor(message = 'The read was cancelled.') {
    super(message);
  }
}

export class TrainingCancelledError extends CancelledError {
  constructor() {
    super('Training was cancelled.');
  }
}

/** Whether an error means "stopped on request" rather than "failed". */
export function isCancellation(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}
