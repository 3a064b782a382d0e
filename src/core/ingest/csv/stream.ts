/**
 * CSV in batches with bounded memory: the file is read in chunks of bytes; each chunk is read up to its
 * last complete record (the rest is carried into the next chunk) with the dialect, column names and column
 * types decided on the first chunk, so every batch has the same schema. Line numbers continue across
 * chunks. Progress is reported per chunk; an aborted signal stops the read.
 */
import { open } from 'node:fs/promises';
import { Buffer } from 'node:buffer';
import type { ColumnInfo, CsvDialect, IngestResult, TextEncodingName } from '../../table/model';
import { readPreparedCsv, type CsvReadOptions } from './read';
import { checkUtf8, declaredEncoding, type CsvBytes } from './decode';
import { CR, LF } from './records';
import type { InferredColumn } from './infer';

/** The dialect, column names and types every batch of a streamed file shares (decided on the first). */
export interface CsvBatchSchema {
  dialect: CsvDialect;
  columns: ColumnInfo[];
  types: InferredColumn[];
}

/** Where a batch's records are in a UTF-8 file: bytes [byteStart, byteEnd), starting on line `firstLine`. */
export interface CsvBatchPosition {
  byteStart: number;
  byteEnd: number;
  firstLine: number;
}

export interface CsvBatch {
  result: IngestResult;
  /** Table row of the batch's first row in the whole file. */
  rowOffset: number;
  bytesRead: number;
  totalBytes: number;
  schema: CsvBatchSchema;
  /** For files read as UTF-8 (not re-encoded): where to read the batch again ({@link readCsvBatchAt}). */
  position?: CsvBatchPosition;
}

export interface CsvBatchOptions extends CsvReadOptions {
  /** Bytes read per chunk (default 16 MiB). */
  chunkBytes?: number;
  onProgress?: (p: { bytesRead: number; totalBytes: number; rows: number }) => void;
  signal?: AbortSignal;
}

function abortError(): Error {
  const error = new Error('The read was cancelled.');
  error.name = 'AbortError';
  return error;
}

/** Turns raw chunks into UTF-8 bytes: as they are for UTF-8 (BOM dropped), decoded and re-encoded otherwise. */
class ChunkDecoder {
  private decoder: { decode(input: Uint8Array, options?: { stream?: boolean }): string } | undefined;
  encoding: TextEncodingName = 'utf-8';
  bom = false;
  private first = true;

  constructor(private readonly requested: TextEncodingName | undefined) {}

  /** Whether the bytes handed out differ from the file's (decoded and re-encoded as UTF-8). */
  get reencodes(): boolean {
    return this.decoder !== undefined;
  }

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
    let schema: CsvBatchSchema | undefined;
    for (;;) {
      if (options.signal?.aborted) throw abortError();
      // A fresh buffer per chunk: each batch's source map keeps its bytes.
      const raw = new Uint8Array(chunkBytes);
      const { bytesRead: n } = await handle.read(raw, 0, chunkBytes, bytesRead);
      const chunkStart = bytesRead;
      bytesRead += n;
      const last = n === 0 || bytesRead >= totalBytes;
      const fresh = decoder.decode(raw.subarray(0, n), last);
      dataFileOffset = carry.length ? carryFileOffset : chunkStart + Math.max(0, n - fresh.length);
      const data = carry.length ? concat(carry, fresh) : fresh;
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
      const read = readPreparedCsv(
        prepared,
        schema ? { ...batchOptions(options, schema, false), firstLine: line, final: last } : { ...options, firstLine: line, final: last },
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
          const position = decoder.reencodes ? undefined : { byteStart: dataFileOffset, byteEnd: dataFileOffset + read.consumed, firstLine: line };
          yield { result, rowOffset, bytesRead, totalBytes, schema, ...(position ? { position } : {}) };
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

/** The read options of a batch of a streamed file, with the schema of its first batch. */
function batchOptions(options: CsvReadOptions, schema: CsvBatchSchema, firstBatch: boolean): CsvReadOptions {
  return {
    ...options,
    delimiter: schema.dialect.delimiter,
    quote: schema.dialect.quote,
    hasHeader: firstBatch && schema.dialect.hasHeader,
    columnNames: schema.columns.map((c) => c.name),
    columnTypes: schema.types,
    trailingDelimiter: schema.dialect.trailingDelimiter,
  };
}

/**
 * Reads one batch of a UTF-8 CSV again from its position (paging back to rows read before), with the
 * schema of the file's first batch: the same rows, values and line numbers as when it was streamed.
 */
export async function readCsvBatchAt(path: string, position: CsvBatchPosition, schema: CsvBatchSchema, options: CsvReadOptions = {}): Promise<IngestResult> {
  const handle = await open(path, 'r');
  try {
    const length = position.byteEnd - position.byteStart;
    const bytes = new Uint8Array(length);
    let done = 0;
    while (done < length) {
      const { bytesRead } = await handle.read(bytes, done, length - done, position.byteStart + done);
      if (bytesRead === 0) throw new Error(`${path} changed while it was open: ${length - done} bytes are missing at byte ${position.byteStart + done}.`);
      done += bytesRead;
    }
    const prepared: CsvBytes = { bytes, encoding: 'utf-8', bom: false, notes: [], ...checkUtf8(bytes, position.byteStart) };
    const firstBatch = position.firstLine === 0;
    return readPreparedCsv(prepared, { ...batchOptions(options, schema, firstBatch), path, firstLine: position.firstLine, final: true }).result;
  } finally {
    await handle.close();
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

function lastLineBreak(bytes: Uint8Array): number {
  for (let i = bytes.length - 1; i >= 0; i--) if (bytes[i] === LF || bytes[i] === CR) return i;
  return -1;
}
