/**
 * Text rendering of an Arrow table (used for binary formats, which have no text of their own): a CSV
 * document the VS Code shell shows read-only, and a {@link SourceMap} giving the exact range of every cell
 * in it, so findings on Arrow/Parquet files become navigable diagnostics.
 *
 * Layout (the contract the source map relies on):
 * - line 0 is the header (column names); line `r + 1` is data row `r`. Every row is exactly ONE line:
 *   control characters inside values (CR, LF, TAB, other C0 controls) are shown as the escapes `\r`,
 *   `\n`, `\t`, `\u00XX`, so a row never spans lines. Line ends are `\n`.
 * - fields are separated by `,` and quoted RFC 4180 style (`"..."` with `""` doubled) only when they
 *   contain a comma, a quote, or leading/trailing spaces; nulls are empty fields.
 * - values are formatted readably: dates `YYYY-MM-DD`, timestamps ISO 8601 (`Z` suffix when the Arrow
 *   type has a time zone: Arrow stores UTC instants), times `HH:MM:SS[.fff]`, decimals with their
 *   scale applied, binary as `0x…` hex, durations with a unit suffix, and nested values (lists,
 *   structs, maps, unions, intervals) as JSON-like text (`[1, 2]`, `{a: 1, b: "x"}`).
 * - row cap: at most `rowCap` rows (default {@link DEFAULT_RENDER_ROW_CAP}) are rendered. When the table
 *   is longer, line `rowCap + 1` is a single marker line `# … N more rows not shown …` and every row at or
 *   beyond the cap maps (row and cell ranges alike) to that marker line, so a finding there still has a
 *   place to live. Pick a smaller cap for very wide tables: a JS string holds at most ~512 M characters.
 *
 * The source map needs no rendered text: it re-formats one row on demand (O(columns) per query, no
 * per-cell objects, nothing allocated up front), which gives the same characters as the full rendering.
 */
import { DataType, makeVector, type Data, type Schema, type Table, type Vector, type RecordBatch, type Field } from 'apache-arrow';
import type { ColumnInfo, SourceMap, TextRange } from '../table/model';
import { countSorted } from '../shared/count-sorted';

/** Rows rendered by default before the marker line. */
export const DEFAULT_RENDER_ROW_CAP = 1_000_000;

export interface RenderOptions {
  /** Maximum number of data rows rendered (default {@link DEFAULT_RENDER_ROW_CAP}). */
  rowCap?: number;
  /**
   * The table is a batch of a longer one (a file checked batch by batch): its row 0 is row `firstRow` of the
   * rendered text (default 0). Rows past the cap then point at the marker line; its range is exact when
   * `totalRows` (the rows of the whole file) is known.
   */
  firstRow?: number;
  totalRows?: number;
}

export interface RenderedTable {
  text: string;
  source: SourceMap;
  /** Data rows actually rendered (≤ rowCap). */
  renderedRows: number;
  /** True when rows beyond the cap were left out (and the marker line was written). */
  truncated: boolean;
}

/** Formats the value at `index` of one Arrow data chunk; null → '' at top level. */
export type CellFormatter = (data: Data, index: number) => string;

// ---------------------------------------------------------------------------------------------------
// Value formatting

const utf8 = new TextDecoder('utf-8');
const MS_PER_DAY = 86_400_000;
const MAX_DATE_MS = 8.64e15;

function pad(n: number, width: number): string {
  const s = String(Math.abs(n));
  return s.length >= width ? s : '0'.repeat(width - s.length) + s;
}

/** `YYYY-MM-DD` when the instant is a midnight, else ISO 8601 without the `Z` (add it for zoned types). */
function isoFromMs(ms: number, dateOnlyIfMidnight: boolean): string | null {
  if (!Number.isFinite(ms) || Math.abs(ms) > MAX_DATE_MS) return null;
  const iso = new Date(ms).toISOString(); // YYYY-MM-DDTHH:MM:SS.sssZ (or ±YYYYYY-… for far years)
  if (dateOnlyIfMidnight && ms % MS_PER_DAY === 0) return iso.slice(0, iso.indexOf('T'));
  const t = iso.slice(0, -1);
  return t.endsWith('.000') ? t.slice(0, -4) : t;
}

