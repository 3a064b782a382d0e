/**
 * The full pass over a CSV's UTF-8 bytes: every record's start offset and line, every field's end (relative to
 * its record) in one flat array (a field starts one byte after the previous one ends), which quoted fields need unescaping,
 * and the structural defects met on the way. One tight byte loop, no string and no object per cell.
 */
import { RecordOffsets, parseRecordAt } from './records';
import { CR, LF } from '../text-positions';

/** Largest file the in-memory scan takes (offsets are 32-bit). */
const MAX_BYTES = 0xffffffff;

export interface ScanOptions {
  delimiter: number;
  quote: number;
  /** Fields kept per record (extra fields are counted, not stored). */
  width: number;
  /** Offset of the header record (read as a record but not stored), or -1. */
  headerStart: number;
  /** Every record ends with a delimiter: one empty extra field is not a ragged row. */
  trailingDelimiter: boolean;
  /** Expected data records (the arrays grow beyond it). */
  estimatedRows: number;
  /** Line number of offset `start` (for chunks of a streamed file). */
  firstLine: number;
  /** Offset of the first record to read (a record start; default 0). */
  start?: number;
  /**
   * Records are started only before this offset (default: the end of the bytes); the last one is read to
   * its end, past `stop` if it goes on. A chunk of a parallel read stops where the next chunk starts.
   */
  stop?: number;
  /**
   * False for a streamed chunk that may end mid-record: the scan stops after the last complete record
   * and reports where (`consumed`); true at the end of the data.
   */
  final: boolean;
}

export interface EndingCounts {
  lf: number;
  crlf: number;
  cr: number;
}

export interface ScanResult {
  rowCount: number;
  rowStarts: Uint32Array;
  /** Line of each row's first byte. */
  rowLines: Uint32Array;
  /**
   * End of field `c` of row `r`, relative to the row's start, at r * width + c (`absent` for the missing
   * cells of short records). 16-bit unless a record is 64 KiB or longer.
   */
  fieldEnds: Uint16Array | Uint32Array;
  /** The fieldEnds value of a missing cell. */
  absent: number;
  /** Bit r * width + c: the quoted field needs unescaping (doubled quotes, text after the closing quote, no closing quote). */
  escaped: Uint8Array;
  /** Rows with another number of fields than `width`: [row, fields] pairs. */
  ragged: number[];
  /** Blank records: [start, end) pairs. */
  blankRanges: number[];
  /** Stray quotes: [row (-1 for the header), start, end] triples. */
  strays: number[];
  unterminatedAt: number;
  endings: EndingCounts;
  /** Offset of the first line ending of each kind, or -1. */
  firstEndingAt: EndingCounts;
  /**
   * Where reading stopped: the start of the record after the last one read (the end of the bytes when
   * final), else the end of the last complete record.
   */
  consumed: number;
  /** Line number at `consumed`. */
  linesConsumed: number;
}

function grown<T extends Uint32Array | Uint16Array | Uint8Array>(array: T, length: number): T {
  const next = new (array.constructor as new (n: number) => T)(length);
  next.set(array);
  return next;
}

export function scanRecords(bytes: Uint8Array, options: ScanOptions): ScanResult {
  // Field ends relative to the record take 16 bits; a record of 64 KiB or more needs the 32-bit scan.
  return scanWith(bytes, options, new Uint16Array(Math.max(16, options.estimatedRows) * options.width)) ?? scanWith(bytes, options, new Uint32Array(Math.max(16, options.estimatedRows) * options.width))!;
}

