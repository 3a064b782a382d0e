/** Messages between a Parquet reader (parquet.ts) and its worker thread (parquet-worker.ts). */

export type ParquetWorkerRequest =
  /** Opens a file on disk, or bytes already in memory (transferred). */
  | { type: 'open'; source: { path: string } | { bytes: Uint8Array }; batchRows: number }
  /** The next record batch. */
  | { type: 'next' };

export type ParquetWorkerReply =
  /** The schema as an Arrow IPC stream with no batches, and the row count from the footer. */
  | { type: 'opened'; schema: Uint8Array; totalRows: number }
  /** One record batch as an Arrow IPC stream (transferred). */
  | { type: 'batch'; ipc: Uint8Array }
  | { type: 'end' }
  /** An error parquet-wasm reported (a corrupt file, usually); the worker stays usable. */
  | { type: 'failed'; message: string };
