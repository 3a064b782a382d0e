/**
 * Text data files in batches with bounded memory: the file is read in chunks of bytes (decompressed on
 * the way for `.gz`; positions then in the decompressed text); each chunk is read by the format's chunk
 * reader up to its last complete record (the rest is carried into the next chunk), with the schema the
 * reader decided on the first chunk holding data rows, so every batch has the same schema. Line numbers
 * continue across chunks. Progress is reported per chunk; an aborted signal stops the read.
 */
import { Buffer } from 'node:buffer';
import { open } from 'node:fs/promises';
import type { IngestResult, SourceFormat, TextEncodingName } from '../table/model';
import { checkUtf8, declaredEncoding, type CsvBytes } from './csv/decode';
import { CR, LF } from './text-positions';
import { fileChunks } from './byte-chunks';
import { readingOf } from './formats';
import { SNIFF_HEAD_BYTES, assertTextContent } from './magic-bytes';
import type { IngestOptions } from './options';
import { CancelledError } from '../shared/cancel';
import type { CellTexts } from './csv/texts';

/** Bytes read per batch of a file read batch by batch, unless asked otherwise (text, or decoded Arrow data). */
export const DEFAULT_CHUNK_BYTES = 16 * 1024 * 1024;

export interface TextBatch {
  result: IngestResult;
  /** The cells as texts, column by column, when read in text mode (CSV `texts: true`; the result's table is then empty). */
  texts?: CellTexts;
  /** Table row of the batch's first row in the whole file. */
  rowOffset: number;
  /** File bytes read so far, of `totalBytes` (compressed bytes for a gzip file). */
  bytesRead: number;
  totalBytes: number;
  /** JSON Lines: keys first met in this batch that are not columns of the schema (decided on the first batch), with their line. */
  unknownKeys?: { name: string; line: number }[];
  /** JSON Lines: the keys of the columns (a column's name differs for the empty key). */
  keys?: string[];
  /**
   * Reads this batch again, the same rows and positions (paging back to rows read before without reading
   * the file from the start). Plain UTF-8 files only: a compressed or re-encoded file has no byte offsets
   * to read from.
   */
  reread?: () => Promise<IngestResult>;
}

export interface TextBatchOptions extends Pick<IngestOptions, 'encoding' | 'onProgress' | 'signal'> {
  /** Bytes read per chunk (default 16 MiB; of decompressed text for a gzip file). */
  chunkBytes?: number;
}

export interface ChunkRead {
  result: IngestResult;
  /** Bytes of the complete records read. */
  consumed: number;
  /** Line number after them. */
  lines: number;
  /** Data rows read: the table's, or in text mode the texts'. */
  rows: number;
  texts?: CellTexts;
  /** The schema is decided (by this chunk or an earlier one): the batch can be given out. */
  decided: boolean;
  unknownKeys?: { name: string; line: number }[];
  keys?: string[];
}

/** Reads the complete records of one chunk's UTF-8 bytes; keeps the schema it decides on the first chunk with data rows. */
export type ChunkReader = (prepared: CsvBytes, firstLine: number, final: boolean) => ChunkRead | Promise<ChunkRead>;

/** Reads bytes [start, end) of a file. */
async function readRange(path: string, start: number, end: number): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const bytes = new Uint8Array(end - start);
    let done = 0;
    while (done < bytes.length) {
      const { bytesRead } = await handle.read(bytes, done, bytes.length - done, start + done);
      if (bytesRead === 0) throw new Error(`${path} changed while it was read: ${bytes.length - done} bytes are missing at byte ${start + done}.`);
      done += bytesRead;
    }
    return bytes;
  } finally {
    await handle.close();
  }
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

/**
 * The batches of a text file; `newReader` makes the format's chunk reader (a fresh one reads a batch again
 * the way the first batch was read: deciding the same schema from the same bytes).
 */
export async function* ingestTextChunks(path: string, format: SourceFormat, newReader: () => ChunkReader, options: TextBatchOptions = {}): AsyncGenerator<TextBatch> {
  const compressed = readingOf(path).compression !== undefined;
  const reader = newReader();
  const decoder = new ChunkDecoder(options.encoding);
  let carry: Uint8Array = new Uint8Array(0);
  /** Offset in the (decompressed) text of carry[0] (UTF-8 files), for the byte offsets of invalid bytes. */
  let carryTextOffset = 0;
  let textOffset = 0;
  let rowOffset = 0;
  let line = 0;
  for await (const chunk of fileChunks(path, options.chunkBytes ?? DEFAULT_CHUNK_BYTES, { signal: options.signal })) {
    if (options.signal?.aborted) throw new CancelledError();
    const { last, bytesRead, totalBytes } = chunk;
    const n = chunk.bytes.length;
    const chunkStart = textOffset;
    textOffset += n;
    if (chunkStart === 0) assertTextContent(path, format, chunk.bytes.subarray(0, SNIFF_HEAD_BYTES), { utf16: options.encoding?.startsWith('utf-16') });
    const fresh = decoder.decode(chunk.bytes, last);
    const dataTextOffset = carry.length ? carryTextOffset : chunkStart + Math.max(0, n - fresh.length);
    const data = carry.length ? concat(carry, fresh) : fresh;
    // Complete records end at a line break: validate the UTF-8 up to the last one (a chunk may end mid-character).
    const checkedLength = last ? data.length : lastLineBreak(data) + 1;
    const prepared: CsvBytes = {
      bytes: data,
      encoding: decoder.encoding,
      bom: decoder.bom,
      notes: [],
      ...checkUtf8(data.subarray(0, checkedLength), dataTextOffset),
    };
    if (prepared.ascii && checkedLength < data.length) prepared.ascii = false;
    const read = await reader(prepared, line, last);
    if ((read.consumed > 0 && read.decided) || last) {
      const { result } = read;
      if (compressed) result.rangesIn = 'decompressed';
      if (read.rows > 0 || rowOffset === 0) {
        const reread = compressed || decoder.reencodes || read.texts ? undefined : rereadOf(path, rowOffset === 0 ? newReader : () => reader, dataTextOffset, dataTextOffset + read.consumed, line);
        yield {
          result,
          rowOffset,
          bytesRead,
          totalBytes,
          ...(read.texts ? { texts: read.texts } : {}),
          ...(read.unknownKeys?.length ? { unknownKeys: read.unknownKeys } : {}),
          ...(read.keys ? { keys: read.keys } : {}),
          ...(reread ? { reread } : {}),
        };
        rowOffset += read.rows;
      }
      line = read.lines;
      carry = data.slice(read.consumed);
      carryTextOffset = dataTextOffset + read.consumed;
    } else {
      carry = data;
      carryTextOffset = dataTextOffset;
    }
    options.onProgress?.({ bytesRead, totalBytes, rows: rowOffset });
  }
}

/**
 * Reads the records in bytes [start, end) of a plain UTF-8 file again, with the reader that read them (the
 * schema decided), or for the first batch a fresh one each time (which decides it again from the same bytes).
 */
function rereadOf(path: string, chunkReader: () => ChunkReader, start: number, end: number, firstLine: number): () => Promise<IngestResult> {
  return async () => {
    const bytes = await readRange(path, start, end);
    const prepared: CsvBytes = { bytes, encoding: 'utf-8', bom: false, notes: [], ...checkUtf8(bytes, start) };
    return (await chunkReader()(prepared, firstLine, true)).result;
  };
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
