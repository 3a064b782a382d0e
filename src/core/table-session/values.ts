/**
 * Cell values of Arrow data chunks as the grid needs them: text (as the text view formats it, numbers in
 * their column's written form, with the text reader's raw texts laid over the cells they stand for) and,
 * for numeric, date and timestamp columns, a number to sort and compare by (dates and timestamps in epoch
 * milliseconds).
 */
import { DataType, type Data, type Schema, type Vector } from 'apache-arrow';
import { makeFormatter, type CellFormatter } from '../ingest/render-text';
import type { ColumnInfo, NumberFormat, RawCell } from '../table/model';
import type { GridCell } from './types';
import { MISSING_RANK } from './argsort';
import { hashBytes } from '../shared/hash';

/** Longest cell text sent to the grid (copying reads the whole value). */
export const MAX_CELL_CHARS = 1000;

/** Writes a chunk's values as numbers into out[at…]; NaN for nulls. */
export type NumberReader = (data: Data, out: Float64Array, at: number) => void;

const MS_PER_DAY = 86_400_000;
const MS_PER_UNIT = [1000, 1, 1e-3, 1e-6]; // TimeUnit SECOND, MILLISECOND, MICROSECOND, NANOSECOND

/** 64-bit integers as doubles without a BigInt per value: the two 32-bit halves of each. */
function int64Reader(scale: number): NumberReader {
  return (d, out, at) => {
    const values = d.values as BigInt64Array | BigUint64Array | Int32Array;
    const words = values instanceof Int32Array ? values : new Int32Array(values.buffer, values.byteOffset, values.length * 2);
    const unsigned = values instanceof BigUint64Array;
    for (let i = 0; i < d.length; i++) {
      const hi = unsigned ? words[2 * i + 1] >>> 0 : words[2 * i + 1];
      out[at + i] = (hi * 4294967296 + (words[2 * i] >>> 0)) * scale;
    }
  };
}

function typedReader(scale: number): NumberReader {
  return (d, out, at) => {
    const values = d.values as Float64Array;
    for (let i = 0; i < d.length; i++) out[at + i] = values[i] * scale;
  };
}

/** A number reader for columns compared by value (integers, floats, booleans, dates, timestamps), else null. */
export function numberReaderFor(type: DataType): NumberReader | null {
  let read: NumberReader | null = null;
  if (DataType.isInt(type)) read = type.bitWidth === 64 ? int64Reader(1) : typedReader(1);
  // Half floats are rare: they are sorted and compared by text.
  else if (DataType.isFloat(type)) read = type.precision === 0 ? null : typedReader(1);
  else if (DataType.isBool(type)) {
    read = (d, out, at) => {
      const bits = d.values as Uint8Array;
      for (let i = 0; i < d.length; i++) {
        const pos = d.offset + i;
        out[at + i] = bits[pos >> 3] & (1 << (pos & 7)) ? 1 : 0;
      }
    };
  } else if (DataType.isDate(type)) read = type.unit === 0 ? typedReader(MS_PER_DAY) : int64Reader(1);
  else if (DataType.isTimestamp(type)) read = int64Reader(MS_PER_UNIT[type.unit as number] ?? 1);
  if (!read) return null;
  const values = read;
  return (d, out, at) => {
    values(d, out, at);
    if (d.nullCount > 0) for (let i = 0; i < d.length; i++) if (!d.getValid(i)) out[at + i] = NaN;
  };
}

/** Parses a filter value typed by the user for a column read by `numberReaderFor(type)`; NaN when it does not parse. */
export function parseComparable(type: DataType, text: string): number {
  const trimmed = text.trim();
  if (DataType.isDate(type) || DataType.isTimestamp(type)) {
    // Plain dates are UTC midnights, as the text view shows them.
    const iso = /^\d{4}-\d{2}-\d{2}$/.test(trimmed) ? `${trimmed}T00:00:00Z` : trimmed;
    return Date.parse(iso);
  }
  if (DataType.isBool(type)) return /^(true|1|yes)$/i.test(trimmed) ? 1 : /^(false|0|no)$/i.test(trimmed) ? 0 : NaN;
  return trimmed === '' ? NaN : Number(trimmed);
}

/** What a kept text stands for: an NA token, a value its column's type could not hold, or a number written in another form than its column's. */
type RawNote = 'na' | 'rejected' | 'variant';

/** A text the reader kept for a cell. */
export interface RawText {
  text: string;
  note: RawNote;
}

/**
 * The raw texts of one table or batch, looked up by row: NA tokens and rejected values (null in the table),
 * and numbers written in another form than their column's ("12 OZ" in a column of "16 oz"; their value is
 * in the table, the grid shows how they were written).
 */
export class RawCellIndex {
  private readonly cells: (RawText & { row: number; column: number })[];
  /** Columns with variant cells: only their valid values are looked up. */
  private readonly variantColumns: Set<number>;