/**
 * Formats an epoch-milliseconds value the way the text view shows dates ('date': `YYYY-MM-DD` when at
 * midnight) and timestamps (ISO 8601). Used by profile printers for min/max/top values.
 */
export function formatEpochMs(ms: number, kind: 'date' | 'timestamp', zoned = false): string {
  const s = isoFromMs(ms, kind === 'date');
  if (s === null) return String(ms);
  return zoned && s.includes('T') ? `${s}Z` : s;
}

/** Shortest decimal text that reads back as the same float32. */
export function formatFloat32(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  for (let p = 6; p < 9; p++) {
    const s = x.toPrecision(p);
    if (Math.fround(Number(s)) === x) return String(Number(s));
  }
  return String(x);
}

function float16ToNumber(h: number): number {
  const expo = (h & 0x7c00) >> 10;
  const sigf = h & 0x03ff;
  const sign = h & 0x8000 ? -1 : 1;
  if (expo === 0x1f) return sigf ? NaN : sign * Infinity;
  if (expo === 0) return sign * 2 ** -14 * (sigf / 1024);
  return sign * 2 ** (expo - 15) * (1 + sigf / 1024);
}

function toHex(bytes: Uint8Array, max = 64): string {
  let s = '0x';
  const n = Math.min(bytes.length, max);
  for (let i = 0; i < n; i++) s += (bytes[i] < 16 ? '0' : '') + bytes[i].toString(16);
  return bytes.length > max ? `${s}…(${bytes.length} bytes)` : s;
}

/** Two's-complement little-endian 32-bit words → bigint. */
function wordsToBigInt(words: Uint32Array, start: number, count: number): bigint {
  let v = 0n;
  for (let k = count - 1; k >= 0; k--) v = (v << 32n) | BigInt(words[start + k]);
  const bits = BigInt(count * 32);
  if (words[start + count - 1] & 0x80000000) v -= 1n << bits;
  return v;
}

