/**
 * CSV/TSV bytes → IngestResult: sniff the dialect on the first bytes, scan every record into field offsets
 * (scan.ts, no string per cell), infer each column's type from a sample of rows (cells.ts, infer.ts),
 * build the Arrow columns from the bytes in one pass over the rows (build.ts), and report defects with
 * their positions. The work is split in chunks (chunked-read.ts): one here, read in this thread; several
 * in parallel.ts.
 */
import type { ColumnInfo, CsvDialect, IngestResult, LineEnding, RawCell, StructuralIssue } from '../../table/model';
import { DEFAULTS } from '../../defaults';
import { dataFormatOf } from '../formats';
import type { ReadSettings } from '../options';
import { prepareCsvBytes, type CsvBytes } from './decode';
import { RecordOffsets, fieldValue, isBlankRecordAt, parseRecordAt } from './records';
import { sniffDelimiter, sniffHeader } from './sniff';
import type { InferredColumn } from './infer';
import { buildTable, columnData } from './arrow-columns';
import { CsvSourceMap } from './source-map';
import { extractTexts, type CellTexts } from './texts';
import { scanRecords } from './scan';
import { Table } from 'apache-arrow';
import { ChunkReader } from './chunk-reader';
import { firstOtherEnding, readSteps, runSteps, type ChunkedOutcome, type MergedScan, type ReadPlan } from './chunked-read';
import { chunkStarts } from './boundaries';

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
export interface Layout {
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

export function decideLayout(bytes: Uint8Array, options: CsvReadOptions, notes: readonly string[]): Layout {
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

export interface CsvRead {
  result: IngestResult;
  /** Bytes of the complete records read (all of them unless options.final is false). */
  consumed: number;
  /** Line number where reading stopped. */
  lines: number;
  /** Data rows read: the table's, or in text mode the texts'. */
  rows: number;
  /** Text mode (options.texts): every cell's text, column by column; the result's table is then empty. */
  texts?: CellTexts;
}

/** The plan of a read in `chunks` chunks (the dialect decided on the first bytes). */
export function planRead(prepared: CsvBytes, options: CsvReadOptions, layout: Layout, chunks: number): ReadPlan {
  const { bytes } = prepared;
  const { delimiter, quote } = layout;
  return {
    settings: {
      delimiter,
      quote,
      width: layout.width,
      headerStart: layout.headerStart,
      trailingDelimiter: layout.trailingDelimiter,
      validUtf8: prepared.validUtf8,
      naTokens: [...(options.naTokens ?? DEFAULTS.naTokens)],
      final: options.final !== false,
      shared: chunks > 1,
    },
    starts: chunkStarts(bytes, 0, bytes.length, chunks, delimiter, quote),
    end: bytes.length,
    estimatedRowsPerByte: Math.max(1, layout.sampleRecords) / Math.max(1, layout.sampleBytes),
    fixedTypes: Array.from({ length: layout.width }, (_, c) => options.columnTypes?.[c]),
  };
}

/** Reads prepared UTF-8 bytes in this thread. */
export function readPreparedCsv(prepared: CsvBytes, options: CsvReadOptions = {}): CsvRead {
  const layout = decideLayout(prepared.bytes, options, prepared.notes);
  if (options.texts) return readTexts(prepared, options, layout);
  const plan = planRead(prepared, options, layout, 1);
  const reader = new ChunkReader(prepared.bytes, plan.settings);
  return csvRead(prepared, options, layout, runSteps(readSteps(plan, options.firstLine ?? 0), (call) => reader.handle(call.message)));
}

/** Text mode: one scan in this thread and every cell's text from its offsets, no typed columns. */
function readTexts(prepared: CsvBytes, options: CsvReadOptions, layout: Layout): CsvRead {
  const { bytes } = prepared;
  const scan = scanRecords(bytes, {
    delimiter: layout.delimiter,
    quote: layout.quote,
    width: layout.width,
    headerStart: layout.headerStart,
    trailingDelimiter: layout.trailingDelimiter,
    estimatedRows: Math.ceil((bytes.length / Math.max(1, layout.sampleBytes)) * Math.max(1, layout.sampleRecords) * 1.02),
    firstLine: options.firstLine ?? 0,
    final: options.final !== false,
  });
  const { rowCount, rowStarts, rowLines, ragged, blankRanges, strays, unterminatedAt, endings, consumed } = scan;
  const merged: MergedScan = { rowCount, rowStarts, rowLines, ragged, blankRanges, strays, unterminatedAt, endings, consumed, lines: scan.linesConsumed, firstOtherEndingAt: firstOtherEnding([scan]) };
  const texts = extractTexts(bytes, prepared.ascii, scan, layout.width, layout.quote);
  return { ...csvResult(prepared, options, layout, merged, (names) => textColumns(names, options.columnTypes)), texts };
}

/** The IngestResult of a chunked read. */
export function csvRead(prepared: CsvBytes, options: CsvReadOptions, layout: Layout, outcome: ChunkedOutcome): CsvRead {
  return csvResult(prepared, options, layout, outcome.scan, (names) => {
    const data = outcome.columns.map((column) => columnData(column.chunks));
    const infos: ColumnInfo[] = outcome.columns.map((column, c) => ({
      index: c,
      name: names[c],
      kind: column.kind,
      arrowType: String(data[c][0].type),
      ...(column.dateFormat ? { dateFormat: column.dateFormat } : {}),
      ...(column.numberFormat ? { numberFormat: column.numberFormat } : {}),
      ...(column.timestampForm === undefined ? {} : { timestampForm: column.timestampForm }),
    }));
    const { rejectedCells, variantCells, naTokenCells } = outcome;
    return { table: buildTable(names, data, outcome.scan.rowCount), infos, rejectedCells, variantCells, naTokenCells };
  });
}

interface CsvColumns {
  table: Table;
  infos: ColumnInfo[];
  rejectedCells: RawCell[];
  variantCells: RawCell[];
  naTokenCells: RawCell[];
}

/** The result of a read from its merged scan and its columns (typed, or text mode's). */
function csvResult(prepared: CsvBytes, options: CsvReadOptions, layout: Layout, scan: MergedScan, columnsOf: (names: string[]) => CsvColumns): CsvRead {
  const { bytes } = prepared;
  const path = options.path ?? '<text>';
  const { headerStart, delimiter, quote, hasHeader, trailingDelimiter, uncertainties } = layout;
  const firstLine = options.firstLine ?? 0;
  const rowCount = scan.rowCount;
  const source = new CsvSourceMap({ bytes, ascii: prepared.ascii, rowStarts: scan.rowStarts, rowLines: scan.rowLines, headerStart, firstLine, delimiter, quote });
  const firstRecordFound = hasHeader || rowCount > 0;
  const structural = structuralIssues(scan, source, layout, prepared, options, bytes.length, firstRecordFound);
  const names = columnNames(layout, options, source, structural);
  const { table, infos, rejectedCells, variantCells, naTokenCells } = columnsOf(names);

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
    lines: scan.lines,
    rows: rowCount,
  };
}

/** Text mode (CSV and JSON Lines): no typed columns; the kinds the caller fixed (string otherwise). */
export function textColumns(names: readonly string[], columnTypes: readonly InferredColumn[] | undefined) {
  const infos: ColumnInfo[] = names.map((name, index) => ({ index, name, kind: columnTypes?.[index]?.kind ?? 'string', arrowType: '' }));
  return { table: new Table(), infos, rejectedCells: [] as RawCell[], variantCells: [] as RawCell[], naTokenCells: [] as RawCell[] };
}

function structuralIssues(
  scan: MergedScan,
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
