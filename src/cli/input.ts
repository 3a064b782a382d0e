/** What the CLI commands share about reading a data file: the read flags and their settings, batch-by-batch binary reads. */
import { TEXT_ENCODINGS } from '../core/table/model';
import { UsageError, type FlagSpec, type FlagValues } from './args';
import { openArrowBatches, type BatchSource } from '../core/ingest/arrow';
import { openParquetBatches } from '../core/ingest/parquet';
import { delimiterOf, type IngestOptions, type ReadSettings } from '../core/ingest/options';
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

/** The help of --delimiter, with what it is when not given. */
export function delimiterHelp(byDefault: string): string {
  return `CSV delimiter: one character, or tab, comma, semicolon, pipe, space, "\\t" (default: ${byDefault}).`;
}

/** The flags of every command that reads a CSV file: one definition, one meaning everywhere. */
export const CSV_READ_FLAGS = {
  delimiter: { type: 'string', short: 'd', placeholder: 'CHAR', description: delimiterHelp('sniffed') },
  header: { type: 'boolean', description: 'CSV: the first row is a header (--no-header: it is data). Default: sniffed.' },
  encoding: { type: 'string', choices: TEXT_ENCODINGS, description: 'CSV text encoding (default: detected).' },
  na: { type: 'string', multiple: true, placeholder: 'TOKEN', description: 'CSV: a cell value read as missing (repeatable; replaces the defaults).' },
} as const satisfies Record<string, FlagSpec>;

/** The --threads flag of the commands that read data. */
export const THREADS_FLAG = { type: 'number', placeholder: 'N', description: 'CSV: threads reading the file (default: every core; 1: one thread).' } as const satisfies FlagSpec;

/** The parsed read flags (and --threads, where the command has it). */
type CsvReadFlags = FlagValues<typeof CSV_READ_FLAGS> & { threads?: number };

/** `--delimiter` text → the delimiter character: `\t`, `tab`, `comma`, `semicolon`, `pipe`, `space` are understood. */
export function parseDelimiter(text: string): string {
  const d = delimiterOf(text);
  if (d.length !== 1) throw new UsageError(`--delimiter must be one character (or tab, comma, semicolon, pipe, space); got "${text}"`);
  return d;
}

/** The read settings the flags give (`na`: every --na value); a bad --delimiter is a usage error. */
export function csvReadSettings(flags: CsvReadFlags, na: readonly string[] | undefined): ReadSettings {
  const read: ReadSettings = {};
  if (flags.delimiter !== undefined) read.delimiter = parseDelimiter(flags.delimiter);
  if (flags.header !== undefined) read.hasHeader = flags.header;
  if (flags.encoding !== undefined) read.encoding = flags.encoding;
  if (flags.threads !== undefined) read.threads = flags.threads;
  if (na) read.naTokens = [...na];
  return read;
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