/** Decimal text of an unscaled integer with `scale` fractional digits. */
export function formatDecimal(unscaled: bigint, scale: number): string {
  if (scale <= 0) return (unscaled * 10n ** BigInt(-scale)).toString();
  const neg = unscaled < 0n;
  const digits = (neg ? -unscaled : unscaled).toString().padStart(scale + 1, '0');
  const s = `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return neg ? `-${s}` : s;
}

function unitDigits(unit: number): number {
  return unit === 0 ? 0 : unit === 1 ? 3 : unit === 2 ? 6 : 9; // TimeUnit SECOND, MILLI, MICRO, NANO
}

const UNIT_SUFFIX = ['s', 'ms', 'us', 'ns'];

/** ISO text of a timestamp stored as `raw` units since the epoch. */
function formatTimestamp(raw: bigint, unit: number, zoned: boolean): string {
  const digits = unitDigits(unit);
  const perSecond = 10n ** BigInt(digits);
  let seconds = raw / perSecond;
  let frac = raw % perSecond;
  if (frac < 0n) {
    frac += perSecond;
    seconds -= 1n;
  }
  const base = isoFromMs(Number(seconds) * 1000, false);
  if (base === null) return raw.toString();
  const whole = base.includes('.') ? base.slice(0, base.indexOf('.')) : base;
  const fracText = frac === 0n ? '' : `.${frac.toString().padStart(digits, '0')}`;
  return `${whole}${fracText}${zoned ? 'Z' : ''}`;
}

function formatTimeOfDay(raw: bigint, unit: number): string {
  const digits = unitDigits(unit);
  const perSecond = 10n ** BigInt(digits);
  if (raw < 0n || raw >= 86_400n * perSecond) return `${raw}${UNIT_SUFFIX[unit] ?? ''}`;
  const secs = Number(raw / perSecond);
  const frac = raw % perSecond;
  const hms = `${pad(Math.floor(secs / 3600), 2)}:${pad(Math.floor(secs / 60) % 60, 2)}:${pad(secs % 60, 2)}`;
  return frac === 0n ? hms : `${hms}.${frac.toString().padStart(digits, '0')}`;
}

function quoteNested(s: string): string {
  return JSON.stringify(s);
}

function bigintAt(values: BigInt64Array | BigUint64Array | Int32Array, index: number): bigint {
  if (values instanceof Int32Array) {
    // Legacy layout: two 32-bit words per value.
    return (BigInt(values[2 * index + 1]) << 32n) | BigInt(values[2 * index] >>> 0);
  }
  return BigInt(values[index]);
}

function offsetAt(offsets: Int32Array | BigInt64Array, i: number): number {
  return Number(offsets[i]);
}

/**
 * A formatter for every value of `type`. `nested` = the value sits inside a list/struct/map: nulls print
 * `null` and strings are JSON-quoted; at top level nulls are '' and strings are raw.
 */
export function makeFormatter(type: DataType, nested = false): CellFormatter {
  const inner = makeValueFormatter(type, nested);
  const nullText = nested ? 'null' : '';
  if (DataType.isNull(type)) return () => nullText;
  return (data, index) => (data.getValid(index) ? inner(data, index) : nullText);
}

/** Formats a valid (non-null) value. */
function makeValueFormatter(type: DataType, nested: boolean): CellFormatter {
  if (DataType.isInt(type)) {
    if (type.bitWidth === 64) return (d, i) => String((d.values as BigInt64Array | BigUint64Array)[i]);
    return (d, i) => String((d.values as Int32Array)[i]);
  }
  if (DataType.isFloat(type)) {
    if (type.precision === 0) return (d, i) => String(float16ToNumber((d.values as Uint16Array)[i]));
    if (type.precision === 1) return (d, i) => formatFloat32((d.values as Float32Array)[i]);
    return (d, i) => String((d.values as Float64Array)[i]);
  }
  if (DataType.isBool(type)) {
    return (d, i) => {
      const pos = d.offset + i;
      return ((d.values as Uint8Array)[pos >> 3] & (1 << (pos & 7))) !== 0 ? 'true' : 'false';
    };
  }
  if (DataType.isUtf8(type) || DataType.isLargeUtf8(type)) {
    return (d, i) => {
      const offsets = d.valueOffsets as Int32Array | BigInt64Array;
      const s = utf8.decode((d.values as Uint8Array).subarray(offsetAt(offsets, i), offsetAt(offsets, i + 1)));
      return nested ? quoteNested(s) : s;
    };
  }
  if (DataType.isBinary(type) || DataType.isLargeBinary(type)) {
    return (d, i) => {
      const offsets = d.valueOffsets as Int32Array | BigInt64Array;
      return toHex((d.values as Uint8Array).subarray(offsetAt(offsets, i), offsetAt(offsets, i + 1)));
    };
  }
  if (DataType.isFixedSizeBinary(type)) {
    const width = type.byteWidth;
    return (d, i) => toHex((d.values as Uint8Array).subarray(i * width, (i + 1) * width));
  }
  if (DataType.isDate(type)) {
    if (type.unit === 0) return (d, i) => isoFromMs((d.values as Int32Array)[i] * MS_PER_DAY, true) ?? String((d.values as Int32Array)[i]);
    return (d, i) => {
      const raw = bigintAt(d.values as BigInt64Array | Int32Array, i);
      return isoFromMs(Number(raw), true) ?? raw.toString();
    };
  }
  if (DataType.isTimestamp(type)) {
    const zoned = type.timezone != null && type.timezone !== '';
    const unit = type.unit as number;
    return (d, i) => formatTimestamp(bigintAt(d.values as BigInt64Array | Int32Array, i), unit, zoned);
  }
  if (DataType.isTime(type)) {
    const unit = type.unit as number;
    if (type.bitWidth === 32) return (d, i) => formatTimeOfDay(BigInt((d.values as Int32Array)[i]), unit);
    return (d, i) => formatTimeOfDay(bigintAt(d.values as BigInt64Array | Int32Array, i), unit);
  }
  if (DataType.isDuration(type)) {
    const suffix = UNIT_SUFFIX[type.unit as number] ?? '';
    return (d, i) => `${bigintAt(d.values as BigInt64Array | Int32Array, i)}${suffix}`;
  }
  if (DataType.isDecimal(type)) {
    const words = type.bitWidth / 32;
    const scale = type.scale;
    return (d, i) => formatDecimal(wordsToBigInt(d.values as Uint32Array, i * words, words), scale);
  }
  if (DataType.isInterval(type)) {
    const unit = type.unit as number; // 0 YEAR_MONTH, 1 DAY_TIME, 2 MONTH_DAY_NANO
    if (unit === 0) return (d, i) => `{months: ${(d.values as Int32Array)[i]}}`;
    if (unit === 1) {
      return (d, i) => {
        const v = d.values as Int32Array;
        return `{days: ${v[2 * i]}, milliseconds: ${v[2 * i + 1]}}`;
      };
    }
    return (d, i) => {
      const v = d.values as Int32Array;
      const nanos = (BigInt(v[4 * i + 3]) << 32n) | BigInt(v[4 * i + 2] >>> 0);
      return `{months: ${v[4 * i]}, days: ${v[4 * i + 1]}, nanoseconds: ${nanos}}`;
    };
  }
  if (DataType.isDictionary(type)) {
    const indexFormatterIsBig = (type.indices.bitWidth as number) === 64;
    const valueFormatter = makeFormatter(type.dictionary, nested);
    return (d, i) => {
      const key = indexFormatterIsBig ? Number((d.values as BigInt64Array)[i]) : (d.values as Int32Array)[i];
      const dictionary = d.dictionary;
      if (!dictionary) return String(key);
      return formatVectorAt(dictionary, key, valueFormatter);
    };
  }
  if (DataType.isList(type) || DataType.isLargeList(type)) {
    const child = makeFormatter(type.children[0].type, true);
    return (d, i) => {
      const offsets = d.valueOffsets as Int32Array | BigInt64Array;
      const start = offsetAt(offsets, i);
      const end = offsetAt(offsets, i + 1);
      const parts: string[] = [];
      for (let k = start; k < end; k++) parts.push(child(d.children[0], k));
      return `[${parts.join(', ')}]`;
    };
  }
  if (DataType.isFixedSizeList(type)) {
    const size = type.listSize;
    const child = makeFormatter(type.children[0].type, true);
    return (d, i) => {
      const parts: string[] = [];
      for (let k = i * size; k < (i + 1) * size; k++) parts.push(child(d.children[0], k));
      return `[${parts.join(', ')}]`;
    };
  }
  if (DataType.isMap(type)) {
    const entry = type.children[0].type;
    const keyFormatter = makeFormatter(entry.children[0].type, true);
    const valueFormatter = makeFormatter(entry.children[1].type, true);
    return (d, i) => {
      const offsets = d.valueOffsets as Int32Array;
      const entries = d.children[0];
      const parts: string[] = [];
      for (let k = offsets[i]; k < offsets[i + 1]; k++) {
        parts.push(`${keyFormatter(entries.children[0], k)}: ${valueFormatter(entries.children[1], k)}`);
      }
      return `{${parts.join(', ')}}`;
    };
  }
  if (DataType.isStruct(type)) {
    const fields = type.children;
    const formatters = fields.map((f) => makeFormatter(f.type, true));
    return (d, i) => `{${fields.map((f, k) => `${f.name}: ${formatters[k](d.children[k], i)}`).join(', ')}}`;
  }
  if (DataType.isUnion(type)) {
    const formatters = type.children.map((f) => makeFormatter(f.type, nested));
    const childIndex = type.typeIdToChildIndex;
    const dense = type.mode === 1;
    return (d, i) => {
      const k = childIndex[(d.typeIds as Int8Array)[i]];
      const j = dense ? (d.valueOffsets as Int32Array)[i] : i;
      return formatters[k](d.children[k], j);
    };
  }
  // Utf8View, BinaryView and anything newer: fall back on Arrow's own accessor.
  return (d, i) => {
    const v: unknown = vectorOf(d).get(i);
    if (typeof v === 'string') return nested ? quoteNested(v) : v;
    if (v instanceof Uint8Array) return toHex(v);
    return String(v);
  };
}

const vectorCache = new WeakMap<Data, Vector>();
/** A vector over one data chunk (makeVector wraps without copying), cached per chunk. */
function vectorOf(d: Data): Vector {
  let v = vectorCache.get(d);
  if (!v) {
    v = makeVector(d);
    vectorCache.set(d, v);
  }
  return v;
}

/** Formats element `index` of a (possibly multi-chunk) vector. */
function formatVectorAt(vector: Vector, index: number, formatter: CellFormatter): string {
  let i = index;
  for (const chunk of vector.data) {
    if (i < chunk.length) return formatter(chunk, i);
    i -= chunk.length;
  }
  return '';
}

// ---------------------------------------------------------------------------------------------------
// CSV field text

// eslint-disable-next-line no-control-regex -- control characters are exactly what is escaped
const NEEDS_ESCAPE = /[\u0000-\u001f\u007f]/;
const NEEDS_QUOTES = /[",]|^\s|\s$/;

/** One rendered field: control characters escaped, then RFC 4180-quoted when needed. */
export function csvField(value: string): string {
  let s = value;
  if (NEEDS_ESCAPE.test(s)) {
    // eslint-disable-next-line no-control-regex -- see NEEDS_ESCAPE
    s = s.replace(/[\u0000-\u001f\u007f]/g, (c) =>
      c === '\n' ? '\\n' : c === '\r' ? '\\r' : c === '\t' ? '\\t' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
    );
  }
  return NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

// ---------------------------------------------------------------------------------------------------
// Rendering and the source map

/** A table (or a batch list) seen row by row: which batch holds row r, and per-column formatters. */
class RowAccess {
  private readonly batchStarts: number[];
  private readonly batches: RecordBatch[];
  private readonly formatters: CellFormatter[];
  readonly numRows: number;
  readonly numCols: number;

  constructor(table: Table) {
    this.batches = table.batches.filter((b) => b.numRows > 0);
    this.batchStarts = [];
    let start = 0;
    for (const b of this.batches) {
      this.batchStarts.push(start);
      start += b.numRows;
    }
    this.numRows = table.numRows;
    this.numCols = table.schema.fields.length;
    this.formatters = table.schema.fields.map((f: Field) => makeFormatter(f.type));
  }

  /** Index of the batch holding `row` (binary search). */
  batchOf(row: number): number {
    // The last batch starting at or before `row` (the first, for an empty table).
    return Math.max(0, countSorted(this.batchStarts, row, false) - 1);
  }

  /** The rendered fields of one row. */
  fields(row: number): string[] {
    const b = this.batchOf(row);
    const batch = this.batches[b];
    const local = row - this.batchStarts[b];
    const out = new Array<string>(this.numCols);
    for (let c = 0; c < this.numCols; c++) out[c] = csvField(this.formatters[c](batch.data.children[c], local));
    return out;
  }

  /** Renders rows [start, start + count) into `parts` (one string per line, without line ends). */
  renderLines(start: number, count: number, parts: string[]): void {
    const end = start + count;
    let row = start;
    for (let b = this.batches.length ? this.batchOf(start) : 0; b < this.batches.length && row < end; b++) {
      const batch = this.batches[b];
      const children = batch.data.children;
      const first = row - this.batchStarts[b];
      const n = Math.min(batch.numRows - first, end - row);
      for (let i = first; i < first + n; i++) {
        let line = '';
        for (let c = 0; c < this.numCols; c++) {
          if (c > 0) line += ',';
          line += csvField(this.formatters[c](children[c], i));
        }
        parts.push(line);
      }
      row += n;
    }
  }
}

function headerFields(schema: Schema, columns: ColumnInfo[]): string[] {
  return schema.fields.map((f, i) => csvField(columns[i]?.name ?? f.name));
}

function markerLine(hidden: number, cap: number): string {
  return `# … ${hidden.toLocaleString('en-US')} more rows not shown (the text view renders the first ${cap.toLocaleString('en-US')} rows)`;
}

