/**
 * Duplicate rows and repeated keys whose first occurrence is in an earlier batch of a batched check (the
 * duplicate-row and duplicate-key rules see one batch at a time). Each row gets a 64-bit hash of its values — numbers by their IEEE bits, text
 * by its characters, null apart — comparable across batches; a table keeps the first occurrence of every
 * hash (file row and line) up to a fixed capacity, so memory stays bounded. Rows are compared by hash only:
 * two different rows collide with probability about n²/2⁶⁵ (under 10⁻⁵ for ten million rows).
 */
import { TEMPORAL_KINDS, TEXT_KINDS, distinctValues, nullMask, numericColumn } from '../quality/column-values';
import { cellText } from '../quality/dependencies';
import { fmix32, hashString, murmurRound as round } from '../shared/hash';
import type { DistinctValues } from '../profile/column-facts';
import type { IngestResult } from '../table/model';

/** Slots of the whole-row table (16 bytes each: 128 MiB); first occurrences are kept up to 3/4 of them. */
const MAX_SLOTS = 1 << 23;

export interface CrossBatchDuplicate {
  /** Row in the batch. */
  row: number;
  /** File row of the first occurrence, and its line. */
  firstRow: number;
  firstLine: number;
}


/** Two hashes of each distinct text, from its characters (value ids are local to a batch, texts are not). */
function textHashes(distinct: DistinctValues): { a: Int32Array; b: Int32Array } {
  const a = new Int32Array(distinct.size);
  const b = new Int32Array(distinct.size);
  for (let id = 0; id < distinct.size; id++) {
    const text = distinct.text(id);
    a[id] = hashString(0x9747b28c, text);
    b[id] = hashString(0x3c6ef372, text);
  }
  return { a, b };
}

/**
 * Two independent 32-bit hashes per row (Murmur rounds from different seeds, each value's words fed in a
 * different order, finalized), and whether the row has a non-null cell.
 */
function rowHashes(data: IngestResult): { h1: Int32Array; h2: Int32Array; nonBlank: Uint8Array } {
  const rows = data.table.numRows;
  const h1 = new Int32Array(rows).fill(0x2545f491);
  const h2 = new Int32Array(rows).fill(0x6a09e667);
  const nonBlank = new Uint8Array(rows);
  data.columns.forEach((column, c) => {
    if (TEXT_KINDS.includes(column.kind) || column.kind === 'empty' || column.kind === 'other') {
      const distinct = distinctValues(data, c);
      const { a, b } = textHashes(distinct);
      const ids = distinct.ids;
      for (let r = 0; r < rows; r++) {
        const id = ids[r];
        nonBlank[r] |= id >= 0 ? 1 : 0;
        h1[r] = round(round(h1[r], id >= 0 ? a[id] : 0x5f3759df), 1);
        h2[r] = round(round(h2[r], 2), id >= 0 ? b[id] : 0x5f3759df);
      }
      return;
    }
    const numbers = numericColumn(data, c);
    const mask = nullMask(data, c);
    const words = new Uint32Array(numbers.buffer, numbers.byteOffset, rows * 2);
    for (let r = 0; r < rows; r++) {
      const lo = mask[r] ? 0x7ff80001 : words[2 * r];
      const hi = mask[r] ? 0x7ff80001 : words[2 * r + 1];
      nonBlank[r] |= mask[r] ^ 1;
      h1[r] = round(round(h1[r], lo), hi);
      h2[r] = round(round(h2[r], hi ^ 0x85ebca6b), lo ^ 0xc2b2ae35);
    }
  });
  for (let r = 0; r < rows; r++) {
    h1[r] = fmix32(h1[r]);
    h2[r] = fmix32(h2[r]);
  }
  return { h1, h2, nonBlank };
}

/** A bounded hash table from 64-bit hashes to the file row and line of their first occurrence. */
class FirstOccurrences {
  private slots = 1 << 12;
  private keys1 = new Int32Array(this.slots);
  private keys2 = new Int32Array(this.slots);
  /** File row + 1 of the first occurrence (0: empty slot), and its line. */
  private rows = new Uint32Array(this.slots);
  private lines = new Uint32Array(this.slots);
  private kept = 0;
  /** The table is full: later values are compared with the ones kept, but not kept themselves. */
  full = false;

  constructor(private readonly maxSlots: number) {}

  /** The first occurrence of (a, b) if one is kept (file row and line); else keeps this one and returns undefined. */
  firstOrKeep(a: number, b: number, row: number, line: () => number): { row: number; line: number } | undefined {
    const slot = this.find(a, b);
    if (this.rows[slot] > 0) return { row: this.rows[slot] - 1, line: this.lines[slot] };
    if (this.full) return undefined;
    this.keys1[slot] = a;
    this.keys2[slot] = b;
    this.rows[slot] = row + 1;
    this.lines[slot] = line();
    if (++this.kept * 4 > this.slots * 3) this.grow();
    return undefined;
  }

  private find(a: number, b: number): number {
    const mask = this.slots - 1;
    let slot = (a ^ (b >>> 7)) & mask;
    while (this.rows[slot] > 0 && !(this.keys1[slot] === a && this.keys2[slot] === b)) slot = (slot + 1) & mask;
    return slot;
  }

