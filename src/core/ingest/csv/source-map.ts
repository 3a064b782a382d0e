/**
 * Compact source positions for CSV: per data row only its record's start offset; a cell's range is found
 * by re-scanning that one record with the same tokenizer the reader used.
 */
import type { SourceMap, TextPosition, TextRange } from '../../table/model';
import { RecordFields, lineOf, lineStarts, parseRecord } from './tokenize';

export class CsvSourceMap implements SourceMap {
  private readonly scratch = new RecordFields();
  private lineStartOffsets: ArrayLike<number> | undefined;

  constructor(
    private readonly text: string,
    /** Start offset of each data row's record. */
    private readonly rowStarts: Float64Array,
    /** Start offset of the header record, or -1 when the data has none. */
    private readonly headerStart: number,
    private readonly delimiter: number,
    private readonly quote: number,
  ) {}

  position(offset: number): TextPosition {
    // Line starts are found on first use: a check that reports nothing never pays for them.
    const starts = (this.lineStartOffsets ??= lineStarts(this.text));
    const line = lineOf(starts, offset);
    return { line, character: offset - starts[line] };
  }

  range(start: number, end: number): TextRange {
    return { start: this.position(start), end: this.position(end) };
  }

  private scan(start: number): RecordFields {
    parseRecord(this.text, start, this.delimiter, this.quote, this.scratch);
    return this.scratch;
  }

  rowRange(row: number): TextRange {
    const start = this.rowStarts[row];
    return this.range(start, this.scan(start).end);
  }

  /** Range from the record's first character to the start of the next record (deleting it removes the line). */
  rowRangeWithLineBreak(row: number): TextRange {
    const start = this.rowStarts[row];
    return this.range(start, this.scan(start).next);
  }

  private fieldRange(recordStart: number, column: number): TextRange {
    const fields = this.scan(recordStart);
    if (column < fields.count) return this.range(fields.starts[column], fields.ends[column]);
    // A missing cell of a short record: the empty place just after the record's last character.
    return this.range(fields.end, fields.end);
  }

  cellRange(row: number, column: number): TextRange {
    return this.fieldRange(this.rowStarts[row], column);
  }

  headerRange(column: number): TextRange {
    return this.fieldRange(this.headerStart >= 0 ? this.headerStart : this.rowStarts[0] ?? 0, column);
  }

  /** The cell's text exactly as written in the file (quotes included). */
  cellSourceText(row: number, column: number): string {
    const fields = this.scan(this.rowStarts[row]);
    return column < fields.count ? this.text.slice(fields.starts[column], fields.ends[column]) : '';
  }
}
