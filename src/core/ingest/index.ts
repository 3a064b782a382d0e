/**
 * The ingestion engine's entry point: any supported data file → IngestResult (Arrow table + source map +
 * what the reader learned). CSV/TSV and JSON Lines through their text readers (plain or gzip-compressed,
 * decompressed as a stream), Arrow IPC and Parquet through their readers. Text files whose first bytes
 * are binary (gzip, Parquet, a zip archive, …) are refused with one clear error.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { IngestResult, TextEncodingName } from '../table/model';
import { readArrowFile } from './arrow';
import { readParquetFile } from './parquet';
import { DEFAULT_NA_TOKENS, readCsvBytes } from './csv/read';
import { readJsonlBytes } from './jsonl/read';
import { SNIFF_HEAD_BYTES, TEXT_FORMATS, assertTextContent, formatOfPath } from './formats-sniff';
import { DecompressedSizeError, gunzipFile, gzipDeclaredSize } from './gzip';
import { ingestCsvBatches, type CsvBatchOptions } from './csv/stream';
import { ingestJsonlBatches } from './jsonl/stream';
import type { TextBatch } from './text-batches';

export type { TextBatch };

export { DEFAULT_NA_TOKENS };

export interface IngestOptions {
  delimiter?: string;
  quote?: string;
  hasHeader?: boolean;
  encoding?: TextEncodingName;
  /** Cell texts read as missing besides the empty cell (default DEFAULT_NA_TOKENS). */
  naTokens?: string[];
  sniffBytes?: number;
  /** Files larger than this (decompressed) are refused by the in-memory reader (streaming mode reads them batch by batch). */
  memoryBudgetBytes?: number;
  onProgress?: (p: { bytesRead: number; totalBytes: number; rows: number }) => void;
  signal?: AbortSignal;
}

/** Whether the path names an Arrow IPC or Parquet file (read by the binary readers, not the text readers). */
export function isBinaryDataPath(path: string): boolean {
  return !TEXT_FORMATS.includes(formatOfPath(path).format);
}

/**
 * How many bytes of text the file holds: its size, or for a gzip file the decompressed size its trailer
 * declares (at least the compressed size). The trailer counts only the last member, modulo 4 GiB: a
 * multi-member file can decompress to more, which the in-memory read finds out ({@link OverBudgetError}).
 */
export async function textSizeOf(path: string): Promise<number> {
  const size = (await stat(path)).size;
  if (formatOfPath(path).compression !== 'gzip') return size;
  return Math.max(size, (await gzipDeclaredSize(path)) ?? 0);
}

function abortError(): Error {
  const error = new Error('The read was cancelled.');
  error.name = 'AbortError';
  return error;
}

const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(0);

/** A file too large for the in-memory readers (text files can be read batch by batch instead). */
export class OverBudgetError extends Error {
  /** `what` says the size: "is 2048 MiB", "decompresses to more than 1024 MiB". */
  constructor(path: string, what: string, budget: number) {
    super(
      `${path} ${what}, over the in-memory budget of ${mib(budget)} MiB ` +
        '(setting datasetInspector.memoryBudgetMB). Raise the budget, or profile it batch by batch with the CLI `dataset-inspector profile --streaming`.',
    );
    this.name = 'OverBudgetError';
  }
}

export async function ingestFile(path: string, options: IngestOptions = {}): Promise<IngestResult> {
  const { format, compression } = formatOfPath(path);
  const budget = options.memoryBudgetBytes;
  if (compression && !TEXT_FORMATS.includes(format)) {
    throw new Error(`${basename(path)}: gzip-compressed Arrow and Parquet files are not read; decompress it first.`);
  }
  const size = (await stat(path)).size;
  // Every reader here builds one in-memory table: files over the budget are refused with a way forward
  // (CSV checks and every profile have batch-by-batch modes).
  const textSize = compression ? await textSizeOf(path) : size;
  if (budget !== undefined && textSize > budget) throw new OverBudgetError(path, `${compression ? 'decompresses to' : 'is'} ${mib(textSize)} MiB`, budget);
  if (format === 'arrow') return readArrowFile(path, options);
  if (format === 'parquet') return readParquetFile(path, options);
  if (options.signal?.aborted) throw abortError();
  let bytes: Uint8Array;
  if (compression) {
    try {
      bytes = await gunzipFile(path, {
        maxBytes: budget,
        signal: options.signal,
        onProgress: (p) => options.onProgress?.({ bytesRead: p.bytesRead, totalBytes: p.totalBytes, rows: 0 }),
      });
    } catch (error) {
      if (error instanceof DecompressedSizeError) throw new OverBudgetError(path, `decompresses to more than ${mib(error.limitBytes)} MiB`, error.limitBytes);
      throw error;
    }
  } else {
    bytes = await readFile(path, { signal: options.signal });
    options.onProgress?.({ bytesRead: bytes.length, totalBytes: size, rows: 0 });
  }
  if (options.signal?.aborted) throw abortError();
  assertTextContent(path, format, bytes.subarray(0, SNIFF_HEAD_BYTES), { utf16: options.encoding?.startsWith('utf-16') });
  return ingestTextBytes(bytes, { ...options, path });
}

/**
 * Text bytes → IngestResult, read as the path's format says (JSON Lines for `.jsonl`/`.ndjson`, else
 * CSV/TSV); for a `.gz` path the bytes are its decompressed text and the ranges say so.
 */
export function ingestTextBytes(bytes: Uint8Array, options: IngestOptions & { path?: string } = {}): IngestResult {
  const { format, compression } = formatOfPath(options.path ?? '');
  const result = format === 'jsonl' ? readJsonlBytes(bytes, options) : readCsvBytes(bytes, options);
  if (compression) result.rangesIn = 'decompressed';
  return result;
}

export function ingestCsvBytes(bytes: Uint8Array, options: IngestOptions & { path?: string } = {}): IngestResult {
  return readCsvBytes(bytes, options);
}

/** A text data file (CSV/TSV or JSON Lines, plain or gzip) batch by batch, with bounded memory. */
export function ingestTextBatches(path: string, options: CsvBatchOptions = {}): AsyncGenerator<TextBatch> {
  return formatOfPath(path).format === 'jsonl' ? ingestJsonlBatches(path, options) : ingestCsvBatches(path, options);
}