  private grow(): void {
    if (this.slots >= this.maxSlots) {
      this.full = true;
      return;
    }
    const [keys1, keys2, rows, lines] = [this.keys1, this.keys2, this.rows, this.lines];
    this.slots *= 2;
    this.keys1 = new Int32Array(this.slots);
    this.keys2 = new Int32Array(this.slots);
    this.rows = new Uint32Array(this.slots);
    this.lines = new Uint32Array(this.slots);
    for (let i = 0; i < rows.length; i++) {
      if (rows[i] === 0) continue;
      const slot = this.find(keys1[i], keys2[i]);
      this.keys1[slot] = keys1[i];
      this.keys2[slot] = keys2[i];
      this.rows[slot] = rows[i];
      this.lines[slot] = lines[i];
    }
  }
}

function lineFinder(data: IngestResult): (row: number) => number {
  const source = data.source as { rowLine?: (row: number) => number };
  return (r) => (typeof source.rowLine === 'function' ? source.rowLine(r) : data.source.rowRange(r).start.line);
}

/** Rows that repeat a whole row of an earlier batch. */
export class CrossBatchDuplicates {
  private readonly table = new FirstOccurrences(MAX_SLOTS);

  get full(): boolean {
    return this.table.full;
  }

  /** Rows of this batch that repeat a row of an earlier batch; then remembers this batch's first occurrences. */
  addBatch(data: IngestResult, rowOffset: number): CrossBatchDuplicate[] {
    const { h1, h2, nonBlank } = rowHashes(data);
    const lineOf = lineFinder(data);
    const found: CrossBatchDuplicate[] = [];
    // Only a batch's first copy of an earlier row: the rule reports the later copies within the batch.
    const reported = new Set<number>();
    for (let r = 0; r < data.table.numRows; r++) {
      if (!nonBlank[r]) continue;
      const first = this.table.firstOrKeep(h1[r], h2[r], rowOffset + r, () => lineOf(r));
      if (!first || first.row >= rowOffset || reported.has(first.row)) continue;
      reported.add(first.row);
      found.push({ row: r, firstRow: first.row, firstLine: first.line });
    }
    return found;
  }
}

/** Slots of each key column's table (16 bytes each: 64 MiB). */
const MAX_KEY_SLOTS = 1 << 22;

export interface CrossBatchKeyRepeat extends CrossBatchDuplicate {
  column: number;
  key: string;
}

/** Values of key columns that repeat a value of an earlier batch (the duplicate-key rule sees one batch). */
export class CrossBatchKeys {
  private readonly tables = new Map<string, FirstOccurrences>();

  get full(): boolean {
    return [...this.tables.values()].some((t) => t.full);
  }

  /** Repeats in `columns` (this batch's key columns) of values first seen in an earlier batch. */
  addBatch(data: IngestResult, rowOffset: number, columns: readonly number[]): CrossBatchKeyRepeat[] {
    const lineOf = lineFinder(data);
    const found: CrossBatchKeyRepeat[] = [];
    for (const c of columns) {
      const name = data.columns[c].name;
      let table = this.tables.get(name);
      if (!table) this.tables.set(name, (table = new FirstOccurrences(MAX_KEY_SLOTS)));
      const keys = cellKeys(data, c);
      // Only a batch's first repeat of an earlier key: the rule reports the later ones within the batch.
      const reported = new Set<number>();
      for (let r = 0; r < data.table.numRows; r++) {
        const text = keys.text(r);
        if (text === undefined) continue;
        const first = table.firstOrKeep(keys.h1[r], keys.h2[r], rowOffset + r, () => lineOf(r));
        if (!first || first.row >= rowOffset || reported.has(first.row)) continue;
        reported.add(first.row);
        found.push({ row: r, firstRow: first.row, firstLine: first.line, column: c, key: text });
      }
    }
    return found;
  }
}

/** Per row: two hashes of one column's value and its text (undefined for null). */
function cellKeys(data: IngestResult, c: number): { h1: Int32Array; h2: Int32Array; text(row: number): string | undefined } {
  const rows = data.table.numRows;
  const h1 = new Int32Array(rows);
  const h2 = new Int32Array(rows);
  const column = data.columns[c];
  if (TEXT_KINDS.includes(column.kind)) {
    const distinct = distinctValues(data, c);
    const { a, b } = textHashes(distinct);
    const ids = distinct.ids;
    for (let r = 0; r < rows; r++) {
      if (ids[r] < 0) continue;
      h1[r] = a[ids[r]];
      h2[r] = b[ids[r]];
    }
    return { h1, h2, text: (r) => (ids[r] < 0 ? undefined : distinct.text(ids[r])) };
  }
  const numbers = numericColumn(data, c);
  const mask = nullMask(data, c);
  const words = new Uint32Array(numbers.buffer, numbers.byteOffset, rows * 2);
  for (let r = 0; r < rows; r++) {
    // −0 and 0 are one key, as the rule's Map counts them.
    const zero = numbers[r] === 0;
    const lo = zero ? 0 : words[2 * r];
    const hi = zero ? 0 : words[2 * r + 1];
    h1[r] = fmix32(round(round(0x2545f491, lo), hi));
    h2[r] = fmix32(round(round(0x6a09e667, hi ^ 0x85ebca6b), lo ^ 0xc2b2ae35));
  }
  // A date or time as the file writes it (as the rule quotes it), a number as its value.
  const temporal = TEMPORAL_KINDS.includes(column.kind);
  return { h1, h2, text: (r) => (mask[r] ? undefined : temporal ? cellText(data, r, c) : String(numbers[r])) };
}
