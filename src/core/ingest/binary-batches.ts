/**
 * An Arrow IPC or Parquet file batch by batch with bounded memory (a file over the memory budget): the
 * record batches (Arrow) and row-group batches (Parquet) the table view pages through, streamed in one
 * pass and grouped into batches of about `chunkBytes` of decoded data, each an IngestResult whose ranges
 * point into the text the whole file renders to (row r of the file on line r + 1).
 */
import { Table, type RecordBatch } from 'apache-arrow';
import { readerOf } from './formats';
import { binaryIngestResult, openArrowBatches, type BatchSource, type BinaryReadOptions } from './arrow';
import { openParquetBatches } from './parquet';
import { DEFAULT_CHUNK_BYTES } from './text-batches';
import type { IngestResult } from '../table/model';

export interface BinaryBatchOptions extends Pick<BinaryReadOptions, 'signal' | 'renderRowCap'> {
  /** Decoded bytes per batch checked (default 16 MiB, as a text chunk); a record batch is never split. */
  chunkBytes?: number;
}

export interface BinaryBatch {
  result: IngestResult;
  /** Table row of the batch's first row in the whole file. */
  rowOffset: number;
  /** File bytes read so far, of `totalBytes`. */
  bytesRead: number;
  totalBytes: number;
}

const decodedBytes = (batch: RecordBatch) => batch.data.children.reduce((sum, child) => sum + child.byteLength, 0);

export async function* ingestBinaryBatches(path: string, options: BinaryBatchOptions = {}): AsyncGenerator<BinaryBatch> {
  const chunkBytes = options.chunkBytes ?? DEFAULT_CHUNK_BYTES;
  let bytesRead = 0;
  const read = { signal: options.signal, onProgress: (p: { bytesRead: number }) => (bytesRead = p.bytesRead) };
  const source: BatchSource = readerOf(path) === 'parquet' ? await openParquetBatches(path, read) : await openArrowBatches(path, read);
  const totalRows = source.totalRows ?? undefined;
  let rowOffset = 0;
  let group: RecordBatch[] = [];
  let groupBytes = 0;
  const flush = (): BinaryBatch => {
    const table = new Table(source.schema, group);
    const result = binaryIngestResult(table, source.format, path, options, { firstRow: rowOffset, totalRows });
    const batch = { result, rowOffset, bytesRead, totalBytes: source.totalBytes };
    rowOffset += table.numRows;
    group = [];
    groupBytes = 0;
    return batch;
  };
  for await (const recordBatch of source.batches) {
    group.push(recordBatch);
    groupBytes += decodedBytes(recordBatch);
    if (groupBytes >= chunkBytes) yield flush();
  }
  bytesRead = source.totalBytes;
  // The last rows, or the schema alone for a file without rows.
  if (group.length > 0 || rowOffset === 0) yield flush();
}
