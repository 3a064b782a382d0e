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

export interface QuotedField {
  /** Content between the quotes (when `special` is undefined, the value is text[contentStart, contentEnd)). */
  contentStart: number;
  contentEnd: number;
  /** The value when it is not a plain slice: doubled quotes unescaped, or text after the closing quote appended. */
  special: string | undefined;
  /** Offset just after the field. */
  end: number;
  /** The closing quote is missing: the field runs to the end of the text. */
  unterminated: boolean;
  /** Where text after the closing quote starts (a stray-quote defect), or -1. */
  strayFrom: number;
}

/** Scans the quoted field whose opening quote is at `pos`. */
export function scanQuotedField(text: string, pos: number, delimiter: number, quote: number): QuotedField {
  const length = text.length;
  const quoteChar = String.fromCharCode(quote);
  const contentStart = pos + 1;
  let cursor = contentStart;
  let special: string | undefined;
  let segmentStart = contentStart;
  let contentEnd: number;
  let unterminated = false;
  for (;;) {
    const q = text.indexOf(quoteChar, cursor);
    if (q < 0) {
      contentEnd = length;
      if (special !== undefined) special += text.slice(segmentStart);
      unterminated = true;
      cursor = length;
      break;
    }
    if (q + 1 < length && text.charCodeAt(q + 1) === quote) {
      special = (special ?? '') + text.slice(segmentStart, q + 1);
      cursor = q + 2;
      segmentStart = cursor;
      continue;
    }
    contentEnd = q;
    if (special !== undefined) special += text.slice(segmentStart, q);
    cursor = q + 1;
    break;
  }
  let strayFrom = -1;
  if (cursor < length) {
    let c = text.charCodeAt(cursor);
    if (c !== delimiter && c !== LF && c !== CR) {
      strayFrom = cursor;
      while (cursor < length && (c = text.charCodeAt(cursor)) !== delimiter && c !== LF && c !== CR) cursor++;
      special = (special ?? text.slice(contentStart, contentEnd)) + text.slice(strayFrom, cursor);
    }
  }
  return { contentStart, contentEnd, special, end: cursor, unterminated, strayFrom };
}

/** Parses the record starting at `pos` into `out`. */
export function parseRecord(text: string, pos: number, delimiter: number, quote: number, out: RecordFields): void {
  out.reset();
  const length = text.length;
  for (;;) {
    const fieldStart = pos;
    let value: string;
    let quoted = false;
    if (pos < length && text.charCodeAt(pos) === quote) {
      quoted = true;
      const field = scanQuotedField(text, pos, delimiter, quote);
      value = field.special ?? text.slice(field.contentStart, field.contentEnd);
      pos = field.end;
      if (field.unterminated) out.unterminatedAt = fieldStart;
      if (field.strayFrom >= 0) out.strayQuotes.push(fieldStart, pos);
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
