/**
 * The JSON Lines byte scan: one pass over the UTF-8 bytes that checks each line's JSON and records, per
 * key (a column, in order of first appearance), the byte range and kind of its value in each row — no
 * object per line, no string per value. Invalid lines, blank lines and lines that are not objects are
 * recorded with their positions and add no row.
 */
import { JsonTokenizer, OPEN_BRACE_BYTE, CLOSE_BRACE_BYTE, describeNonObject } from './tokenizer';
import { CR, LF } from '../text-positions';
import { jsonStringValue } from './strings';

/** Growable per-key store: for each row holding the key, the value's byte range (quotes included) and kind. */
export class KeyValues {
  rows: Int32Array;
  starts: Int32Array | Float64Array;
  ends: Int32Array | Float64Array;
  kinds: Uint8Array;
  count = 0;

  constructor(
    capacity: number,
    private readonly wide: boolean,
  ) {
    this.rows = new Int32Array(capacity);
    this.starts = wide ? new Float64Array(capacity) : new Int32Array(capacity);
    this.ends = wide ? new Float64Array(capacity) : new Int32Array(capacity);
    this.kinds = new Uint8Array(capacity);
  }

  add(row: number, start: number, end: number, kind: number): void {
    let i = this.count;
    // A key repeated within one object: the last value wins, as with JSON.parse.
    if (i > 0 && this.rows[i - 1] === row) i--;
    else if (i === this.rows.length) this.grow();
    this.rows[i] = row;
    this.starts[i] = start;
    this.ends[i] = end;
    this.kinds[i] = kind;
    this.count = i + 1;
  }

  /** Drops the value of `row` if it is the last one (a line found invalid after some of its members). */
  dropRow(row: number): void {
    if (this.count > 0 && this.rows[this.count - 1] === row) this.count--;
  }

  private grow(): void {
    const capacity = Math.max(64, this.rows.length * 2);
    const rows = new Int32Array(capacity);
    rows.set(this.rows);
    this.rows = rows;
    const starts = this.wide ? new Float64Array(capacity) : new Int32Array(capacity);
    starts.set(this.starts);
    this.starts = starts;
    const ends = this.wide ? new Float64Array(capacity) : new Int32Array(capacity);
    ends.set(this.ends);
    this.ends = ends;
    const kinds = new Uint8Array(capacity);
    kinds.set(this.kinds);
    this.kinds = kinds;
  }
}

export interface JsonlKey {
  index: number;
  /** The key's value (escapes decoded). */
  name: string;
  /** The key's bytes between the quotes as last written (the next line's key is compared with them). */
  raw: Uint8Array;
  /** Data row where the key first appears (-1: a fixed column not seen in this text). */
  firstRow: number;
  values: KeyValues;
  /** The key that followed this one the last time (the next line most likely repeats it). */
  next?: JsonlKey;
}

export interface InvalidLine {
  /** Offsets of the line's text (line ending excluded) and of the error. */
  start: number;
  end: number;
  errorAt: number;
  line: number;
  message: string;
}

export interface JsonlScan {
  keys: JsonlKey[];
  rowCount: number;
  /** Offset of each row's line and its line number. */
  rowStarts: Int32Array | Float64Array;
  rowLines: Uint32Array;
  /** Blank lines: [start, end, line] triples. */
  blankLines: number[];
  invalidLines: InvalidLine[];
  /** Keys met that are not among fixed `columnNames` (batches after the first): name → line of first use. */
  unknownKeys: Map<string, number>;
  /** Bytes of the complete lines read (all of them when final). */
  consumed: number;
  /** Line number after the last complete line read. */
  linesConsumed: number;
}

export interface JsonlScanOptions {
  /** Line number of the first byte (a chunk of a streamed file). */
  firstLine?: number;
  /** False for a chunk that may end mid-line: only lines ending in a line feed are read. */
  final?: boolean;
  /** Fixed columns (batches after the first): other keys are not read, only listed in `unknownKeys`. */
  columnNames?: readonly string[];
}

const ESTIMATE_SAMPLE = 64 * 1024;

