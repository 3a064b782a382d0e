/**
 * Parquet reader through parquet-wasm (Rust `parquet` crate compiled to WebAssembly; snappy, gzip,
 * zstd, brotli, lz4 codecs built in). The file is read row group by row group from a Blob backed by the
 * file on disk (`fs.openAsBlob`), each batch handed over as Arrow IPC and decoded by apache-arrow.
 *
 * parquet-wasm's node build loads `parquet_wasm_bg.wasm` from its own `__dirname` when first required;
 * it is imported lazily here so merely loading this module (or the extension) costs nothing. In the
 * esbuild bundles `__dirname` is the bundle's folder, so the .wasm must sit next to every bundle that
 * reads Parquet (esbuild.mjs copies it to dist/).
 */
import { open, stat } from 'node:fs/promises';
import { openAsBlob } from 'node:fs';
import { tableFromIPC, Table, type RecordBatch, type Schema } from 'apache-arrow';
import type { ColumnInfo, IngestResult } from '../table/model';
import { binaryIngestResult, collectBatches, columnInfoFromSchema, withSchema, type BatchSource, type BinaryReadOptions } from './arrow';

import type { ParquetFile } from 'parquet-wasm/node';

type ParquetWasm = typeof import('parquet-wasm/node');

let wasmModule: Promise<ParquetWasm> | null = null;

/** The parquet-wasm module, loaded on first use. */
export function loadParquetWasm(): Promise<ParquetWasm> {
  wasmModule ??= import('parquet-wasm/node').then((m) => {
    const withDefault = m as ParquetWasm & { default?: ParquetWasm };
    return typeof withDefault.readParquet === 'function' ? withDefault : (withDefault.default as ParquetWasm);
  });
  return wasmModule;
}

/** Rows per batch read from Parquet (row groups are split into batches of at most this size). */
export const PARQUET_BATCH_ROWS = 65_536;

const PAR1 = [0x50, 0x41, 0x52, 0x31];

function hasMagic(bytes: Uint8Array, at: number): boolean {
  return at >= 0 && bytes.length >= at + 4 && PAR1.every((b, i) => bytes[at + i] === b);
}

/** Checks the "PAR1" magic at both ends; throws a clear error otherwise. */
export function checkParquetMagic(head: Uint8Array, tail: Uint8Array, size: number, name: string): void {
  if (size === 0) throw new Error(`${name} is not a Parquet file: the file is empty (0 bytes)`);
  if (!hasMagic(head, 0)) {
    const ascii = String.fromCharCode(...head.subarray(0, 6));
    const hint = ascii === 'ARROW1' || (head[0] === 0xff && head[1] === 0xff) ? ' (it looks like an Arrow IPC file)' : '';
    throw new Error(`${name} is not a Parquet file: it does not start with "PAR1"${hint}`);
  }
  if (size < 12 || !hasMagic(tail, tail.length - 4)) {
    throw new Error(`${name} is truncated: the Parquet footer is missing (the file should end with "PAR1"; ${size} bytes present)`);
  }
}

function wrapParquetError(error: unknown, name: string): Error {
  if (error instanceof Error && error.name === 'AbortError') return error;
  const message = error instanceof Error ? error.message : String(error);
  if (message.startsWith(name)) return error instanceof Error ? error : new Error(message);
  return new Error(`${name} could not be read as Parquet (truncated or corrupt?): ${message}`);
}

/** wasm RecordBatch → apache-arrow RecordBatch(es), through the IPC stream format. */
function toArrowBatches(ipc: Uint8Array): RecordBatch[] {
  return tableFromIPC(ipc).batches;
}

interface WasmBatch {
  intoIPCStream(): Uint8Array;
  free(): void;
}

/** The part of a ReadableStream reader used here (parquet-wasm streams wasm RecordBatches). */
interface WasmBatchReader {
  read(): Promise<{ done: true; value?: undefined } | { done: false; value: WasmBatch }>;
  cancel(): Promise<void>;
}

/** A Parquet file opened with parquet-wasm: magic checked, schema and row counts read. */
async function openParquetFile(path: string, options: BinaryReadOptions): Promise<{ file: ParquetFile; schema: Schema; totalRows: number; rowGroupRows: number[]; size: number }> {
  options.signal?.throwIfAborted();
  const { size } = await stat(path);
  const handle = await open(path, 'r');
  try {
    const head = new Uint8Array(Math.min(8, size));
    const tail = new Uint8Array(Math.min(8, size));
    if (size > 0) {
      await handle.read(head, 0, head.length, 0);
      await handle.read(tail, 0, tail.length, size - tail.length);
    }
    checkParquetMagic(head, tail, size, path);
  } finally {
    await handle.close();
  }
  const pw = await loadParquetWasm();
  try {
    const file = await pw.ParquetFile.fromFile(await openAsBlob(path));
    const schema = tableFromIPC(file.schema().intoIPCStream()).schema;
    const meta = file.metadata();
    const totalRows = Number(meta.fileMetadata().numRows());
    const rowGroupRows: number[] = [];
    for (let g = 0; g < meta.numRowGroups(); g++) {
      const group = meta.rowGroup(g);
      rowGroupRows.push(Number(group.numRows()));
      group.free();
    }
    meta.free();
    return { file, schema, totalRows, rowGroupRows, size };
  } catch (error) {
    throw wrapParquetError(error, path);
  }
}

