/**
 * The cells of a scanned chunk, read one at a time from the bytes without a string per cell: missing
 * cells, NA tokens, values (quotes stripped, invalid UTF-8 repaired) and quoted values to unescape; and
 * the type evidence of a column's values.
 */
import type { ScanResult } from './scan';
import { fieldValue, unquoteInto } from './records';
import { ByteSink } from './byte-sink';
import { Buffer } from 'node:buffer';
import type { TypeEvidence } from './infer';
import { NOT_HANDLED, booleanFromBytes, floatFromBytes, hasOuterBlank, integerFromBytes, isoDateFromBytes } from './parse-bytes';

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

/** A cell with nothing in it: empty, an empty quoted field, or missing from a short record. */
export const MISSING = 0;
/** A cell holding an NA token (its text in CellReader.naText). */
export const NA_TOKEN = 1;
/** A value whose UTF-8 bytes are CellReader.buffer[start, end). */
export const PLAIN = 2;
/** A quoted value to unescape (doubled quotes, text after the closing quote): the field as written, bytes[start, end). */
export const ESCAPED = 3;

/** The parts of a chunk's scan a CellReader needs. */
export type ScannedCells = Pick<ScanResult, 'rowStarts' | 'fieldEnds' | 'escaped' | 'absent'>;

/**
 * Reads cells of a scanned chunk one at a time, without a string or an object per cell: what a cell
 * holds (MISSING, NA_TOKEN, PLAIN or ESCAPED) and where its bytes are. Quotes are stripped; a value with
 * invalid UTF-8 is repaired (U+FFFD, as a decoder shows it) into a side buffer, valid until the next read.
 */
export class CellReader {
  /** The current value's bytes: the data, or the side buffer. */
  buffer: Uint8Array;
  start = 0;
  end = 0;
  /** The text of the last NA-token cell read. */
  naText = '';
  private readonly side = new ByteSink(256);
  /** `bytes` as a Buffer: its toString decodes short values about twice as fast as a TextDecoder. */
  private readonly text: Buffer;

