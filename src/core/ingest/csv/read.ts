/** CSV/TSV text → IngestResult: sniff the dialect, tokenize with positions, infer types, build Arrow columns. */
import type { ColumnInfo, CsvDialect, IngestResult, LineEnding, RawCell, StructuralIssue, TextEncodingName } from '../../table/model';
import { decodeBytes } from './decode';
import { RecordFields, isBlankRecord, lineStarts, parseRecord } from './tokenize';
import { sniffDelimiter, sniffHeader } from './sniff';
import { inferColumnType } from './infer';
import { buildColumn, buildTable } from './build';
import { CsvSourceMap } from './source-map';

export interface CsvReadOptions {
  delimiter?: string;
  quote?: string;
  hasHeader?: boolean;
  encoding?: TextEncodingName;
  naTokens?: readonly string[];
  sniffBytes?: number;
  path?: string;
}

export const DEFAULT_NA_TOKENS: readonly string[] = ['NA', 'N/A', 'null', 'NULL', 'NaN', '-', '?'];

/** Share of distinct values under which a string column is dictionary-encoded (and called categorical). */
const CATEGORICAL_MAX_DISTINCT_SHARE = 0.5;
const CATEGORICAL_MAX_DISTINCT = 1000;

function defaultDelimiterFor(path: string | undefined): string | undefined {
  return path && /\.(tsv|tab)$/i.test(path) ? '\t' : undefined;
}

export function readCsvBytes(bytes: Uint8Array, options: CsvReadOptions = {}): IngestResult {
  const decoded = decodeBytes(bytes, options.encoding);
  return readCsvText(decoded.text, options, decoded);
}

