/**
 * Writers of cleaned frames, batch by batch: CSV (RFC 4180, quoting only where needed, untouched texts
 * as they were read), JSON Lines (typed values), Arrow IPC (file format; stream format for .arrows) and
 * Parquet (parquet-wasm, row groups of {@link PARQUET_ROW_GROUP} rows, a chosen compression). Files are
 * written to a temporary name beside the target and renamed when complete, so a failed or cancelled
 * run never leaves a partial file; the caller decides about overwriting.
 */
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import { extname } from 'node:path';
import { RecordBatchFileWriter, RecordBatchStreamWriter, Table, tableToIPC, type Schema } from 'apache-arrow';
import type { Cell, ColumnSpec, Frame } from './frame';
import type { FrameSink } from './run';
import type { RecipeOutput } from './recipe';
import { arrowSchemaOf, frameToRecordBatch, typedValue } from './typed';
import { loadParquetWasm } from '../ingest/parquet-wasm';

/** Rows per Parquet row group (bounds the writer's WebAssembly memory). */
export const PARQUET_ROW_GROUP = 131_072;

export interface WriteResult {
  bytes: number;
  rows: number;
  /** What the user should know about the output (cells a typed format could not hold). */
  notes: string[];
}

export interface TableWriter extends FrameSink {
  /** Finishes the output with `schema` (used when no frame was written). */
  close(schema: ColumnSpec[]): Promise<WriteResult>;
  abort(): Promise<void>;
}

/** Where encoded bytes go: a file or memory. */
interface ByteTarget {
  write(bytes: Uint8Array): Promise<void>;
  readonly bytes: number;
}

class FileTarget implements ByteTarget {
  bytes = 0;
  constructor(private readonly handle: FileHandle) {}
  async write(bytes: Uint8Array): Promise<void> {
    if (bytes.length === 0) return;
    this.bytes += bytes.length;
    await this.handle.write(bytes);
  }
}

export class MemoryTarget implements ByteTarget {
  bytes = 0;
  readonly chunks: Uint8Array[] = [];
  async write(bytes: Uint8Array): Promise<void> {
    this.bytes += bytes.length;
    this.chunks.push(bytes.slice());
  }
  concat(): Uint8Array {
    return Buffer.concat(this.chunks);
  }
}

interface Encoder {
  write(frame: Frame): Promise<void>;
  close(schema: ColumnSpec[]): Promise<void>;
  readonly rejected: number[];
  readonly schema: ColumnSpec[] | undefined;
}

// ---------------------------------------------------------------------------------------------------
// CSV

function quotePattern(delimiter: string): RegExp {
  return new RegExp(`[${delimiter.replace(/[\\\]^-]/g, '\\$&')}"\\r\\n]`);
}

