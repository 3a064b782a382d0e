/**
 * Compact source positions for CSV: per data row only its record's start offset and line; a cell's range
 * is found by re-scanning that one record with the reader's grammar. Offsets are into the UTF-8 bytes the
 * reader parsed; positions are what VS Code counts: lines split at CRLF, LF and lone CR, characters in
 * UTF-16 code units (a pure-ASCII line needs no decoding).
 */
import type { IngestResult, SourceMap, TextPosition, TextRange } from '../../table/model';
import { RecordOffsets, parseRecordAt } from './records';
import { TextPositions } from '../text-positions';
import { collectGarbage } from '../../shared/collect-garbage';
import { openFileBytes, type ByteWindow, type FileBytes, type FileStamp, type SourceBytes } from '../source-bytes';

const utf8 = new TextDecoder('utf-8');

export interface CsvSourceMapInit {
  bytes: Uint8Array;
  /** Every byte is ASCII: a byte offset within a line is its character. */
  ascii: boolean;
  rowStarts: Uint32Array;
  rowLines: Uint32Array;
  /** Start offset of the header record, or -1 when the data has none. */
  headerStart: number;
  /** Line of offset 0 (chunks of a streamed file). */
  firstLine: number;
  delimiter: number;
  quote: number;
}

export class CsvSourceMap implements SourceMap {
  private readonly scratch = new RecordOffsets();
  private readonly text: TextPositions;
  private readonly init: Omit<CsvSourceMapInit, 'bytes'>;
  /** The header record's field offsets and line, scanned once: a wide file's column findings each ask for one. */
  private header?: { starts: number[]; ends: number[]; count: number; end: number; line: number };

  constructor({ bytes, ...init }: CsvSourceMapInit) {
    this.init = init;
    this.text = new TextPositions(bytes, init.ascii, init.firstLine);
  }

  private positionIn(recordStart: number, recordLine: number, offset: number): TextPosition {
    return this.text.positionIn(recordStart, recordLine, offset);
  }

  range(start: number, end: number): TextRange {
    return this.text.range(start, end);
  }

  private rowRangeTo(row: number, end: (fields: RecordOffsets) => number): TextRange {
    const start = this.init.rowStarts[row];
    const line = this.init.rowLines[row];
    const fields = this.scan(start);
    return { start: this.positionIn(start, line, start), end: this.positionIn(start, line, end(fields)) };
  }

  /** The record starting at `start`, with offsets into all the bytes (a window too short for it is widened). */
  private scan(start: number): RecordOffsets {
    const { delimiter, quote } = this.init;
    const fields = this.scratch;
    for (let wanted = 4096; ; wanted *= 2) {
      const { bytes, base } = this.text.window(start, start + wanted);
      parseRecordAt(bytes, start - base, bytes.length, delimiter, quote, fields);
      // Complete: it ended inside the window (its line break too), or the window holds all there is.
      const all = base + bytes.length >= this.text.length || bytes.length < start - base + wanted;
      if (fields.next < bytes.length || all) {
        if (base !== 0) shiftRecord(fields, base);
        return fields;
      }
    }
  }

  /** Line of data row `row`'s first character (no re-scan). */
  rowLine(row: number): number {
    return this.init.rowLines[row];
  }

  rowRange(row: number): TextRange {
    return this.rowRangeTo(row, (fields) => fields.end);
  }

  /** Range from the record's first character to the start of the next record (deleting it removes the line). */
  rowRangeWithLineBreak(row: number): TextRange {
    return this.rowRangeTo(row, (fields) => fields.next);
  }

  private fieldRange(recordStart: number, recordLine: number, column: number): TextRange {
    const fields = this.scan(recordStart);
    // A missing cell of a short record: the empty place just after the record's last character.
    const start = column < fields.count ? fields.starts[column] : fields.end;
    const end = column < fields.count ? fields.ends[column] : fields.end;
    return { start: this.positionIn(recordStart, recordLine, start), end: this.positionIn(recordStart, recordLine, end) };
  }

