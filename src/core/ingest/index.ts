/**
 * The ingestion engine's entry point: any supported data file → IngestResult (Arrow table + source map +
 * what the reader learned). CSV/TSV and JSON Lines through their text readers (plain or gzip-compressed,
 * decompressed as a stream), Arrow IPC and Parquet through their readers. Text files whose first bytes
 * are binary (gzip, Parquet, a zip archive, …) are refused with one clear error.
 */
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { IngestResult } from '../table/model';
import { OptionError, optionMention } from '../defaults';
import { readArrowFile } from './arrow';
import { readParquetFile } from './parquet';
import { readCsvBytes } from './csv/read';
import { readCsvBytesInParallel, readTextFile } from './csv/parallel';
import { readJsonlBytes } from './jsonl/read';
import { TEXT_READERS, isTextDataPath, readerOf, readingOf } from './formats';
import { SNIFF_HEAD_BYTES, assertTextContent } from './magic-bytes';
import { DecompressedSizeError, gunzipFile, gzipDeclaredSize } from './gzip';
import { ingestCsvBatches, type CsvBatchOptions } from './csv/stream';
import { ingestJsonlBatches } from './jsonl/stream';
import type { TextBatch } from './text-batches';
import { ingestBinaryBatches, type BinaryBatch, type BinaryBatchOptions } from './binary-batches';
import type { IngestOptions } from './options';
import { CancelledError } from '../shared/cancel';

export type { IngestOptions, ReadSettings } from './options';
export type { TextBatch, BinaryBatch };

/**
 * How many bytes of text the file holds: its size, or for a gzip file the decompressed size its trailer
 * declares (at least the compressed size). The trailer counts only the last member, modulo 4 GiB: a
 * multi-member file can decompress to more, which the in-memory read finds out ({@link OverBudgetError}).
 */
export async function textSizeOf(path: string): Promise<number> {
  const size = (await stat(path)).size;
  if (readingOf(path).compression !== 'gzip') return size;
  return Math.max(size, (await gzipDeclaredSize(path)) ?? 0);
}

const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(0);

/** A file too large for the in-memory readers (text files can be read batch by batch instead). */
export class OverBudgetError extends OptionError {
  override name = 'OverBudgetError';
  /** `what` says the size: "is 2048 MiB", "decompresses to more than 1024 MiB". */
  constructor(path: string, what: string, budget: number) {
    super(
      `${path} ${what}, over the in-memory budget of ${mib(budget)} MiB ` +
        `(${optionMention('memoryBudgetMB')}). Raise the budget, or profile it batch by batch with the CLI \`dataset-inspector profile --streaming\`.`,
      'memoryBudgetMB',
    );
  }
}

export async function ingestFile(path: string, options: IngestOptions = {}): Promise<IngestResult> {
  const { reader, compression } = readingOf(path);
  const budget = options.memoryBudgetBytes;
  if (compression && !TEXT_READERS.includes(reader)) {
    throw new Error(`${basename(path)}: gzip-compressed Arrow and Parquet files are not read; decompress it first.`);
  }
  const size = (await stat(path)).size;
  // Every reader here builds one in-memory table: files over the budget are refused with a way forward
  // (text checks and every profile have batch-by-batch modes).
  const textSize = compression ? await textSizeOf(path) : size;
  if (budget !== undefined && textSize > budget) throw new OverBudgetError(path, `${compression ? 'decompresses to' : 'is'} ${mib(textSize)} MiB`, budget);
  if (reader === 'arrow') return readArrowFile(path, options);
  if (reader === 'parquet') return readParquetFile(path, options);
  if (options.signal?.aborted) throw new CancelledError();
  let bytes: Uint8Array;
  let knownAscii: boolean | undefined;
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
  } else ({ bytes, ascii: knownAscii } = await readTextFile(path, size, reader === 'csv' ? options : { ...options, threads: 1 }));
  if (options.signal?.aborted) throw new CancelledError();
  assertTextContent(path, reader, bytes.subarray(0, SNIFF_HEAD_BYTES), { utf16: options.encoding?.startsWith('utf-16') });
  if (reader !== 'csv') return ingestTextBytes(bytes, { ...options, path });
  // CSV/TSV with the threads the settings give (parallel.ts).
  const result = await readCsvBytesInParallel(bytes, { ...options, path, knownAscii });
  if (compression) result.rangesIn = 'decompressed';
  return result;
}

/**
 * Text bytes → IngestResult, read as the path's format says (JSON Lines for `.jsonl`/`.ndjson`, else
 * CSV/TSV); for a `.gz` path the bytes are its decompressed text and the ranges say so.
 */
export function ingestTextBytes(bytes: Uint8Array, options: IngestOptions & { path?: string } = {}): IngestResult {
  const { reader, compression } = readingOf(options.path ?? '');
  const result = reader === 'jsonl' ? readJsonlBytes(bytes, options) : readCsvBytes(bytes, options);
  if (compression) result.rangesIn = 'decompressed';
  return result;
}

export function ingestCsvBytes(bytes: Uint8Array, options: IngestOptions & { path?: string } = {}): IngestResult {
  return readCsvBytes(bytes, options);
}

/** A text data file (CSV/TSV or JSON Lines, plain or gzip) batch by batch, with bounded memory. */
export function ingestTextBatches(path: string, options: CsvBatchOptions = {}): AsyncGenerator<TextBatch> {
  return readerOf(path) === 'jsonl' ? ingestJsonlBatches(path, options) : ingestCsvBatches(path, options);
}

/** Any data file batch by batch, with bounded memory: text files in chunks, Arrow and Parquet by record batches. */
export function ingestBatches(path: string, options: CsvBatchOptions & BinaryBatchOptions = {}): AsyncGenerator<TextBatch | BinaryBatch> {
  return isTextDataPath(path) ? ingestTextBatches(path, options) : ingestBinaryBatches(path, options);
}