/** One CSV field: quoted when it holds the delimiter, a quote or a line break; a lone empty field is `""`. */
export function csvField(value: Cell, needsQuotes: RegExp, alone: boolean): string {
  if (value === null || value === '') return alone ? '""' : '';
  return needsQuotes.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

class CsvEncoder implements Encoder {
  readonly rejected: number[] = [];
  schema: ColumnSpec[] | undefined;
  private readonly eol: string;
  private readonly needsQuotes: RegExp;

  constructor(
    private readonly target: ByteTarget,
    private readonly output: RecipeOutput,
  ) {
    this.eol = output.lineEnding === 'crlf' ? '\r\n' : '\n';
    this.needsQuotes = quotePattern(output.delimiter);
  }

  private async header(schema: ColumnSpec[]): Promise<void> {
    if (this.schema) return;
    this.schema = schema;
    const alone = schema.length === 1;
    await this.target.write(Buffer.from(schema.map((c) => csvField(c.name, this.needsQuotes, alone)).join(this.output.delimiter) + this.eol, 'utf8'));
  }

  async write(frame: Frame): Promise<void> {
    await this.header(frame.schema);
    const { columns, length } = frame;
    const alone = columns.length === 1;
    const d = this.output.delimiter;
    const lines: string[] = new Array(length);
    for (let r = 0; r < length; r++) {
      let line = csvField(columns[0]?.[r] ?? null, this.needsQuotes, alone);
      for (let c = 1; c < columns.length; c++) line += d + csvField(columns[c][r], this.needsQuotes, false);
      lines[r] = line;
    }
    if (length > 0) await this.target.write(Buffer.from(lines.join(this.eol) + this.eol, 'utf8'));
  }

  async close(schema: ColumnSpec[]): Promise<void> {
    await this.header(schema);
  }
}

// ---------------------------------------------------------------------------------------------------
// JSON Lines

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** An epoch-milliseconds value as ISO text: `YYYY-MM-DD` for dates, full ISO 8601 (UTC) for timestamps. */
function isoText(ms: number, kind: 'date' | 'timestamp'): string {
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return String(ms);
  if (kind === 'timestamp') return d.toISOString();
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
}

class JsonlEncoder implements Encoder {
  readonly rejected: number[] = [];
  schema: ColumnSpec[] | undefined;
  constructor(
    private readonly target: ByteTarget,
    private readonly naTokens: ReadonlySet<string>,
  ) {}

  async write(frame: Frame): Promise<void> {
    this.schema ??= frame.schema;
    const keys = frame.schema.map((c) => JSON.stringify(c.name));
    const lines: string[] = new Array(frame.length);
    for (let r = 0; r < frame.length; r++) {
      const parts: string[] = new Array(keys.length);
      for (let c = 0; c < keys.length; c++) {
        const spec = frame.schema[c];
        const { value, rejected } = typedValue(frame.columns[c][r], spec, this.naTokens);
        if (rejected) this.rejected[c] = (this.rejected[c] ?? 0) + 1;
        let json: string;
        if (value === null) json = 'null';
        else if (typeof value === 'bigint') json = value.toString();
        else if (typeof value === 'number') json = spec.kind === 'date' || spec.kind === 'timestamp' ? JSON.stringify(isoText(value, spec.kind)) : Number.isFinite(value) ? String(value) : 'null';
        else json = JSON.stringify(value);
        parts[c] = `${keys[c]}:${json}`;
      }
      lines[r] = `{${parts.join(',')}}`;
    }
    if (frame.length > 0) await this.target.write(Buffer.from(lines.join('\n') + '\n', 'utf8'));
  }

  async close(schema: ColumnSpec[]): Promise<void> {
    this.schema ??= schema;
  }
}

// ---------------------------------------------------------------------------------------------------
// Arrow IPC

class ArrowEncoder implements Encoder {
  readonly rejected: number[] = [];
  schema: ColumnSpec[] | undefined;
  private arrowSchema: Schema | undefined;
  private readonly writer: RecordBatchFileWriter | RecordBatchStreamWriter;
  private readonly drain: Promise<void>;

  constructor(
    target: ByteTarget,
    stream: boolean,
    private readonly naTokens: ReadonlySet<string>,
  ) {
    this.writer = stream ? new RecordBatchStreamWriter() : new RecordBatchFileWriter();
    const writer = this.writer;
    this.drain = (async () => {
      for await (const chunk of writer) await target.write(chunk);
    })();
  }

  private start(schema: ColumnSpec[]): Schema {
    if (!this.arrowSchema) {
      this.schema = schema;
      this.arrowSchema = arrowSchemaOf(schema);
      this.writer.reset(undefined, this.arrowSchema);
    }
    return this.arrowSchema;
  }

  async write(frame: Frame): Promise<void> {
    const schema = this.start(frame.schema);
    this.writer.write(frameToRecordBatch(frame, schema, this.naTokens, this.rejected));
  }

  async close(schema: ColumnSpec[]): Promise<void> {
    this.start(schema);
    await this.writer.close();
    await this.drain;
  }
}

// ---------------------------------------------------------------------------------------------------
// Parquet

type ParquetWasm = Awaited<ReturnType<typeof loadParquetWasm>>;
type WasmRecordBatch = ReturnType<ReturnType<ParquetWasm['Table']['fromIPCStream']>['recordBatches']>[number];

const COMPRESSION_NAMES = { snappy: 'SNAPPY', zstd: 'ZSTD', gzip: 'GZIP', brotli: 'BROTLI', lz4: 'LZ4_RAW', uncompressed: 'UNCOMPRESSED' } as const;

class ParquetEncoder implements Encoder {
  readonly rejected: number[] = [];
  schema: ColumnSpec[] | undefined;
  private arrowSchema: Schema | undefined;
  private readonly queue: WasmRecordBatch[] = [];
  private finished = false;
  private wake: (() => void) | undefined;
  private room: (() => void) | undefined;
  private drain: Promise<void> | undefined;
  private failure: unknown;

  constructor(
    private readonly pw: ParquetWasm,
    private readonly target: ByteTarget,
    private readonly output: RecipeOutput,
    private readonly naTokens: ReadonlySet<string>,
  ) {}

  private startDrain(): void {
    const input = new ReadableStream<WasmRecordBatch>({
      pull: async (controller) => {
        while (this.queue.length === 0 && !this.finished) await new Promise<void>((resolve) => (this.wake = resolve));
        const next = this.queue.shift();
        this.room?.();
        if (next) controller.enqueue(next);
        else controller.close();
      },
    });
    const props = new this.pw.WriterPropertiesBuilder()
      .setCompression(this.pw.Compression[COMPRESSION_NAMES[this.output.compression]])
      .setMaxRowGroupSize(PARQUET_ROW_GROUP)
      .setCreatedBy('Dataset Inspector')
      .build();
    this.drain = (async () => {
      const bytes = await this.pw.transformParquetStream(input, props);
      const reader = (bytes as ReadableStream<Uint8Array>).getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        await this.target.write(value);
      }
    })().catch((error: unknown) => {
      this.failure = error;
      this.room?.();
    });
  }

  private start(schema: ColumnSpec[]): Schema {
    if (!this.arrowSchema) {
      this.schema = schema;
      this.arrowSchema = arrowSchemaOf(schema);
      this.startDrain();
    }
    return this.arrowSchema;
  }

  private async push(frame: Frame, schema: Schema): Promise<void> {
    const batch = frameToRecordBatch(frame, schema, this.naTokens, this.rejected);
    const wasmTable = this.pw.Table.fromIPCStream(tableToIPC(new Table(schema, [batch]), 'stream'));
    for (const b of wasmTable.recordBatches()) this.queue.push(b);
    wasmTable.free();
    this.wake?.();
    // Back-pressure: at most two batches wait for the encoder.
    while (this.queue.length > 2 && this.failure === undefined) await new Promise<void>((resolve) => (this.room = resolve));
    if (this.failure !== undefined) throw this.failure;
  }

  private wrote = false;

  async write(frame: Frame): Promise<void> {
    if (frame.length === 0) return;
    this.wrote = true;
    await this.push(frame, this.start(frame.schema));
  }

  async close(schema: ColumnSpec[]): Promise<void> {
    const arrowSchema = this.start(schema);
    // An empty table still gets its schema: one batch of no rows.
    if (!this.wrote) await this.push({ schema: this.schema!, columns: this.schema!.map(() => []), rows: new Float64Array(0), malformed: new Uint8Array(0), length: 0 }, arrowSchema);
    this.finished = true;
    this.wake?.();
    await this.drain;
    if (this.failure !== undefined) throw this.failure;
  }
}

