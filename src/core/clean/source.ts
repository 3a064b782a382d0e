/**
 * Reading a data file as frames of cell texts for cleaning, batch by batch with bounded memory: CSV/TSV and
 * JSON Lines, plain or gzip-compressed, through the batched text readers in text mode (the fields as
 * written, unquoted; JSON strings unescaped, other JSON values as written), Arrow IPC
 * and Parquet record batch by record batch (the values formatted as the table view shows them). Each call
 * of {@link readFrames} is one pass over the file.
 */
import { stat } from 'node:fs/promises';
import type { RecordBatch } from 'apache-arrow';
import type { ColumnInfo, CsvDialect, SourceFormat, TextEncodingName } from '../table/model';
import { ingestCsvBatches } from '../ingest/csv/stream';
import { ingestJsonlBatches } from '../ingest/jsonl/stream';
import type { TextBatch } from '../ingest/text-batches';
import type { InferredColumn } from '../ingest/csv/infer';
import { openArrowBatches } from '../ingest/arrow';
import { openParquetBatches } from '../ingest/parquet';
import { makeFormatter } from '../ingest/render-text';
import { DEFAULTS } from '../defaults';
import type { Cell, ColumnSpec, Frame } from './frame';
import { CLEAN_BATCH_BYTES } from './formats';
import { readerOf } from '../ingest/formats';

export interface SourceOptions {
  delimiter?: string;
  hasHeader?: boolean;
  encoding?: TextEncodingName;
  naTokens?: string[];
  /** CSV bytes read per batch (default CLEAN_BATCH_BYTES, 1 MiB). */
  chunkBytes?: number;
}

const DESCRIBE_BYTES = 4 * 1024 * 1024;

/** What cleaning knows about a file before reading it through. */
export interface SourceInfo {
  path: string;
  format: SourceFormat;
  totalBytes: number;
  schema: ColumnSpec[];
  dialect?: CsvDialect;
  /** JSON Lines: the keys of the columns, in order (a column's name differs for the empty key). */
  keys?: string[];
  naTokens: string[];
  options: SourceOptions;
}

export interface ReadProgress {
  bytesRead: number;
  totalBytes: number;
  rows: number;
}

export interface ReadOptions {
  signal?: AbortSignal;
  onProgress?: (progress: ReadProgress) => void;
}

function specOf(column: ColumnInfo): ColumnSpec {
  return column.dateFormat ? { name: column.name, kind: column.kind, dateFormat: column.dateFormat as ColumnSpec['dateFormat'] } : { name: column.name, kind: column.kind };
}

/** Opens `path` far enough to know its columns (CSV: the first batch decides dialect and types). */
export async function describeSource(path: string, options: SourceOptions = {}): Promise<SourceInfo> {
  const format = readerOf(path);
  const totalBytes = (await stat(path)).size;
  const naTokens = options.naTokens ?? [...DEFAULTS.naTokens];
  if (format === 'csv') {
    // The first 4 MiB decide the dialect and the column kinds (type inference samples 20,000 values anyway).
    const batches = ingestCsvBatches(path, { ...csvReadOptions(path, options, naTokens), chunkBytes: DESCRIBE_BYTES });
    try {
      const first = await batches.next();
      if (first.done) throw new Error(`${path} could not be read`);
      const { result } = first.value;
      return { path, format, totalBytes, schema: result.columns.map(specOf), dialect: result.dialect, naTokens, options };
    } finally {
      await batches.return(undefined);
    }
  }
  if (format === 'jsonl') {
    const batches = ingestJsonlBatches(path, { naTokens, encoding: options.encoding, chunkBytes: DESCRIBE_BYTES });
    try {
      const first = await batches.next();
      if (first.done) throw new Error(`${path} could not be read`);
      return { path, format, totalBytes, schema: first.value.result.columns.map(specOf), keys: first.value.keys, naTokens, options };
    } finally {
      await batches.return(undefined);
    }
  }
  const source = format === 'arrow' ? await openArrowBatches(path) : await openParquetBatches(path);
  await source.batches.return(undefined);
  return { path, format, totalBytes, schema: source.columns.map(specOf), naTokens, options };
}

