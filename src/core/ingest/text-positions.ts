/**
 * Byte offsets in UTF-8 text → VS Code positions: lines split at CRLF, LF and lone CR, characters in
 * UTF-16 code units (a pure-ASCII line needs no decoding). Shared by the text formats' source maps.
 */
import type { TextPosition, TextRange } from '../table/model';
import { countSorted } from '../shared/count-sorted';
import { bytesInMemory, type ByteWindow, type SourceBytes } from './source-bytes';

/** The line-break bytes of every text reader. */
export const LF = 10;
export const CR = 13;

const utf8 = new TextDecoder('utf-8');

/** Bytes scanned per window for line starts. */
const LINE_SCAN_BYTES = 1 << 20;

/** Calls `visit` with the offset of each line start after the first (line breaks: CRLF, LF, lone CR). */
function forEachLineBreak(source: SourceBytes, visit: (lineStart: number) => void): void {
  for (let from = 0; from < source.length; from += LINE_SCAN_BYTES) {
    const to = Math.min(source.length, from + LINE_SCAN_BYTES);
    // One byte more: whether a CR at the end of the window is followed by an LF.
    const { bytes, base } = source.window(from, to + 1);
    for (let i = from - base; i < to - base; i++) {
      const c = bytes[i];
      if (c === LF || (c === CR && bytes[i + 1] !== LF)) visit(base + i + 1);
    }
  }
}

/** Offsets where each line starts. */
function lineStartsOf(source: SourceBytes): Uint32Array | Float64Array {
  let count = 1;
  forEachLineBreak(source, () => count++);
  const starts = source.length < 2 ** 32 ? new Uint32Array(count) : new Float64Array(count);
  let line = 1;
  forEachLineBreak(source, (lineStart) => (starts[line++] = lineStart));
  return starts;
}

function lineIndexOf(starts: Uint32Array | Float64Array, offset: number): number {
  return Math.max(0, countSorted(starts, offset, false) - 1);
}

export class TextPositions {
  private lineStartOffsets: Uint32Array | Float64Array | undefined;
  private source: SourceBytes;

  /**
   * @param ascii every byte is ASCII: a byte offset within a line is its character.
   * @param firstLine line of offset 0 (chunks of a streamed file).
   */
  constructor(
    bytes: Uint8Array,
    private readonly ascii: boolean,
    private readonly firstLine: number,
  ) {
    this.source = bytesInMemory(bytes);
  }

  /** Reads the bytes back from `source` (the file they came from) from now on, letting go of those held. */
  readBackFrom(source: SourceBytes): void {
    this.source = source;
  }

  /** Number of bytes. */
  get length(): number {
    return this.source.length;
  }

  /** A window of the bytes holding [from, to) (see {@link SourceBytes.window}). */
  window(from: number, to: number): ByteWindow {
    return this.source.window(from, to);
  }

  /** UTF-16 length of bytes[from, to) (one line's prefix). */
  characters(from: number, to: number): number {
    if (this.ascii) return to - from;
    const { bytes, base } = this.source.window(from, to);
    let ascii = true;
    for (let i = from - base; i < to - base; i++) if (bytes[i] >= 0x80) ascii = false;
    return ascii ? to - from : utf8.decode(bytes.subarray(from - base, to - base)).length;
  }

  /** Position of any offset (line starts are found on first use: a check that reports nothing never pays for them). */
  position(offset: number): TextPosition {
    const starts = (this.lineStartOffsets ??= lineStartsOf(this.source));
    const line = lineIndexOf(starts, offset);
    return { line: this.firstLine + line, character: this.characters(starts[line], offset) };
  }

  /** Position of an offset inside the record starting at `recordStart` on `recordLine` (no whole-file line table). */
  positionIn(recordStart: number, recordLine: number, offset: number): TextPosition {
    // One byte more: a CR just before `offset` is a line break unless an LF follows.
    const { bytes, base } = this.source.window(recordStart, offset + 1);
    let line = recordLine;
    let lineStart = recordStart;
    for (let i = recordStart - base; i < offset - base; i++) {
      const c = bytes[i];
      if (c === LF || (c === CR && bytes[i + 1] !== LF)) {
        line++;
        lineStart = base + i + 1;
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
