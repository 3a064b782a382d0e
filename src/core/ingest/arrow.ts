/**
 * Arrow IPC reader: the file format (`.arrow`, Feather v2 `.feather`) and the stream format (`.arrows`),
 * recognised by content, not by extension. Reads record batch by record batch from a FileHandle (random
 * access for the file format, sequential for the stream format), so memory holds only what is kept.
 *
 * Errors are plain `Error`s with a message naming the file: "X is not an Arrow IPC file or stream: …",
 * "X is truncated: …", "X is truncated or corrupt: …". Abort via `options.signal` throws the signal's
 * reason (an `AbortError` DOMException by default).
 *
 * Binary formats have no text, so results carry `rangesIn: 'rendered'` and a source map into the text
 * produced by `renderTableText` (see render-text.ts).
 */
import { open, type FileHandle } from 'node:fs/promises';
import { readSync } from 'node:fs';
import { RecordBatchReader, Table, DataType, type RecordBatch, type Schema } from 'apache-arrow';
import type { ColumnInfo, ColumnKind, IngestResult, SourceFormat } from '../table/model';
import { createRenderedSourceMap, DEFAULT_RENDER_ROW_CAP } from './render-text';
import { sniffMagic } from './magic-bytes';
import { readerOf } from './formats';

/** Progress of a binary read; `rows` = rows read so far. */
export interface BinaryReadProgress {
  bytesRead: number;
  totalBytes: number;
  rows: number;
}

/**
 * Options of the binary readers (a structural subset of the ingest engine's `IngestOptions`, so those
 * can be passed as they are). `memoryBudgetBytes` is not enforced here: the dispatcher decides between
 * an in-memory read (these functions) and batch-by-batch streaming ({@link openArrowBatches}).
 */
export interface BinaryReadOptions {
  signal?: AbortSignal;
  onProgress?: (progress: BinaryReadProgress) => void;
  memoryBudgetBytes?: number;
  /** Rows the text view renders (and the source map addresses individually); default 1,000,000. */
  renderRowCap?: number;
}

/** A file read batch by batch: the schema is known before the first batch. */
export interface BatchSource {
  format: SourceFormat;
  path: string;
  schema: Schema;
  columns: ColumnInfo[];
  totalBytes: number;
  /** Total rows when the format says so up front (Parquet metadata); null for Arrow streams. */
  totalRows: number | null;
  /** Batches in order; closes the file when finished, aborted or when iteration stops early. */
  batches: AsyncGenerator<RecordBatch, void, undefined>;
}

// ---------------------------------------------------------------------------------------------------
// Column kinds

/** What a column holds, from its Arrow type. Types without a dedicated kind are 'other' (profiled as text). */
export function kindOfArrowType(type: DataType): ColumnKind {
  if (DataType.isNull(type)) return 'empty';
  if (DataType.isInt(type)) return 'integer';
  if (DataType.isFloat(type)) return 'float';
  if (DataType.isBool(type)) return 'boolean';
  if (DataType.isDate(type)) return 'date';
  if (DataType.isTimestamp(type)) return 'timestamp';
  if (DataType.isUtf8(type) || DataType.isLargeUtf8(type) || DataType.isUtf8View(type)) return 'string';
  if (DataType.isDictionary(type)) return 'categorical';
  return 'other';
}

export function columnInfoFromSchema(schema: Schema): ColumnInfo[] {
  return schema.fields.map((field, index) => ({
    index,
    name: field.name,
    kind: kindOfArrowType(field.type),
    arrowType: String(field.type),
  }));
}

// ---------------------------------------------------------------------------------------------------
// Recognising the format

const ARROW_MAGIC = [0x41, 0x52, 0x52, 0x4f, 0x57, 0x31]; // "ARROW1"

