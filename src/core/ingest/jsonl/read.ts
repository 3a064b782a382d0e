/**
 * JSON Lines / NDJSON bytes → IngestResult: one object per line, the union of the keys as columns (in order
 * of first appearance), missing keys and `null` as nulls, nested objects and arrays as their JSON text.
 * The byte scan (scan.ts) records each value's range and kind; each column is then typed as a CSV column
 * is, except that JSON's own types count: a column of JSON numbers is numeric (integers stay integers,
 * beyond 2^53 exactly as Int64), of `true`/`false` boolean; strings that hold numbers or dates are
 * inferred as CSV text is, and NA tokens and empty strings in strings are missing values.
 */
import { Buffer } from 'node:buffer';
import type { ColumnInfo, IngestResult, RawCell, StructuralIssue } from '../../table/model';
import { DEFAULTS } from '../../defaults';
import type { ReadSettings } from '../options';
import { prepareCsvBytes, type CsvBytes } from '../csv/decode';
import { NaMatcher } from '../csv/cells';
import { ColumnContents } from '../column-contents';
import { FIT_SHARE, inferColumnTypeOf, type InferredColumn } from '../csv/infer';
import { buildTable, buildTypedColumn, columnInfo } from '../column-build';
import { textColumns } from '../csv/read';
import { scanJsonl, type JsonlKey, type JsonlScan } from './scan';
import { extractJsonlTexts } from './texts';
import type { CellTexts } from '../csv/texts';
import { JsonlSourceMap } from './source-map';
import { unescapeJsonStringInto } from './strings';
import {
  QUOTE_BYTE,
  VALUE_ARRAY,
  VALUE_ESCAPED_STRING,
  VALUE_FALSE,
  VALUE_FLOAT,
  VALUE_INTEGER,
  VALUE_NULL,
  VALUE_OBJECT,
  VALUE_STRING,
  VALUE_TRUE,
} from './tokenizer';

export interface JsonlReadOptions extends Pick<ReadSettings, 'encoding' | 'naTokens'> {
  path?: string;
  /** Fixed column names and types (batches after the first of a streamed file); other keys are not read. */
  columnNames?: readonly string[];
  columnTypes?: readonly InferredColumn[];
  /** Line number of the first byte (a chunk of a streamed file). */
  firstLine?: number;
  /** False for a chunk that may end mid-line: only complete lines are read (`consumed` says how far). */
  final?: boolean;
  /**
   * Read the values as texts (`texts` in the result) instead of typed columns: the result's table is empty
   * and its columns have the kinds of `columnTypes` (string otherwise). For cleaning.
   */
  texts?: boolean;
}

export interface JsonlRead {
  result: IngestResult;
  consumed: number;
  lines: number;
  /** The keys of the columns, in order (a column's name differs for the empty key). */
  keys: string[];
  /** Keys not among fixed `columnNames`, with the line where each first appears. */
  unknownKeys: Map<string, number>;
  /** Data rows read (the table's, or in text mode the texts'). */
  rows: number;
  texts?: CellTexts;
}

export function readJsonlBytes(bytes: Uint8Array, options: JsonlReadOptions = {}): IngestResult {
  return readPreparedJsonl(prepareCsvBytes(bytes, options.encoding), options).result;
}

export function readPreparedJsonl(prepared: CsvBytes, options: JsonlReadOptions = {}): JsonlRead {
  const { bytes } = prepared;
  const firstLine = options.firstLine ?? 0;
  const scan = scanJsonl(bytes, { firstLine, final: options.final, columnNames: options.columnNames });
  const names = columnNames(scan.keys);
  const source = new JsonlSourceMap({
    bytes,
    ascii: prepared.ascii,
    rowStarts: scan.rowStarts,
    rowLines: scan.rowLines,
    names: scan.keys.map((k) => k.name),
    firstRows: Int32Array.from(scan.keys, (k) => k.firstRow),
    firstLine,
  });
  const structural = structuralIssues(scan, source, prepared, options);
  const texts = options.texts ? extractJsonlTexts(bytes, scan) : undefined;
  const { table, infos, rejectedCells, variantCells, naTokenCells } = texts ? textColumns(names, options.columnTypes) : buildColumns(prepared, scan, names, options);
  return {
    result: {
      format: 'jsonl',
      path: options.path ?? '<text>',
      table,
      columns: infos,
      rejectedCells,
      variantCells,
      naTokenCells,
      structuralIssues: structural,
      source,
      rangesIn: 'file',
    },
    consumed: scan.consumed,
    lines: scan.linesConsumed,
    keys: scan.keys.map((k) => k.name),
    unknownKeys: scan.unknownKeys,
    rows: scan.rowCount,
    texts,
  };
}