  constructor(rejected: readonly RawCell[], naTokens: readonly RawCell[], variants: readonly RawCell[] = []) {
    this.cells = [
      ...rejected.map((c) => ({ ...c, note: 'rejected' as const })),
      ...naTokens.map((c) => ({ ...c, note: 'na' as const })),
      ...variants.map((c) => ({ ...c, note: 'variant' as const })),
    ].sort((a, b) => a.row - b.row || a.column - b.column);
    this.variantColumns = new Set(variants.map((c) => c.column));
  }

  get size(): number {
    return this.cells.length;
  }

  /** The raw text of (row, column) when its value is `valid` or not, if the reader kept one. */
  of(row: number, column: number, valid: boolean): RawText | undefined {
    return valid && !this.variantColumns.has(column) ? undefined : this.at(row, column);
  }

  /** The raw cell at (row, column), if any. */
  private at(row: number, column: number): RawText | undefined {
    let lo = 0;
    let hi = this.cells.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const c = this.cells[mid];
      if (c.row < row || (c.row === row && c.column < column)) lo = mid + 1;
      else hi = mid;
    }
    const found = this.cells[lo];
    return found && found.row === row && found.column === column ? found : undefined;
  }
}

const utf8 = new TextDecoder('utf-8');

/** Text of bytes[start, end); short ASCII strings without a TextDecoder call (most cells of most files). */
function decodeUtf8(bytes: Uint8Array, start: number, end: number): string {
  if (end - start <= 64) {
    let ascii = true;
    for (let i = start; i < end; i++) if (bytes[i] >= 0x80) ascii = false;
    if (ascii) return String.fromCharCode(...bytes.subarray(start, end));
  }
  return utf8.decode(bytes.subarray(start, end));
}

/** The value offsets of a Utf8 or LargeUtf8 chunk as numbers (LargeUtf8: the low words, valid below 2 GiB). */
function offsetsOf(data: Data): Int32Array {
  const offsets = data.valueOffsets as Int32Array | BigInt64Array;
  if (offsets instanceof Int32Array) return offsets;
  const words = new Int32Array(offsets.buffer, offsets.byteOffset, offsets.length * 2);
  const low = new Int32Array(offsets.length);
  for (let i = 0; i < offsets.length; i++) low[i] = words[2 * i];
  return low;
}

const dictionaryTexts = new WeakMap<Vector, string[]>();

/** Numbers as their column writes them ("$1,234", "16 oz", "7%"): its form's prefix, grouping and suffix around the number. */
function writtenLike(format: CellFormatter, { prefix, suffix, grouped, decimalComma, accounting }: NumberFormat): CellFormatter {
  if (prefix === '' && suffix === '' && !grouped && !decimalComma && !accounting) return format;
  return (data, index) => {
    if (!data.getValid(index)) return '';
    const number = format(data, index);
    const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(number);
    // Exponents and special values are left as String() writes them.
    if (!match) return prefix + number + suffix;
    const [, sign, integer, fraction] = match;
    // Thousands grouped by commas, or by points where the decimal mark is a comma ("1.234,5").
    const digits = grouped ? integer.replace(/\B(?=(\d{3})+$)/g, decimalComma ? '.' : ',') : integer;
    const written = prefix + digits + (fraction === undefined ? '' : (decimalComma ? ',' : '.') + fraction) + suffix;
    return sign ? (accounting ? `(${written})` : `-${written}`) : written;
  };
}

/** How each column of a schema is written (numbers in their column's written form). */
export function columnTexts(schema: Schema, columns: readonly Pick<ColumnInfo, 'numberFormat'>[]): ColumnText[] {
  return schema.fields.map((f, c) => new ColumnText(f.type, columns[c]?.numberFormat));
}

/** Formats cells of one column's chunks, dictionary values once per dictionary. */
export class ColumnText {
  private readonly format: CellFormatter;
  private readonly valueFormat: CellFormatter | null;
  /** Utf8 or LargeUtf8: text read straight from the bytes. */
  readonly isUtf8: boolean;

  constructor(
    readonly type: DataType,
    numberFormat?: NumberFormat,
  ) {
    this.format = numberFormat ? writtenLike(makeFormatter(type), numberFormat) : makeFormatter(type);
    this.isUtf8 = DataType.isUtf8(type) || DataType.isLargeUtf8(type);
    this.valueFormat = DataType.isDictionary(type) ? makeFormatter(type.dictionary) : null;
  }

  /** Text of a valid value, '' for null (no raw-text overlay). */
  text(data: Data, index: number): string {
    if (this.valueFormat && data.dictionary) {
      if (!data.getValid(index)) return '';
      const texts = this.dictionaryTexts(data.dictionary);
      const key = Number((data.values as Int32Array | BigInt64Array)[index]);
      return texts[key] ?? '';
    }
    return this.format(data, index);
  }

  private dictionaryTexts(dictionary: Vector): string[] {
    let texts = dictionaryTexts.get(dictionary);
    if (!texts) {
      texts = [];
      const format = this.valueFormat as CellFormatter;
      for (const chunk of dictionary.data) for (let i = 0; i < chunk.length; i++) texts.push(format(chunk, i));
      dictionaryTexts.set(dictionary, texts);
    }
    return texts;
  }
}