/**
 * The source map of the rendered text of `table`, computed without rendering it (see the module doc
 * for the layout). Row and cell queries format only the row asked for.
 */
export function createRenderedSourceMap(table: Table, columns: ColumnInfo[], options: RenderOptions = {}): SourceMap {
  const rowCap = Math.max(0, options.rowCap ?? DEFAULT_RENDER_ROW_CAP);
  const access = new RowAccess(table);
  const firstRow = options.firstRow ?? 0;
  /** Whether (batch) row `row` is past the cap. */
  const hidden = (row: number) => firstRow + row >= rowCap;
  let header: string[] | undefined;
  let marker: string | undefined;

  const lineRange = (line: number, length: number): TextRange => ({
    start: { line, character: 0 },
    end: { line, character: length },
  });
  const markerRange = (): TextRange => {
    const totalRows = options.totalRows ?? firstRow + access.numRows;
    marker ??= markerLine(totalRows - rowCap, rowCap);
    return lineRange(rowCap + 1, marker.length);
  };
  const fieldRange = (line: number, fields: string[], column: number): TextRange => {
    const c = Math.max(0, Math.min(column, fields.length - 1));
    let start = 0;
    for (let k = 0; k < c; k++) start += fields[k].length + 1;
    return { start: { line, character: start }, end: { line, character: start + (fields[c]?.length ?? 0) } };
  };
  const checkRow = (row: number): void => {
    if (!Number.isInteger(row) || row < 0 || row >= access.numRows) {
      throw new RangeError(`row ${row} is outside the table (0..${access.numRows - 1})`);
    }
  };

  return {
    rowRange(row: number): TextRange {
      checkRow(row);
      if (hidden(row)) return markerRange();
      const fields = access.fields(row);
      let length = fields.length - 1;
      for (const f of fields) length += f.length;
      return lineRange(firstRow + row + 1, Math.max(0, length));
    },
    cellRange(row: number, column: number): TextRange {
      checkRow(row);
      if (hidden(row)) return markerRange();
      return fieldRange(firstRow + row + 1, access.fields(row), column);
    },
    headerRange(column: number): TextRange {
      header ??= headerFields(table.schema, columns);
      return fieldRange(0, header, column);
    },
  };
}

