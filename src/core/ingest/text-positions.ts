/**
 * Byte offsets in UTF-8 text → VS Code positions: lines split at CRLF, LF and lone CR, characters in
 * UTF-16 code units (a pure-ASCII line needs no decoding). Shared by the text formats' source maps.
 */
import type { TextPosition, TextRange } from '../table/model';

/** The line-break bytes of every text reader. */
export const LF = 10;
export const CR = 13;

const utf8 = new TextDecoder('utf-8');

/** Offsets where each line starts (line breaks: CRLF, LF, lone CR). */
function lineStartsOf(bytes: Uint8Array): Uint32Array | Float64Array {
  let count = 1;
  const length = bytes.length;
  for (let i = 0; i < length; i++) {
    const c = bytes[i];
    if (c === LF || (c === CR && bytes[i + 1] !== LF)) count++;
  }
  const starts = length < 2 ** 32 ? new Uint32Array(count) : new Float64Array(count);
  let line = 1;
  for (let i = 0; i < length; i++) {
    const c = bytes[i];
    if (c === LF || (c === CR && bytes[i + 1] !== LF)) starts[line++] = i + 1;
  }
  return starts;
}

function lineIndexOf(starts: Uint32Array | Float64Array, offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export class TextPositions {
  private lineStartOffsets: Uint32Array | Float64Array | undefined;

  /**
   * @param ascii every byte is ASCII: a byte offset within a line is its character.
   * @param firstLine line of offset 0 (chunks of a streamed file).
   */
  constructor(
    readonly bytes: Uint8Array,
    private readonly ascii: boolean,
    private readonly firstLine: number,
  ) {}

  /** UTF-16 length of bytes[from, to) (one line's prefix). */
  characters(from: number, to: number): number {
    if (this.ascii) return to - from;
    const bytes = this.bytes;
    let ascii = true;
    for (let i = from; i < to; i++) if (bytes[i] >= 0x80) ascii = false;
    return ascii ? to - from : utf8.decode(bytes.subarray(from, to)).length;
  }

  /** Position of any offset (line starts are found on first use: a check that reports nothing never pays for them). */
  position(offset: number): TextPosition {
    const starts = (this.lineStartOffsets ??= lineStartsOf(this.bytes));
    const line = lineIndexOf(starts, offset);
    return { line: this.firstLine + line, character: this.characters(starts[line], offset) };
  }

  /** Position of an offset inside the record starting at `recordStart` on `recordLine` (no whole-file line table). */
  positionIn(recordStart: number, recordLine: number, offset: number): TextPosition {
    const bytes = this.bytes;
    let line = recordLine;
    let lineStart = recordStart;
    for (let i = recordStart; i < offset; i++) {
      const c = bytes[i];
      if (c === LF || (c === CR && bytes[i + 1] !== LF)) {
        line++;
        lineStart = i + 1;
      }
    }
    return { line, character: this.characters(lineStart, offset) };
  }

  range(start: number, end: number): TextRange {
    return { start: this.position(start), end: this.position(end) };
  }

  /** Range of bytes[start, end) inside the record starting at `recordStart` on `recordLine`. */
  rangeIn(recordStart: number, recordLine: number, start: number, end: number): TextRange {
    return { start: this.positionIn(recordStart, recordLine, start), end: this.positionIn(recordStart, recordLine, end) };
  }
}