/** Column names: the keys, an empty key named like a headerless CSV column; all unique. */
function columnNames(keys: readonly JsonlKey[]): string[] {
  const taken = new Set(keys.map((k) => k.name));
  return keys.map((key, c) => {
    if (key.name !== '') return key.name;
    let name = `column${c + 1}`;
    for (let k = 2; taken.has(name); k++) name = `column${c + 1} (${k})`;
    taken.add(name);
    return name;
  });
}

function structuralIssues(scan: JsonlScan, source: JsonlSourceMap, prepared: CsvBytes, options: JsonlReadOptions): StructuralIssue[] {
  const issues: StructuralIssue[] = [];
  const length = prepared.bytes.length;
  if (scan.keys.length === 0 && scan.invalidLines.length === 0 && options.final !== false && !options.columnNames) {
    const detail = length === 0 ? 'The file is empty.' : scan.rowCount > 0 ? 'The file has no data: its objects have no keys.' : 'The file has no data, only blank lines.';
    issues.push({ kind: 'empty-file', row: null, column: null, range: source.range(0, 0), detail });
  }
  for (let i = 0; i < scan.blankLines.length; i += 3) {
    const [start, end, line] = [scan.blankLines[i], scan.blankLines[i + 1], scan.blankLines[i + 2]];
    issues.push({ kind: 'blank-row', row: null, column: null, range: source.rangeInLine(start, line, start, end) });
  }
  for (const bad of scan.invalidLines) {
    const at = source.rangeInLine(bad.start, bad.line, bad.start, bad.errorAt).end;
    issues.push({
      kind: 'invalid-json-line',
      row: null,
      column: null,
      range: source.rangeInLine(bad.start, bad.line, bad.start, bad.end),
      detail: `${bad.message} (column ${at.character + 1})`,
    });
  }
  scan.keys.forEach((key, c) => {
    if (key.name === '' && key.firstRow >= 0) issues.push({ kind: 'blank-header', row: null, column: c, range: source.headerRange(c) });
  });
  for (const bad of prepared.invalidBytes) {
    if (bad.offset >= scan.consumed) continue;
    issues.push({
      kind: 'invalid-encoding',
      row: null,
      column: null,
      range: source.range(bad.offset, bad.offset + 1),
      detail: `Byte 0x${bad.byte.toString(16).toUpperCase().padStart(2, '0')} at byte offset ${bad.byteOffset} is not valid UTF-8.`,
    });
  }
  return issues;
}

const utf8 = new TextDecoder('utf-8');

function hasHighByte(bytes: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (bytes[i] >= 0x80) return true;
  return false;
}

interface FillContext {
  bytes: Uint8Array;
  validUtf8: boolean;
  na: NaMatcher;
  naTokenCells: RawCell[];
}

/**
 * Key `c`'s values into `cells` (and each value's JSON kind into `kinds`): strings as their content
 * (escaped ones decoded into the side buffer), other values as written; nulls, empty strings and NA tokens
 * left out (NA tokens recorded).
 */
function fillColumn(ctx: FillContext, key: JsonlKey, c: number, cells: ColumnContents, kinds: Uint8Array): void {
  const { bytes, validUtf8, na, naTokenCells } = ctx;
  const { rows, starts, ends, kinds: valueKinds, count } = key.values;
  const { side, rows: cellRows, starts: cellStarts, ends: cellEnds, escaped } = cells;
  side.used = 0;
  let n = 0;
  for (let i = 0; i < count; i++) {
    const kind = valueKinds[i];
    if (kind === VALUE_NULL) continue;
    const row = rows[i];
    let s = starts[i];
    let e = ends[i];
    let inSide = false;
    if (kind === VALUE_STRING || kind === VALUE_ESCAPED_STRING) {
      if (kind === VALUE_STRING && (validUtf8 || !hasHighByte(bytes, s, e))) {
        s++;
        e--;
      } else {
        const from = side.used;
        unescapeJsonStringInto(bytes, s, e, side);
        if (!validUtf8 && hasHighByte(side.data, from, side.used)) {
          // Invalid UTF-8 bytes become U+FFFD in the value, as a decoder shows them.
          const repaired = Buffer.from(utf8.decode(side.data.subarray(from, side.used)), 'utf8');
          side.used = from;
          side.append(repaired, 0, repaired.length);
        }
        s = from;
        e = side.used;
        inSide = true;
      }
      if (s >= e) continue;
      if (inSide ? na.matches(side.data, s, e) : na.matches(bytes, s, e)) {
        naTokenCells.push({ row, column: c, text: utf8.decode((inSide ? side.data : bytes).subarray(s, e)) });
        if (inSide) side.used = s;
        continue;
      }
    }
    cellRows[n] = row;
    cellStarts[n] = inSide ? -s - 1 : s;
    cellEnds[n] = e;
    escaped[n] = 0;
    kinds[n] = kind;
    n++;
  }
  cells.count = n;
}

