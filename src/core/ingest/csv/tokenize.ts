/**
 * RFC 4180 tokenizer over decoded text, one record at a time. The same `parseRecord` serves the full
 * read and the on-demand re-scan of one record for cell positions, so both always agree.
 */

const LF = 10;
const CR = 13;

export type RecordEnding = 'lf' | 'crlf' | 'cr' | 'eof';

/** Reusable per-record output buffers (no allocation per record beyond the values themselves). */
export class RecordFields {
  values: string[] = [];
  starts: number[] = [];
  ends: number[] = [];
  quoted: boolean[] = [];
  count = 0;
  /** Offset just after the record's last character (before its line ending). */
  end = 0;
  /** Offset where the next record starts. */
  next = 0;
  ending: RecordEnding = 'eof';
  /** A quoted field ran to the end of the text. */
  unterminatedAt = -1;
  /** Fields with a quote inside an unquoted field, or text after a closing quote: [start, end) pairs. */
  strayQuotes: number[] = [];

  reset(): void {
    this.count = 0;
    this.unterminatedAt = -1;
    this.strayQuotes.length = 0;
  }

  push(value: string, start: number, end: number, quoted: boolean): void {
    const i = this.count++;
    this.values[i] = value;
    this.starts[i] = start;
    this.ends[i] = end;
    this.quoted[i] = quoted;
  }
}

/** Parses the record starting at `pos` into `out`. */
export function parseRecord(text: string, pos: number, delimiter: number, quote: number, out: RecordFields): void {
  out.reset();
  const length = text.length;
  const quoteChar = String.fromCharCode(quote);
  for (;;) {
    const fieldStart = pos;
    let value: string;
    let quoted = false;
    if (pos < length && text.charCodeAt(pos) === quote) {
      quoted = true;
      pos++;
      let segmentStart = pos;
      value = '';
      for (;;) {
        const q = text.indexOf(quoteChar, pos);
        if (q < 0) {
          value += text.slice(segmentStart);
          out.unterminatedAt = fieldStart;
          pos = length;
          break;
        }
        if (q + 1 < length && text.charCodeAt(q + 1) === quote) {
          value += text.slice(segmentStart, q + 1);
          pos = q + 2;
          segmentStart = pos;
          continue;
        }
        value += text.slice(segmentStart, q);
        pos = q + 1;
        break;
      }
      if (pos < length) {
        let c = text.charCodeAt(pos);
        if (c !== delimiter && c !== LF && c !== CR) {
          const garbageStart = pos;
          while (pos < length && (c = text.charCodeAt(pos)) !== delimiter && c !== LF && c !== CR) pos++;
          value += text.slice(garbageStart, pos);
          out.strayQuotes.push(fieldStart, pos);
        }
      }
    } else {
      let c = 0;
      let sawQuote = false;
      while (pos < length && (c = text.charCodeAt(pos)) !== delimiter && c !== LF && c !== CR) {
        if (c === quote) sawQuote = true;
        pos++;
      }
      value = text.slice(fieldStart, pos);
      if (sawQuote) out.strayQuotes.push(fieldStart, pos);
    }
    out.push(value, fieldStart, pos, quoted);
    if (pos >= length) {
      out.end = length;
      out.next = length;
      out.ending = 'eof';
      return;
    }
    const c = text.charCodeAt(pos);
    if (c === delimiter) {
      pos++;
      if (pos >= length) {
        // "a,b," at the very end: one last empty field.
        out.push('', pos, pos, false);
        out.end = length;
        out.next = length;
        out.ending = 'eof';
        return;
      }
      continue;
    }
    out.end = pos;
    if (c === CR) {
      if (pos + 1 < length && text.charCodeAt(pos + 1) === LF) {
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

/** Whether a record is blank: no text at all, or only empty unquoted fields (",,,"). */
export function isBlankRecord(fields: RecordFields): boolean {
  for (let i = 0; i < fields.count; i++) if (fields.values[i] !== '' || fields.quoted[i]) return false;
  return true;
}

/** Offsets where each line of `text` starts (line breaks: CRLF, LF, lone CR — as VS Code counts them). */
export function lineStarts(text: string): Uint32Array | Float64Array {
  let count = 1;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) count++;
  }
  const starts = length < 0xffffffff ? new Uint32Array(count) : new Float64Array(count);
  let line = 1;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) starts[line++] = i + 1;
  }
  return starts;
}

/** Index of the line containing `offset`. */
export function lineOf(starts: ArrayLike<number>, offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
