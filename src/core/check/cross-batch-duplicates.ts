/**
 * Duplicate rows whose first occurrence is in an earlier batch of a batched check (the duplicate-row rule
 * sees one batch at a time). Each row gets a 64-bit hash of its values — numbers by their IEEE bits, text
 * by its characters, null apart — comparable across batches; a table keeps the first occurrence of every
 * hash (file row and line) up to a fixed capacity, so memory stays bounded. Rows are compared by hash only:
 * two different rows collide with probability about n²/2⁶⁵ (under 10⁻⁵ for ten million rows).
 */
import { TEXT_KINDS, distinctValues, nullMask, numericColumn } from '../quality/column-values';
import { fmix32 } from '../shared/hash';
import type { IngestResult } from '../table/model';

/** Table slots (16 bytes each: 128 MiB); first occurrences are kept up to 3/4 of them. */
const MAX_SLOTS = 1 << 23;

export interface CrossBatchDuplicate {
  /** Row in the batch. */
  row: number;
  /** File row of the first occurrence, and its line. */
  firstRow: number;
  firstLine: number;
}

/** One MurmurHash3 round: mixes 32-bit word `k` into state `h`. */
function round(h: number, k: number): number {
  let x = Math.imul(k, 0xcc9e2d51);
  x = (x << 15) | (x >>> 17);
  x = Math.imul(x, 0x1b873593);
  let y = h ^ x;
  y = (y << 13) | (y >>> 19);
  return (Math.imul(y, 5) + 0xe6546b64) | 0;
}

function hashString(seed: number, text: string): number {
  let h = seed;
  for (let i = 0; i < text.length; i++) h = round(h, text.charCodeAt(i));
  return fmix32(h ^ text.length) | 0;
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
      // One pair of hashes per distinct text, from its characters (ids are local to the batch).
      const a = new Int32Array(distinct.size);
      const b = new Int32Array(distinct.size);
      for (let id = 0; id < distinct.size; id++) {
        const text = distinct.text(id);
        a[id] = hashString(0x9747b28c, text);
        b[id] = hashString(0x3c6ef372, text);
      }
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

export class CrossBatchDuplicates {
  private slots = 1 << 16;
  private keys1 = new Int32Array(this.slots);
  private keys2 = new Int32Array(this.slots);
  /** File row + 1 of the first occurrence (0: empty slot), and its line. */
  private rows = new Uint32Array(this.slots);
  private lines = new Uint32Array(this.slots);
  private kept = 0;
  /** The table is full: later rows are compared with the ones kept, but not kept themselves. */
  full = false;

  /** Rows of this batch that repeat a row of an earlier batch; then remembers this batch's first occurrences. */
  addBatch(data: IngestResult, rowOffset: number): CrossBatchDuplicate[] {
    const { h1, h2, nonBlank } = rowHashes(data);
    const found: CrossBatchDuplicate[] = [];
    const rows = data.table.numRows;
    const source = data.source as { rowLine?: (row: number) => number };
    const lineOf = (r: number) => (typeof source.rowLine === 'function' ? source.rowLine(r) : data.source.rowRange(r).start.line);
    for (let r = 0; r < rows; r++) {
      if (!nonBlank[r]) continue;
      const slot = this.find(h1[r], h2[r]);
      const first = this.rows[slot];
      if (first > 0) {
        if (first - 1 < rowOffset) found.push({ row: r, firstRow: first - 1, firstLine: this.lines[slot] });
        continue;
      }
      if (this.full) continue;
      this.keys1[slot] = h1[r];
      this.keys2[slot] = h2[r];
      this.rows[slot] = rowOffset + r + 1;
      this.lines[slot] = lineOf(r);
      if (++this.kept * 4 > this.slots * 3) this.grow();
    }
    return found;
  }

  private find(a: number, b: number): number {
    const mask = this.slots - 1;
    let slot = (a ^ (b >>> 7)) & mask;
    while (this.rows[slot] > 0 && !(this.keys1[slot] === a && this.keys2[slot] === b)) slot = (slot + 1) & mask;
    return slot;
  }

  private grow(): void {
    if (this.slots >= MAX_SLOTS) {
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