function startsWith(bytes: Uint8Array, at: number, magic: number[]): boolean {
  if (at < 0 || bytes.length < at + magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (bytes[at + i] !== magic[i]) return false;
  return true;
}

function hexOf(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(' ');
}

function describeForeign(head: Uint8Array): string {
  const ascii = String.fromCharCode(...head.subarray(0, 4));
  const known = sniffMagic(head);
  // Another format's signature (an Arrow one here means a damaged file, described below).
  if (known && (known.readableAs === undefined || readerOf(`x${known.readableAs}`) !== 'arrow')) return `it looks like ${known.looksLike} (it starts with bytes ${known.leadingBytes})`;
  const printable = head.length > 0 && head.every((b) => b === 9 || b === 10 || b === 13 || (b >= 0x20 && b < 0x7f));
  // Control characters as escapes (\n, \t), so the message stays on one line.
  const shown = ascii.replace(/\p{Cc}/gu, (c) => JSON.stringify(c).slice(1, -1));
  if (printable) return `it starts with text ("${shown}…"), perhaps CSV or JSON`;
  return `unrecognised leading bytes ${hexOf(head)}`;
}

export type ArrowLayout = 'file' | 'stream';

/**
 * Decides file vs stream format from the first and last 8 bytes, or throws a clear error: empty file,
 * bad magic, a file-format footer missing (truncated), a stream without its end-of-stream marker.
 */
export function checkArrowLayout(head: Uint8Array, tail: Uint8Array, size: number, name: string): ArrowLayout {
  if (size === 0) throw new ArrowFileError(`${name} is not an Arrow IPC file or stream: the file is empty (0 bytes)`);
  if (startsWith(head, 0, ARROW_MAGIC)) {
    // File format: "ARROW1" + 2 padding bytes, messages, footer, int32 footer length, "ARROW1".
    if (size < 8 + 4 + 6 || !startsWith(tail, tail.length - 6, ARROW_MAGIC)) {
      throw new ArrowFileError(`${name} is truncated: the Arrow IPC file footer is missing (the file should end with "ARROW1"; ${size} bytes present)`);
    }
    return 'file';
  }
  if (size < 8) {
    throw new ArrowFileError(`${name} is not an Arrow IPC file or stream: only ${size} bytes (${describeForeign(head)})`);
  }
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const first = view.getUint32(0, true);
  const continuation = first === 0xffffffff;
  const metadataLength = continuation ? view.getInt32(4, true) : view.getInt32(0, true);
  // Legacy (pre-0.15) streams start directly with the metadata length; accept plausible lengths only.
  const plausible = metadataLength > 0 && metadataLength <= size && (continuation || metadataLength < 1 << 24) && metadataLength % 8 === 0;
  if (!plausible) {
    throw new ArrowFileError(`${name} is not an Arrow IPC file or stream: ${describeForeign(head)}`);
  }
  // End-of-stream marker: continuation 0xFFFFFFFF + length 0 (legacy streams: just the 0 length).
  const tailView = new DataView(tail.buffer, tail.byteOffset, tail.byteLength);
  const endsWithEos = continuation
    ? tail.length >= 8 && tailView.getUint32(tail.length - 8, true) === 0xffffffff && tailView.getUint32(tail.length - 4, true) === 0
    : tail.length >= 4 && tailView.getUint32(tail.length - 4, true) === 0;
  if (!endsWithEos) {
    throw new ArrowFileError(`${name} is truncated: the Arrow IPC stream has no end-of-stream marker (${size} bytes present)`);
  }
  return 'stream';
}

// ---------------------------------------------------------------------------------------------------
// Structural pre-scan
//
// Arrow JS trusts the flatbuffer metadata: a corrupted vector length in a message makes it loop over
// millions of entries (seconds to minutes, gigabytes) before failing. Before handing a file to it,
// walk the message framing and check the metadata of every message with bounds-checked reads: the
// flatbuffer offsets stay inside the metadata, vectors fit, buffers fit in the body, bodies fit in the
// file. Only metadata is read (bodies are skipped), so this costs little even for large files.

class Corrupt extends Error {}

/** Bounds-checked flatbuffer table reader. */
class FlatTable {
  constructor(
    readonly view: DataView,
    readonly pos: number,
  ) {
    if (pos < 0 || pos + 4 > view.byteLength) throw new Corrupt('table offset out of range');
    const vtable = pos - view.getInt32(pos, true);
    if (vtable < 0 || vtable + 4 > view.byteLength) throw new Corrupt('vtable out of range');
    this.vtable = vtable;
    this.vtableSize = view.getUint16(vtable, true);
    if (vtable + this.vtableSize > view.byteLength) throw new Corrupt('vtable out of range');
  }
  private readonly vtable: number;
  private readonly vtableSize: number;

  /** Absolute position of field `i`, or null when absent. */
  field(i: number, size: number): number | null {
    const slot = 4 + 2 * i;
    if (slot + 2 > this.vtableSize) return null;
    const rel = this.view.getUint16(this.vtable + slot, true);
    if (rel === 0) return null;
    const at = this.pos + rel;
    if (at + size > this.view.byteLength) throw new Corrupt('field out of range');
    return at;
  }

  uint8(i: number): number {
    const at = this.field(i, 1);
    return at === null ? 0 : this.view.getUint8(at);
  }

  int64(i: number): number {
    const at = this.field(i, 8);
    if (at === null) return 0;
    const v = this.view.getBigInt64(at, true);
    if (v < 0n || v > BigInt(Number.MAX_SAFE_INTEGER)) throw new Corrupt(`invalid length ${v}`);
    return Number(v);
  }

  /** Target of an offset field (table, vector or string). */
  target(i: number): number | null {
    const at = this.field(i, 4);
    if (at === null) return null;
    const t = at + this.view.getUint32(at, true);
    if (t + 4 > this.view.byteLength) throw new Corrupt('offset out of range');
    return t;
  }

  table(i: number): FlatTable | null {
    const t = this.target(i);
    return t === null ? null : new FlatTable(this.view, t);
  }

  /** A vector's element count and first element position, checked to fit with `elementSize`. */
  vector(i: number, elementSize: number): { length: number; start: number } | null {
    const t = this.target(i);
    if (t === null) return null;
    const length = this.view.getUint32(t, true);
    const start = t + 4;
    if (start + length * elementSize > this.view.byteLength) throw new Corrupt(`vector of ${length} entries does not fit`);
    return { length, start };
  }

  tables(i: number): FlatTable[] {
    const v = this.vector(i, 4);
    if (!v) return [];
    const out: FlatTable[] = [];
    for (let k = 0; k < v.length; k++) {
      const at = v.start + 4 * k;
      out.push(new FlatTable(this.view, at + this.view.getUint32(at, true)));
    }
    return out;
  }
}

function rootTable(bytes: Uint8Array): FlatTable {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 8) throw new Corrupt('metadata too short');
  return new FlatTable(view, view.getUint32(0, true));
}

