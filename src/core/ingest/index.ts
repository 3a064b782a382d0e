/**
 * The ingestion engine's entry point: any supported data file → IngestResult (Arrow table + source map +
 * what the reader learned). CSV/TSV through the CSV reader, Arrow IPC and Parquet through their readers.
 */
import { stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type { IngestResult, TextEncodingName } from '../table/model';
import { readArrowFile } from './arrow';
import { readParquetFile } from './parquet';
import { DEFAULT_NA_TOKENS, readCsvBytes } from './csv/read';
import { abortError, readCsvFile } from './csv/parallel';

export { DEFAULT_NA_TOKENS };

export interface IngestOptions {
  delimiter?: string;
  quote?: string;
  hasHeader?: boolean;
  encoding?: TextEncodingName;
  /** Cell texts read as missing besides the empty cell (default DEFAULT_NA_TOKENS). */
  naTokens?: string[];
  sniffBytes?: number;
  /** Files larger than this are refused by the in-memory reader (streaming mode reads them batch by batch). */
  memoryBudgetBytes?: number;
  /** Threads reading a CSV (1: the calling thread only; 0 or unset: every available core). */
  threads?: number;
  onProgress?: (p: { bytesRead: number; totalBytes: number; rows: number }) => void;
  signal?: AbortSignal;
}

const ARROW_EXTENSIONS = new Set(['.arrow', '.feather', '.arrows', '.ipc']);
const PARQUET_EXTENSIONS = new Set(['.parquet', '.pq']);

/** Whether the path names an Arrow IPC or Parquet file (read by the binary readers, not the CSV reader). */
export function isBinaryDataPath(path: string): boolean {
  const ext = extname(path).toLowerCase();
  return ARROW_EXTENSIONS.has(ext) || PARQUET_EXTENSIONS.has(ext);
}

export async function ingestFile(path: string, options: IngestOptions = {}): Promise<IngestResult> {
  const ext = extname(path).toLowerCase();
  const size = (await stat(path)).size;
  // Every reader here builds one in-memory table: files over the budget are refused with a way forward
  // (CSV checks and every profile have batch-by-batch modes).
  if (options.memoryBudgetBytes !== undefined && size > options.memoryBudgetBytes) {
    throw new Error(
      `${path} is ${(size / 2 ** 20).toFixed(0)} MiB, over the in-memory budget of ${(options.memoryBudgetBytes / 2 ** 20).toFixed(0)} MiB ` +
        '(setting datasetInspector.memoryBudgetMB). Raise the budget, or profile it batch by batch with the CLI `dataset-inspector profile --streaming`.',
    );
  }
  if (ARROW_EXTENSIONS.has(ext)) return readArrowFile(path, options);
  if (PARQUET_EXTENSIONS.has(ext)) return readParquetFile(path, options);
  if (options.signal?.aborted) throw abortError();
  return readCsvFile(path, size, { ...options, path });
}

export function ingestCsvBytes(bytes: Uint8Array, options: IngestOptions & { path?: string } = {}): IngestResult {
  return readCsvBytes(bytes, options);
}
