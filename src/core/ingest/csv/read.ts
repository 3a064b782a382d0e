/**
 * CSV/TSV text → IngestResult: sniff the dialect, tokenize every record straight into per-column cell
 * offsets (no string per cell), infer types from a sample, convert to Arrow columns, report defects.
 */
import type { ColumnInfo, CsvDialect, IngestResult, LineEnding, RawCell, StructuralIssue, TextEncodingName } from '../../table/model';
import { decodeBytes, type DecodedText } from './decode';
import { RecordFields, isBlankRecord, parseRecord, scanQuotedField } from './tokenize';
import { sniffDelimiter, sniffHeader } from './sniff';
import { FIT_SHARE, inferColumnTypeOf, parseInteger, type InferredColumn } from './infer';
import { buildColumn, buildTable, type AsciiSource } from './build';
import { CellKind, ColumnCells } from './cells';
import { CsvSourceMap } from './source-map';

export interface CsvReadOptions {
  delimiter?: string;
  quote?: string;
  hasHeader?: boolean;
  encoding?: TextEncodingName;
  naTokens?: readonly string[];
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
}

export const DEFAULT_NA_TOKENS: readonly string[] = ['NA', 'N/A', 'null', 'NULL', 'NaN', '-', '?'];

/** Share of distinct values under which a string column is dictionary-encoded (and called categorical). */
const CATEGORICAL_MAX_DISTINCT_SHARE = 0.5;
const CATEGORICAL_MAX_DISTINCT = 1000;
/** Values inspected to infer a column's type; a column whose conversion then rejects too many is re-inferred on all values. */
const INFERENCE_SAMPLE = 20_000;
/** NA tokens are matched after trimming; cells longer than the longest token plus this much white space are not checked. */
const NA_WHITESPACE_SLACK = 8;

const LF = 10;
const CR = 13;
const SPACE = 32;
const TAB = 9;

function defaultDelimiterFor(path: string | undefined): string | undefined {
  return path && /\.(tsv|tab)$/i.test(path) ? '\t' : undefined;
}

export function readCsvBytes(bytes: Uint8Array, options: CsvReadOptions = {}): IngestResult {
  const decoded = decodeBytes(bytes, options.encoding);
  // For pure-ASCII UTF-8 text, text offsets are byte offsets (after the BOM): string columns copy bytes directly.
  const ascii: AsciiSource | undefined =
    decoded.encoding === 'utf-8' && decoded.invalidByteCount === 0 && !/[\u0080-\uffff]/.test(decoded.text)
      ? { bytes, offset: decoded.bom ? 3 : 0 }
      : undefined;
  return readCsvText(decoded.text, options, decoded, ascii);
}

type DecodeInfo = Pick<DecodedText, 'encoding' | 'bom' | 'invalidBytes' | 'invalidByteCount' | 'notes'>;

interface Ragged {
  row: number;
  fields: number;
}