const MAX_FIELD_DEPTH = 64;

function checkField(field: FlatTable, depth: number): void {
  if (depth > MAX_FIELD_DEPTH) throw new Corrupt('schema nesting too deep');
  field.vector(0, 1); // name
  for (const child of field.tables(5)) checkField(child, depth + 1);
}

function checkRecordBatch(batch: FlatTable, bodyLength: number): void {
  const rows = batch.int64(0);
  if (rows > 0x7fffffff) throw new Corrupt(`record batch of ${rows} rows`);
  const nodes = batch.vector(1, 16);
  const buffers = batch.vector(2, 16);
  const v = batch.view;
  if (buffers) {
    for (let k = 0; k < buffers.length; k++) {
      const offset = v.getBigInt64(buffers.start + 16 * k, true);
      const length = v.getBigInt64(buffers.start + 16 * k + 8, true);
      if (offset < 0n || length < 0n || offset + length > BigInt(bodyLength)) throw new Corrupt('buffer outside the message body');
    }
  }
  if (nodes) {
    for (let k = 0; k < nodes.length; k++) {
      const length = v.getBigInt64(nodes.start + 16 * k, true);
      const nulls = v.getBigInt64(nodes.start + 16 * k + 8, true);
      if (length < 0n || length > 0x7fffffffn || nulls < 0n || nulls > length) throw new Corrupt('invalid field node');
    }
  }
  batch.vector(4, 8);
}