export function readCsvText(
  text: string,
  options: CsvReadOptions = {},
  decoded: Pick<ReturnType<typeof decodeBytes>, 'encoding' | 'bom' | 'invalidBytes' | 'invalidByteCount' | 'notes'> = {
    encoding: 'utf-8',
    bom: false,
    invalidBytes: [],
    invalidByteCount: 0,
    notes: [],
  },
): IngestResult {
  const path = options.path ?? '<text>';
  const uncertainties = [...decoded.notes];
  const quoteChar = options.quote ?? '"';
  const quote = quoteChar.charCodeAt(0);
  const sample = text.slice(0, options.sniffBytes ?? 64 * 1024);
  let delimiterChar = options.delimiter;
  if (!delimiterChar) {
    const choice = sniffDelimiter(sample, defaultDelimiterFor(options.path));
    delimiterChar = choice.delimiter;
    if (choice.uncertainty) uncertainties.push(choice.uncertainty);
  }
  const delimiter = delimiterChar.charCodeAt(0);
  const starts = lineStarts(text);

  // Pass 1: tokenize every record, keeping values per record only until the column count is known.
  const fields = new RecordFields();
  const records: string[][] = [];
  const recordStarts: number[] = [];
  const recordEnds: number[] = [];
  const structural: StructuralIssue[] = [];
  const blankRanges: [number, number][] = [];
  const endings = { lf: 0, crlf: 0, cr: 0 };
  let firstEnding: 'lf' | 'crlf' | 'cr' | undefined;
  let firstOtherEndingAt = -1;
  const strays: [number, number, number][] = []; // [recordIndex, start, end]
  let unterminatedAt = -1;
  let pos = 0;
  while (pos < text.length) {
    parseRecord(text, pos, delimiter, quote, fields);
    if (fields.ending !== 'eof') {
      endings[fields.ending]++;
      if (!firstEnding) firstEnding = fields.ending;
      else if (fields.ending !== firstEnding && firstOtherEndingAt < 0) firstOtherEndingAt = fields.end;
    }
    if (isBlankRecord(fields)) {
      blankRanges.push([pos, fields.end]);
    } else {
      for (let i = 0; i < fields.strayQuotes.length; i += 2) strays.push([records.length, fields.strayQuotes[i], fields.strayQuotes[i + 1]]);
      if (fields.unterminatedAt >= 0) unterminatedAt = fields.unterminatedAt;
      records.push(fields.values.slice(0, fields.count));
      recordStarts.push(pos);
      recordEnds.push(fields.end);
    }
    pos = fields.next;
  }

  const sourceFor = (headerStart: number, rowStarts: Float64Array) => new CsvSourceMap(text, starts, rowStarts, headerStart, delimiter, quote);
  let hasHeader = options.hasHeader;
  if (hasHeader === undefined) {
    const choice = sniffHeader(records.slice(0, 100));
    hasHeader = choice.hasHeader;
    if (choice.uncertainty) uncertainties.push(choice.uncertainty);
  }
  const headerIndex = hasHeader && records.length > 0 ? 0 : -1;
  const header = headerIndex === 0 ? records[0] : [];
  const dataRecords = headerIndex === 0 ? records.slice(1) : records;
  const dataStarts = Float64Array.from(headerIndex === 0 ? recordStarts.slice(1) : recordStarts);
  let width = headerIndex === 0 ? header.length : dataRecords.reduce((w, r) => Math.max(w, r.length), 0);

  // A trailing delimiter on every record (header included) adds one empty column: drop it.
  if (width > 1 && records.length > 0 && records.every((r) => r.length === width && r[width - 1] === '')) {
    width--;
    for (const r of records) r.pop();
    uncertainties.push('Every line ends with a delimiter; the empty last column was dropped.');
  }
  const source = sourceFor(headerIndex === 0 ? recordStarts[0] : -1, dataStarts);

  // Structural issues.
  if (text.length === 0 || records.length === 0) {
    structural.push({ kind: 'empty-file', row: null, column: null, range: source.range(0, 0), detail: text.length === 0 ? 'The file is empty.' : 'The file has no data, only blank lines.' });
  }
  for (const [start, end] of blankRanges) {
    if (start >= text.length) continue;
    structural.push({ kind: 'blank-row', row: null, column: null, range: source.range(start, end) });
  }
  const names: string[] = [];
  const seen = new Map<string, number>();
  for (let c = 0; c < width; c++) {
    const label = headerIndex === 0 ? header[c] : `column${c + 1}`;
    if (headerIndex === 0 && label.trim() === '') {
      structural.push({ kind: 'blank-header', row: null, column: c, range: source.headerRange(c) });
    }
    const key = label.trim();
    const firstIndex = seen.get(key);
    if (headerIndex === 0 && key !== '' && firstIndex !== undefined) {
      structural.push({ kind: 'duplicate-header', row: null, column: c, range: source.headerRange(c), detail: `Same label as column ${firstIndex + 1}.` });
    } else if (firstIndex === undefined) seen.set(key, c);
    // Table field names must be unique (Arrow JS mislabels duplicate fields): a repeated label gets " (2)".
    let name = label.trim() === '' ? `column${c + 1}` : label;
    for (let k = 2; names.includes(name); k++) name = `${label} (${k})`;
    names.push(name);
  }
  const expected = width;
  for (let r = 0; r < dataRecords.length; r++) {
    const actual = dataRecords[r].length;
    if (actual !== expected) {
      structural.push({ kind: 'ragged-row', row: r, column: null, range: source.rowRange(r), expectedFields: expected, actualFields: actual });
    }
  }
  for (const [recordIndex, start, end] of strays) {
    const row = recordIndex - (headerIndex === 0 ? 1 : 0);
    structural.push({ kind: 'stray-quote', row: row >= 0 ? row : null, column: null, range: source.range(start, end) });
  }
  if (unterminatedAt >= 0) {
    structural.push({ kind: 'unterminated-quote', row: null, column: null, range: source.range(unterminatedAt, text.length), detail: 'A quoted field is never closed; the rest of the file was read into it.' });
  }
  for (const bad of decoded.invalidBytes) {
    structural.push({ kind: 'invalid-encoding', row: null, column: null, range: source.range(bad.textOffset, bad.textOffset + 1), detail: `Byte 0x${bad.byte.toString(16).toUpperCase().padStart(2, '0')} at byte offset ${bad.byteOffset} is not valid UTF-8.` });
  }
  const endingKinds = (Object.keys(endings) as (keyof typeof endings)[]).filter((k) => endings[k] > 0);
  if (endingKinds.length > 1) {
    structural.push({ kind: 'mixed-line-endings', row: null, column: null, range: source.range(firstOtherEndingAt, firstOtherEndingAt), detail: endingKinds.map((k) => `${endings[k]} ${k.toUpperCase()}`).join(', ') });
  }
  const lineEnding: LineEnding = endingKinds.length === 0 ? 'none' : endingKinds.length > 1 ? 'mixed' : endingKinds[0];

  // Columns: infer, convert, build.
  const naTokens = new Set(options.naTokens ?? DEFAULT_NA_TOKENS);
  const rejectedCells: RawCell[] = [];
  const naTokenCells: RawCell[] = [];
  const columns: ColumnInfo[] = [];
  const vectors = [];
  for (let c = 0; c < width; c++) {
    const cells: (string | null)[] = new Array(dataRecords.length);
    const present: string[] = [];
    for (let r = 0; r < dataRecords.length; r++) {
      const value = dataRecords[r][c];
      if (value === undefined || value === '') cells[r] = null;
      else if (naTokens.has(value.trim())) {
        cells[r] = null;
        naTokenCells.push({ row: r, column: c, text: value });
      } else {
        cells[r] = value;
        present.push(value);
      }
    }
    const inferred = inferColumnType(present);
    if (inferred.kind === 'string') {
      const distinct = new Set(present).size;
      if (present.length > 0 && distinct <= CATEGORICAL_MAX_DISTINCT && distinct <= present.length * CATEGORICAL_MAX_DISTINCT_SHARE) inferred.kind = 'categorical';
    }
    const built = buildColumn(cells, inferred, c, rejectedCells);
    vectors.push(built);
    columns.push({ index: c, name: names[c], kind: inferred.kind, arrowType: String(built.type), ...(inferred.dateFormat ? { dateFormat: inferred.dateFormat } : {}) });
  }
  rejectedCells.sort((a, b) => a.row - b.row || a.column - b.column);

  const dialect: CsvDialect = {
    delimiter: delimiterChar,
    quote: quoteChar,
    hasHeader: headerIndex === 0,
    encoding: decoded.encoding,
    bom: decoded.bom,
    lineEnding,
    uncertainties,
  };
  return {
    format: 'csv',
    path,
    dialect,
    table: buildTable(names, vectors, dataRecords.length),
    columns,
    rejectedCells,
    naTokenCells,
    structuralIssues: structural,
    source,
    rangesIn: 'file',
  };
}
