/** Messages between the extension host and the check worker (worker_threads). Plain structured-clone data. */
import type { CheckFileRequest, CheckProgress, CheckResult } from '../core/check/check-file';
import type { OptionName } from '../core/defaults';

export type { CheckResult };

export interface CheckRequest extends CheckFileRequest {
  type: 'check';
}

export type CheckWorkerMessage =
  | ({ type: 'progress' } & CheckProgress)
  | { type: 'result'; result: CheckResult }
  /** `option`: the check failed for want of it (e.g. the memory budget); the host says where it is set. */
  | { type: 'error'; message: string; option?: OptionName };
