/**
 * One column's cell contents, located in the parsed bytes without a string per cell: the rows that hold a
 * value (missing cells — empty, absent, NA tokens — are left out) and each value's byte range. Quoted
 * values that need unescaping are unescaped once into a side buffer; strings are made only on demand.
 */
import type { RawCell } from '../../table/model';
import type { ScanResult } from './scan';
import { fieldValue, unquoteInto } from './records';
import { ByteSink } from './byte-sink';
import { Buffer } from 'node:buffer';
import type { TypeEvidence } from './infer';
import { NOT_HANDLED, booleanFromBytes, floatFromBytes, integerFromBytes, isoDateFromBytes } from './parse-bytes';

const utf8 = new TextDecoder('utf-8');
const SPACE = 32;
const TAB = 9;

/** NA tokens matched against cell bytes (after trimming), with a string fallback for unusual white space. */
export class NaMatcher {
  private readonly tokens: Uint8Array[];
  private readonly firstBytes = new Uint8Array(256);
  private readonly maxLength: number;

  constructor(private readonly tokenSet: ReadonlySet<string>) {
    const encoder = new TextEncoder();
    this.tokens = [...tokenSet].filter((t) => t.length > 0).map((t) => encoder.encode(t));
    for (const t of this.tokens) this.firstBytes[t[0]] = 1;
    this.firstBytes[SPACE] = 1;
    this.firstBytes[TAB] = 1;
    // Any other white space (trimmed by String.trim) goes through the string check.
    for (const b of [10, 11, 12, 13, 0xc2, 0xe1, 0xe2, 0xe3, 0xef]) this.firstBytes[b] = 1;
    // NA tokens are matched after trimming; longer cells are not checked.
    this.maxLength = Math.max(0, ...this.tokens.map((t) => t.length)) + 8;
  }

  /** Whether a quoted field of `rawLength` bytes with escapes can hold a token (its value is at least half as long). */
  mayMatchEscaped(rawLength: number): boolean {
    return (rawLength - 2) / 2 <= this.maxLength;
  }

  matchesText(value: string): boolean {
    return this.tokenSet.has(value.trim());
  }

  matches(bytes: Uint8Array, start: number, end: number): boolean {
    if (end - start > this.maxLength || this.firstBytes[bytes[start]] === 0) return false;
    let s = start;
    let e = end;
    while (s < e && (bytes[s] === SPACE || bytes[s] === TAB)) s++;
    while (e > s && (bytes[e - 1] === SPACE || bytes[e - 1] === TAB)) e--;
    if (s < e && (bytes[s] < 0x21 || bytes[s] >= 0x80 || bytes[e - 1] < 0x21 || bytes[e - 1] >= 0x80)) {
      return this.tokenSet.has(utf8.decode(bytes.subarray(start, end)).trim());
    }
    const n = e - s;
    next: for (const t of this.tokens) {
      if (t.length !== n) continue;
      for (let k = 0; k < n; k++) if (t[k] !== bytes[s + k]) continue next;
      return true;
    }
    return n === 0 && this.tokenSet.has('');
  }
}

export interface ExtractContext {
  bytes: Uint8Array;
  scan: ScanResult;
  width: number;
  quote: number;
  validUtf8: boolean;
  na: NaMatcher;
  /** NA-token cells found are appended here. */
  naTokenCells: RawCell[];
}

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

/**
 * The value cells of column `c` into `out` (reused from column to column), NA tokens recorded and left
 * out; only the rows listed in `only` (ascending) when given.
 */