/** The text of a cell as written: the raw text where the reader kept one, else its value's text; undefined for missing. */
export function writtenText(column: ColumnText, data: Data, index: number, raw: RawCellIndex | null, columnIndex: number): string | undefined {
  const valid = data.getValid(index);
  const kept = raw?.of(index, columnIndex, valid);
  if (kept) return kept.text;
  return valid ? column.text(data, index) : undefined;
}

/**
 * The grid cell at `index` of a chunk: a kept NA token or rejected value with its note, null for missing,
 * else the text as written (capped unless `full`).
 */
export function gridCell(column: ColumnText, data: Data, index: number, raw: RawCellIndex | null, columnIndex: number, full: boolean): GridCell {
  const valid = data.getValid(index);
  const kept = raw?.of(index, columnIndex, valid);
  const text = kept ? kept.text : valid ? column.text(data, index) : null;
  if (text === null) return null;
  const shown = full ? text : cap(text);
  return kept && kept.note !== 'variant' ? { text: shown, note: kept.note } : shown;
}

function cap(text: string): string {
  return text.length > MAX_CELL_CHARS ? `${text.slice(0, MAX_CELL_CHARS)}…` : text;
}

/** Plain text of a grid cell (missing → ''). */
export function cellText(cell: GridCell): string {
  return cell === null ? '' : typeof cell === 'string' ? cell : cell.text;
}


/**
 * Numbers the distinct texts of one column's chunks, so a sort or filter works on a few distinct values
 * instead of a string per row: dictionary chunks map their dictionary once; Utf8 chunks are looked up by
 * their bytes (FNV-1a hash, then a byte comparison), each distinct text decoded once; other types by text.
 */
export class TextInterner {
  readonly texts: string[] = [];
  private readonly byText = new Map<string, number>();
  private readonly byHash = new Map<number, number>();
  /** Utf8 entries: the id, where its bytes are, and the next entry with the same hash. */
  private readonly entries: { id: number; bytes: Uint8Array; start: number; end: number; next: number }[] = [];
  private readonly dictionaries = new Map<Vector, Uint32Array>();

  constructor(private readonly column: ColumnText) {}

  get size(): number {
    return this.texts.length;
  }

  private internText(text: string): number {
    let id = this.byText.get(text);
    if (id === undefined) {
      id = this.texts.length;
      this.texts.push(text);
      this.byText.set(text, id);
    }
    return id;
  }

  private internBytes(bytes: Uint8Array, start: number, end: number): number {
    const hash = hashBytes(bytes, start, end);
    const first = this.byHash.get(hash);
    for (let e = first ?? -1; e >= 0; e = this.entries[e].next) {
      const entry = this.entries[e];
      if (entry.end - entry.start !== end - start) continue;
      let same = true;
      for (let k = 0; k < end - start && same; k++) same = entry.bytes[entry.start + k] === bytes[start + k];
      if (same) return entry.id;
    }
    const id = this.internText(decodeUtf8(bytes, start, end));
    this.entries.push({ id, bytes, start, end, next: first ?? -1 });
    this.byHash.set(hash, this.entries.length - 1);
    return id;
  }

  /** The text id of every row of a chunk (MISSING_RANK where the value is null: ids sort as ranks later). */
  ids(data: Data): Uint32Array {
    const ids = new Uint32Array(data.length).fill(MISSING_RANK);
    const nulls = data.nullCount > 0;
    if (data.dictionary && DataType.isDictionary(data.type)) {
      let map = this.dictionaries.get(data.dictionary);
      if (!map) {
        const values = new TextInterner(new ColumnText(data.type.dictionary));
        map = new Uint32Array(data.dictionary.length).fill(MISSING_RANK);
        let k = 0;
        for (const chunk of data.dictionary.data) {
          const chunkIds = values.ids(chunk);
          for (let i = 0; i < chunk.length; i++, k++) if (chunkIds[i] !== MISSING_RANK) map[k] = this.internText(values.texts[chunkIds[i]]);
        }
        this.dictionaries.set(data.dictionary, map);
      }
      const codes = data.values as Int32Array;
      for (let i = 0; i < data.length; i++) if (!nulls || data.getValid(i)) ids[i] = map[Number(codes[i])];
      return ids;
    }
    if (this.column.isUtf8 && data.length > 0 && Number((data.valueOffsets as Int32Array | BigInt64Array)[data.length]) < 2 ** 31) {
      const offsets = offsetsOf(data);
      const bytes = data.values as Uint8Array;
      for (let i = 0; i < data.length; i++) if (!nulls || data.getValid(i)) ids[i] = this.internBytes(bytes, offsets[i], offsets[i + 1]);
      return ids;
    }
    for (let i = 0; i < data.length; i++) if (!nulls || data.getValid(i)) ids[i] = this.internText(this.column.text(data, i));
    return ids;
  }
}
