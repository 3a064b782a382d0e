/** What the CLI commands share about reading a data file: flags, delimiter names, batch-by-batch binary reads. */
import { TEXT_ENCODINGS, type TextEncodingName } from '../core/table/model';
import { openArrowBatches, type BatchSource } from '../core/ingest/arrow';
import { openParquetBatches } from '../core/ingest/parquet';
import { delimiterOf, type IngestOptions } from '../core/ingest/options';
import { readingOf } from '../core/ingest/formats';
import type { OptionName } from '../core/defaults';

/** Where each option core messages name is set on the command line. */
export const FLAG_OF: Record<OptionName, string> = {
  memoryBudgetMB: '--memory-budget',
  maxFindingsPerRule: '--max-findings',
  encoding: '--encoding',
};

/** A core message that names an option, with the flag that sets it. */
export function withFlagOf(message: string, option: OptionName | undefined): string {
  return option ? `${message} Set it with ${FLAG_OF[option]}.` : message;
}

export const ENCODINGS: readonly TextEncodingName[] = TEXT_ENCODINGS;

/** The --threads flag of the commands that read data. */
export const THREADS_FLAG = { type: 'number', placeholder: 'N', description: 'CSV: threads reading the file (default: every core; 1: one thread).' } as const;

/** `--delimiter` text → the delimiter character: `\t`, `tab`, `comma`, `semicolon`, `pipe`, `space` are understood. */
export function parseDelimiter(text: string): string {
  const d = delimiterOf(text);
  if (d.length !== 1) throw new Error(`--delimiter must be one character (or tab, comma, semicolon, pipe, space); got "${text}"`);
  return d;
}

/** Opens an Arrow or Parquet file for batch-by-batch reading; null for text files (read them whole with `ingestFile`, or with `ingestTextBatches`). */
export async function openInputBatches(path: string, options: IngestOptions = {}): Promise<BatchSource | null> {
  const { reader, compression } = readingOf(path);
  if (compression) return null;
  switch (reader) {
    case 'arrow':
      return openArrowBatches(path, options);
    case 'parquet':
      return openParquetBatches(path, options);
    default:
      return null;
  }
}