  constructor(
    readonly bytes: Uint8Array,
    readonly scan: ScannedCells,
    readonly width: number,
    readonly quote: number,
    private readonly validUtf8: boolean,
    private readonly na: NaMatcher,
  ) {
    this.buffer = bytes;
    this.text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /** Reads the field written at bytes[s, e) (`bit`: its index r * width + c in the scan's escape bits). */
  read(s: number, e: number, bit: number): number {
    if (s >= e) return MISSING;
    const bytes = this.bytes;
    let kind = PLAIN;
    if (bytes[s] === this.quote) {
      if ((this.scan.escaped[bit >> 3] & (1 << (bit & 7))) !== 0) {
        // Left as written and unescaped where it is used; only a lone unterminated quote is empty.
        if (e - s === 1) return MISSING;
        kind = ESCAPED;
      } else {
        s++;
        e--;
        if (s >= e) return MISSING;
      }
    }
    let buffer = bytes;
    if (!this.validUtf8) {
      let high = false;
      for (let k = s; k < e; k++) if (bytes[k] >= 0x80) high = true;
      if (high) {
        const value = kind === ESCAPED ? fieldValue(bytes, s, e, this.quote) : utf8.decode(bytes.subarray(s, e));
        const encoded = Buffer.from(value, 'utf8');
        this.side.used = 0;
        this.side.append(encoded, 0, encoded.length);
        buffer = this.side.data;
        s = 0;
        e = this.side.used;
        kind = PLAIN;
      }
    }
    if (kind === ESCAPED) {
      if (this.na.mayMatchEscaped(e - s)) {
        const value = fieldValue(bytes, s, e, this.quote);
        if (this.na.matchesText(value)) {
          this.naText = value;
          return NA_TOKEN;
        }
      }
    } else if (this.na.matches(buffer, s, e)) {
      this.naText = utf8.decode(buffer.subarray(s, e));
      return NA_TOKEN;
    }
    this.buffer = buffer;
    this.start = s;
    this.end = e;
    return kind;
  }

  /** Reads cell (r, c). */
  readAt(r: number, c: number): number {
    const { rowStarts, fieldEnds, absent } = this.scan;
    const i = r * this.width + c;
    const relativeEnd = fieldEnds[i];
    if (relativeEnd === absent) return MISSING;
    const rowStart = rowStarts[r];
    return this.read(c === 0 ? rowStart : rowStart + fieldEnds[i - 1] + 1, rowStart + relativeEnd, i);
  }

  /** The value of the cell last read (PLAIN or ESCAPED) as a string. */
  value(kind: number): string {
    if (kind === ESCAPED) return fieldValue(this.bytes, this.start, this.end, this.quote);
    if (this.buffer === this.bytes) return this.text.toString('utf8', this.start, this.end);
    return utf8.decode(this.buffer.subarray(this.start, this.end));
  }

  /** Appends the value of the cell last read (PLAIN or ESCAPED) to `sink`. */
  appendTo(kind: number, sink: ByteSink): void {
    if (kind === ESCAPED) unquoteInto(this.bytes, this.start, this.end, this.quote, sink);
    else sink.append(this.buffer, this.start, this.end);
  }
}

/**
 * Adds the type evidence of `columns` over `rows` (ascending; rows 0 to rowCount − 1 when undefined),
 * row by row (each record's bytes are fetched once), into `evidence` (one per column). Values are read
 * from their bytes where the byte readers of parse-bytes.ts decide, as text otherwise (the same evidence
 * either way). A column stops collecting once it can only be text (`hopeless` for at most `total` values):
 * `untypedAcross[j]` counts column j's untyped values over every chunk of the read (shared memory when the
 * chunks are read in several threads), so the chunks together stop after as many values as one pass would.
 * Stopping early never changes the decision: the untyped values counted are then too many whatever the
 * others hold.
 */
export function addCellEvidence(
  reader: CellReader,
  columns: readonly number[],
  rowCount: number,
  rows: Int32Array | undefined,
  evidence: readonly TypeEvidence[],
  total: number,
  untypedAcross: Int32Array,
): void {
  const n = rows ? rows.length : rowCount;
  const open = columns.map(() => true);
  /** Per column: its untyped values already added to untypedAcross. */
  const reported = columns.map(() => 0);
  for (let k = 0; k < n; k++) {
    const r = rows ? rows[k] : k;
    for (let j = 0; j < columns.length; j++) {
      if (!open[j]) continue;
      const e = evidence[j];
      if ((k & 63) === 0) {
        const untyped = e.counts.untyped;
        const across = Atomics.add(untypedAcross, j, untyped - reported[j]) + untyped - reported[j];
        reported[j] = untyped;
        if (e.hopeless(total, across)) {
          open[j] = false;
          continue;
        }
      }
      const kind = reader.readAt(r, columns[j]);
      if (kind === PLAIN) addPlainEvidence(reader, e);
      else if (kind === ESCAPED) e.add(reader.value(kind));
    }
  }
  columns.forEach((_, j) => Atomics.add(untypedAcross, j, evidence[j].counts.untyped - reported[j]));
}

/** The evidence of the PLAIN value last read (TypeEvidence.add's decision, from the bytes where they decide it). */
function addPlainEvidence(reader: CellReader, evidence: TypeEvidence): void {
  const { buffer, start: s, end: e } = reader;
  const int = integerFromBytes(buffer, s, e);
  // An integer written with a fraction of zeros ("2540.0") is evidence of a float (the string parser decides).
  if (typeof int === 'number' && !hasDot(buffer, s, e)) {
    // Digits alone (no sign, no spaces): their width, and whether a zero leads them ("02134").
    const digitsAlone = buffer[s] >= 0x30 && buffer[s] <= 0x39 && buffer[e - 1] >= 0x30 && buffer[e - 1] <= 0x39;
    if (digitsAlone) return evidence.addInteger(int, e - s, e - s > 1 && buffer[s] === 0x30);
    if (hasOuterBlank(buffer, s, e)) evidence.addSpacedNumber();
    return evidence.addInteger(int);
  }
  if (int === null) {
    const float = floatFromBytes(buffer, s, e);
    if (typeof float === 'number') {
      if (hasOuterBlank(buffer, s, e)) evidence.addSpacedNumber();
      return evidence.addFloat(float, pointGroupedBytes(buffer, s, e));
    }
    const date = isoDateFromBytes(buffer, s, e);
    if (date !== NOT_HANDLED && date !== null) return evidence.addDate(ISO_ONLY);
    const bool = booleanFromBytes(buffer, s, e);
    if (bool !== NOT_HANDLED && bool.word !== null) return evidence.addBoolean();
  }
  evidence.add(reader.value(PLAIN));
}

/** Whether bytes[start, end) are digits grouped by thousands with points ("12.345", "-1.234.567"; see POINT_GROUPED). */
function pointGroupedBytes(bytes: Uint8Array, start: number, end: number): boolean {
  let k = start < end && (bytes[start] === 0x2b || bytes[start] === 0x2d) ? start + 1 : start;
  if (bytes[k] === 0x30) return false;
  let lead = 0;
  while (k < end && bytes[k] >= 0x30 && bytes[k] <= 0x39) {
    k++;
    lead++;
  }
  if (lead < 1 || lead > 3 || k === end) return false;
  while (k < end) {
    if (bytes[k] !== 0x2e || end - k < 4) return false;
    for (let d = 1; d <= 3; d++) if (bytes[k + d] < 0x30 || bytes[k + d] > 0x39) return false;
    k += 4;
  }
  return true;
}

function hasDot(bytes: Uint8Array, start: number, end: number): boolean {
  for (let k = start; k < end; k++) if (bytes[k] === 0x2e) return true;
  return false;
}

const ISO_ONLY = ['YYYY-MM-DD'] as const;
