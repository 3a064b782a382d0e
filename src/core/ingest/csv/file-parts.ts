/**
 * A file read into shared memory by several threads at once: it is cut into parts, and each thread claims
 * the next part nobody has taken (an atomic counter in shared memory), reads it into place and checks it
 * for ASCII, until none is left. Reading a file and first touching its memory is a large share of a read's
 * serial time; claimed parts keep the threads busy alike however late each one starts.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { isAscii } from 'node:buffer';
import { CancelledError } from '../../shared/cancel';

/** Bytes per part: small enough to share the work evenly, large enough that claiming costs nothing. */
export const LOAD_PART_BYTES = 4 << 20;

/** A file being read into `bytes` (shared memory as large as the file) in parts; every thread taking part holds the same job. */
export interface LoadJob {
  path: string;
  bytes: Uint8Array;
  partBytes: number;
  /** Shared: [0] the next part to claim; [1 + k] part k's bytes read + 1 (0 while unread); [1 + parts + k] 1 when part k is ASCII. */
  state: Int32Array;
}

const partCount = (size: number, partBytes: number) => Math.ceil(size / partBytes);
const partsOf = (job: LoadJob) => partCount(job.bytes.length, job.partBytes);

/** Where part k lies in the file: [start, end). */
function partOf(job: LoadJob, k: number): [number, number] {
  const start = k * job.partBytes;
  return [start, Math.min(job.bytes.length, start + job.partBytes)];
}

export function newLoadJob(path: string, size: number, partBytes: number): LoadJob {
  const bytes = new Uint8Array(new SharedArrayBuffer(size));
  return { path, bytes, partBytes, state: new Int32Array(new SharedArrayBuffer(4 * (1 + 2 * partCount(size, partBytes)))) };
}

/** The next unclaimed part, or -1 when every part is taken. */
function claim(job: LoadJob): number {
  const k = Atomics.add(job.state, 0, 1);
  return k < partsOf(job) ? k : -1;
}

function record(job: LoadJob, k: number, start: number, read: number): void {
  const parts = partsOf(job);
  Atomics.store(job.state, 1 + parts + k, isAscii(job.bytes.subarray(start, start + read)) ? 1 : 0);
  Atomics.store(job.state, 1 + k, read + 1);
}

/** Leaves the parts nobody has claimed yet unread (a cancelled read). */
export function stopClaims(job: LoadJob): void {
  Atomics.store(job.state, 0, partsOf(job));
}

/** Reads parts of the job in this thread, blocking it, until none is left (worker threads). */
export function loadPartsSync(job: LoadJob): void {
  const fd = openSync(job.path, 'r');
  try {
    for (let k = claim(job); k >= 0; k = claim(job)) {
      const [start, end] = partOf(job, k);
      let read = 0;
      while (start + read < end) {
        const n = readSync(fd, job.bytes, start + read, end - start - read, start + read);
        if (n === 0) break;
        read += n;
      }
      record(job, k, start, read);
    }
  } finally {
    closeSync(fd);
  }
}

/** Reads parts of the job from this thread without blocking it (the copies run on libuv's threads), until none is left. */
export async function loadPartsAsync(job: LoadJob, signal: AbortSignal | undefined): Promise<void> {
  const handle = await open(job.path, 'r');
  try {
    for (let k = claim(job); k >= 0; k = claim(job)) {
      const [start, end] = partOf(job, k);
      let read = 0;
      while (start + read < end) {
        if (signal?.aborted) {
          stopClaims(job);
          throw new CancelledError();
        }
        const { bytesRead } = await handle.read(job.bytes, start + read, end - start - read, start + read);
        if (bytesRead === 0) break;
        read += bytesRead;
      }
      record(job, k, start, read);
    }
  } finally {
    await handle.close();
  }
}

/**
 * The file's bytes once every thread has finished, and whether they are all ASCII. A file that shrank while
 * it was read ends where its first short part ends, as a single read would.
 */
export function loadedBytes(job: LoadJob): { bytes: Uint8Array; ascii: boolean } {
  const parts = partsOf(job);
  let ascii = true;
  for (let k = 0; k < parts; k++) {
    const read = Atomics.load(job.state, 1 + k) - 1;
    if (read < 0) throw new Error(`internal: part ${k} of ${job.path} was never read`);
    ascii &&= Atomics.load(job.state, 1 + parts + k) === 1;
    const [start, end] = partOf(job, k);
    if (read < end - start) return { bytes: job.bytes.subarray(0, start + read), ascii };
  }
  return { bytes: job.bytes, ascii };
}
