/** Messages between a reading thread and the pool's workers (pool.ts, worker.ts). Plain structured-clone data. */
import type { ChunkReply, ChunkRequest, ChunkSettings } from './chunk-reader';
import type { LoadJob } from './file-parts';

export type PoolRequest =
  /** A chunk reader for chunk `chunk` of read `session`, over `bytes` (a view of shared memory, not copied). */
  | { type: 'open'; session: number; chunk: number; bytes: Uint8Array; settings: ChunkSettings }
  | { type: 'chunk'; seq: number; session: number; chunk: number; request: ChunkRequest }
  /** Frees the chunk readers of a read. */
  | { type: 'close'; session: number }
  /** Reads parts of a file into shared memory beside the other threads of the job until none is left (file-parts.ts). */
  | { type: 'load'; seq: number; job: LoadJob };

/** The worker has no more parts of a file to read (what it read is in the job's shared memory). */
export interface LoadReply {
  type: 'load';
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
