/**
 * Compact source positions for CSV: per data row only its record's start offset and line; a cell's range
 * is found by re-scanning that one record with the reader's grammar. Offsets are into the UTF-8 bytes the
 * reader parsed; positions are what VS Code counts: lines split at CRLF, LF and lone CR, characters in
 * UTF-16 code units (a pure-ASCII line needs no decoding).
 */
import type { SourceMap, TextPosition, TextRange } from '../../table/model';
import { RecordOffsets, parseRecordAt } from './records';
import { TextPositions } from '../text-positions';

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

  constructor(private readonly init: CsvSourceMapInit) {
    this.text = new TextPositions(init.bytes, init.ascii, init.firstLine);
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

  private scan(start: number): RecordOffsets {
    const { bytes, delimiter, quote } = this.init;
    parseRecordAt(bytes, start, bytes.length, delimiter, quote, this.scratch);
    return this.scratch;
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
    if (headerStart >= 0) return this.fieldRange(headerStart, this.headerLine(), column);
    return rowStarts.length ? this.cellRange(0, column) : this.range(0, 0);
  }

  /** Line of the header record: it follows at most a few blank lines, so they are counted directly. */
  private headerLine(): number {
    return this.positionIn(0, this.init.firstLine, this.init.headerStart).line;
  }

  /** The cell's text exactly as written in the file (quotes included). */
  cellSourceText(row: number, column: number): string {
    const fields = this.scan(this.init.rowStarts[row]);
    return column < fields.count ? utf8.decode(this.init.bytes.subarray(fields.starts[column], fields.ends[column])) : '';
  }
}
