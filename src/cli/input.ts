/**
 * How the CLI commands read a data file: by extension (core/ingest/formats-sniff.ts), Arrow IPC and Parquet
 * through their binary readers, CSV/TSV and JSON Lines (plain or `.gz`) through the text readers; whole
 * (in memory) or batch by batch.
 */
import type { IngestResult, TextEncodingName } from '../core/table/model';
import { openArrowBatches, type BatchSource, type BinaryReadProgress } from '../core/ingest/arrow';
import { openParquetBatches } from '../core/ingest/parquet';
import { ingestFile } from '../core/ingest/index';
import { formatOfPath } from '../core/ingest/formats-sniff';

/** Reader options settable from the command line (CSV ones are ignored for binary formats). */
export interface InputOptions {
  delimiter?: string;
  hasHeader?: boolean;
  encoding?: TextEncodingName;
  naTokens?: string[];
  /** Text files larger than this (decompressed) are refused by {@link readInput} (OverBudgetError). */
  memoryBudgetBytes?: number;
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
  return ingestFile(path, options);
}

/** Opens a binary file for batch-by-batch reading; null for text files (read them with {@link readInput} or ingestTextBatches). */
export async function openInputBatches(path: string, options: InputOptions = {}): Promise<BatchSource | null> {
  const { format, compression } = formatOfPath(path);
  if (compression) return null;
  switch (format) {
    case 'arrow':
      return openArrowBatches(path, options);
    case 'parquet':
      return openParquetBatches(path, options);
    default:
      return null;
  }
}
