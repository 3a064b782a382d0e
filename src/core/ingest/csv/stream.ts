/**
 * CSV in batches with bounded memory (see text-batches.ts): the dialect, column names and column types are
 * decided on the first chunk holding data rows, and every later chunk is read with them. Each chunk is read
 * by the same threads as an in-memory read (parallel.ts).
 */
import type { ColumnInfo, CsvDialect } from '../../table/model';
import type { CsvReadOptions } from './read';
import { readPreparedCsvInParallel, type ParallelReadOptions } from './parallel';
import type { InferredColumn } from './infer';
import { ingestTextChunks, type ChunkReader, type TextBatch, type TextBatchOptions } from '../text-batches';

export type CsvBatch = TextBatch;

export interface CsvBatchOptions extends CsvReadOptions, ParallelReadOptions, TextBatchOptions {}

/** Reads CSV chunks; the schema comes from the first chunk with data rows (not from a header alone). */
function csvChunkReader(options: CsvBatchOptions): ChunkReader {
  let schema: { dialect: CsvDialect; columns: ColumnInfo[]; types: InferredColumn[] } | undefined;
  return async (prepared, firstLine, final) => {
    const read = await readPreparedCsvInParallel(
      prepared,
      schema
        ? {
            ...options,
            delimiter: schema.dialect.delimiter,
            quote: schema.dialect.quote,
            hasHeader: false,
            columnNames: schema.columns.map((c) => c.name),
            columnTypes: schema.types,
            trailingDelimiter: schema.dialect.trailingDelimiter,
            firstLine,
            final,
          }
        : { ...options, firstLine, final },
    );
    const { result } = read;
    const decided = schema !== undefined || read.rows > 0;
    if (!schema && (decided || final)) schema = { dialect: result.dialect!, columns: result.columns, types: fixedTypes(result.columns) };
    return { ...read, decided };
  };
}

/** The inferred types of a batch's columns, to read later batches with. */
export function fixedTypes(columns: readonly ColumnInfo[]): InferredColumn[] {
  return columns.map((c) => ({
    kind: c.kind,
    int32: c.arrowType !== 'Int64',
    ...(c.dateFormat ? { dateFormat: c.dateFormat as InferredColumn['dateFormat'] } : {}),
    ...(c.numberFormat ? { numberFormat: c.numberFormat } : {}),
  }));
}

export function ingestCsvBatches(path: string, options: CsvBatchOptions = {}): AsyncGenerator<CsvBatch> {
  return ingestTextChunks(path, 'csv', () => csvChunkReader(options), options);
}
