/**
 * The distinct values of a text column (an id per row, counts, first rows) and how they are numbered for
 * dictionary-encoded chunks (by index) and any texts (by a hash map); Utf8 bytes: utf8-distinct.ts.
 */
import { DataType, type Data } from 'apache-arrow';
import { kernelRanges } from './kernels';

/** The distinct non-null values of a text column, numbered in order of first appearance. */
export interface DistinctValues {
  /** Per row: the id of its value, −1 where the cell is null. */
  readonly ids: Int32Array;
  /** Number of distinct values. */
  readonly size: number;
  /** Rows holding each id. */
  readonly counts: Int32Array;
  /** First row holding each id. */
  readonly firstRows: Int32Array;
  /** The text of an id (decoded once). */
  text(id: number): string;
  /** Length of an id's text in code points. */
  codePoints(id: number): number;
  /** The least and greatest {@link codePoints} over all ids ([Infinity, -Infinity] when there are none). */
  codePointRange(): [number, number];
  /** False only when the text of `id` is certainly non-empty and neither starts nor ends with white space. */
  maybeUntrimmed(id: number): boolean;
  /** The ids for which {@link maybeUntrimmed} is true, ascending (found in one pass). */
  maybeUntrimmedIds(): Int32Array;
}

export class DistinctBuilder {
  size = 0;
  readonly ids: Int32Array;
  counts: Int32Array;
  firstRows: Int32Array;
  texts: (string | undefined)[] = [];

  constructor(rows: number, capacity: number) {
    this.ids = new Int32Array(rows).fill(-1);
    this.counts = new Int32Array(Math.max(16, capacity));
    this.firstRows = new Int32Array(Math.max(16, capacity));
  }

  /** A new id first seen at `row`. */
  add(row: number): number {
    const id = this.size++;
    if (id === this.counts.length) {
      const counts = new Int32Array(id * 2);
      counts.set(this.counts);
      this.counts = counts;
      const firstRows = new Int32Array(id * 2);
      firstRows.set(this.firstRows);
      this.firstRows = firstRows;
    }
    this.firstRows[id] = row;
    return id;
  }

  /** Forgets every id, keeping room for `capacity` of them. */
  reset(capacity: number): void {
    this.size = 0;
    this.ids.fill(-1);
    this.counts = new Int32Array(Math.max(16, capacity));
    this.firstRows = new Int32Array(Math.max(16, capacity));
  }

  /** Drops the unused room (copied out unless nearly all of it is used: a copy would be garbage as large). */
  trim(): void {
    if (this.size >= this.counts.length * 0.875) {
      this.counts = this.counts.subarray(0, this.size);
      this.firstRows = this.firstRows.subarray(0, this.size);
      return;
    }
    this.counts = this.counts.slice(0, this.size);
    this.firstRows = this.firstRows.slice(0, this.size);
  }
}