function csvReadOptions(path: string, options: SourceOptions, naTokens: string[]) {
  return { path, delimiter: options.delimiter, hasHeader: options.hasHeader, encoding: options.encoding, naTokens, chunkBytes: options.chunkBytes ?? CLEAN_BATCH_BYTES };
}

function columnTypesOf(schema: readonly ColumnSpec[]): InferredColumn[] {
  return schema.map((c) => ({ kind: c.kind, ...(c.dateFormat ? { dateFormat: c.dateFormat } : {}) }));
}

/** A CSV or JSON Lines batch read as texts, as a frame. */
function textFrame(batch: TextBatch, schema: ColumnSpec[]): Frame {
  const { result, rowOffset } = batch;
  const columns: Cell[][] = batch.texts ?? [];
  const length = columns[0]?.length ?? 0;
  const rows = new Float64Array(length);
  for (let r = 0; r < length; r++) rows[r] = rowOffset + r;
  const malformed = new Uint8Array(length);
  for (const issue of result.structuralIssues) if (issue.row !== null && (issue.kind === 'ragged-row' || issue.kind === 'stray-quote')) malformed[issue.row] = 1;
  return { schema, columns, rows, malformed, length };
}

/** A record batch's values as texts (nested and exotic types as the table view shows them). */
function arrowFrame(batch: RecordBatch, schema: ColumnSpec[], rowOffset: number): Frame {
  const length = batch.numRows;
  const columns = batch.data.children.map((data) => {
    const format = makeFormatter(data.type);
    const cells: Cell[] = new Array(length);
    for (let i = 0; i < length; i++) {
      const text = data.getValid(i) ? format(data, i) : '';
      cells[i] = text === '' ? null : text;
    }
    return cells;
  });
  const rows = new Float64Array(length);
  for (let r = 0; r < length; r++) rows[r] = rowOffset + r;
  return { schema, columns, rows, malformed: new Uint8Array(length), length };
}

/** One pass over the file, frame by frame, in `source.schema` (the file's columns matched by position). */
export async function* readFrames(source: SourceInfo, options: ReadOptions = {}): AsyncGenerator<Frame> {
  const { schema } = source;
  if (source.format === 'csv') {
    const dialect = source.dialect;
    const batches = ingestCsvBatches(source.path, {
      ...csvReadOptions(source.path, source.options, source.naTokens),
      ...(dialect ? { delimiter: dialect.delimiter, quote: dialect.quote, hasHeader: dialect.hasHeader } : {}),
      columnTypes: columnTypesOf(schema),
      texts: true,
      signal: options.signal,
      onProgress: options.onProgress,
    });
    for await (const batch of batches) {
      checkWidth(source, batch.result.columns.length);
      yield textFrame(batch, schema);
    }
    return;
  }
  if (source.format === 'jsonl') {
    const batches = ingestJsonlBatches(source.path, {
      naTokens: source.naTokens,
      encoding: source.options.encoding,
      chunkBytes: source.options.chunkBytes ?? CLEAN_BATCH_BYTES,
      columnNames: source.keys ?? schema.map((c) => c.name),
      columnTypes: columnTypesOf(schema),
      texts: true,
      signal: options.signal,
      onProgress: options.onProgress,
    });
    for await (const batch of batches) {
      const late = batch.unknownKeys?.[0];
      if (late) throw new Error(`${source.path}: key "${late.name}" first appears on line ${late.line + 1}, after the first ${DESCRIBE_BYTES / 1024 / 1024} MiB that decide the columns; it would be lost in the cleaned file`);
      yield textFrame(batch, schema);
    }
    return;
  }
  const opened = source.format === 'arrow' ? await openArrowBatches(source.path, options) : await openParquetBatches(source.path, options);
  checkWidth(source, opened.columns.length);
  let rowOffset = 0;
  for await (const batch of opened.batches) {
    yield arrowFrame(batch, schema, rowOffset);
    rowOffset += batch.numRows;
  }
}

function checkWidth(source: SourceInfo, width: number): void {
  if (width !== source.schema.length) throw new Error(`${source.path} has ${width} columns; ${source.schema.length} were expected (the file changed while it was being cleaned?)`);
}