/**
 * Opens a Parquet file for batch-by-batch reading (memory: one row group's decoded data at a time, plus
 * parquet-wasm's WebAssembly heap, which grows to the largest row group and is not returned).
 */
export async function openParquetBatches(path: string, options: BinaryReadOptions = {}): Promise<BatchSource> {
  const { file, schema, totalRows, size } = await openParquetFile(path, options);
  const opened = file;
  async function* batches(): AsyncGenerator<RecordBatch, void, undefined> {
    let rows = 0;
    let reader: WasmBatchReader | null = null;
    try {
      const stream = await opened.stream({ batchSize: PARQUET_BATCH_ROWS });
      reader = stream.getReader() as WasmBatchReader;
      while (true) {
        options.signal?.throwIfAborted();
        let next: Awaited<ReturnType<WasmBatchReader['read']>>;
        try {
          next = await reader.read();
        } catch (error) {
          throw wrapParquetError(error, path);
        }
        if (next.done) break;
        let converted: RecordBatch[];
        try {
          converted = toArrowBatches(next.value.intoIPCStream());
        } catch (error) {
          throw wrapParquetError(error, path);
        }
        for (const batch of converted) {
          rows += batch.numRows;
          options.onProgress?.({
            bytesRead: totalRows > 0 ? Math.round((size * Math.min(rows, totalRows)) / totalRows) : size,
            totalBytes: size,
            rows,
          });
          yield batch;
        }
      }
      options.onProgress?.({ bytesRead: size, totalBytes: size, rows });
    } finally {
      await reader?.cancel().catch(() => undefined);
      opened.free();
    }
  }
  return {
    format: 'parquet',
    path,
    schema,
    columns: columnInfoFromSchema(schema),
    totalBytes: size,
    totalRows,
    batches: batches(),
  };
}

/** A Parquet file whose row groups are read one at a time, in any order (paging through a file over the memory budget). */
export interface ParquetRowGroups {
  schema: Schema;
  columns: ColumnInfo[];
  /** Rows of each row group. */
  rowGroupRows: number[];
  /** The record batches of one row group. */
  read(group: number): Promise<RecordBatch[]>;
  close(): void;
}

export async function openParquetRowGroups(path: string): Promise<ParquetRowGroups> {
  const { file, schema, rowGroupRows } = await openParquetFile(path, {});
  let closed = false;
  return {
    schema,
    columns: columnInfoFromSchema(schema),
    rowGroupRows,
    async read(group: number): Promise<RecordBatch[]> {
      if (closed) throw new Error(`${path} is closed`);
      try {
        const table = await file.read({ rowGroups: [group], batchSize: Math.max(1, rowGroupRows[group]) });
        return toArrowBatches(table.intoIPCStream()).map((batch) => withSchema(batch, schema));
      } catch (error) {
        throw wrapParquetError(error, path);
      }
    },
    close(): void {
      if (!closed) file.free();
      closed = true;
    },
  };
}

/** Reads a whole Parquet file into memory as an Arrow table. */
export async function readParquetFile(path: string, options: BinaryReadOptions = {}): Promise<IngestResult> {
  const source = await openParquetBatches(path, options);
  const table = await collectBatches(source);
  return binaryIngestResult(table, 'parquet', path, options);
}

/** Reads Parquet bytes already in memory. */
export async function readParquetBytes(bytes: Uint8Array, path = '<bytes>', options: Pick<BinaryReadOptions, 'renderRowCap'> = {}): Promise<IngestResult> {
  checkParquetMagic(bytes.subarray(0, 8), bytes.subarray(Math.max(0, bytes.length - 8)), bytes.length, path);
  const pw = await loadParquetWasm();
  let table: Table;
  try {
    const wasmTable = pw.readParquet(bytes, { batchSize: PARQUET_BATCH_ROWS });
    table = tableFromIPC(wasmTable.intoIPCStream());
  } catch (error) {
    throw wrapParquetError(error, path);
  }
  return binaryIngestResult(table, 'parquet', path, options);
}
