/**
 * The in-memory model every part of the product shares: an Arrow table plus what the reader learned
 * about the source (dialect, structural defects, cells that did not fit their column's type) and a
 * source map from (row, column) to a text range. No `vscode` import: positions use VS Code's
 * conventions (0-based line, 0-based UTF-16 character) as plain data.
 */
import type { Table } from 'apache-arrow';

export interface TextPosition {
  /** 0-based line. */
  line: number;
  /** 0-based offset in UTF-16 code units within the line, as `vscode.Position.character`. */
  character: number;
}

export interface TextRange {
  start: TextPosition;
  end: TextPosition;
}

export type SourceFormat = 'csv' | 'jsonl' | 'arrow' | 'parquet';

export type LineEnding = 'lf' | 'crlf' | 'cr' | 'mixed' | 'none';

/** The text encodings the CSV reader reads (settings and CLI flags offer these). */
export const TEXT_ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252', 'latin1'] as const;

export type TextEncodingName = (typeof TEXT_ENCODINGS)[number];

export interface CsvDialect {
  delimiter: string;
  quote: string;
  hasHeader: boolean;
  encoding: TextEncodingName;
  bom: boolean;
  lineEnding: LineEnding;
  /** Human-readable notes when a choice was uncertain ("delimiter guessed: ';' vs ','"). */
  uncertainties: string[];
  /** Every record ends with a delimiter (the empty last field is not a column). */
  trailingDelimiter?: boolean;
}

/** What a column holds, as inferred (CSV) or as declared by the Arrow schema. */
export type ColumnKind =
  | 'integer'
  | 'float'
  | 'boolean'
  | 'date'
  | 'timestamp'
  | 'string'
  | 'categorical'
  | 'empty'
  | 'other';

export interface ColumnInfo {
  index: number;
  name: string;
  kind: ColumnKind;
  /** `String(field.type)` of the Arrow column, e.g. "Int32", "Float64", "Dictionary<Int32, Utf8>". */
  arrowType: string;
  /** For date/timestamp columns read from text: the format chosen, e.g. "YYYY-MM-DD" or "DD/MM/YYYY". */
  dateFormat?: string;
  /** For numeric columns read from text whose cells carry a unit, a percent sign, a currency or thousands separators. */
  numberFormat?: NumberFormat;
  /**
   * For timestamp columns read from text, written one way ("T" or space, seconds, zone): that form's key
   * (ingest/timestamp-form.ts); cells written in another form are listed in {@link IngestResult.variantCells}.
   */
  timestampForm?: number;
}

/**
 * How a numeric column read from text writes its numbers when cells carry a unit ("16 oz"), a percent sign,
 * a currency ("$1,234") or thousands separators: the form most of its cells share, and the unit its numbers
 * are in. Cells written in another form are read as their number and listed in {@link IngestResult.variantCells}.
 */
export interface NumberFormat {
  /** Canonical key of the unit the column's numbers are in ('' when none is written): "oz", "%", "USD". */
  unit: string;
  /** The dominant form: text before the number ("$") and after it (" oz", "%"); both '' for plain numbers. */
  prefix: string;
  suffix: string;
  /** The dominant form groups thousands ("1,234"). */
  grouped: boolean;
  /** The column writes decimal commas ("3,5"; "1.234,5" when grouped). */
  decimalComma?: boolean;
  /** The column writes negative amounts in parentheses, as accounts do ("(1,234.50)"). */
  accounting?: boolean;
}

/** A cell whose raw text was kept because the typed column could not hold it (it is null there). */
export interface RawCell {
  /** 0-based data row (table row index). */
  row: number;
  /** 0-based column index. */
  column: number;
  text: string;
}

export type StructuralIssueKind =
  | 'ragged-row'
  | 'blank-row'
  | 'blank-header'
  | 'duplicate-header'
  | 'unterminated-quote'
  | 'stray-quote'
  | 'invalid-encoding'
  | 'mixed-line-endings'
  | 'empty-file'
  | 'invalid-json-line';

/** A defect the reader met while tokenizing; the structure rules turn these into findings. */
export interface StructuralIssue {
  kind: StructuralIssueKind;
  /** 0-based data row when the issue belongs to a table row; null for file-level or blank lines. */
  row: number | null;
  column: number | null;
  range: TextRange;
  /** For ragged rows: the header's field count and this record's. */
  expectedFields?: number;
  actualFields?: number;
  detail?: string;
}

export type RangesIn = 'file' | 'rendered' | 'decompressed';

/** Maps table coordinates to text ranges in the source (or in the rendered text view of binary formats). */
export interface SourceMap {
  /** Range covering the whole record of data row `row` (may span lines for embedded newlines). */
  rowRange(row: number): TextRange;
  /** Range of the cell's text (inside quotes excluded? no: the whole field as written, quotes included). */
  cellRange(row: number, column: number): TextRange;
  /** Range of the header label of `column`; for headerless data, the first row's cell. */
  headerRange(column: number): TextRange;
  /** Text sources (CSV, JSON Lines): the cell's text exactly as written, quotes included (a quick fix keeps its quoting). */
  cellSourceText?(row: number, column: number): string;
  /** Text sources (CSV, JSON Lines): from the record's first character to the next record's start (deleting it removes the line). */
  rowRangeWithLineBreak?(row: number): TextRange;
}

export interface IngestResult {
  format: SourceFormat;
  /** Absolute path of the file read. */
  path: string;
  dialect?: CsvDialect;
  table: Table;
  columns: ColumnInfo[];
  /** Cells that did not fit their column's inferred type (null in `table`). */
  rejectedCells: RawCell[];
  /**
   * Cells of a typed column written in another form than the rest of it (a unit spelled otherwise, a
   * percent sign, a currency, thousands separators): their value is in `table`, their text is kept here.
   */
  variantCells: RawCell[];
  /** Cells that held an NA token other than the empty string (null in `table`), with the token. */
  naTokenCells: RawCell[];
  structuralIssues: StructuralIssue[];
  source: SourceMap;
  /**
   * Where `source` ranges point: 'file' for text formats (ranges are in the file itself), 'rendered'
   * for binary formats (ranges are in the text produced by `renderTableText`), 'decompressed' for
   * gzip-compressed text formats (ranges are in the decompressed text; the file itself cannot be edited).
   */
  rangesIn: RangesIn;
}
