/**
 * Source positions for JSON Lines: per data row only its line's start offset and line number; a value's
 * range is found by re-tokenizing that one line (the last member with the column's key, as JSON.parse
 * keeps it). A cell's range is its value as written (a string's quotes included); a key the line lacks is
 * the empty place before the object's closing brace; a column's header is its key in the first line
 * that has it.
 */
import type { SourceMap, TextRange } from '../../table/model';
import { CR, LF, TextPositions } from '../text-positions';
import { CLOSE_BRACE_BYTE, JsonTokenizer } from './tokenizer';
import { jsonStringValue } from './strings';

const utf8 = new TextDecoder('utf-8');
const encoder = new TextEncoder();

export interface JsonlSourceMapInit {
  bytes: Uint8Array;
  ascii: boolean;
  rowStarts: Int32Array | Float64Array;
  rowLines: Uint32Array;
  /** Each column's key. */
  names: readonly string[];
  /** Each column's first data row (-1 when no row has the key). */
  firstRows: Int32Array;
  firstLine: number;
}

interface Member {
  keyStart: number;
  keyEnd: number;
  valueStart: number;
  valueEnd: number;
}

export class JsonlSourceMap implements SourceMap {
  private readonly text: TextPositions;
  private readonly tokenizer: JsonTokenizer;
  private readonly nameBytes: (Uint8Array | undefined)[] = [];

  constructor(private readonly init: JsonlSourceMapInit) {
    this.text = new TextPositions(init.bytes, init.ascii, init.firstLine);
    this.tokenizer = new JsonTokenizer(init.bytes, init.bytes.length);
  }

  /** Range of bytes [start, end) anywhere in the text. */
  range(start: number, end: number): TextRange {
    return this.text.range(start, end);
  }

  /** Range of bytes [start, end) of a line starting at `lineStart` on `line`. */
  rangeInLine(lineStart: number, line: number, start: number, end: number): TextRange {
    return this.text.rangeIn(lineStart, line, start, end);
  }

  /** The end of the line's text (before its line feed, and a CR before that). */
  private lineEnd(start: number, withBreak: boolean): number {
    const bytes = this.init.bytes;
    const lf = bytes.indexOf(LF, start);
    if (lf < 0) return bytes.length;
    if (withBreak) return lf + 1;
    return lf > start && bytes[lf - 1] === CR ? lf - 1 : lf;
  }

  private rowRangeTo(row: number, withBreak: boolean): TextRange {
    const start = this.init.rowStarts[row];
    return this.text.rangeIn(start, this.init.rowLines[row], start, this.lineEnd(start, withBreak));
  }

  rowLine(row: number): number {
    return this.init.rowLines[row];
  }

  rowRange(row: number): TextRange {
    return this.rowRangeTo(row, false);
  }

  /** From the line's first character to the start of the next line (deleting it removes the line). */
  rowRangeWithLineBreak(row: number): TextRange {
    return this.rowRangeTo(row, true);
  }

  /** The last member of row `row`'s object with column `column`'s key, and where the object closes. */
  private locate(row: number, column: number): { member: Member | undefined; close: number } {
    const { bytes, rowStarts, names } = this.init;
    const tokenizer = this.tokenizer;
    const wanted = (this.nameBytes[column] ??= encoder.encode(names[column]));
    let member: Member | undefined;
    let p = tokenizer.ws(tokenizer.ws(rowStarts[row]) + 1);
    tokenizer.closed = p < bytes.length && bytes[p] === CLOSE_BRACE_BYTE;
    while (p >= 0 && !tokenizer.closed) {
      const keyStart = p;
      p = tokenizer.key(p);
      if (p < 0) break;
      const keyEnd = tokenizer.keyEnd;
      const matches = tokenizer.escaped
        ? jsonStringValue(bytes, keyStart, keyEnd, true) === names[column]
        : keyEnd - keyStart - 2 === wanted.length && wanted.every((b, k) => bytes[keyStart + 1 + k] === b);
      const valueStart = p;
      p = tokenizer.value(p, 1);
      if (p < 0) break;
      if (matches) member = { keyStart, keyEnd, valueStart, valueEnd: p };
      p = tokenizer.afterMember(p);
    }
    return { member, close: Math.max(0, p) };
  }

  cellRange(row: number, column: number): TextRange {
    const { member, close } = this.locate(row, column);
    const start = this.init.rowStarts[row];
    const line = this.init.rowLines[row];
    return member ? this.text.rangeIn(start, line, member.valueStart, member.valueEnd) : this.text.rangeIn(start, line, close, close);
  }

  headerRange(column: number): TextRange {
    const row = this.init.firstRows[column];
    if (row < 0) return this.text.range(0, 0);
    const { member } = this.locate(row, column);
    const start = this.init.rowStarts[row];
    const line = this.init.rowLines[row];
    return member ? this.text.rangeIn(start, line, member.keyStart, member.keyEnd) : this.text.rangeIn(start, line, start, start);
  }

  /** The value exactly as written in the line (a string with its quotes); '' when the line lacks the key. */
  cellSourceText(row: number, column: number): string {
    const { member } = this.locate(row, column);
    return member ? utf8.decode(this.init.bytes.subarray(member.valueStart, member.valueEnd)) : '';
  }
}
