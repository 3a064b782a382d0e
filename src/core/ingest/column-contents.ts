/**
 * One column's cell contents, located in the parsed bytes without a string per cell: the rows that hold a
 * value (missing cells — empty, absent, NA tokens — are left out) and each value's byte range. Quoted
 * values that need unescaping are unescaped once into a side buffer; strings are made only on demand.
 * Filled by the JSON Lines reader, converted by column-build.ts.
 */
import { Buffer } from 'node:buffer';
import { fieldValue, unquoteInto } from './csv/records';
import { ByteSink } from './csv/byte-sink';

const utf8 = new TextDecoder('utf-8');

export class ColumnContents {
  /** Rows of the cells that hold a value, in order. */
  readonly rows: Int32Array;
  /**
   * Byte range of each value: the value itself, or for an escaped cell (flag 1) the quoted field as
   * written; a negative start `-(s + 1)` means offset s in `side` (values with invalid UTF-8 repaired).
   */
  readonly starts: Int32Array | Float64Array;
  readonly ends: Uint32Array;
  /** 1: the range is a quoted field to unescape (doubled quotes, stray text after the closing quote). */
  readonly escaped: Uint8Array;
  count = 0;
  readonly side = new ByteSink(256);
  /** `bytes` as a Buffer: its toString decodes short values about twice as fast as a TextDecoder. */
  private readonly text: Buffer;

  constructor(
    readonly bytes: Uint8Array,
    readonly quote: number,
    capacity: number,
  ) {
    this.text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.rows = new Int32Array(capacity);
    // Int32 offsets (negative ones point into `side`) while the bytes allow it.
    this.starts = bytes.length < 0x7fffffff ? new Int32Array(capacity) : new Float64Array(capacity);
    this.ends = new Uint32Array(capacity);
    this.escaped = new Uint8Array(capacity);
  }

  /** Upper bound of value `i`'s length in bytes. */
  length(i: number): number {
    const s = this.starts[i];
    return this.ends[i] - (s < 0 ? -s - 1 : s);
  }

  /** Appends value `i`'s bytes to `sink`. */
  appendTo(i: number, sink: ByteSink): void {
    const s = this.starts[i];
    if (s < 0) sink.append(this.side.data, -s - 1, this.ends[i]);
    else if (this.escaped[i] === 1) unquoteInto(this.bytes, s, this.ends[i], this.quote, sink);
    else sink.append(this.bytes, s, this.ends[i]);
  }

  value(i: number): string {
    const s = this.starts[i];
    if (s < 0) return utf8.decode(this.side.data.subarray(-s - 1, this.ends[i]));
    if (this.escaped[i] === 1) return fieldValue(this.bytes, s, this.ends[i], this.quote);
    return this.text.toString('utf8', s, this.ends[i]);
  }
}