  cellRange(row: number, column: number): TextRange {
    return this.fieldRange(this.init.rowStarts[row], this.init.rowLines[row], column);
  }

  headerRange(column: number): TextRange {
    const { headerStart, rowStarts } = this.init;
    if (headerStart < 0) return rowStarts.length ? this.cellRange(0, column) : this.range(0, 0);
    if (!this.header) {
      const fields = this.scan(headerStart);
      this.header = { starts: fields.starts.slice(0, fields.count), ends: fields.ends.slice(0, fields.count), count: fields.count, end: fields.end, line: this.headerLine() };
    }
    const { starts, ends, count, end, line } = this.header;
    // A missing cell of a short record: the empty place just after the record's last character.
    const [from, to] = column < count ? [starts[column], ends[column]] : [end, end];
    return { start: this.positionIn(headerStart, line, from), end: this.positionIn(headerStart, line, to) };
  }

  /** Line of the header record: it follows at most a few blank lines, so they are counted directly. */
  private headerLine(): number {
    return this.positionIn(0, this.init.firstLine, this.init.headerStart).line;
  }

  /** The cell's text exactly as written in the file (quotes included). */
  cellSourceText(row: number, column: number): string {
    const fields = this.scan(this.init.rowStarts[row]);
    if (column >= fields.count) return '';
    const start = fields.starts[column];
    const end = fields.ends[column];
    const { bytes, base } = this.text.window(start, end);
    return utf8.decode(bytes.subarray(start - base, end - base));
  }

  /**
   * Reads the bytes back from `file` (the file they were read from) from now on, letting go of those held:
   * positions and cell texts stay the same as long as the file does.
   */
  readBackFrom(file: SourceBytes): void {
    this.text.readBackFrom(file);
  }

  /** Number of bytes read. */
  get byteLength(): number {
    return this.text.length;
  }

  /** A window of the bytes read holding [from, to). */
  window(from: number, to: number): ByteWindow {
    return this.text.window(from, to);
  }
}

/** Moves a record's offsets, read in a window starting at byte `base`, to offsets into all the bytes. */
function shiftRecord(fields: RecordOffsets, base: number): void {
  for (let i = 0; i < fields.count; i++) {
    fields.starts[i] += base;
    fields.ends[i] += base;
  }
  fields.end += base;
  fields.next += base;
  if (fields.unterminatedAt >= 0) fields.unterminatedAt += base;
  for (let i = 0; i < fields.strayQuotes.length; i++) fields.strayQuotes[i] += base;
}

/**
 * Lets the CSV source map of `data` read its bytes back from the file they were read from (see
 * {@link CsvSourceMap.readBackFrom}) when that file holds exactly them: ranges in the file itself, UTF-8,
 * unchanged since `stamp` (taken before it was read), of the right size, the same at both ends; the bytes held
 * are then collected at once. Returns the
 * open file (close it once positions are no longer needed), or undefined when the bytes stay in memory.
 */
export function readSourceBackFromFile(data: IngestResult, stamp: FileStamp): FileBytes | undefined {
  const source = data.source;
  if (!(source instanceof CsvSourceMap) || data.rangesIn !== 'file' || data.dialect?.encoding !== 'utf-8') return undefined;
  const file = openFileBytes(data.path, stamp, data.dialect.bom ? 3 : 0, source.byteLength);
  if (!file) return undefined;
  const same = (from: number, to: number) => {
    const [read, held] = [file.window(from, to), source.window(from, to)].map(({ bytes, base }) => bytes.subarray(from - base, to - base));
    return read.length === to - from && Buffer.compare(read, held) === 0;
  };
  const edge = Math.min(source.byteLength, 1 << 16);
  if (!same(0, edge) || !same(source.byteLength - edge, source.byteLength)) {
    file.close();
    return undefined;
  }
  source.readBackFrom(file);
  // The bytes let go are as large as the file: freed now, not beside the profile's facts until a collection.
  collectGarbage();
  return file;
}
