/**
 * The bytes a text source map re-reads for positions: held in memory, or read back from the file a window at
 * a time (a check that keeps only the table needs a few records' bytes for the ranges of its findings, not
 * a copy of the whole file).
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/** Some of the bytes: `bytes[i]` is byte `base + i`. */
export interface ByteWindow {
  bytes: Uint8Array;
  base: number;
}

export interface SourceBytes {
  readonly length: number;
  /**
   * A window holding bytes [from, to) — fewer at the end of the bytes (or of a file that shrank). Its bytes
   * may be reused by the next call: read them before asking for another window.
   */
  window(from: number, to: number): ByteWindow;
}

export function bytesInMemory(bytes: Uint8Array): SourceBytes {
  const all: ByteWindow = { bytes, base: 0 };
  return { length: bytes.length, window: () => all };
}

/** Bytes read from the file per window at least: records around a finding are usually read once for all of its cells. */
const WINDOW_BYTES = 64 * 1024;

/**
 * The bytes of an open file from `offset` on (after a byte-order mark), read back on demand into one buffer
 * (a fresh one per window cost more than the read: its pages are zeroed and faulted in); `close` when done.
 */
export class FileBytes implements SourceBytes {
  private current: ByteWindow = { bytes: new Uint8Array(0), base: 0 };
  private buffer = new Uint8Array(0);

  constructor(
    private readonly fd: number,
    private readonly offset: number,
    readonly length: number,
  ) {}

  window(from: number, to: number): ByteWindow {
    const end = Math.min(to, this.length);
    const { bytes, base } = this.current;
    if (from >= base && end <= base + bytes.length) return this.current;
    const wanted = Math.max(0, Math.min(this.length - from, Math.max(end - from, WINDOW_BYTES)));
    if (this.buffer.length < wanted) this.buffer = new Uint8Array(Math.max(wanted, WINDOW_BYTES));
    const buffer = this.buffer;
    let read = 0;
    for (let n = -1; read < wanted && n !== 0; read += n) n = readSync(this.fd, buffer, read, wanted - read, this.offset + from + read);
    return (this.current = { bytes: buffer.subarray(0, read), base: from });
  }

  close(): void {
    closeSync(this.fd);
  }
}

/** What a file was when it was read: its size and modification time. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
}

/**
 * Opens `path` to read back `length` bytes starting at `offset`, when the file is still as `stamp` says
 * (same size and modification time) and that size is `offset + length`; else undefined.
 */
export function openFileBytes(path: string, stamp: FileStamp, offset: number, length: number): FileBytes | undefined {
  if (stamp.size !== offset + length) return undefined;
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return undefined;
  }
  const now = fstatSync(fd);
  if (now.size === stamp.size && now.mtimeMs === stamp.mtimeMs) return new FileBytes(fd, offset, length);
  closeSync(fd);
  return undefined;
}