/** Checks one message's metadata; returns its body length. */
export function checkMessageMetadata(metadata: Uint8Array): number {
  const message = rootTable(metadata);
  const headerType = message.uint8(1);
  const bodyLength = message.int64(3);
  const header = message.table(2);
  if (!header) throw new Corrupt('message without header');
  if (headerType === 1) {
    for (const field of header.tables(1)) checkField(field, 0);
  } else if (headerType === 3) {
    checkRecordBatch(header, bodyLength);
  } else if (headerType === 2) {
    header.int64(0);
    const data = header.table(1);
    if (data) checkRecordBatch(data, bodyLength);
  } else {
    throw new Corrupt(`unsupported message type ${headerType}`);
  }
  return bodyLength;
}

/** Synchronous random access to the bytes of a file or buffer (only small metadata reads go through it). */
interface ByteSource {
  size: number;
  read(position: number, length: number): Uint8Array;
}

/**
 * Walks the messages from `start` until the end-of-stream marker or `end`, checking each one's
 * metadata. Throws "… is truncated or corrupt: …".
 */
function scanMessages(source: ByteSource, start: number, end: number, name: string): void {
  let pos = start;
  let index = 0;
  try {
    while (pos < end) {
      if (pos + 4 > end) throw new Corrupt(`incomplete message header at byte ${pos}`);
      const prefix = source.read(pos, Math.min(8, end - pos));
      const view = new DataView(prefix.buffer, prefix.byteOffset, prefix.byteLength);
      let length = view.getInt32(0, true);
      let metaStart = pos + 4;
      if (view.getUint32(0, true) === 0xffffffff) {
        if (prefix.byteLength < 8) throw new Corrupt(`incomplete message header at byte ${pos}`);
        length = view.getInt32(4, true);
        metaStart = pos + 8;
      }
      if (length === 0) return; // end-of-stream marker
      if (length < 0 || metaStart + length > end) throw new Corrupt(`message ${index} metadata (${length} bytes at byte ${metaStart}) runs past the end`);
      const bodyLength = checkMessageMetadata(source.read(metaStart, length));
      pos = metaStart + length + bodyLength;
      if (pos > end) throw new Corrupt(`message ${index} body (${bodyLength} bytes) runs past the end of the data`);
      index++;
    }
  } catch (error) {
    if (error instanceof Corrupt || error instanceof RangeError) {
      throw new ArrowFileError(`${name} is truncated or corrupt: ${error.message}`);
    }
    throw error;
  }
}

/** Checks the file-format footer and the messages before it. */
function scanArrowFileLayout(source: ByteSource, name: string): void {
  const size = source.size;
  const lengthBytes = source.read(size - 10, 4);
  const footerLength = new DataView(lengthBytes.buffer, lengthBytes.byteOffset, 4).getInt32(0, true);
  const footerStart = size - 10 - footerLength;
  if (footerLength <= 0 || footerStart < 8) throw new ArrowFileError(`${name} is truncated or corrupt: invalid footer length ${footerLength}`);
  try {
    const footer = rootTable(source.read(footerStart, footerLength));
    const schema = footer.table(1);
    if (schema) for (const field of schema.tables(1)) checkField(field, 0);
    for (const i of [2, 3]) {
      const blocks = footer.vector(i, 24);
      if (!blocks) continue;
      const v = footer.view;
      for (let k = 0; k < blocks.length; k++) {
        const at = blocks.start + 24 * k;
        const offset = v.getBigInt64(at, true);
        const metaLength = v.getInt32(at + 8, true);
        const bodyLength = v.getBigInt64(at + 16, true);
        if (offset < 8n || metaLength <= 0 || bodyLength < 0n || offset + BigInt(metaLength) + bodyLength > BigInt(footerStart)) {
          throw new Corrupt('a record batch block points outside the file');
        }
      }
    }
  } catch (error) {
    if (error instanceof Corrupt || error instanceof RangeError) throw new ArrowFileError(`${name} is truncated or corrupt: footer: ${error.message}`);
    throw error;
  }
  scanMessages(source, 8, footerStart, name);
}

/** Runs the structural pre-scan for the given layout; throws "… is truncated or corrupt: …". */
function scanLayout(source: ByteSource, layout: ArrowLayout, name: string): void {
  if (layout === 'file') scanArrowFileLayout(source, name);
  else scanMessages(source, 0, source.size, name);
}