// ---------------------------------------------------------------------------------------------------

async function encoderFor(target: ByteTarget, path: string | undefined, output: RecipeOutput, naTokens: ReadonlySet<string>): Promise<Encoder> {
  switch (output.format) {
    case 'csv':
      return new CsvEncoder(target, output);
    case 'jsonl':
      return new JsonlEncoder(target, naTokens);
    case 'arrow':
      return new ArrowEncoder(target, path !== undefined && extname(path).toLowerCase() === '.arrows', naTokens);
    case 'parquet':
      return new ParquetEncoder(await loadParquetWasm(), target, output, naTokens);
  }
}

function rejectionNotes(encoder: Encoder, format: string): string[] {
  const notes: string[] = [];
  encoder.rejected.forEach((count, c) => {
    const spec = encoder.schema?.[c];
    if (count > 0 && spec) notes.push(`${count.toLocaleString('en-US')} cell${count === 1 ? '' : 's'} of "${spec.name}" ${count === 1 ? 'is' : 'are'} not ${spec.kind === 'integer' ? 'an integer' : `a ${spec.kind}`} and ${count === 1 ? 'was' : 'were'} written as null in the ${format} output.`);
  });
  return notes;
}

/** A writer over an encoder; `finish` and `discard` complete or drop its target. */
function writerOver(encoder: Encoder, target: ByteTarget, format: string, finish: () => Promise<void>, discard: () => Promise<void>): TableWriter {
  let rows = 0;
  return {
    async write(frame) {
      rows += frame.length;
      await encoder.write(frame);
    },
    async close(schema) {
      await encoder.close(schema);
      await finish();
      return { bytes: target.bytes, rows, notes: rejectionNotes(encoder, format) };
    },
    abort: discard,
  };
}

/** Opens `path` for writing (through a temporary file renamed on close). */
export async function openWriter(path: string, output: RecipeOutput, naTokens: ReadonlySet<string>): Promise<TableWriter> {
  const tmp = `${path}.tmp-${process.pid}-${Date.now()}`;
  const handle = await open(tmp, 'w');
  const target = new FileTarget(handle);
  const discard = async () => {
    await handle.close().catch(() => undefined);
    await rm(tmp, { force: true });
  };
  try {
    const encoder = await encoderFor(target, path, output, naTokens);
    return writerOver(encoder, target, output.format, async () => {
      await handle.close();
      await rename(tmp, path);
    }, discard);
  } catch (error) {
    await discard();
    throw error;
  }
}

/** A writer into memory (previews), with the bytes written. */
export async function openMemoryWriter(output: RecipeOutput, naTokens: ReadonlySet<string>): Promise<TableWriter & { bytes(): Uint8Array }> {
  const target = new MemoryTarget();
  const encoder = await encoderFor(target, undefined, output, naTokens);
  const nothing = async () => undefined;
  return { ...writerOver(encoder, target, output.format, nothing, nothing), bytes: () => target.concat() };
}
