/**
 * gzip-compressed text files, decompressed as a stream with `node:zlib` (zlib works off the main thread):
 * whole into one buffer for the in-memory readers, or in chunks for the batch-by-batch ones. A file
 * that is not gzip, is truncated or corrupt gives one clear error naming the file.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { sniffMagic } from './magic-bytes';
import { GZIP_EXTENSION } from './formats';
import { prepareCsvBytes } from './csv/decode';
import { CR, LF } from './text-positions';
import type { TextEncodingName } from '../table/model';

export interface GunzipProgress {
  /** Compressed bytes read from the file so far, of `totalBytes`. */
  bytesRead: number;
  totalBytes: number;
  /** Decompressed bytes so far. */
  decompressed: number;
}

export interface GunzipOptions {
  signal?: AbortSignal;
  onProgress?: (progress: GunzipProgress) => void;
}

/** More decompressed text than allowed (the in-memory budget). */
export class DecompressedSizeError extends Error {
  constructor(
    readonly path: string,
    readonly limitBytes: number,
  ) {
    super(`${basename(path)} decompresses to more than ${(limitBytes / 2 ** 20).toFixed(0)} MiB, over the in-memory budget.`);
    this.name = 'DecompressedSizeError';
  }
}

/**
 * The file's size and the decompressed size its gzip trailer declares (ISIZE: the last member's size
 * modulo 2^32); throws a clear error when the file is not gzip at all.
 */
async function openGzip(path: string): Promise<{ size: number; declaredSize: number | undefined }> {
  const handle = await open(path, 'r');
  try {
    const size = (await handle.stat()).size;
    const head = new Uint8Array(Math.min(size, 16));
    await handle.read(head, 0, head.length, 0);
    let declaredSize: number | undefined;
    if (size >= 18) {
      const trailer = new Uint8Array(4);
      await handle.read(trailer, 0, 4, size - 4);
      declaredSize = new DataView(trailer.buffer).getUint32(0, true);
    }
    assertGzip(path, head, size);
    return { size, declaredSize };
  } finally {
    await handle.close();
  }
}

/** Throws a clear error unless the file starts with the gzip signature. */
function assertGzip(path: string, head: Uint8Array, size: number): void {
  if (size === 0) throw new Error(`${basename(path)} is not gzip-compressed: the file is empty (0 bytes).`);
  const other = sniffMagic(head);
  if (other?.readableAs === GZIP_EXTENSION) return;
  const looksLike = other ? `it looks like ${other.looksLike}` : 'it looks like uncompressed text: remove the .gz from its name';
  throw new Error(`${basename(path)} is not gzip-compressed (it does not start with bytes 1f 8b); ${looksLike}.`);
}

/** A zlib failure as a message about the file. */
function gzipError(path: string, error: unknown, decompressed: number): Error {
  if (error instanceof Error && error.name === 'AbortError') return error;
  const code = (error as { code?: string } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  const after = `after ${decompressed.toLocaleString('en-US')} bytes of decompressed text`;
  if (code === 'Z_BUF_ERROR') return new Error(`${basename(path)} is truncated: its gzip data ends early (${after}).`);
  if (code?.startsWith('Z_')) return new Error(`${basename(path)} is corrupt: the gzip data cannot be decompressed (${message}, ${after}).`);
  return error instanceof Error ? error : new Error(message);
}

/** The file's decompressed bytes as a stream of Buffers (zlib output chunks), with the compressed bytes read so far. */
async function* gunzipStream(path: string, size: number, options: GunzipOptions): AsyncGenerator<{ chunk: Buffer; bytesRead: number; totalBytes: number }> {
  const source = createReadStream(path, { signal: options.signal, highWaterMark: 1 << 20 });
  const gunzip = createGunzip({ chunkSize: 1 << 20 });
  pipeline(source, gunzip, () => undefined);
  let decompressed = 0;
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      decompressed += chunk.length;
      yield { chunk, bytesRead: source.bytesRead, totalBytes: size };
    }
  } catch (error) {
    throw gzipError(path, error, decompressed);
  } finally {
    source.destroy();
    gunzip.destroy();
  }
}

/** What the decompressed text of a gzip file will take, from its trailer (undefined when it cannot say). */
export async function gzipDeclaredSize(path: string): Promise<number | undefined> {
  return (await openGzip(path)).declaredSize;
}

/** Decompressed bytes per compressed byte beyond which a trailer's size is not believed for the first allocation. */
const PLAUSIBLE_RATIO = 64;

/**
 * The whole decompressed text of a gzip file, in one buffer (sized from the trailer when plausible, grown
 * when that was wrong); over `maxBytes` throws {@link DecompressedSizeError}.
 */
