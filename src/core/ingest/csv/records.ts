/**
 * RFC 4180 over UTF-8 bytes, one record at a time: field offsets (quotes included), where the record ends
 * and how, and its defects. The full read (scan.ts) follows the same grammar in one tight loop; this one
 * serves the header, the layout sample and the on-demand re-scan of one record for positions.
 */
import { ByteSink } from './byte-sink';
import { CR, LF } from '../text-positions';

export type RecordEnding = 'lf' | 'crlf' | 'cr' | 'eof';

/** Reusable per-record output (no allocation per record). */
export class RecordOffsets {
  /** Field starts and ends as written (a quoted field's range includes its quotes). */
  starts: number[] = [];
  ends: number[] = [];
  count = 0;
  /** Offset just after the record's last byte (before its line ending). */
  end = 0;
  /** Offset where the next record starts. */
  next = 0;
  ending: RecordEnding = 'eof';
  /** A quoted field ran to the end of the bytes. */
  unterminatedAt = -1;
  /** Fields with a quote inside an unquoted field, or text after a closing quote: [start, end) pairs. */
  strayQuotes: number[] = [];

  reset(): void {
    this.count = 0;
    this.unterminatedAt = -1;
    this.strayQuotes.length = 0;
  }
}

/** Offset just after the quoted field whose opening quote is at `pos` (stray text after the closing quote included). */
function quotedFieldEnd(bytes: Uint8Array, pos: number, limit: number, delimiter: number, quote: number, out?: RecordOffsets): number {
  let p = pos + 1;
  for (;;) {
    while (p < limit && bytes[p] !== quote) p++;
    if (p >= limit) {
      if (out) out.unterminatedAt = pos;
      return limit;
    }
    if (p + 1 < limit && bytes[p + 1] === quote) {
      p += 2;
      continue;
    }
    p++;
    break;
  }
  if (p < limit) {
    let c = bytes[p];
    if (c !== delimiter && c !== LF && c !== CR) {
      while (p < limit && (c = bytes[p]) !== delimiter && c !== LF && c !== CR) p++;
      out?.strayQuotes.push(pos, p);
    }
  }
  return p;
}

/** Parses the record starting at `pos` (bytes up to `limit`) into `out`. */
export function parseRecordAt(bytes: Uint8Array, pos: number, limit: number, delimiter: number, quote: number, out: RecordOffsets): void {
  out.reset();
  for (;;) {
    const fieldStart = pos;
    if (pos < limit && bytes[pos] === quote) {
      pos = quotedFieldEnd(bytes, pos, limit, delimiter, quote, out);
    } else {
      let c = 0;
      let sawQuote = false;
      while (pos < limit && (c = bytes[pos]) !== delimiter && c !== LF && c !== CR) {
        if (c === quote) sawQuote = true;
        pos++;
      }
      if (sawQuote) out.strayQuotes.push(fieldStart, pos);
    }
    const i = out.count++;
    out.starts[i] = fieldStart;
    out.ends[i] = pos;
    if (pos >= limit) {
      out.end = limit;
      out.next = limit;
      out.ending = 'eof';
      return;
    }
    const c = bytes[pos];
    if (c === delimiter) {
      pos++;
      if (pos >= limit) {
        // "a,b," at the very end: one last empty field.
        const j = out.count++;
        out.starts[j] = pos;
        out.ends[j] = pos;
        out.end = limit;
        out.next = limit;
        out.ending = 'eof';
        return;
      }
      continue;
    }
    out.end = pos;
    if (c === CR) {
      if (pos + 1 < limit && bytes[pos + 1] === LF) {
        out.ending = 'crlf';
        out.next = pos + 2;
      } else {
        out.ending = 'cr';
        out.next = pos + 1;
      }
    } else {
      out.ending = 'lf';
      out.next = pos + 1;
    }
    return;
  }
}

/**
 * The value of the field written at bytes[start, end), as UTF-8 bytes appended to `sink`: quotes removed,
 * doubled quotes unescaped, text after a closing quote kept.
 */
export function unquoteInto(bytes: Uint8Array, start: number, end: number, quote: number, sink: ByteSink): void {
  if (start >= end || bytes[start] !== quote) {
    sink.append(bytes, start, end);
    return;
  }
  // The value is never longer than the field: room for all of it, then bytes written straight in.
  sink.reserve(end - start);
  const out = sink.data;
  let at = sink.used;
  let i = start + 1;
  for (; i < end; i++) {
    const b = bytes[i];
    if (b !== quote) {
      out[at++] = b;
      continue;
    }
    if (i + 1 < end && bytes[i + 1] === quote) {
      out[at++] = quote;
      i++;
      continue;
    }
    // The closing quote: whatever follows it (a stray-quote defect) is kept as written.
    for (i++; i < end; i++) out[at++] = bytes[i];
  }
  sink.used = at;
}

const utf8 = new TextDecoder('utf-8');

/** The field's value as a string (see unquoteInto). */
export function fieldValue(bytes: Uint8Array, start: number, end: number, quote: number): string {
  if (start >= end) return '';
  if (bytes[start] !== quote) return utf8.decode(bytes.subarray(start, end));
  const sink = new ByteSink(end - start);
  unquoteInto(bytes, start, end, quote, sink);
  return utf8.decode(sink.data.subarray(0, sink.used));
}

/** Whether the record has no text at all, or only empty unquoted fields (",,,"). */
export function isBlankRecordAt(fields: RecordOffsets): boolean {
  for (let i = 0; i < fields.count; i++) if (fields.ends[i] > fields.starts[i]) return false;
  return true;
}
