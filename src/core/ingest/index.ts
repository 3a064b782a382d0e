/**
 * The ingestion engine's entry point: any supported data file → IngestResult (Arrow table + source map +
 * what the reader learned). CSV/TSV through the CSV reader, Arrow IPC and Parquet through their readers.
 */
import { readFile, stat } from 'node:fs/promises';
import type { IngestResult } from '../table/model';
import { OptionError, optionMention } from '../defaults';
import { readArrowFile } from './arrow';
import { readParquetFile } from './parquet';
import { readCsvBytes } from './csv/read';
import { readerOf } from './formats';
import type { IngestOptions } from './options';
import { CancelledError } from '../shared/cancel';

export type { IngestOptions, ReadSettings } from './options';

export async function ingestFile(path: string, options: IngestOptions = {}): Promise<IngestResult> {
  const size = (await stat(path)).size;
  // Every reader here builds one in-memory table: files over the budget are refused with a way forward
  // (CSV checks and every profile have batch-by-batch modes).
  if (options.memoryBudgetBytes !== undefined && size > options.memoryBudgetBytes) {
    throw new OptionError(
      `${path} is ${(size / 2 ** 20).toFixed(0)} MiB, over the in-memory budget of ${(options.memoryBudgetBytes / 2 ** 20).toFixed(0)} MiB ` +
        `(${optionMention('memoryBudgetMB')}). Raise the budget, or profile it batch by batch with the CLI \`dataset-inspector profile --streaming\`.`,
      'memoryBudgetMB',
    );
  }
  const reader = readerOf(path);
  if (reader === 'arrow') return readArrowFile(path, options);
  if (reader === 'parquet') return readParquetFile(path, options);
  if (options.signal?.aborted) throw new CancelledError();
  const bytes = await readFile(path, { signal: options.signal });
  options.onProgress?.({ bytesRead: bytes.length, totalBytes: size, rows: 0 });
  if (options.signal?.aborted) throw new CancelledError();
  return ingestCsvBytes(bytes, { ...options, path });
}

export function ingestCsvBytes(bytes: Uint8Array, options: IngestOptions & { path?: string } = {}): IngestResult {
  return readCsvBytes(bytes, options);
}