export async function gunzipFile(path: string, options: GunzipOptions & { maxBytes?: number } = {}): Promise<Uint8Array> {
  const maxBytes = options.maxBytes ?? Infinity;
  const { size, declaredSize } = await openGzip(path);
  let buffer = new Uint8Array(Math.max(1024, Math.min(maxBytes, declaredSize ?? 0, size * PLAUSIBLE_RATIO)));
  let used = 0;
  for await (const { chunk, bytesRead, totalBytes } of gunzipStream(path, size, options)) {
    if (used + chunk.length > maxBytes) throw new DecompressedSizeError(path, maxBytes);
    if (used + chunk.length > buffer.length) {
      const grown = new Uint8Array(Math.min(maxBytes, Math.max(buffer.length * 2, used + chunk.length)));
      grown.set(buffer.subarray(0, used));
      buffer = grown;
    }
    buffer.set(chunk, used);
    used += chunk.length;
    options.onProgress?.({ bytesRead, totalBytes, decompressed: used });
  }
  return buffer.subarray(0, used);
}

export interface ByteChunk {
  /** A fresh buffer (batches keep their bytes). */
  bytes: Uint8Array;
  /** The last chunk of the (decompressed) text. */
  last: boolean;
  /** File bytes read so far, of `totalBytes` (compressed bytes for a gzip file). */
  bytesRead: number;
  totalBytes: number;
}

/** The decompressed text in chunks of `chunkBytes` (the last one shorter); one chunk is held back to know which is last. */
export async function* gunzipChunks(path: string, chunkBytes: number, options: GunzipOptions = {}): AsyncGenerator<ByteChunk> {
  let pending: ByteChunk | undefined;
  let current = new Uint8Array(chunkBytes);
  let used = 0;
  const { size } = await openGzip(path);
  let progress = { bytesRead: 0, totalBytes: size };
  for await (const { chunk, bytesRead, totalBytes } of gunzipStream(path, size, options)) {
    progress = { bytesRead, totalBytes };
    let from = 0;
    while (from < chunk.length) {
      const n = Math.min(chunk.length - from, chunkBytes - used);
      current.set(chunk.subarray(from, from + n), used);
      used += n;
      from += n;
      if (used === chunkBytes) {
        if (pending) yield pending;
        pending = { bytes: current, last: false, ...progress };
        current = new Uint8Array(chunkBytes);
        used = 0;
      }
    }
  }
  if (pending && used === 0) {
    yield { ...pending, last: true, ...progress };
    return;
  }
  if (pending) yield pending;
  yield { bytes: current.subarray(0, used), last: true, ...progress };
}

/** Most decompressed text a read-only view shows (a document that large is still usable in the editor). */
export const DECOMPRESSED_VIEW_BYTES = 32 * 2 ** 20;

export interface DecompressedTextView {
  /** The decompressed text as the readers parse it (BOM dropped, legacy encodings decoded). */
  text: string;
  /** Lines of the file the text shows: all (Infinity) or, when cut, the first `lines` ones followed by one marker line. */
  lines: number;
}

/**
 * The decompressed text of a gzip file for a read-only view: whole up to `maxBytes`, else cut after the
 * last line break within them, with a last line saying the text goes on.
 */
export async function decompressedTextView(path: string, options: { maxBytes?: number; encoding?: TextEncodingName } = {}): Promise<DecompressedTextView> {
  const maxBytes = options.maxBytes ?? DECOMPRESSED_VIEW_BYTES;
  const { size } = await openGzip(path);
  const chunks: Uint8Array[] = [];
  let used = 0;
  let complete = true;
  for await (const { chunk } of gunzipStream(path, size, {})) {
    const n = Math.min(chunk.length, maxBytes - used);
    chunks.push(chunk.subarray(0, n));
    used += n;
    if (n < chunk.length) {
      complete = false;
      break;
    }
  }
  const buffer = Buffer.concat(chunks, used);
  let end = used;
  if (!complete) while (end > 0 && buffer[end - 1] !== LF && buffer[end - 1] !== CR) end--;
  const prepared = prepareCsvBytes(buffer.subarray(0, end), options.encoding);
  const text = new TextDecoder('utf-8').decode(prepared.bytes);
  if (complete) return { text, lines: Infinity };
  let lines = 0;
  const bytes = prepared.bytes;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === LF || (bytes[i] === CR && bytes[i + 1] !== LF)) lines++;
  return { text: `${text}… the decompressed text goes on; this view shows its first ${lines.toLocaleString('en-US')} lines (${(maxBytes / 2 ** 20).toFixed(0)} MiB). Findings further on are listed here with their line.\n`, lines };
}