function handleSource(handle: FileHandle, size: number): ByteSource {
  return {
    size,
    read(position: number, length: number): Uint8Array {
      const buffer = new Uint8Array(length);
      let done = 0;
      while (done < length) {
        const bytesRead = readSync(handle.fd, buffer, done, length - done, position + done);
        if (bytesRead === 0) break;
        done += bytesRead;
      }
      return buffer.subarray(0, done);
    },
  };
}

function bytesSource(bytes: Uint8Array): ByteSource {
  return { size: bytes.byteLength, read: (position, length) => bytes.subarray(position, position + length) };
}

// ---------------------------------------------------------------------------------------------------
// Reading

/**
 * Arrow JS (21.x) rebuilds each batch's schema with `Schema.assign`, which merges fields by NAME: with
 * duplicate field names (or unions whose children share names) the batch schema gets the wrong types,
 * and `new Table(schema, batches)` then refuses the batches. The data itself is decoded with the right
 * types, so put the reader's schema back on each batch.
 */
function withSchema(batch: RecordBatch, schema: Schema): RecordBatch {
  if (batch.schema !== schema) (batch as { schema: Schema }).schema = schema;
  return batch;
}

/** An error of ours about an Arrow file, whose message already names the file. */
class ArrowFileError extends Error {
  override name = 'ArrowFileError';
}

function wrapReadError(error: unknown, name: string): Error {
  if (error instanceof Error && error.name === 'AbortError') return error;
  if (error instanceof ArrowFileError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new ArrowFileError(`${name} is truncated or corrupt: ${message}`);
}

async function readHeadTail(handle: FileHandle, size: number): Promise<{ head: Uint8Array; tail: Uint8Array }> {
  const head = new Uint8Array(Math.min(8, size));
  const tail = new Uint8Array(Math.min(8, size));
  if (size > 0) {
    await handle.read(head, 0, head.length, 0);
    await handle.read(tail, 0, tail.length, size - tail.length);
  }
  return { head, tail };
}

/** Approximate bytes of a batch's buffers (for progress of stream-format reads). */
function batchBytes(batch: RecordBatch): number {
  return batch.data.children.reduce((sum, child) => sum + child.byteLength, 0);
}

/**
 * Opens an Arrow IPC file or stream for batch-by-batch reading with bounded memory. The file stays
 * open until `batches` finishes (or `return()` is called on it).
 */
export async function openArrowBatches(path: string, options: BinaryReadOptions = {}): Promise<BatchSource> {
  options.signal?.throwIfAborted();
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const { head, tail } = await readHeadTail(handle, size);
    const layout = checkArrowLayout(head, tail, size, path);
    scanLayout(handleSource(handle, size), layout, path);
    let reader;
    try {
      reader = await RecordBatchReader.from(handle);
      await reader.open();
    } catch (error) {
      throw wrapReadError(error, path);
    }
    const schema = reader.schema as Schema | undefined;
    if (!schema) throw new Error(`${path} is truncated or corrupt: no schema message could be read`);
    const batchCount = layout === 'file' && reader.isFile() ? reader.numRecordBatches : 0;
    const opened = reader;
    async function* batches(): AsyncGenerator<RecordBatch, void, undefined> {
      let rows = 0;
      let bytes = 0;
      let index = 0;
      try {
        while (true) {
          options.signal?.throwIfAborted();
          let next: IteratorResult<RecordBatch>;
          try {
            next = await opened.next();
          } catch (error) {
            throw wrapReadError(error, path);
          }
          if (next.done) break;
          const batch = withSchema(next.value, schema as Schema);
          rows += batch.numRows;
          index += 1;
          bytes = batchCount > 0 ? Math.round((size * index) / batchCount) : Math.min(size, bytes + batchBytes(batch));
          options.onProgress?.({ bytesRead: bytes, totalBytes: size, rows });
          yield batch;
        }
        options.onProgress?.({ bytesRead: size, totalBytes: size, rows });
      } finally {
        await opened.cancel().catch(() => undefined);
        await handle.close().catch(() => undefined);
      }
    }
    return {
      format: 'arrow',
      path,
      schema,
      columns: columnInfoFromSchema(schema),
      totalBytes: size,
      totalRows: null,
      batches: batches(),
    };
  } catch (error) {
    await handle.close().catch(() => undefined);
    throw error;
  }
}