/**
 * The rendered text of a table that may arrive batch by batch (a file checked batch by batch): the header,
 * then each batch's rows up to the cap, then the marker line. Memory: the text itself plus one string per
 * line of a block while joining; no per-cell objects are kept.
 */
export class RenderedTextWriter {
  private readonly parts: string[];
  private rows = 0;

  constructor(
    schema: Schema,
    columns: ColumnInfo[],
    private readonly rowCap = DEFAULT_RENDER_ROW_CAP,
  ) {
    this.parts = [headerFields(schema, columns).join(',')];
  }

  /** Data rows rendered so far (≤ rowCap). */
  get renderedRows(): number {
    return Math.min(this.rows, this.rowCap);
  }

  /** Appends the rows of `table` (those before the cap). */
  add(table: Table): void {
    const access = new RowAccess(table);
    const renderedRows = Math.min(access.numRows, Math.max(0, this.rowCap - this.rows));
    // Join in blocks so no single array holds millions of line strings at once.
    const BLOCK = 65_536;
    for (let done = 0; done < renderedRows; done += BLOCK) {
      const lines: string[] = [];
      access.renderLines(done, Math.min(BLOCK, renderedRows - done), lines);
      this.parts.push(lines.join('\n'));
    }
    this.rows += access.numRows;
  }

  /** The whole text (with the marker line when rows were left out). */
  text(): string {
    const marker = this.rows > this.rowCap ? [markerLine(this.rows - this.rowCap, this.rowCap)] : [];
    return `${[...this.parts, ...marker].join('\n')}\n`;
  }
}

/** Renders `table` as CSV text (see the module doc for the exact layout) with its source map. */
export function renderTableText(table: Table, columns: ColumnInfo[], options: RenderOptions = {}): RenderedTable {
  const rowCap = Math.max(0, options.rowCap ?? DEFAULT_RENDER_ROW_CAP);
  const writer = new RenderedTextWriter(table.schema, columns, rowCap);
  writer.add(table);
  return { text: writer.text(), source: createRenderedSourceMap(table, columns, { rowCap }), renderedRows: writer.renderedRows, truncated: table.numRows > rowCap };
}

export function formatTableCell(table: Table, row: number, column: number): string {
  let r = row;
  for (const batch of table.batches) {
    if (r < batch.numRows) return makeFormatter(table.schema.fields[column].type)(batch.data.children[column], r);
    r -= batch.numRows;
  }
  throw new RangeError(`row ${row} is outside the table`);
}
