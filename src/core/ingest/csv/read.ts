/**
 * CSV/TSV bytes → IngestResult: sniff the dialect on the first bytes, scan every record into field offsets
 * (scan.ts, no string per cell), then per column: locate the values (cells.ts), infer the type from a
 * sample, convert to an Arrow vector from the bytes (build.ts), and report defects with their positions.
 */
import type { ColumnInfo, CsvDialect, IngestResult, LineEnding, RawCell, StructuralIssue } from '../../table/model';
import { DEFAULTS } from '../../defaults';
import { dataFormatOf } from '../formats';
import type { ReadSettings } from '../options';
import { prepareCsvBytes, type CsvBytes } from './decode';
import { RecordOffsets, fieldValue, isBlankRecordAt, parseRecordAt } from './records';
import { scanRecords, type ScanResult } from './scan';
import { sniffDelimiter, sniffHeader } from './sniff';
import { FIT_SHARE, inferColumnTypeOf, parseIntegral, type InferredColumn } from './infer';
import { buildCategorical, buildColumn, buildTable } from './build';
import type { DataType, Vector } from 'apache-arrow';
import { ColumnContents, NaMatcher, extractColumn } from './cells';
import { CsvSourceMap } from './source-map';
import { extractTexts, type CellTexts } from './texts';
import { Table } from 'apache-arrow';

export interface CsvReadOptions extends ReadSettings {
  sniffBytes?: number;
  path?: string;
  /**
   * Fixed column types (streaming: every batch keeps the first batch's schema); cells that do not fit go to
   * rejectedCells. Without it, types are inferred.
   */
  columnTypes?: readonly InferredColumn[];
  /** Column names to use instead of the header's (streaming batches after the first have no header). */
  columnNames?: readonly string[];
  /** With columnNames: every record ends with a delimiter (one empty extra field to ignore). */
  trailingDelimiter?: boolean;
  /** Line number of the first byte (a chunk of a streamed file). */
  firstLine?: number;
  /**
   * False for a chunk of a streamed file that may end mid-record: only complete records are read, and
   * `consumed` in the result says how many bytes they took.
   */
  final?: boolean;
  /**
   * Read the cells as texts (`texts` in the result) instead of typed columns: the result's table is empty
   * and its column kinds are those of `columnTypes` (cleaning).
   */
  texts?: boolean;
}

/** Share of distinct values under which a string column is dictionary-encoded (and called categorical). */
const CATEGORICAL_MAX_DISTINCT_SHARE = 0.5;
const CATEGORICAL_MAX_DISTINCT = 1000;
/** Values inspected to infer a column's type; a column whose conversion then rejects too many is re-inferred on all values. */
const INFERENCE_SAMPLE = 20_000;
function defaultDelimiterFor(path: string | undefined): string | undefined {
  return path === undefined ? undefined : dataFormatOf(path)?.delimiter;
}

export function readCsvBytes(bytes: Uint8Array, options: CsvReadOptions = {}): IngestResult {
  return readPreparedCsv(prepareCsvBytes(bytes, options.encoding), options).result;
}

const SNIFF_BYTES = 64 * 1024;

function asciiChar(char: string, what: string): number {
  const code = char.charCodeAt(0);
  if (char.length !== 1 || code >= 0x80) throw new Error(`The ${what} must be one ASCII character (got "${char}").`);
  return code;
}

/** The dialect decided on the first bytes: delimiter, quote, header, width. */
interface Layout {
  delimiterChar: string;
  delimiter: number;
  quoteChar: string;
  quote: number;
  hasHeader: boolean;
  header: string[];
  headerStart: number;
  width: number;
  trailingDelimiter: boolean;
  /** Records read to decide the layout and the bytes they span (to estimate the row count). */
  sampleRecords: number;
  sampleBytes: number;
  uncertainties: string[];
}