function estimateRows(bytes: Uint8Array, limit: number): number {
  const sample = Math.min(limit, ESTIMATE_SAMPLE);
  let lines = 0;
  for (let i = 0; i < sample; i++) if (bytes[i] === LF) lines++;
  return Math.max(16, Math.ceil((limit / Math.max(1, sample)) * Math.max(1, lines) * 1.02));
}

function sameBytes(bytes: Uint8Array, start: number, raw: Uint8Array): boolean {
  for (let k = 0; k < raw.length; k++) if (bytes[start + k] !== raw[k]) return false;
  return true;
}

export function scanJsonl(bytes: Uint8Array, options: JsonlScanOptions = {}): JsonlScan {
  const final = options.final !== false;
  let limit = bytes.length;
  if (!final) limit = bytes.lastIndexOf(LF) + 1;
  const tokenizer = new JsonTokenizer(bytes, limit);
  // Int32 offsets (no boxed numbers in the hot loops) while the bytes allow it.
  const wide = limit >= 2 ** 31;
  const estimated = estimateRows(bytes, limit);
  const keys: JsonlKey[] = [];
  const byName = new Map<string, JsonlKey>();
  const fixed = options.columnNames !== undefined;
  for (const name of options.columnNames ?? []) {
    const key: JsonlKey = { index: keys.length, name, raw: new TextEncoder().encode(name), firstRow: -1, values: new KeyValues(estimated, wide) };
    keys.push(key);
    byName.set(name, key);
  }
  const unknownKeys = new Map<string, number>();
  /** The first key of the last object (each key knows the key that followed it: see JsonlKey.next). */
  let firstKey: JsonlKey | undefined;
  /** Keys given a value in the current line, the first `touchedCount` (taken back if the line turns out invalid). */
  const touched: JsonlKey[] = [];
  let touchedCount = 0;
  let rowStarts: Int32Array | Float64Array = wide ? new Float64Array(estimated) : new Int32Array(estimated);
  let rowLines = new Uint32Array(estimated);
  const blankLines: number[] = [];
  const invalidLines: InvalidLine[] = [];
  let row = 0;
  let line = options.firstLine ?? 0;
  let pos = 0;

  /** The key written at bytes[keyStart, keyEnd) (quotes included), found by its value; a new column when unseen. */
  const keyAt = (keyStart: number, keyEnd: number, escaped: boolean): JsonlKey | undefined => {
    const rawStart = keyStart + 1;
    const rawLength = keyEnd - 1 - rawStart;
    const name = jsonStringValue(bytes, keyStart, keyEnd, escaped);
    let key = byName.get(name);
    if (!key) {
      if (fixed) {
        if (!unknownKeys.has(name)) unknownKeys.set(name, line);
        return undefined;
      }
      key = { index: keys.length, name, raw: bytes.slice(rawStart, rawStart + rawLength), firstRow: row, values: new KeyValues(row === 0 ? estimated : 64, wide) };
      keys.push(key);
      byName.set(name, key);
    } else if (key.raw.length !== rawLength || !sameBytes(bytes, rawStart, key.raw)) key.raw = bytes.slice(rawStart, rawStart + rawLength);
    return key;
  };

  /** The end of the line's text: before a CR that precedes the line feed. */
  const contentEnd = (lineStart: number, lineEnd: number) => (lineEnd > lineStart && bytes[lineEnd - 1] === CR ? lineEnd - 1 : lineEnd);

  /** The object whose "{" is at `p`: its members into the key stores; the offset of the line's end, or -1. */
  const readObject = (open: number): number => {
    let p = tokenizer.ws(open + 1);
    if (p < limit && bytes[p] === CLOSE_BRACE_BYTE) p++;
    else {
      let previous: JsonlKey | undefined;
      for (let member = 0; ; member++) {
        // Keys mostly come in the order they came before: compare the bytes with the expected key, no string scan.
        const guess = member === 0 ? firstKey : previous?.next;
        const sameEnd = guess ? tokenizer.sameKeyEnd(p, guess.raw) : -1;
        let key: JsonlKey | undefined = guess;
        if (sameEnd > 0) p = tokenizer.afterKey(sameEnd);
        else {
          const keyStart = p;
          p = tokenizer.key(p);
          if (p < 0) return -1;
          key = keyAt(keyStart, tokenizer.keyEnd, tokenizer.escaped);
          if (key) {
            if (member === 0) firstKey = key;
            else if (previous) previous.next = key;
          }
        }
        previous = key;
        if (p < 0) return -1;
        const valueStart = p;
        p = tokenizer.value(p, 1);
        if (p < 0) return -1;
        if (key) {
          key.values.add(row, valueStart, p, tokenizer.kind);
          if (key.firstRow < 0) key.firstRow = row;
          touched[touchedCount++] = key;
        }
        p = tokenizer.afterMember(p);
        if (p < 0) return -1;
        if (tokenizer.closed) {
          p++;
          break;
        }
      }
    }
    p = tokenizer.ws(p);
    return p < limit && bytes[p] !== LF ? tokenizer.unexpected(p, 'the line to end after its object') : p;
  };

  /** A line that does not start with "{": what it is, when it is JSON at all. */
  const notAnObject = (p: number): number => {
    const kind = describeNonObject(bytes[p]);
    return tokenizer.value(p, 1) < 0 ? -1 : tokenizer.fail(p, `each line must be one JSON object; this one is ${kind}`);
  };

  /** Takes back what an invalid line added and records it; returns the offset of its end. */
  const invalidLine = (lineStart: number, keysBefore: number): number => {
    for (let t = 0; t < touchedCount; t++) {
      touched[t].values.dropRow(row);
      if (touched[t].firstRow === row) touched[t].firstRow = -1;
    }
    if (keys.length > keysBefore) {
      // Keys first seen on an invalid line are not columns.
      for (const key of keys.splice(keysBefore)) byName.delete(key.name);
      for (const key of keys) if ((key.next?.index ?? -1) >= keysBefore) key.next = undefined;
      if ((firstKey?.index ?? -1) >= keysBefore) firstKey = undefined;
    }
    const lf = bytes.indexOf(LF, Math.max(lineStart, Math.min(tokenizer.errorAt, limit)));
    const lineEnd = lf < 0 || lf >= limit ? limit : lf;
    // Line breaks VS Code sees inside the line: lone CRs over the whole line.
    tokenizer.loneCRs = 0;
    for (let i = lineStart; i + 1 < lineEnd; i++) if (bytes[i] === CR && bytes[i + 1] !== LF) tokenizer.loneCRs++;
    const end = contentEnd(lineStart, lineEnd);
    invalidLines.push({ start: lineStart, end, errorAt: Math.min(Math.max(tokenizer.errorAt, lineStart), end), line, message: tokenizer.error });
    return lineEnd;
  };

  while (pos < limit) {
    const lineStart = pos;
    tokenizer.loneCRs = 0;
    touchedCount = 0;
    const p = tokenizer.ws(pos);
    let lineEnd: number;
    if (p >= limit || bytes[p] === LF) {
      lineEnd = p;
      blankLines.push(lineStart, contentEnd(lineStart, lineEnd), line);
    } else {
      const keysBefore = keys.length;
      const end = bytes[p] === OPEN_BRACE_BYTE ? readObject(p) : notAnObject(p);
      if (end < 0) lineEnd = invalidLine(lineStart, keysBefore);
      else {
        lineEnd = end;
        if (row === rowLines.length) {
          const capacity = rowLines.length * 2;
          const lines = new Uint32Array(capacity);
          lines.set(rowLines);
          rowLines = lines;
          const starts = wide ? new Float64Array(capacity) : new Int32Array(capacity);
          starts.set(rowStarts);
          rowStarts = starts;
        }
        rowStarts[row] = lineStart;
        rowLines[row] = line;
        row++;
      }
    }
    line += tokenizer.loneCRs;
    if (lineEnd >= limit) break;
    line++;
    pos = lineEnd + 1;
  }
  return {
    keys,
    rowCount: row,
    rowStarts: rowStarts.subarray(0, row),
    rowLines: rowLines.subarray(0, row),
    blankLines,
    invalidLines,
    unknownKeys,
    consumed: limit,
    linesConsumed: line,
  };
}
