/**
 * CSV in batches with bounded memory: the file is read in chunks of bytes; each chunk is read up to its
 * last complete record (the rest is carried into the next chunk) with the dialect, column names and column
 * types decided on the first chunk, so every batch has the same schema. Line numbers continue across
 * chunks. Each chunk is read by the same threads as an in-memory read (parallel.ts). Progress is
 * reported per chunk; an aborted signal stops the read.
 */
import { open } from 'node:fs/promises';
import { Buffer } from 'node:buffer';
import type { ColumnInfo, CsvDialect, IngestResult, TextEncodingName } from '../../table/model';
import type { CsvReadOptions } from './read';
import { checkUtf8, declaredEncoding, type CsvBytes } from './decode';
import { CR, LF } from './records';
import type { InferredColumn } from './infer';
import { abortError, byteBuffer, readPreparedCsvInParallel, type ParallelReadOptions } from './parallel';

export interface CsvBatch {
  result: IngestResult;
  /** Table row of the batch's first row in the whole file. */
  rowOffset: number;
  bytesRead: number;
  totalBytes: number;
}

export interface CsvBatchOptions extends CsvReadOptions, ParallelReadOptions {
  /** Bytes read per chunk (default 16 MiB). */
  chunkBytes?: number;
  onProgress?: (p: { bytesRead: number; totalBytes: number; rows: number }) => void;
  signal?: AbortSignal;
}

/** Turns raw chunks into UTF-8 bytes: as they are for UTF-8 (BOM dropped), decoded and re-encoded otherwise. */
class ChunkDecoder {
  private decoder: { decode(input: Uint8Array, options?: { stream?: boolean }): string } | undefined;
  encoding: TextEncodingName = 'utf-8';
  bom = false;
  private first = true;

  constructor(private readonly requested: TextEncodingName | undefined) {}

  decode(chunk: Uint8Array, last: boolean): Uint8Array {
    if (this.first) {
      this.first = false;
      const declared = declaredEncoding(chunk, this.requested);
      this.encoding = declared.encoding;
      this.bom = declared.bomLength > 0;
      chunk = chunk.subarray(declared.bomLength);
      if (declared.decoderLabel) this.decoder = new TextDecoder(declared.decoderLabel, { ignoreBOM: true });
    }
    return this.decoder ? Buffer.from(this.decoder.decode(chunk, { stream: !last }), 'utf8') : chunk;
  }
}

export async function* ingestCsvBatches(path: string, options: CsvBatchOptions = {}): AsyncGenerator<CsvBatch> {
  const chunkBytes = options.chunkBytes ?? 16 * 1024 * 1024;
  const handle = await open(path, 'r');
  try {
    const totalBytes = (await handle.stat()).size;
    const decoder = new ChunkDecoder(options.encoding);
    let carry: Uint8Array = new Uint8Array(0);
    /** File offset of carry[0] (UTF-8 files), for the byte offsets of invalid bytes. */
    let carryFileOffset = 0;
    let dataFileOffset = 0;
    let bytesRead = 0;
    let rowOffset = 0;
    let line = 0;
    let schema: { dialect: CsvDialect; columns: ColumnInfo[]; types: InferredColumn[] } | undefined;
    for (;;) {
      if (options.signal?.aborted) throw abortError();
      // A fresh buffer per chunk: each batch's source map keeps its bytes.
      const raw = byteBuffer(chunkBytes, options.threads);
      const { bytesRead: n } = await handle.read(raw, 0, chunkBytes, bytesRead);
      const chunkStart = bytesRead;
      bytesRead += n;
      const last = n === 0 || bytesRead >= totalBytes;
      const fresh = decoder.decode(raw.subarray(0, n), last);
      dataFileOffset = carry.length ? carryFileOffset : chunkStart + Math.max(0, n - fresh.length);
      const data = carry.length ? concat(carry, fresh, options.threads) : fresh;
      // Complete records end at a line break: validate the UTF-8 up to the last one (a chunk may end mid-character).
      const checkedLength = last ? data.length : lastLineBreak(data) + 1;
      const prepared: CsvBytes = {
        bytes: data,
        encoding: decoder.encoding,
        bom: decoder.bom,
        notes: [],
        ...checkUtf8(data.subarray(0, checkedLength), dataFileOffset),
      };
      if (prepared.ascii && checkedLength < data.length) prepared.ascii = false;
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
              firstLine: line,
              final: last,
            }
          : { ...options, firstLine: line, final: last },
      );
      // The schema is decided on the first chunk that holds data rows (not on a header alone).
      const decides = schema !== undefined || read.result.table.numRows > 0;
      if ((read.consumed > 0 && decides) || last) {
        const { result } = read;
        if (!schema) {
          schema = {
            dialect: result.dialect!,
            columns: result.columns,
            types: result.columns.map((c) => ({ kind: c.kind, int32: c.arrowType !== 'Int64', ...(c.dateFormat ? { dateFormat: c.dateFormat as InferredColumn['dateFormat'] } : {}) })),
          };
        }
        if (result.table.numRows > 0 || rowOffset === 0) {
          yield { result, rowOffset, bytesRead, totalBytes };
          rowOffset += result.table.numRows;
        }
        line = read.lines;
        carry = data.slice(read.consumed);
        carryFileOffset = dataFileOffset + read.consumed;
      } else {
        carry = data;
        carryFileOffset = dataFileOffset;
      }
      options.onProgress?.({ bytesRead, totalBytes, rows: rowOffset });
      if (last) break;
    }
  } finally {
    await handle.close();
  }
}

function concat(a: Uint8Array, b: Uint8Array, threads: number | undefined): Uint8Array {
  const out = byteBuffer(a.length + b.length, threads);
  out.set(a);
  out.set(b, a.length);
  return out;
}

function lastLineBreak(bytes: Uint8Array): number {
  for (let i = bytes.length - 1; i >= 0; i--) if (bytes[i] === LF || bytes[i] === CR) return i;
  return -1;
}