function decideLayout(bytes: Uint8Array, options: CsvReadOptions, notes: readonly string[]): Layout {
  const uncertainties = [...notes];
  const quoteChar = options.quote ?? '"';
  const quote = asciiChar(quoteChar, 'quote character');
  const sampleLength = Math.min(bytes.length, options.sniffBytes ?? SNIFF_BYTES);
  let delimiterChar = options.delimiter;
  if (!delimiterChar) {
    const choice = sniffDelimiter(bytes.subarray(0, sampleLength), defaultDelimiterFor(options.path));
    delimiterChar = choice.delimiter;
    if (choice.uncertainty) uncertainties.push(choice.uncertainty);
  }
  const delimiter = asciiChar(delimiterChar, 'delimiter');
  // The first records (from the sample) decide the header and the width.
  const fields = new RecordOffsets();
  const firstRecords: string[][] = [];
  let firstRecordStart = -1;
  let pos = 0;
  while (pos < sampleLength && firstRecords.length < 100) {
    parseRecordAt(bytes, pos, bytes.length, delimiter, quote, fields);
    if (!isBlankRecordAt(fields)) {
      if (firstRecordStart < 0) firstRecordStart = pos;
      const values: string[] = [];
      for (let i = 0; i < fields.count; i++) values.push(fieldValue(bytes, fields.starts[i], fields.ends[i], quote));
      firstRecords.push(values);
    }
    if (fields.next <= pos) break;
    pos = fields.next;
  }
  const sampledBytes = pos;
  let hasHeader = options.hasHeader;
  if (hasHeader === undefined) {
    const choice = sniffHeader(firstRecords);
    hasHeader = choice.hasHeader;
    if (choice.uncertainty) uncertainties.push(choice.uncertainty);
  }
  hasHeader = hasHeader && firstRecordStart >= 0;
  let width = options.columnNames ? options.columnNames.length + (options.trailingDelimiter ? 1 : 0) : firstRecords.length ? firstRecords[0].length : 0;
  // A trailing delimiter on every record (header included) adds one empty column: drop it.
  const trailingDelimiter = options.columnNames
    ? options.trailingDelimiter === true
    : width > 1 && firstRecords.length > 0 && firstRecords.every((r) => r.length === width && r[width - 1] === '');
  if (trailingDelimiter) {
    width--;
    if (!options.columnNames) uncertainties.push('Every line ends with a delimiter; the empty last column was dropped.');
  }
  return {
    delimiterChar,
    delimiter,
    quoteChar,
    quote,
    hasHeader,
    header: hasHeader ? firstRecords[0] : [],
    headerStart: hasHeader ? firstRecordStart : -1,
    width,
    trailingDelimiter,
    sampleRecords: firstRecords.length,
    sampleBytes: sampledBytes,
    uncertainties,
  };
}

/** Reads prepared UTF-8 bytes; `consumed` is the bytes of complete records read (all of them unless options.final is false). */
export function readPreparedCsv(prepared: CsvBytes, options: CsvReadOptions = {}): { result: IngestResult; consumed: number; lines: number; rows: number; texts?: CellTexts } {
  const { bytes } = prepared;
  const path = options.path ?? '<text>';
  const layout = decideLayout(bytes, options, prepared.notes);
  const { width, headerStart, delimiter, quote, hasHeader, trailingDelimiter, uncertainties } = layout;
  const length = bytes.length;
  const firstLine = options.firstLine ?? 0;

  const scan = scanRecords(bytes, {
    delimiter,
    quote,
    width,
    headerStart,
    trailingDelimiter,
    estimatedRows: Math.ceil((length / Math.max(1, layout.sampleBytes)) * Math.max(1, layout.sampleRecords) * 1.02),
    firstLine,
    final: options.final !== false,
  });
  const rowCount = scan.rowCount;
  const source = new CsvSourceMap({ bytes, ascii: prepared.ascii, rowStarts: scan.rowStarts, rowLines: scan.rowLines, headerStart, firstLine, delimiter, quote });
  const firstRecordFound = hasHeader || rowCount > 0;
  const structural = structuralIssues(scan, source, layout, prepared, options, length, firstRecordFound);
  const names = columnNames(layout, options, source, structural);
  const texts = options.texts ? extractTexts(bytes, prepared.ascii, scan, width, quote) : undefined;
  const { table, infos, rejectedCells, variantCells, naTokenCells } = texts ? textColumns(names, options.columnTypes) : buildColumns(prepared, scan, layout, names, options);

  const { lf, crlf, cr } = scan.endings;
  const endingKinds = (['lf', 'crlf', 'cr'] as const).filter((k) => scan.endings[k] > 0);
  const lineEnding: LineEnding = endingKinds.length === 0 ? 'none' : endingKinds.length > 1 ? 'mixed' : endingKinds[0];
  if (endingKinds.length > 1) {
    const counts = { lf, crlf, cr };
    structural.push({
      kind: 'mixed-line-endings',
      row: null,
      column: null,
      range: source.range(scan.firstOtherEndingAt, scan.firstOtherEndingAt),
      detail: endingKinds.map((k) => `${counts[k]} ${k.toUpperCase()}`).join(', '),
    });
  }
  const dialect: CsvDialect = {
    delimiter: layout.delimiterChar,
    quote: layout.quoteChar,
    hasHeader,
    encoding: prepared.encoding,
    bom: prepared.bom,
    lineEnding,
    uncertainties,
    trailingDelimiter,
  };
  return {
    result: { format: 'csv', path, dialect, table, columns: infos, rejectedCells, variantCells, naTokenCells, structuralIssues: structural, source, rangesIn: 'file' },
    consumed: scan.consumed,
    lines: scan.linesConsumed,
    rows: rowCount,
    texts,
  };
}

