/**
 * Parquet reader through parquet-wasm (see parquet-wasm.ts), isolated in a worker thread per read.
 *
 * Corrupt files can make parquet-wasm trap (a Rust panic compiled to WebAssembly's `unreachable`): the
 * instance is unusable afterwards, and in its streaming reader the trap is an uncaught exception rather
 * than a rejected promise, so an in-thread read would crash its process or never settle. Each read
 * therefore runs in its own worker thread (parquet-worker.ts) with a fresh WebAssembly instance: a trap
 * ends only that thread and becomes one clear error here; a read that makes no progress for
 * `stallTimeoutMs` is stopped; the next read starts clean. The worker decodes row group by row group
 * from a Blob backed by the file on disk (`fs.openAsBlob`) and hands each batch over as Arrow IPC bytes
 * (transferred, not copied), decoded here by apache-arrow; it decodes the next batch while the caller
 * uses the current one. Ending the worker also returns its WebAssembly heap, which only grows.
 */
import { existsSync } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { tableFromIPC, type RecordBatch } from 'apache-arrow';
import type { IngestResult } from '../table/model';
import { binaryIngestResult, collectBatches, columnInfoFromSchema, type BatchSource, type BinaryReadOptions } from './arrow';
import type { ParquetWorkerReply, ParquetWorkerRequest } from './parquet-protocol';
import { sniffMagic } from './magic-bytes';

/** Rows per batch read from Parquet (row groups are split into batches of at most this size). */
export const PARQUET_BATCH_ROWS = 65_536;

/** How long a read may go without an answer from its worker before it is stopped (a hang on a corrupt file). */
export const PARQUET_STALL_TIMEOUT_MS = 60_000;

export interface ParquetReadOptions extends BinaryReadOptions {
  /** Stop the read when its worker has not answered for this long (default {@link PARQUET_STALL_TIMEOUT_MS}). */
  stallTimeoutMs?: number;
}

const PAR1 = [0x50, 0x41, 0x52, 0x31];

function hasMagic(bytes: Uint8Array, at: number): boolean {
  return at >= 0 && bytes.length >= at + 4 && PAR1.every((b, i) => bytes[at + i] === b);
}

/** Checks the "PAR1" magic at both ends; throws a clear error otherwise. */
export function checkParquetMagic(head: Uint8Array, tail: Uint8Array, size: number, name: string): void {
  if (size === 0) throw new Error(`${name} is not a Parquet file: the file is empty (0 bytes)`);
  if (!hasMagic(head, 0)) {
    const known = sniffMagic(head);
    const hint = known ? ` (it looks like ${known.looksLike})` : '';
    throw new Error(`${name} is not a Parquet file: it does not start with "PAR1"${hint}`);
  }
  if (size < 12 || !hasMagic(tail, tail.length - 4)) {
    throw new Error(`${name} is truncated: the Parquet footer is missing (the file should end with "PAR1"; ${size} bytes present)`);
  }
}

function formatDuration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`;
}

function unreadable(name: string, reason: string): Error {
  return new Error(`${name} could not be read as Parquet (truncated or corrupt?): ${reason}`);
}

/**
 * The worker's script: beside this bundle (dist/jobs/) or in jobs/ below it (dist/cli.js); from the
 * TypeScript sources (unit tests under tsx), the .ts module loaded through tsx's require hook.
 */
function startWorker(): Worker {
  const bundled = [join(__dirname, 'parquet-worker.js'), join(__dirname, 'jobs', 'parquet-worker.js')].find((file) => existsSync(file));
  if (bundled) return new Worker(bundled);
  const source = join(__dirname, 'parquet-worker.ts');
  if (!existsSync(source)) throw new Error(`the Parquet reader's worker (parquet-worker.js) is missing beside ${__dirname}`);
  const tsx = 'tsx/cjs';
  return new Worker(`require(${JSON.stringify(require.resolve(tsx))}); require(${JSON.stringify(source)});`, { eval: true });
}

/** One read's worker: strictly one request at a time; every failure of the thread becomes a clear error. */
class ReadSession {
  private readonly worker: Worker;
  private pending: { resolve(reply: ParquetWorkerReply): void; reject(error: Error): void } | undefined;
  private timer: NodeJS.Timeout | undefined;
  /** Why the worker cannot answer any more (set once). */
  private ended: Error | undefined;
  private readonly onAbort = () => this.end(this.signal?.reason instanceof Error ? this.signal.reason : new Error('The read was cancelled.'));

  constructor(
    private readonly name: string,
    private readonly stallTimeoutMs: number,
    private readonly signal: AbortSignal | undefined,
  ) {
    this.worker = startWorker();
    this.worker.unref();
    this.worker.on('message', (reply: ParquetWorkerReply) => {
      const pending = this.pending;
      this.idle();
      pending?.resolve(reply);
    });
    this.worker.on('error', (error: Error) => this.end(unreadable(name, `the decoder stopped on invalid data (${error.name}: ${error.message})`)));
    this.worker.on('exit', (code) => this.end(unreadable(name, `the Parquet reader stopped unexpectedly (exit code ${code})`)));
    signal?.addEventListener('abort', this.onAbort, { once: true });
  }

