/**
 * How the CLI commands read a data file: by extension, Arrow IPC and Parquet through their binary
 * readers, anything else as CSV/TSV through the ingest engine; whole (in memory) or batch by batch.
 */
import { extname } from 'node:path';
import type { IngestResult, TextEncodingName } from '../core/table/model';
import { openArrowBatches, readArrowFile, type BatchSource, type BinaryReadProgress } from '../core/ingest/arrow';
import { openParquetBatches, readParquetFile } from '../core/ingest/parquet';
import { ingestFile } from '../core/ingest/index';

export type InputKind = 'arrow' | 'parquet' | 'csv';

export const ARROW_EXTENSIONS = ['.arrow', '.feather', '.arrows', '.ipc'];
export const PARQUET_EXTENSIONS = ['.parquet', '.pq'];

export function inputKindOf(path: string): InputKind {
  const ext = extname(path).toLowerCase();
  if (ARROW_EXTENSIONS.includes(ext)) return 'arrow';
  if (PARQUET_EXTENSIONS.includes(ext)) return 'parquet';
  return 'csv';
}

/** Reader options settable from the command line (CSV ones are ignored for binary formats). */
export interface InputOptions {
  delimiter?: string;
  hasHeader?: boolean;
  encoding?: TextEncodingName;
  naTokens?: string[];
  /** CSV: threads reading the file (see IngestOptions.threads). */
  threads?: number;
  signal?: AbortSignal;
  onProgress?: (p: BinaryReadProgress) => void;
}

export const ENCODINGS: readonly TextEncodingName[] = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252', 'latin1'];

/** `--delimiter` text → the delimiter character: `\t`, `tab`, `comma`, `semicolon`, `pipe`, `space` are understood. */
export function parseDelimiter(text: string): string {
  const named: Record<string, string> = { '\\t': '\t', tab: '\t', comma: ',', semicolon: ';', pipe: '|', space: ' ' };
  const d = named[text.toLowerCase()] ?? text;
  if (d.length !== 1) throw new Error(`--delimiter must be one character (or tab, comma, semicolon, pipe, space); got "${text}"`);
  return d;
}

/** Reads a whole file into memory. */
export async function readInput(path: string, options: InputOptions = {}): Promise<IngestResult> {
  switch (inputKindOf(path)) {
    case 'arrow':
      return readArrowFile(path, options);
    case 'parquet':
      return readParquetFile(path, options);
    default:
      return ingestFile(path, options);
  }
}

/** Opens a binary file for batch-by-batch reading; null for CSV (read it with {@link readInput}). */
export async function openInputBatches(path: string, options: InputOptions = {}): Promise<BatchSource | null> {
  switch (inputKindOf(path)) {
    case 'arrow':
      return openArrowBatches(path, options);
    case 'parquet':
      return openParquetBatches(path, options);
    default:
      return null;
  }
}