/** Exactly representable in Int32 / Int64: decided on the digits (no rounding through a double). */
function integerWidth(text: string): 32 | 64 | 0 {
  const digits = text.length - (text.charCodeAt(0) === 45 ? 1 : 0);
  if (digits <= 9) return 32;
  const v = BigInt(text);
  if (v >= -2147483648n && v <= 2147483647n) return 32;
  return v >= -(2n ** 63n) && v <= 2n ** 63n - 1n ? 64 : 0;
}

/**
 * The type of a JSON column from its sampled values: JSON numbers make a numeric column (a fraction or
 * exponent anywhere, or an integer beyond Int64: Float64), `true`/`false` a boolean one, nested values a
 * text column; once strings are among the values, every value's text is inferred as CSV text is.
 */
function jsonInference(cells: ColumnContents, kinds: Uint8Array) {
  return (n: number, cellAt: (k: number) => number): InferredColumn => {
    let strings = 0;
    let numbers = 0;
    let floats = 0;
    let booleans = 0;
    let nested = 0;
    let int32 = true;
    let int64 = true;
    for (let k = 0; k < n; k++) {
      const i = cellAt(k);
      switch (kinds[i]) {
        case VALUE_STRING:
        case VALUE_ESCAPED_STRING:
          strings++;
          break;
        case VALUE_INTEGER: {
          numbers++;
          if (cells.length(i) > 9) {
            const width = integerWidth(cells.value(i));
            if (width !== 32) int32 = false;
            if (width === 0) int64 = false;
          }
          break;
        }
        case VALUE_FLOAT:
          numbers++;
          floats++;
          break;
        case VALUE_TRUE:
        case VALUE_FALSE:
          booleans++;
          break;
        case VALUE_OBJECT:
        case VALUE_ARRAY:
          nested++;
          break;
      }
    }
    if (n === 0) return { kind: 'empty' };
    if (nested > 0) return { kind: 'string' };
    if (strings > 0) return inferColumnTypeOf(n, (k) => cells.value(cellAt(k)));
    if (numbers >= n * FIT_SHARE) return floats === 0 && int64 ? { kind: 'integer', int32 } : { kind: 'float' };
    if (booleans >= n * FIT_SHARE) return { kind: 'boolean', zeroOne: false };
    return { kind: 'string' };
  };
}

function buildColumns(prepared: CsvBytes, scan: JsonlScan, names: readonly string[], options: JsonlReadOptions) {
  const rowCount = scan.rowCount;
  const naTokenCells: RawCell[] = [];
  const rejectedCells: RawCell[] = [];
  const variantCells: RawCell[] = [];
  const ctx: FillContext = { bytes: prepared.bytes, validUtf8: prepared.validUtf8, na: new NaMatcher(new Set(options.naTokens ?? DEFAULTS.naTokens)), naTokenCells };
  const cells = new ColumnContents(prepared.bytes, QUOTE_BYTE, rowCount);
  const kinds = new Uint8Array(rowCount);
  const infer = jsonInference(cells, kinds);
  const infos: ColumnInfo[] = [];
  const vectors = [];
  for (let c = 0; c < scan.keys.length; c++) {
    fillColumn(ctx, scan.keys[c], c, cells, kinds);
    const { vector, inferred, rejected, variants } = buildTypedColumn(cells, rowCount, c, options.columnTypes?.[c], infer);
    for (const cell of rejected) rejectedCells.push(cell);
    for (const cell of variants) variantCells.push(cell);
    vectors.push(vector);
    infos.push(columnInfo(c, names[c], inferred, vector));
  }
  rejectedCells.sort((a, b) => a.row - b.row || a.column - b.column);
  variantCells.sort((a, b) => a.row - b.row || a.column - b.column);
  return { table: buildTable(names, vectors, rowCount), infos, rejectedCells, variantCells, naTokenCells };
}
