/**
 * The data file formats the product reads, one entry each: which reader reads it and the file-name
 * endings that name it. The readers' dispatch, the CLI, the extension (pickers, file watchers, code
 * actions) and package.json's menus (checked by test/unit/ingest/formats.test.ts) all come from this list,
 * so a new format is one entry here plus its reader.
 */
import type { SourceFormat } from '../table/model';

export interface DataFormat {
  /** The reader that reads it. */
  reader: SourceFormat;
  /** Its name for people ("CSV", "Parquet"). */
  label: string;
  /** File-name endings, lower case, with the leading dot; the longest one that matches wins (".csv.gz" over ".gz"). */
  extensions: readonly string[];
  /** The delimiter its name implies (else sniffed). */
  delimiter?: string;
  /**
   * Text the editor opens and findings point into. Otherwise findings point into the read-only text
   * rendering of the table (render-text.ts), which the extension shows in its table view.
   */
  text: boolean;
}

export const DATA_FORMATS: readonly DataFormat[] = [
  { reader: 'csv', label: 'CSV', extensions: ['.csv'], text: true },
  { reader: 'csv', label: 'TSV', extensions: ['.tsv', '.tab'], delimiter: '\t', text: true },
  { reader: 'arrow', label: 'Arrow', extensions: ['.arrow', '.feather', '.arrows', '.ipc'], text: false },
  { reader: 'parquet', label: 'Parquet', extensions: ['.parquet', '.pq'], text: false },
];

/** The format a path names by its ending (case-insensitive; `/` or `\` separated), or undefined. */
export function dataFormatOf(path: string, formats: readonly DataFormat[] = DATA_FORMATS): DataFormat | undefined {
  const name = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1).toLowerCase();
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

/** The reader of a path: its format's, and the CSV reader for any other name (the CLI reads e.g. `.txt` as CSV). */
export function readerOf(path: string): SourceFormat {
  return dataFormatOf(path)?.reader ?? 'csv';
}

/** Whether the path names a data file whose findings point into a rendered text view (Arrow, Parquet). */
export function isBinaryDataPath(path: string): boolean {
  return dataFormatOf(path)?.text === false;
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

/** The formats' names for a sentence: "CSV, TSV, Arrow or Parquet". */
export function formatNames(formats: readonly DataFormat[] = DATA_FORMATS): string {
  const labels = [...new Set(formats.map((f) => f.label))];
  return labels.length > 1 ? `${labels.slice(0, -1).join(', ')} or ${labels[labels.length - 1]}` : (labels[0] ?? '');
}

export const TEXT_FORMATS: readonly DataFormat[] = DATA_FORMATS.filter((f) => f.text);
export const BINARY_FORMATS: readonly DataFormat[] = DATA_FORMATS.filter((f) => !f.text);