/** The columns of a read in text mode: names and the kinds given, no typed data. */
/** Text mode (CSV and JSON Lines): no typed columns; the kinds the caller fixed (string otherwise). */
export function textColumns(names: readonly string[], columnTypes: readonly InferredColumn[] | undefined) {
  const infos: ColumnInfo[] = names.map((name, index) => ({ index, name, kind: columnTypes?.[index]?.kind ?? 'string', arrowType: '' }));
  return { table: new Table(), infos, rejectedCells: [] as RawCell[], variantCells: [] as RawCell[], naTokenCells: [] as RawCell[] };
}

function structuralIssues(
  scan: ScanResult,
  source: CsvSourceMap,
  layout: Layout,
  prepared: CsvBytes,
  options: CsvReadOptions,
  length: number,
  firstRecordFound: boolean,
): StructuralIssue[] {
  const structural: StructuralIssue[] = [];
  if ((length === 0 || !firstRecordFound) && options.final !== false && !options.columnNames) {
    structural.push({ kind: 'empty-file', row: null, column: null, range: source.range(0, 0), detail: length === 0 ? 'The file is empty.' : 'The file has no data, only blank lines.' });
  }
  for (let i = 0; i < scan.blankRanges.length; i += 2) {
    const start = scan.blankRanges[i];
    if (start >= length) continue;
    structural.push({ kind: 'blank-row', row: null, column: null, range: source.range(start, scan.blankRanges[i + 1]) });
  }
  for (let i = 0; i < scan.ragged.length; i += 2) {
    const row = scan.ragged[i];
    structural.push({ kind: 'ragged-row', row, column: null, range: source.rowRange(row), expectedFields: layout.width, actualFields: scan.ragged[i + 1] });
  }
  for (let i = 0; i < scan.strays.length; i += 3) {
    const row = scan.strays[i];
    structural.push({ kind: 'stray-quote', row: row >= 0 ? row : null, column: null, range: source.range(scan.strays[i + 1], scan.strays[i + 2]) });
  }
  if (scan.unterminatedAt >= 0) {
    structural.push({ kind: 'unterminated-quote', row: null, column: null, range: source.range(scan.unterminatedAt, length), detail: 'A quoted field is never closed; the rest of the file was read into it.' });
  }
  for (const bad of prepared.invalidBytes) {
    if (bad.offset >= scan.consumed) continue;
    structural.push({ kind: 'invalid-encoding', row: null, column: null, range: source.range(bad.offset, bad.offset + 1), detail: `Byte 0x${bad.byte.toString(16).toUpperCase().padStart(2, '0')} at byte offset ${bad.byteOffset} is not valid UTF-8.` });
  }
  return structural;
}

function columnNames(layout: Layout, options: CsvReadOptions, source: CsvSourceMap, structural: StructuralIssue[]): string[] {
  const { width, hasHeader, header } = layout;
  const names: string[] = [];
  const seen = new Map<string, number>();
  for (let c = 0; c < width; c++) {
    const label = options.columnNames?.[c] ?? (hasHeader ? header[c] : `column${c + 1}`);
    if (hasHeader && label.trim() === '') structural.push({ kind: 'blank-header', row: null, column: c, range: source.headerRange(c) });
    const key = label.trim();
    const firstIndex = seen.get(key);
    if (hasHeader && key !== '' && firstIndex !== undefined) {
      structural.push({ kind: 'duplicate-header', row: null, column: c, range: source.headerRange(c), detail: `Same label as column ${firstIndex + 1}.` });
    } else if (firstIndex === undefined) seen.set(key, c);
    // Table field names must be unique (Arrow JS mislabels duplicate fields): a repeated label gets " (2)".
    let name = label.trim() === '' ? `column${c + 1}` : label;
    for (let k = 2; names.includes(name); k++) name = `${label} (${k})`;
    names.push(name);
  }
  return names;
}