function scanWith(bytes: Uint8Array, options: ScanOptions, initialFieldEnds: Uint16Array | Uint32Array): ScanResult | undefined {
  const { delimiter, quote, width, headerStart, trailingDelimiter, final } = options;
  const length = bytes.length;
  if (length >= MAX_BYTES) throw new Error('The file is too large to read in memory (4 GiB or more); use the streaming mode.');
  const absent = initialFieldEnds instanceof Uint16Array ? 0xffff : 0xffffffff;
  let capacity = Math.max(16, options.estimatedRows);
  let rowStarts = new Uint32Array(capacity);
  let rowLines = new Uint32Array(capacity);
  let fieldEnds = initialFieldEnds;
  let escaped = new Uint8Array((capacity * width + 7) >> 3);
  const ragged: number[] = [];
  const blankRanges: number[] = [];
  const strays: number[] = [];
  let unterminatedAt = -1;
  let lf = 0;
  let crlf = 0;
  let cr = 0;
  const firstAt = [-1, -1, -1, -1]; // by kind: 1 lf, 2 crlf, 3 cr
  // The bytes that end an unquoted field's run of plain bytes.
  const stops = new Uint8Array(256);
  for (const b of [delimiter, LF, CR, quote]) stops[b] = 1;
  const start = options.start ?? 0;
  const stop = Math.min(length, options.stop ?? length);
  let line = options.firstLine;
  let n = 0;
  let pos = start;
  let consumed = start;
  let linesConsumed = line;

  while (pos < stop) {
    if (pos === headerStart) {
      const header = new RecordOffsets();
      parseRecordAt(bytes, pos, length, delimiter, quote, header);
      // A chunk that may end mid-record: the header is complete only with its line ending (a CR at the
      // very end may be the first half of a CRLF).
      if (!final && (header.ending === 'eof' || header.unterminatedAt >= 0 || (header.ending === 'cr' && header.next >= length))) break;
      for (let i = 0; i < header.strayQuotes.length; i += 2) strays.push(-1, header.strayQuotes[i], header.strayQuotes[i + 1]);
      if (header.unterminatedAt >= 0) unterminatedAt = header.unterminatedAt;
      for (let i = pos; i < header.end; i++) {
        const c = bytes[i];
        if (c === LF || (c === CR && bytes[i + 1] !== LF)) line++;
      }
      pos = header.next;
      if (header.ending !== 'eof') {
        line++;
        const kind = header.ending === 'lf' ? 1 : header.ending === 'crlf' ? 2 : 3;
        if (kind === 1) lf++;
        else if (kind === 2) crlf++;
        else cr++;
        if (firstAt[kind] < 0) firstAt[kind] = header.end;
      }
      consumed = pos;
      linesConsumed = line;
      continue;
    }
    if (n >= capacity) {
      capacity = Math.ceil(capacity * 1.5) + 16;
      rowStarts = grown(rowStarts, capacity);
      rowLines = grown(rowLines, capacity);
      fieldEnds = grown(fieldEnds, capacity * width);
      escaped = grown(escaped, (capacity * width + 7) >> 3);
    }
    const recordStart = pos;
    const recordLine = line;
    const base = n * width;
    let field = 0;
    let blank = true;
    let lastFieldEmpty = false;
    let recordEnd = length;
    let ending = 0;
    let incomplete = false;
    for (;;) {
      const fieldStart = pos;
      let c = 0;
      if (pos < length && bytes[pos] === quote) {
        blank = false;
        lastFieldEmpty = false;
        let p = pos + 1;
        let special = false;
        for (;;) {
          while (p < length && (c = bytes[p]) !== quote) {
            if (c <= CR && (c === LF || (c === CR && bytes[p + 1] !== LF))) line++;
            p++;
          }
          if (p >= length) {
            // No closing quote: the rest of the bytes belong to this field.
            if (!final) incomplete = true;
            else unterminatedAt = fieldStart;
            special = true;
            break;
          }
          if (p + 1 < length && bytes[p + 1] === quote) {
            special = true;
            p += 2;
            continue;
          }
          p++;
          break;
        }
        if (p < length) {
          c = bytes[p];
          if (c !== delimiter && c !== LF && c !== CR) {
            special = true;
            while (p < length && (c = bytes[p]) !== delimiter && c !== LF && c !== CR) p++;
            strays.push(n, fieldStart, p);
          }
        }
        if (special && field < width) escaped[(base + field) >> 3] |= 1 << ((base + field) & 7);
        pos = p;
      } else {
        let p = pos;
        while (p < length && stops[(c = bytes[p])] === 0) p++;
        if (p < length && c === quote) {
          while (p < length && (c = bytes[p]) !== delimiter && c !== LF && c !== CR) p++;
          strays.push(n, fieldStart, p);
        }
        lastFieldEmpty = p === fieldStart;
        if (!lastFieldEmpty) blank = false;
        pos = p;
      }
      if (pos - recordStart >= absent) return undefined;
      if (field < width) fieldEnds[base + field] = pos - recordStart;
      field++;
      if (pos >= length) break;
      c = bytes[pos];
      if (c === delimiter) {
        pos++;
        if (pos >= length) {
          // "a,b," at the very end: one last empty field.
          if (pos - recordStart >= absent) return undefined;
          if (field < width) fieldEnds[base + field] = pos - recordStart;
          field++;
          lastFieldEmpty = true;
          break;
        }
        continue;
      }
      recordEnd = pos;
      if (c === CR) {
        if (pos + 1 < length && bytes[pos + 1] === LF) {
          ending = 2;
          pos += 2;
        } else {
          if (pos + 1 >= length && !final) incomplete = true; // maybe the first half of a CRLF
          ending = 3;
          pos += 1;
        }
      } else {
        ending = 1;
        pos += 1;
      }
      break;
    }
    if (ending === 0 && !final) incomplete = true;
    if (incomplete) {
      // Clear the escape bits this partial record set: the next chunk reads it again.
      for (let f = 0; f < width; f++) escaped[(base + f) >> 3] &= ~(1 << ((base + f) & 7));
      while (strays.length && strays[strays.length - 3] === n) strays.length -= 3;
      line = linesConsumed;
      break;
    }
    if (ending !== 0) {
      line++;
      if (ending === 1) lf++;
      else if (ending === 2) crlf++;
      else cr++;
      if (firstAt[ending] < 0) firstAt[ending] = recordEnd;
    }
    consumed = pos;
    linesConsumed = line;
    if (blank) {
      blankRanges.push(recordStart, recordEnd);
      continue;
    }
    for (let f = field; f < width; f++) fieldEnds[base + f] = absent;
    const fields = trailingDelimiter && field === width + 1 && lastFieldEmpty ? width : field;
    if (fields !== width) ragged.push(n, fields);
    rowStarts[n] = recordStart;
    rowLines[n] = recordLine;
    n++;
  }
  return {
    rowCount: n,
    rowStarts: rowStarts.subarray(0, n),
    rowLines: rowLines.subarray(0, n),
    fieldEnds,
    absent,
    escaped,
    ragged,
    blankRanges,
    strays,
    unterminatedAt,
    endings: { lf, crlf, cr },
    firstEndingAt: { lf: firstAt[1], crlf: firstAt[2], cr: firstAt[3] },
    consumed: final ? pos : consumed,
    linesConsumed,
  };
}
