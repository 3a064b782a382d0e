/**
 * The data file formats the product reads, one entry each: which reader reads it, whether it is
 * compressed, and the file-name endings that name it. The readers' dispatch, the CLI, the extension
 * (pickers, file watchers, code actions, read-only views) and package.json's menus (checked by
 * test/unit/ingest/formats.test.ts) all come from this list, so a new format is one entry here plus its
 * reader. What a file's first bytes say it is lives beside it, in magic-bytes.ts.
 */
import type { SourceFormat } from '../table/model';

export type Compression = 'gzip';

export interface DataFormat {
  /** The reader that reads it (for a compressed format: its decompressed text). */
  reader: SourceFormat;
  /** Its name for people ("CSV", "Parquet"); a compressed format has the name of its text's format. */
  label: string;
  /** File-name endings, lower case, with the leading dot; the longest one that matches wins (".csv.gz" over ".gz"). */
  extensions: readonly string[];
  /** The delimiter its name implies (else sniffed). */
  delimiter?: string;
  /** Compressed text, decompressed as a stream on reading; positions are in the decompressed text. */
  compression?: Compression;
  /**
   * Plain text the editor opens and edits, and findings point into. Otherwise (Arrow, Parquet, compressed
   * text) findings point into a read-only text view the extension shows: the table rendered as text
   * (render-text.ts), or the decompressed text.
   */
  text: boolean;
}

/** The ending of gzip-compressed files; the text formats are read through it (`data.csv.gz`). */
export const GZIP_EXTENSION = '.gz';

const PLAIN_FORMATS: readonly DataFormat[] = [
  { reader: 'csv', label: 'CSV', extensions: ['.csv'], text: true },
  { reader: 'csv', label: 'TSV', extensions: ['.tsv', '.tab'], delimiter: '\t', text: true },
  { reader: 'jsonl', label: 'JSON Lines', extensions: ['.jsonl', '.ndjson'], text: true },
  { reader: 'arrow', label: 'Arrow', extensions: ['.arrow', '.feather', '.arrows', '.ipc'], text: false },
  { reader: 'parquet', label: 'Parquet', extensions: ['.parquet', '.pq'], text: false },
];

/** A text format, gzip-compressed: `.csv.gz`, `.tsv.gz`, `.jsonl.gz`, … */
function gzipped(format: DataFormat): DataFormat {
  return { ...format, extensions: format.extensions.map((e) => `${e}${GZIP_EXTENSION}`), compression: 'gzip', text: false };
}

/** Plain and compressed text formats whose findings point into the file itself. */
export const TEXT_FORMATS: readonly DataFormat[] = PLAIN_FORMATS.filter((f) => f.text);

export const DATA_FORMATS: readonly DataFormat[] = [...PLAIN_FORMATS, ...TEXT_FORMATS.map(gzipped)];

/** Formats whose findings point into a read-only text view (Arrow, Parquet, gzip-compressed text). */
export const BINARY_FORMATS: readonly DataFormat[] = DATA_FORMATS.filter((f) => !f.text);

/** The readers of text (CSV/TSV, JSON Lines): they read plain or compressed files, whole or batch by batch. */
export const TEXT_READERS: readonly SourceFormat[] = [...new Set(TEXT_FORMATS.map((f) => f.reader))];

function fileNameOf(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

/** The format a path names by its ending (case-insensitive; `/` or `\` separated), or undefined. */
export function dataFormatOf(path: string, formats: readonly DataFormat[] = DATA_FORMATS): DataFormat | undefined {
  const name = fileNameOf(path).toLowerCase();
  let found: DataFormat | undefined;
  let length = 0;
  for (const format of formats) {
    for (const extension of format.extensions) {
      if (extension.length > length && name.length > extension.length && name.endsWith(extension)) {
        found = format;
        length = extension.length;
      }
    }
  }
  return found;
}

export interface Reading {
  reader: SourceFormat;
  compression?: Compression;
}

/**
 * How a file is read: as its format says; any other name as CSV text (the CLI reads e.g. `.txt` as CSV),
 * gzip-compressed when it ends in `.gz` (`x.txt.gz`; `x.parquet.gz` names Parquet in gzip, which is refused).
 */
export function readingOf(path: string): Reading {
  const format = dataFormatOf(path);
  if (format) return format.compression ? { reader: format.reader, compression: format.compression } : { reader: format.reader };
  if (!fileNameOf(path).toLowerCase().endsWith(GZIP_EXTENSION)) return { reader: 'csv' };
  return { reader: dataFormatOf(path.slice(0, -GZIP_EXTENSION.length), PLAIN_FORMATS)?.reader ?? 'csv', compression: 'gzip' };
}

/** The reader of a path (see {@link readingOf}). */
export function readerOf(path: string): SourceFormat {
  return readingOf(path).reader;
}

/** Whether the path is read by a text reader (CSV/TSV, JSON Lines; plain or compressed): such files can be read batch by batch. */
export function isTextDataPath(path: string): boolean {
  return TEXT_READERS.includes(readerOf(path));
}

/** Whether the path names a data file whose findings point into a read-only text view (Arrow, Parquet, gzip-compressed text). */
export function isBinaryDataPath(path: string): boolean {
  return dataFormatOf(path)?.text === false;
}

/** The name of a compressed file's decompressed text ("x.csv.gz" → "x.csv"); other names as they are. */
export function decompressedName(path: string): string {
  return dataFormatOf(path)?.compression === 'gzip' ? path.slice(0, -GZIP_EXTENSION.length) : path;
}

/** The endings of the formats, without their leading dot: "csv", "tsv", … */
function endings(formats: readonly DataFormat[]): string[] {
  return formats.flatMap((f) => f.extensions.map((e) => e.slice(1)));
}

/** A glob matching the files of `formats` in any folder, as findFiles and file watchers take it. */
export function dataFileGlob(formats: readonly DataFormat[] = DATA_FORMATS): string {
  return `**/*.{${endings(formats).join(',')}}`;
}

/** A regular expression (source, case-insensitive use) matching file names of `formats`: `\.(csv|tsv|…)$`. */
export function fileNamePattern(formats: readonly DataFormat[] = DATA_FORMATS): string {
  return `\\.(${endings(formats).map((e) => e.replace(/\./g, '\\.')).join('|')})$`;
}

/** The formats' names for a sentence: "CSV, TSV, JSON Lines, Arrow or Parquet" (a compressed format has its text's name). */
export function formatNames(formats: readonly DataFormat[] = DATA_FORMATS): string {
  const labels = [...new Set(formats.map((f) => f.label))];
  return labels.length > 1 ? `${labels.slice(0, -1).join(', ')} or ${labels[labels.length - 1]}` : (labels[0] ?? '');
}

/** The formats the readers read: "CSV or TSV" for the CSV reader. */
export function formatsReadBy(readers: readonly SourceFormat[]): DataFormat[] {
  return DATA_FORMATS.filter((f) => readers.includes(f.reader));
}