/**
 * Random access to the record batches of an Arrow IPC file (format with a footer), for paging through a
 * file over the memory budget; null for the stream format, which has no index of its batches.
 */
export async function openArrowFileBatches(path: string): Promise<{ count: number; read(index: number): Promise<RecordBatch>; close(): Promise<void> } | null> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const { head, tail } = await readHeadTail(handle, size);
    if (checkArrowLayout(head, tail, size, path) !== 'file') {
      await handle.close();
      return null;
    }
    const reader = await RecordBatchReader.from(handle);
    await reader.open();
    const schema = reader.schema as Schema | undefined;
    if (!schema || !reader.isFile()) throw new Error(`${path} is truncated or corrupt: no schema message could be read`);
    const fileReader = reader;
    // One read at a time: the reader keeps one position in the file.
    let queue: Promise<unknown> = Promise.resolve();
    return {
      count: fileReader.numRecordBatches,
      read(index: number): Promise<RecordBatch> {
        const next = queue.then(async () => {
          const batch = await fileReader.readRecordBatch(index);
          if (!batch) throw new Error(`${path} is truncated or corrupt: record batch ${index} could not be read`);
          return withSchema(batch, schema);
        });
        queue = next.catch(() => undefined);
        return next.catch((error: unknown) => {
          throw wrapReadError(error, path);
        });
      },
      close: () => handle.close(),
    };
  } catch (error) {
    await handle.close().catch(() => undefined);
    throw wrapReadError(error, path);
  }
}

/**
 * Builds the shared IngestResult of a binary format from a complete table, or from a batch of a file read
 * batch by batch (`batch`: its first row in the file, and the file's rows when known).
 */
export function binaryIngestResult(table: Table, format: SourceFormat, path: string, options: BinaryReadOptions = {}, batch: { firstRow: number; totalRows?: number } = { firstRow: 0 }): IngestResult {
  const columns = columnInfoFromSchema(table.schema);
  return {
    format,
    path,
    table,
    columns,
    rejectedCells: [],
    variantCells: [],
    naTokenCells: [],
    structuralIssues: [],
    source: createRenderedSourceMap(table, columns, { rowCap: options.renderRowCap ?? DEFAULT_RENDER_ROW_CAP, ...batch }),
    rangesIn: 'rendered',
  };
}

/** Collects a batch source into one table (kept chunked: no copy of the batches). */
export async function collectBatches(source: BatchSource): Promise<Table> {
  const batches: RecordBatch[] = [];
  for await (const batch of source.batches) batches.push(batch);
  return new Table(source.schema, batches);
}

/** Reads a whole Arrow IPC file or stream (`.arrow`, `.feather` v2, `.arrows`) into memory. */
export async function readArrowFile(path: string, options: BinaryReadOptions = {}): Promise<IngestResult> {
  const source = await openArrowBatches(path, options);
  const table = await collectBatches(source);
  return binaryIngestResult(table, 'arrow', path, options);
}

/** Reads Arrow IPC bytes already in memory (file or stream format). */
export function readArrowBytes(bytes: Uint8Array, path = '<bytes>', options: Pick<BinaryReadOptions, 'renderRowCap'> = {}): IngestResult {
  const size = bytes.byteLength;
  const layout = checkArrowLayout(bytes.subarray(0, 8), bytes.subarray(Math.max(0, size - 8)), size, path);
  scanLayout(bytesSource(bytes), layout, path);
  let table: Table;
  try {
    const reader = RecordBatchReader.from(bytes);
    reader.open();
    const schema = reader.schema as Schema | undefined;
    if (!schema) throw new Error(`${path} is truncated or corrupt: no schema message could be read`);
    const batches: RecordBatch[] = [];
    for (const batch of reader) batches.push(withSchema(batch, schema));
    table = new Table(schema, batches);
  } catch (error) {
    throw wrapReadError(error, path);
  }
  return binaryIngestResult(table, 'arrow', path, options);
}