/** Whether a character is white space for `String.prototype.trim` (and `\s`). */
function isSpaceCode(c: number): boolean {
  return (
    c === 0x20 ||
    (c >= 0x09 && c <= 0x0d) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** A byte that may begin or end white space (or another character needing a closer look). */
export function doubtfulEdgeByte(b: number): boolean {
  return b <= 0x20 || b >= 0x7f;
}

/** Per dictionary: the text of each entry, as `String(dictionary.get(k))`. */
const dictionaryTexts = new WeakMap<object, string[]>();

/**
 * Gives rows from..to of a dictionary chunk (starting at row `base`) the id their index is numbered with;
 * returns the first row whose index is not numbered yet (or `to`).
 */
function indexRange(indices: Int32Array, base: number, local: Int32Array, mask: Uint8Array, ids: Int32Array, counts: Int32Array, from: number, to: number): number {
  for (let r = from; r < to; r++) {
    if (mask[r]) continue;
    const k = indices[r - base];
    const id = k >= 0 && k < local.length ? local[k] : -1;
    if (id < 0) return r;
    ids[r] = id;
    counts[id]++;
  }
  return to;
}

/** Distinct values of dictionary-encoded chunks, from their indices (entries of equal text share an id). */
export function dictionaryDistinct(chunks: readonly Data[], rows: number, mask: Uint8Array): DistinctValues | null {
  for (const chunk of chunks) {
    const indices = chunk.values as unknown;
    const integerIndices = indices instanceof Int32Array || indices instanceof Int16Array || indices instanceof Int8Array || indices instanceof Uint32Array || indices instanceof Uint16Array || indices instanceof Uint8Array;
    if (!DataType.isDictionary(chunk.type) || !chunk.dictionary || !integerIndices) return null;
  }
  const builder = new DistinctBuilder(rows, 16);
  const byText = new Map<string, number>();
  const texts = builder.texts;
  const ids = builder.ids;
  let row = 0;
  for (const chunk of chunks) {
    const dictionary = chunk.dictionary!;
    let words = dictionaryTexts.get(dictionary);
    if (!words) {
      words = Array.from({ length: dictionary.length }, (_, k) => String(dictionary.get(k)));
      dictionaryTexts.set(dictionary, words);
    }
    const local = new Int32Array(words.length).fill(-1);
    const indices = chunk.values as Int32Array;
    const end = row + chunk.length;
    for (const [from, to] of kernelRanges(row, end)) {
      // The common case: every index already numbered (a new one, or one out of range, stops the kernel).
      for (let r = indexRange(indices, row, local, mask, ids, builder.counts, from, to); r < to; r = indexRange(indices, row, local, mask, ids, builder.counts, r + 1, to)) {
        const k = indices[r - row];
        if (!(k >= 0 && k < local.length)) return null;
        const word = words[k];
        let id = byText.get(word);
        if (id === undefined) {
          id = builder.add(r);
          texts[id] = word;
          byText.set(word, id);
        }
        local[k] = id;
        ids[r] = id;
        builder.counts[id]++;
      }
    }
    row = end;
  }
  builder.trim();
  return textDistinct(builder);
}

/** The distinct-values view over decoded texts. */
function textDistinct(builder: DistinctBuilder): DistinctValues {
  const texts = builder.texts as string[];
  return {
    ids: builder.ids,
    size: builder.size,
    counts: builder.counts,
    firstRows: builder.firstRows,
    text: (id) => texts[id],
    codePoints(id: number): number {
      const s = texts[id];
      let n = s.length;
      for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i);
        if (c >= 0xd800 && c <= 0xdbff) n--;
      }
      return n;
    },
    codePointRange(): [number, number] {
      let min = Infinity;
      let max = -Infinity;
      for (let id = 0; id < texts.length; id++) {
        const length = this.codePoints(id);
        if (length < min) min = length;
        if (length > max) max = length;
      }
      return [min, max];
    },
    maybeUntrimmed(id: number): boolean {
      const s = texts[id];
      return s.length === 0 || isSpaceCode(s.charCodeAt(0)) || isSpaceCode(s.charCodeAt(s.length - 1));
    },
    maybeUntrimmedIds(): Int32Array {
      const out: number[] = [];
      for (let id = 0; id < texts.length; id++) {
        const s = texts[id];
        if (s.length === 0 || isSpaceCode(s.charCodeAt(0)) || isSpaceCode(s.charCodeAt(s.length - 1))) out.push(id);
      }
      return Int32Array.from(out);
    },
  };
}

/** Distinct values of any per-row texts (null = missing), by a hash map: the fallback for other types. */
export function distinctOfTexts(values: readonly (string | null)[]): DistinctValues {
  const builder = new DistinctBuilder(values.length, 16);
  const byText = new Map<string, number>();
  for (let row = 0; row < values.length; row++) {
    const v = values[row];
    if (v === null) continue;
    let id = byText.get(v);
    if (id === undefined) {
      id = builder.add(row);
      builder.texts[id] = v;
      byText.set(v, id);
    }
    builder.ids[row] = id;
    builder.counts[id]++;
  }
  builder.trim();
  return textDistinct(builder);
}