export function readCsvText(
  text: string,
  options: CsvReadOptions = {},
  decoded: DecodeInfo = { encoding: 'utf-8', bom: false, invalidBytes: [], invalidByteCount: 0, notes: [] },
  ascii?: AsciiSource,
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
  const length = text.length;

  // The first records (from the sample) decide the header and the width.
  const scratch = new RecordFields();
  const firstRecords: string[][] = [];
  let firstRecordStart = -1;
  let firstRecordNext = 0;
  for (let pos = 0; pos < sample.length && firstRecords.length < 100; ) {
    parseRecord(text, pos, delimiter, quote, scratch);
    if (!isBlankRecord(scratch)) {
      if (firstRecordStart < 0) {
        firstRecordStart = pos;
        firstRecordNext = scratch.next;
      }
      firstRecords.push(scratch.values.slice(0, scratch.count));
    }
    if (scratch.next <= pos) break;
    pos = scratch.next;
  }
  let hasHeader = options.hasHeader;
  if (hasHeader === undefined) {
    const choice = sniffHeader(firstRecords);
    hasHeader = choice.hasHeader;
    if (choice.uncertainty) uncertainties.push(choice.uncertainty);
  }
  hasHeader = hasHeader && firstRecordStart >= 0;
  const header = hasHeader ? firstRecords[0] : [];
  let width = options.columnNames ? options.columnNames.length + (options.trailingDelimiter ? 1 : 0) : firstRecords.length ? firstRecords[0].length : 0;
  // A trailing delimiter on every record (header included) adds one empty column: drop it.
  const trailingDelimiter = options.columnNames
    ? options.trailingDelimiter === true
    : width > 1 && firstRecords.length > 0 && firstRecords.every((r) => r.length === width && r[width - 1] === '');
  if (trailingDelimiter) {
    width--;
    uncertainties.push('Every line ends with a delimiter; the empty last column was dropped.');
  }

  // Pass over every record: cells straight into per-column offsets.
  const estimatedRows = Math.max(16, Math.ceil((length / Math.max(1, sample.length)) * Math.max(1, firstRecords.length) * 1.1));
  let capacity = estimatedRows;
  const columns = Array.from({ length: width }, () => new ColumnCells(capacity));
  let rowStarts = new Float64Array(capacity);
  const ragged: Ragged[] = [];
  const blankRanges: [number, number][] = [];
  const strays: [number, number, number][] = []; // [row or -1 for header, start, end]
  let unterminatedAt = -1;
  const endings = { lf: 0, crlf: 0, cr: 0 };
  let firstEnding: 'lf' | 'crlf' | 'cr' | undefined;
  let firstOtherEndingAt = -1;
  const noteEnding = (kind: 'lf' | 'crlf' | 'cr', at: number) => {
    endings[kind]++;
    if (!firstEnding) firstEnding = kind;
    else if (kind !== firstEnding && firstOtherEndingAt < 0) firstOtherEndingAt = at;
  };
  // Line endings before the first record (blank lines) and the header's own ending.
  let pos = 0;
  const headerStart = hasHeader ? firstRecordStart : -1;
  let n = 0;
  let nextDelimiter = -1;
  let nextLF = -1;
  let nextCR = -1;
  let nextQuote = -1;
  const delimiterString = delimiterChar;
  const findNext = (char: string, from: number) => {
    const i = text.indexOf(char, from);
    return i < 0 ? length : i;
  };

  while (pos < length) {
    if (pos === headerStart) {
      // The header record: its endings and stray quotes count like any other record's.
      parseRecord(text, pos, delimiter, quote, scratch);
      if (scratch.ending !== 'eof') noteEnding(scratch.ending, scratch.end);
      for (let i = 0; i < scratch.strayQuotes.length; i += 2) strays.push([-1, scratch.strayQuotes[i], scratch.strayQuotes[i + 1]]);
      pos = firstRecordNext;
      continue;
    }
    if (n >= capacity) {
      capacity = Math.ceil(capacity * 1.6) + 16;
      for (const column of columns) column.grow(capacity);
      const grown = new Float64Array(capacity);
      grown.set(rowStarts);
      rowStarts = grown;
    }
    const recordStart = pos;
    let fieldIndex = 0;
    let blank = true;
    let lastFieldEmpty = false;
    let recordEnd: number;
    for (;;) {
      const fieldStart = pos;
      let contentStart = pos;
      let contentEnd: number;
      let kind: CellKind = CellKind.Plain;
      let special: string | undefined;
      if (pos < length && text.charCodeAt(pos) === quote) {
        const field = scanQuotedField(text, pos, delimiter, quote);
        contentStart = field.contentStart;
        contentEnd = field.contentEnd;
        special = field.special;
        kind = special === undefined ? CellKind.Quoted : CellKind.Special;
        pos = field.end;
        if (field.unterminated) unterminatedAt = fieldStart;
        if (field.strayFrom >= 0) strays.push([n, fieldStart, pos]);
        blank = false;
        lastFieldEmpty = false;
      } else {
        if (nextDelimiter < pos) nextDelimiter = findNext(delimiterString, pos);
        if (nextLF < pos) nextLF = findNext('\n', pos);
        if (nextCR < pos) nextCR = findNext('\r', pos);
        let end = nextDelimiter < nextLF ? nextDelimiter : nextLF;
        if (nextCR < end) end = nextCR;
        if (nextQuote < pos) nextQuote = findNext(quoteChar, pos);
        if (nextQuote < end) strays.push([n, fieldStart, end]);
        contentEnd = end;
        pos = end;
        lastFieldEmpty = end === fieldStart;
        if (!lastFieldEmpty) blank = false;
      }
      if (fieldIndex < width) {
        const column = columns[fieldIndex];
        column.starts[n] = contentStart;
        column.ends[n] = contentEnd;
        column.kinds[n] = kind;
        if (special !== undefined) column.special.set(n, special);
        else if (column.special.size) column.special.delete(n);
      }
      fieldIndex++;
      if (pos >= length) {
        recordEnd = length;
        break;
      }
      const c = text.charCodeAt(pos);
      if (c === delimiter) {
        pos++;
        if (pos >= length) {
          // "a,b," at the very end: one last empty field.
          if (fieldIndex < width) {
            const column = columns[fieldIndex];
            column.starts[n] = pos;
            column.ends[n] = pos;
            column.kinds[n] = CellKind.Plain;
          }
          fieldIndex++;
          lastFieldEmpty = true;
          recordEnd = length;
          break;
        }
        continue;
      }
      recordEnd = pos;
      if (c === CR) {
        if (pos + 1 < length && text.charCodeAt(pos + 1) === LF) {
          noteEnding('crlf', pos);
          pos += 2;
        } else {
          noteEnding('cr', pos);
          pos += 1;
        }
      } else {
        noteEnding('lf', pos);
        pos += 1;
      }
      break;
    }
    if (blank) {
      blankRanges.push([recordStart, recordEnd]);
      continue;
    }
    for (let c = fieldIndex; c < width; c++) columns[c].kinds[n] = CellKind.Absent;
    const fields = trailingDelimiter && fieldIndex === width + 1 && lastFieldEmpty ? width : fieldIndex;
    if (fields !== width) ragged.push({ row: n, fields });
    rowStarts[n] = recordStart;
    n++;
  }
  const rowCount = n;
  const source = new CsvSourceMap(text, rowStarts.subarray(0, rowCount), headerStart, delimiter, quote);

  // Structural issues.
  const structural: StructuralIssue[] = [];
  if (length === 0 || firstRecordStart < 0) {
    structural.push({ kind: 'empty-file', row: null, column: null, range: source.range(0, 0), detail: length === 0 ? 'The file is empty.' : 'The file has no data, only blank lines.' });
  }
  for (const [start, end] of blankRanges) {
    if (start >= length) continue;
    structural.push({ kind: 'blank-row', row: null, column: null, range: source.range(start, end) });
  }
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
  for (const r of ragged) {
    structural.push({ kind: 'ragged-row', row: r.row, column: null, range: source.rowRange(r.row), expectedFields: width, actualFields: r.fields });
  }
  for (const [row, start, end] of strays) {
    structural.push({ kind: 'stray-quote', row: row >= 0 ? row : null, column: null, range: source.range(start, end) });
  }
  if (unterminatedAt >= 0) {
    structural.push({ kind: 'unterminated-quote', row: null, column: null, range: source.range(unterminatedAt, length), detail: 'A quoted field is never closed; the rest of the file was read into it.' });
  }
  for (const bad of decoded.invalidBytes) {
    structural.push({ kind: 'invalid-encoding', row: null, column: null, range: source.range(bad.textOffset, bad.textOffset + 1), detail: `Byte 0x${bad.byte.toString(16).toUpperCase().padStart(2, '0')} at byte offset ${bad.byteOffset} is not valid UTF-8.` });
  }
  const endingKinds = (Object.keys(endings) as (keyof typeof endings)[]).filter((k) => endings[k] > 0);
  if (endingKinds.length > 1) {
    structural.push({ kind: 'mixed-line-endings', row: null, column: null, range: source.range(firstOtherEndingAt, firstOtherEndingAt), detail: endingKinds.map((k) => `${endings[k]} ${k.toUpperCase()}`).join(', ') });
  }
  const lineEnding: LineEnding = endingKinds.length === 0 ? 'none' : endingKinds.length > 1 ? 'mixed' : endingKinds[0];

  // Columns: missing values, type, conversion.
  const naTokens = new Set(options.naTokens ?? DEFAULT_NA_TOKENS);
  const naMaxLength = Math.max(0, ...[...naTokens].map((t) => t.length)) + NA_WHITESPACE_SLACK;
  // Only cells starting with white space or a token's first character can be NA tokens.
  const naFirstChars = new Set([SPACE, TAB, ...[...naTokens].filter((t) => t.length > 0).map((t) => t.charCodeAt(0))]);
  const rejectedCells: RawCell[] = [];
  const naTokenCells: RawCell[] = [];
  const infos: ColumnInfo[] = [];
  const vectors = [];
  for (let c = 0; c < width; c++) {
    const cells = columns[c];
    /** Rows of non-missing cells, in order. */
    const present = new Int32Array(rowCount);
    let presentCount = 0;
    for (let r = 0; r < rowCount; r++) {
      if (cells.isEmpty(r)) continue;
      if (cells.length(r) <= naMaxLength && (cells.kinds[r] === CellKind.Special || naFirstChars.has(text.charCodeAt(cells.starts[r])))) {
        const value = cells.value(text, r);
        if (naTokens.has(value.trim())) {
          naTokenCells.push({ row: r, column: c, text: value });
          continue;
        }
      }
      present[presentCount++] = r;
    }
    const valueAt = (i: number) => cells.value(text, present[i]);
    // Infer from an even sample; convert everything; re-infer on all values if the sample misled.
    const step = Math.max(1, Math.floor(presentCount / INFERENCE_SAMPLE));
    const sampled = step === 1 ? presentCount : Math.ceil(presentCount / step);
    const fixed = options.columnTypes?.[c];
    let inferred = fixed ? { ...fixed } : inferColumnTypeOf(sampled, (i) => valueAt(i * step));
    let rejected: RawCell[] = [];
    let built = buildColumn(text, cells, present, presentCount, rowCount, inferred, c, rejected, ascii);
    if (fixed) {
      for (const cell of rejected) rejectedCells.push(cell);
      vectors.push(built);
      infos.push({ index: c, name: names[c], kind: inferred.kind, arrowType: String(built.type), ...(inferred.dateFormat ? { dateFormat: inferred.dateFormat } : {}) });
      continue;
    }
    if (inferred.kind === 'integer' && inferred.int32 !== false && rejected.some((cell) => parseInteger(cell.text) !== null)) {
      // An integer beyond Int32 outside the inference sample: widen to Int64.
      inferred = { kind: 'integer', int32: false };
      rejected = [];
      built = buildColumn(text, cells, present, presentCount, rowCount, inferred, c, rejected, ascii);
    }
    if (step > 1 && rejected.length > presentCount * (1 - FIT_SHARE)) {
      inferred = inferColumnTypeOf(presentCount, valueAt);
      rejected = [];
      built = buildColumn(text, cells, present, presentCount, rowCount, inferred, c, rejected, ascii);
    }
    if (inferred.kind === 'string' && presentCount > 0) {
      const limit = Math.min(CATEGORICAL_MAX_DISTINCT, presentCount * CATEGORICAL_MAX_DISTINCT_SHARE);
      const distinct = new Set<string>();
      for (let i = 0; i < presentCount && distinct.size <= limit; i++) distinct.add(valueAt(i));
      if (distinct.size <= limit) {
        inferred = { kind: 'categorical' };
        built = buildColumn(text, cells, present, presentCount, rowCount, inferred, c, rejected, ascii);
      }
    }
    for (const cell of rejected) rejectedCells.push(cell);
    vectors.push(built);
    infos.push({ index: c, name: names[c], kind: inferred.kind, arrowType: String(built.type), ...(inferred.dateFormat ? { dateFormat: inferred.dateFormat } : {}) });
  }
  rejectedCells.sort((a, b) => a.row - b.row || a.column - b.column);

  const dialect: CsvDialect = {
    delimiter: delimiterChar,
    quote: quoteChar,
    hasHeader,
    encoding: decoded.encoding,
    bom: decoded.bom,
    lineEnding,
    uncertainties,
    trailingDelimiter,
  };
  return {
    format: 'csv',
    path,
    dialect,
    table: buildTable(names, vectors, rowCount),
    columns: infos,
    rejectedCells,
    naTokenCells,
    structuralIssues: structural,
    source,
    rangesIn: 'file',
  };
}