function buildColumns(prepared: CsvBytes, scan: ScanResult, layout: Layout, names: string[], options: CsvReadOptions) {
  const rowCount = scan.rowCount;
  const naTokenCells: RawCell[] = [];
  const rejectedCells: RawCell[] = [];
  const variantCells: RawCell[] = [];
  const context = {
    bytes: prepared.bytes,
    scan,
    width: layout.width,
    quote: layout.quote,
    validUtf8: prepared.validUtf8,
    na: new NaMatcher(new Set(options.naTokens ?? DEFAULTS.naTokens)),
    naTokenCells,
  };
  const infos: ColumnInfo[] = [];
  const vectors = [];
  const cells = new ColumnContents(prepared.bytes, layout.quote, rowCount);
  const inferText = (n: number, cellAt: (k: number) => number) => inferColumnTypeOf(n, (k) => cells.value(cellAt(k)));
  for (let c = 0; c < layout.width; c++) {
    extractColumn(context, c, cells);
    const { vector, inferred, rejected, variants } = buildTypedColumn(cells, rowCount, c, options.columnTypes?.[c], inferText);
    for (const cell of rejected) rejectedCells.push(cell);
    for (const cell of variants) variantCells.push(cell);
    vectors.push(vector);
    infos.push(columnInfo(c, names[c], inferred, vector));
  }
  rejectedCells.sort((a, b) => a.row - b.row || a.column - b.column);
  variantCells.sort((a, b) => a.row - b.row || a.column - b.column);
  return { table: buildTable(names, vectors, rowCount), infos, rejectedCells, variantCells, naTokenCells };
}

export function columnInfo(index: number, name: string, inferred: InferredColumn, vector: Vector<DataType>): ColumnInfo {
  return {
    index,
    name,
    kind: inferred.kind,
    arrowType: String(vector.type),
    ...(inferred.dateFormat ? { dateFormat: inferred.dateFormat } : {}),
    ...(inferred.numberFormat ? { numberFormat: inferred.numberFormat } : {}),
  };
}

/**
 * One column's cells → its Arrow vector: the type inferred from an even sample (`infer` gets the sample
 * size and the cell index of each sampled value) unless `fixed`, the conversion, and the corrections a
 * sample can need (an integer beyond Int32 outside it: Int64; too many rejections: inferred on all values);
 * text with few distinct values becomes a dictionary (categorical). Cells that do not fit are `rejected`;
 * numbers written in another form than the column's (a unit spelled otherwise, a percent sign, …) are
 * read and listed in `variants`.
 */
export function buildTypedColumn(
  cells: ColumnContents,
  rowCount: number,
  column: number,
  fixed: InferredColumn | undefined,
  infer: (count: number, cellAt: (k: number) => number) => InferredColumn,
): { vector: Vector<DataType>; inferred: InferredColumn; rejected: RawCell[]; variants: RawCell[] } {
  const presentCount = cells.count;
  const step = Math.max(1, Math.floor(presentCount / INFERENCE_SAMPLE));
  const sampled = step === 1 ? presentCount : Math.ceil(presentCount / step);
  let inferred = fixed ? { ...fixed } : infer(sampled, (k) => k * step);
  let rejected: RawCell[] = [];
  let variants: RawCell[] = [];
  const build = () => {
    rejected = [];
    variants = [];
    return inferred.kind === 'categorical' || inferred.kind === 'string' ? undefined : buildColumn(cells, rowCount, inferred, column, rejected, variants);
  };
  let built = build();
  if (!fixed && built) {
    if (inferred.kind === 'integer' && inferred.int32 !== false && rejected.some((cell) => parseIntegral(cell.text) !== null)) {
      // An integer beyond Int32 outside the inference sample: widen to Int64.
      inferred = { kind: 'integer', int32: false };
      built = build();
    }
    if (step > 1 && rejected.length > presentCount * (1 - FIT_SHARE)) {
      inferred = infer(presentCount, (k) => k);
      built = build();
    }
  }
  if (!built && inferred.kind === 'categorical') built = buildCategorical(cells, rowCount, Infinity);
  if (!built && !fixed && presentCount > 0) {
    // Text with few distinct values is dictionary-encoded (and called categorical).
    built = buildCategorical(cells, rowCount, Math.min(CATEGORICAL_MAX_DISTINCT, presentCount * CATEGORICAL_MAX_DISTINCT_SHARE));
    if (built) inferred = { kind: 'categorical' };
  }
  built ??= buildColumn(cells, rowCount, inferred, column, rejected);
  return { vector: built, inferred, rejected, variants };
}
