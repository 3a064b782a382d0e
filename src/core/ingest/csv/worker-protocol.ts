/** Messages between a reading thread and the pool's workers (pool.ts, worker.ts). Plain structured-clone data. */
import type { ChunkReply, ChunkRequest, ChunkSettings } from './chunk-reader';

export type PoolRequest =
  /** A chunk reader for chunk `chunk` of read `session`, over `bytes` (a view of shared memory, not copied). */
  | { type: 'open'; session: number; chunk: number; bytes: Uint8Array; settings: ChunkSettings }
  | { type: 'chunk'; seq: number; session: number; chunk: number; request: ChunkRequest }
  /** Frees the chunk readers of a read. */
  | { type: 'close'; session: number }
  /** Reads bytes [start, end) of the file at `path` into `bytes` (shared memory, the whole file's) at the same offsets. */
  | { type: 'load'; seq: number; path: string; bytes: Uint8Array; start: number; end: number };

/** A part of a file read by a worker: how many bytes it read (fewer: the file shrank) and whether all are ASCII. */
export interface LoadReply {
  type: 'load';
  bytesRead: number;
  ascii: boolean;
}

export interface PoolReply {
  seq: number;
  reply?: ChunkReply | LoadReply;
  error?: string;
}

/** The buffers of `views` that can be handed over to another thread (shared memory is shared, not moved), once each. */
export function transferable(views: readonly (ArrayBufferView | null | undefined)[]): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const view of views) if (view && view.buffer instanceof ArrayBuffer) buffers.add(view.buffer);
  return [...buffers];
}
