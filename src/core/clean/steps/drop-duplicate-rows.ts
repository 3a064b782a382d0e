import * as z from 'zod/mini';
import { columnIndex, type Frame } from '../frame';
import { defineStep, dropRowsWhere, py, type StepState } from '../step';
import { fmix32, murmurRound } from '../../shared/hash';
import { allColumns, nameList } from './options';

/** Slots of the table of rows seen at most (8 bytes each: 128 MiB, 12.6 million distinct rows at 3/4 full). */
const MAX_SLOTS = 1 << 24;

/**
 * The rows seen so far in a pass, by a 64-bit hash of their cells (two 32-bit halves), in an
 * open-addressing table that grows up to MAX_SLOTS; when full, rows are still compared with those kept but
 * no longer kept. Two different rows share a hash with probability about n² / 2⁶⁵.
 */
export class SeenRows implements StepState {
  readonly kind = 'seen-rows';
  private slots = 1 << 12;
  private keys1 = new Int32Array(this.slots);
  private keys2 = new Int32Array(this.slots);
  private used = new Uint8Array(this.slots);
  private kept = 0;
  full = false;

  /** Whether (a, b) was seen before; remembers it otherwise (while there is room). */
  seen(a: number, b: number): boolean {
    const slot = this.find(a, b);
    if (this.used[slot]) return true;
    if (this.full) return false;
    this.keys1[slot] = a;
    this.keys2[slot] = b;
    this.used[slot] = 1;
    if (++this.kept * 4 > this.slots * 3) this.grow();
    return false;
  }

  private find(a: number, b: number): number {
    const mask = this.slots - 1;
    let slot = (a ^ (b >>> 7)) & mask;
    while (this.used[slot] && !(this.keys1[slot] === a && this.keys2[slot] === b)) slot = (slot + 1) & mask;
    return slot;
  }

  private grow(): void {
    if (this.slots >= MAX_SLOTS) {
      this.full = true;
      return;
    }
    const [keys1, keys2, used] = [this.keys1, this.keys2, this.used];
    this.slots *= 2;
    this.keys1 = new Int32Array(this.slots);
    this.keys2 = new Int32Array(this.slots);
    this.used = new Uint8Array(this.slots);
    for (let i = 0; i < used.length; i++) {
      if (!used[i]) continue;
      const slot = this.find(keys1[i], keys2[i]);
      this.keys1[slot] = keys1[i];
      this.keys2[slot] = keys2[i];
      this.used[slot] = 1;
    }
  }

  notes(): string[] {
    return this.full ? ['The table of rows seen filled up (12.6 million distinct rows): later rows were compared with those kept, but not kept themselves.'] : [];
  }
}

const EMPTY = 0x5f3759df;

/** Two 32-bit hashes of a text in one loop over its characters (as hashString with two seeds). */
let hashA = 0;
let hashB = 0;
function hashTwice(text: string): void {
  let a = 0x9747b28c | 0;
  let b = 0x3c6ef372 | 0;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    a = murmurRound(a, k);
    b = murmurRound(b, k);
  }
  hashA = fmix32(a ^ text.length) | 0;
  hashB = fmix32(b ^ text.length) | 0;
}

/** Two hashes of each row's cells in `columns` (empty cells alike, whatever their text). */
function rowHashes(frame: Frame, columns: number[]): { h1: Int32Array; h2: Int32Array } {
  const h1 = new Int32Array(frame.length).fill(0x2545f491);
  const h2 = new Int32Array(frame.length).fill(0x6a09e667);
  for (const c of columns) {
    const cells = frame.columns[c];
    for (let r = 0; r < frame.length; r++) {
      const cell = cells[r];
      if (cell === null || cell === '') {
        h1[r] = murmurRound(h1[r], EMPTY);
        h2[r] = murmurRound(h2[r], EMPTY);
        continue;
      }
      hashTwice(cell);
      h1[r] = murmurRound(h1[r], hashA);
      h2[r] = murmurRound(h2[r], hashB);
    }
  }
  for (let r = 0; r < frame.length; r++) {
    h1[r] = fmix32(h1[r]) | 0;
    h2[r] = fmix32(h2[r]) | 0;
  }
  return { h1, h2 };
}

export const dropDuplicateRows = defineStep({
  id: 'drop-duplicate-rows',
  title: 'Drop duplicate rows',
  description:
    'Drops rows whose cells are all equal to an earlier row\'s (after the steps before it), keeping the first. Across the batches of a large file rows are compared by 64-bit hashes, as the batched check does.',
  options: z.object({ columns: z.optional(z.array(z.string().check(z.minLength(1))).check(z.minLength(1))).check(z.describe('Compare only these columns (default: all).')) }),
  columns: (o, schema) => o.columns ?? allColumns(o, schema),
  dropsRows: () => true,
  createState: () => new SeenRows(),
  apply(frame, o, _fitted, _context, state) {
    const seen = state as SeenRows;
    const columns = (o.columns ?? frame.schema.map((c) => c.name)).map((name) => columnIndex(frame.schema, name));
    const { h1, h2 } = rowHashes(frame, columns);
    return dropRowsWhere(frame, (r) => seen.seen(h1[r], h2[r]));
  },
  pandas(o) {
    return { lines: [o.columns ? `df = df.drop_duplicates(subset=${py(o.columns)}, keep="first")` : 'df = df.drop_duplicates(keep="first")'] };
  },
  summary: (o) => (o.columns ? `Drop rows duplicating ${nameList(o.columns)}` : 'Drop exact duplicate rows'),
});
