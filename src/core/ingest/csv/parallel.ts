/**
 * A CSV read over several threads: the bytes go into shared memory (no copy per thread), the read's
 * chunks (chunked-read.ts) are dealt to this thread and to the pool's workers (pool.ts), and the columns
 * each chunk builds come back as Arrow buffers handed over without a copy. One thread, or an input too
 * small to split, is read in this thread as before.
 */
import { readFile } from 'node:fs/promises';
import type { IngestResult } from '../../table/model';
import { CancelledError } from '../../shared/cancel';
import { prepareCsvBytes, type CsvBytes } from './decode';
import { csvRead, decideLayout, planRead, readPreparedCsv, type CsvRead, type CsvReadOptions } from './read';
import { ChunkReader, type ChunkReply } from './chunk-reader';
import { readSteps, runStepsAsync, type ChunkCall } from './chunked-read';
import { sharedPool, threadCount, type WorkerPool } from './pool';
import type { LoadReply } from './worker-protocol';
import { LOAD_PART_BYTES, loadPartsAsync, loadedBytes, newLoadJob, stopClaims } from './file-parts';

export interface ParallelReadOptions {
  /**
   * Bytes per chunk (default: the input split evenly between its threads, at least MIN_CHUNK_BYTES each),
   * and per part of a file read by several threads (default LOAD_PART_BYTES). Given, the threads are not
   * capped by the input's size: tests read small inputs in tiny chunks.
   */
  parallelChunkBytes?: number;
  signal?: AbortSignal;
  /** Every byte of the input was found ASCII as the file was read (readTextFile): not checked again. */
  knownAscii?: boolean;
}

/** Inputs are split in chunks of at least this size (a smaller one is read faster than a thread starts). */
export const MIN_CHUNK_BYTES = 4 << 20;
/**
 * Input bytes per thread beyond the first two. A thread costs about 16 MiB of its own memory whatever it
 * reads; one per 64 MiB keeps that within a quarter of the input, so a read's peak memory stays within
 * 3× the file on any number of cores.
 */
export const BYTES_PER_EXTRA_THREAD = 64 << 20;

/** Threads for an input of `bytes` bytes: the `threads` setting (see threadCount), at most two plus one per BYTES_PER_EXTRA_THREAD. */
export function threadsFor(bytes: number, threads: number | undefined): number {
  return Math.min(threadCount(threads), Math.max(2, 1 + Math.floor(bytes / BYTES_PER_EXTRA_THREAD)));
}

function chunkCountFor(length: number, threads: number, parallelChunkBytes: number | undefined): number {
  const size = parallelChunkBytes ?? Math.max(MIN_CHUNK_BYTES, Math.ceil(length / threads));
  return Math.max(1, Math.ceil(length / Math.max(1, size)));
}

function inSharedMemory(prepared: CsvBytes): CsvBytes {
  if (prepared.bytes.buffer instanceof SharedArrayBuffer) return prepared;
  const bytes = new Uint8Array(new SharedArrayBuffer(prepared.bytes.length));
  bytes.set(prepared.bytes);
  return { ...prepared, bytes };
}