  request(message: ParquetWorkerRequest, transfer: ArrayBuffer[] = []): Promise<ParquetWorkerReply> {
    if (this.ended) return Promise.reject(this.ended);
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      // The thread keeps the process alive only while a request waits (an abandoned read never does).
      this.worker.ref();
      this.timer = setTimeout(
        () => this.end(unreadable(this.name, `the Parquet reader made no progress for ${formatDuration(this.stallTimeoutMs)} and was stopped`)),
        this.stallTimeoutMs,
      );
      this.worker.postMessage(message, transfer);
    });
  }

  private idle(): void {
    clearTimeout(this.timer);
    this.pending = undefined;
    this.worker.unref();
  }

  /** Ends the session: the waiting request (if any) fails with `error`, later ones too. */
  end(error: Error = new Error('The Parquet read was closed.')): void {
    if (this.ended) return;
    this.ended = error;
    const pending = this.pending;
    this.idle();
    this.signal?.removeEventListener('abort', this.onAbort);
    void this.worker.terminate();
    pending?.reject(error);
  }
}

function expect<T extends ParquetWorkerReply['type']>(reply: ParquetWorkerReply, type: T, name: string): Extract<ParquetWorkerReply, { type: T }> {
  if (reply.type === 'failed') throw unreadable(name, reply.message);
  if (reply.type !== type) throw unreadable(name, `unexpected reply "${reply.type}" from the Parquet reader`);
  return reply as Extract<ParquetWorkerReply, { type: T }>;
}

/** Opens `source` in a fresh worker and returns its batches (the worker ends with them). */
async function openInWorker(source: { path: string } | { bytes: Uint8Array }, name: string, size: number, options: ParquetReadOptions): Promise<BatchSource> {
  const session = new ReadSession(name, options.stallTimeoutMs ?? PARQUET_STALL_TIMEOUT_MS, options.signal);
  let opened: Extract<ParquetWorkerReply, { type: 'opened' }>;
  try {
    const transfer = 'bytes' in source ? [source.bytes.buffer as ArrayBuffer] : [];
    opened = expect(await session.request({ type: 'open', source, batchRows: PARQUET_BATCH_ROWS }, transfer), 'opened', name);
  } catch (error) {
    session.end();
    throw error;
  }
  const schema = tableFromIPC(opened.schema).schema;
  const totalRows = opened.totalRows;
  async function* batches(): AsyncGenerator<RecordBatch, void, undefined> {
    let rows = 0;
    try {
      let next = session.request({ type: 'next' });
      for (;;) {
        options.signal?.throwIfAborted();
        const reply = await next;
        if (reply.type === 'end') break;
        const { ipc } = expect(reply, 'batch', name);
        // The worker decodes the next batch while this one is used; a failure is met at the next await.
        next = session.request({ type: 'next' });
        next.catch(() => undefined);
        for (const batch of tableFromIPC(ipc).batches) {
          rows += batch.numRows;
          options.onProgress?.({
            bytesRead: totalRows > 0 ? Math.round((size * Math.min(rows, totalRows)) / totalRows) : size,
            totalBytes: size,
            rows,
          });
          yield batch;
        }
      }
      options.onProgress?.({ bytesRead: size, totalBytes: size, rows });
    } finally {
      session.end();
    }
  }
  return { format: 'parquet', path: name, schema, columns: columnInfoFromSchema(schema), totalBytes: size, totalRows, batches: batches() };
}

/**
 * Opens a Parquet file for batch-by-batch reading (memory: the batches the caller keeps, plus the worker's
 * WebAssembly heap, which grows to the largest row group and is returned when the read ends).
 */
export async function openParquetBatches(path: string, options: ParquetReadOptions = {}): Promise<BatchSource> {
  options.signal?.throwIfAborted();
  const { size } = await stat(path);
  const handle = await open(path, 'r');
  try {
    const head = new Uint8Array(Math.min(8, size));
    const tail = new Uint8Array(Math.min(8, size));
    if (size > 0) {
      await handle.read(head, 0, head.length, 0);
      await handle.read(tail, 0, tail.length, size - tail.length);
    }
    checkParquetMagic(head, tail, size, path);
  } finally {
    await handle.close();
  }
  return openInWorker({ path }, path, size, options);
}

/** Reads a whole Parquet file into memory as an Arrow table. */
export async function readParquetFile(path: string, options: ParquetReadOptions = {}): Promise<IngestResult> {
  const source = await openParquetBatches(path, options);
  const table = await collectBatches(source);
  return binaryIngestResult(table, 'parquet', path, options);
}

/** Reads Parquet bytes already in memory (a copy goes to the worker; `bytes` stays usable). */
export async function readParquetBytes(bytes: Uint8Array, path = '<bytes>', options: Pick<ParquetReadOptions, 'renderRowCap' | 'stallTimeoutMs'> = {}): Promise<IngestResult> {
  checkParquetMagic(bytes.subarray(0, 8), bytes.subarray(Math.max(0, bytes.length - 8)), bytes.length, path);
  const source = await openInWorker({ bytes: bytes.slice() }, path, bytes.length, options);
  return binaryIngestResult(await collectBatches(source), 'parquet', path, options);
}