export function extractColumn(ctx: ExtractContext, c: number, out: ColumnContents, only?: Int32Array): ColumnContents {
  const { bytes, scan, width, quote, validUtf8, na } = ctx;
  const { rowStarts, fieldEnds, escaped, absent } = scan;
  const { rows, starts, ends, side } = out;
  const escapedCells = out.escaped;
  side.used = 0;
  let count = 0;
  const rowCount = only ? only.length : scan.rowCount;
  for (let k = 0; k < rowCount; k++) {
    const r = only ? only[k] : k;
    const i = r * width + c;
    const relativeEnd = fieldEnds[i];
    if (relativeEnd === absent) continue;
    const rowStart = rowStarts[r];
    let e = rowStart + relativeEnd;
    let s = c === 0 ? rowStart : rowStart + fieldEnds[i - 1] + 1;
    if (s >= e) continue;
    let inSide = false;
    let isEscaped = 0;
    if (bytes[s] === quote) {
      if ((escaped[i >> 3] & (1 << (i & 7))) !== 0) {
        // Left as written and unescaped where it is used; only a lone unterminated quote is empty.
        if (e - s === 1) continue;
        isEscaped = 1;
      } else {
        s++;
        e--;
        if (s >= e) continue;
      }
    }
    if (!validUtf8) {
      // Invalid UTF-8 bytes become U+FFFD in the value, as a decoder shows them.
      let high = false;
      for (let k = s; k < e; k++) if (bytes[k] >= 0x80) high = true;
      if (high) {
        const from = side.used;
        const value = isEscaped ? fieldValue(bytes, s, e, quote) : utf8.decode(bytes.subarray(s, e));
        const encoded = Buffer.from(value, 'utf8');
        side.append(encoded, 0, encoded.length);
        s = from;
        e = side.used;
        inSide = true;
        isEscaped = 0;
      }
    }
    if (isEscaped) {
      if (na.mayMatchEscaped(e - s)) {
        const value = fieldValue(bytes, s, e, quote);
        if (na.matchesText(value)) {
          ctx.naTokenCells.push({ row: r, column: c, text: value });
          continue;
        }
      }
      rows[count] = r;
      starts[count] = s;
      ends[count] = e;
      escapedCells[count] = 1;
      count++;
      continue;
    }
    const buffer = inSide ? side.data : bytes;
    if (na.matches(buffer, s, e)) {
      ctx.naTokenCells.push({ row: r, column: c, text: utf8.decode(buffer.subarray(s, e)) });
      continue;
    }
    rows[count] = r;
    starts[count] = inSide ? -s - 1 : s;
    ends[count] = e;
    escapedCells[count] = 0;
    count++;
  }
  out.count = count;
  return out;
}

const LETTER_OF_A_TYPED_WORD = new Set([...'nNiItTfFyY'].map((ch) => ch.charCodeAt(0)));

/**
 * Adds the type evidence of cells [from, to) of `cells`, read from their bytes where the byte readers of
 * parse-bytes.ts decide, as text otherwise (same evidence either way). Stops once `hopeless` says the
 * column can only be text.
 */
export function addCellEvidence(cells: ColumnContents, evidence: TypeEvidence, hopeless: () => boolean): void {
  const { starts, ends, escaped, bytes, count } = cells;
  for (let i = 0; i < count; i++) {
    if ((i & 63) === 0 && hopeless()) return;
    const s = starts[i];
    if (escaped[i] === 0 && s >= 0) {
      const e = ends[i];
      const b = bytes[s];
      // A value starting with a letter is typed only as nan/inf…, true/false or yes/no.
      if (((b >= 65 && b <= 90) || (b >= 97 && b <= 122)) && !LETTER_OF_A_TYPED_WORD.has(b)) {
        evidence.addUntyped();
        continue;
      }
      const int = integerFromBytes(bytes, s, e);
      if (typeof int === 'number') {
        evidence.addInteger(int);
        continue;
      }
      if (int === null) {
        if (typeof floatFromBytes(bytes, s, e) === 'number') {
          evidence.addFloat();
          continue;
        }
        const date = isoDateFromBytes(bytes, s, e);
        if (date !== NOT_HANDLED) {
          if (date === null) evidence.addUntyped();
          else evidence.addDate(ISO_ONLY);
          continue;
        }
        const bool = booleanFromBytes(bytes, s, e);
        if (bool !== NOT_HANDLED && bool.word !== null) {
          evidence.addBoolean();
          continue;
        }
      }
    }
    evidence.add(cells.value(i));
  }
}

const ISO_ONLY = ['YYYY-MM-DD'] as const;