/** Reads prepared UTF-8 bytes with up to `threads` threads (see ParallelReadOptions). */
export async function readPreparedCsvInParallel(prepared: CsvBytes, options: CsvReadOptions & ParallelReadOptions = {}): Promise<CsvRead> {
  const threads = options.parallelChunkBytes === undefined ? threadsFor(prepared.bytes.length, options.threads) : threadCount(options.threads);
  const chunks = chunkCountFor(prepared.bytes.length, threads, options.parallelChunkBytes);
  const pool = sharedPool();
  // Text mode (cleaning) reads in this thread: its cell texts come from one scan's field offsets.
  if (threads === 1 || chunks === 1 || !pool || options.texts) return readPreparedCsv(prepared, options);
  prepared = inSharedMemory(prepared);
  const layout = decideLayout(prepared.bytes, options, prepared.notes);
  const plan = planRead(prepared, options, layout, chunks);
  // Chunk k goes to thread k mod threads: thread 0 is this one, thread t ≥ 1 the pool's worker t − 1.
  const threadOf = (chunk: number) => chunk % threads;
  const session = pool.session();
  const local = new Map<number, ChunkReader>();
  const used = new Set<number>();
  plan.starts.forEach((_, k) => {
    const t = threadOf(k);
    if (t === 0) local.set(k, new ChunkReader(prepared.bytes, plan.settings));
    else {
      used.add(t - 1);
      pool.worker(t - 1).post({ type: 'open', session, chunk: k, bytes: prepared.bytes, settings: plan.settings });
    }
  });
  const send = async (calls: ChunkCall[]): Promise<ChunkReply[]> => {
    if (options.signal?.aborted) throw new CancelledError();
    const replies: ChunkReply[] = new Array(calls.length);
    // The workers' requests go out first; this thread then does its own chunks while they work.
    const remote = Promise.all(
      calls.map(async (call, i) => {
        const t = threadOf(call.chunk);
        if (t > 0) replies[i] = await pool.worker(t - 1).call<ChunkReply>((seq) => ({ type: 'chunk', seq, session, chunk: call.chunk, request: call.message }));
      }),
    );
    try {
      calls.forEach((call, i) => {
        const reader = local.get(call.chunk);
        if (reader) replies[i] = reader.handle(call.message);
      });
    } catch (error) {
      remote.catch(() => undefined);
      throw error;
    }
    await remote;
    return replies;
  };
  try {
    return csvRead(prepared, options, layout, await runStepsAsync(readSteps(plan, options.firstLine ?? 0), send));
  } finally {
    for (const w of used) pool.worker(w).post({ type: 'close', session });
  }
}

/**
 * The file's bytes in shared memory (readable by every thread without a copy), read by this thread and
 * `threads` − 1 of the pool's workers at once, each checking the parts it reads for ASCII (file-parts.ts).
 */
async function loadShared(path: string, size: number, pool: WorkerPool, threads: number, options: ParallelReadOptions): Promise<TextFileBytes> {
  const { signal, parallelChunkBytes } = options;
  const job = newLoadJob(path, size, parallelChunkBytes ?? LOAD_PART_BYTES);
  const workers = Array.from({ length: threads - 1 }, (_, i) => pool.worker(i).call<LoadReply>((seq) => ({ type: 'load', seq, job })));
  try {
    await loadPartsAsync(job, signal);
  } finally {
    // No thread may still be writing into the bytes once they are handed on (or dropped).
    stopClaims(job);
    await Promise.allSettled(workers);
  }
  await Promise.all(workers);
  if (signal?.aborted) throw new CancelledError();
  return loadedBytes(job);
}

/** A text file's bytes and, when its read checked them, whether they are all ASCII. */
export interface TextFileBytes {
  bytes: Uint8Array;
  ascii?: boolean;
}

/**
 * A text file's bytes, in shared memory and read by several threads when a CSV of its size is read with
 * several threads (each worker starts reading its parts as soon as it has started).
 */
export async function readTextFile(
  path: string,
  size: number,
  options: Pick<CsvReadOptions, 'threads'> & ParallelReadOptions & { onProgress?: (p: { bytesRead: number; totalBytes: number; rows: number }) => void } = {},
): Promise<TextFileBytes> {
  const threads = threadsFor(size, options.threads);
  const pool = threads > 1 && chunkCountFor(size, threads, options.parallelChunkBytes) > 1 ? sharedPool() : undefined;
  const text = pool ? await loadShared(path, size, pool, threads, options) : { bytes: await readFile(path, { signal: options.signal }) };
  options.onProgress?.({ bytesRead: text.bytes.length, totalBytes: size, rows: 0 });
  if (options.signal?.aborted) throw new CancelledError();
  return text;
}

/** CSV/TSV bytes → IngestResult, read with up to `threads` threads. */
export async function readCsvBytesInParallel(bytes: Uint8Array, options: CsvReadOptions & ParallelReadOptions = {}): Promise<IngestResult> {
  return (await readPreparedCsvInParallel(prepareCsvBytes(bytes, options.encoding, options.knownAscii), options)).result;
}
