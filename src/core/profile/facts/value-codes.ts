/**
 * Dense ids of a column's values, one per row (−1 where null), numbered in order of first appearance: what
 * grouping rows by value needs (dependencies between columns, evidence from another column) as typed arrays.
 * Text columns have them as their distinct values' ids; numbers get them here from an open-addressing hash
 * table keyed by the values' IEEE words (no Map of boxed numbers). Pairs of ids get them the same way.
 */
import { FIRST_KERNEL_ROWS, KERNEL_ROWS, LITTLE_ENDIAN } from './kernels';
import { hashWords } from '../../shared/hash';

export interface ValueCodes {
  /** Per row: the id of its value, −1 where the cell is null (NaN). */
  readonly ids: Int32Array;
  /** Number of distinct values (ids are 0..size−1). */
  readonly size: number;
}

/**
 * An open-addressing table from a key (two 32-bit words) to its id, three words per slot (the key's two,
 * then its id + 1, 0 while empty: one cache line per probe); grows to stay at most half full.
 */
interface Table {
  slots: Uint32Array;
  size: number;
}

const newTable = (capacity: number): Table => ({ slots: new Uint32Array(3 * capacity), size: 0 });


/** The id of a key, given a new one (the next) if it is new; the table must have a free slot. */
function idOf(t: Table, lo: number, hi: number): number {
  const slots = t.slots;
  const mask = slots.length / 3 - 1;
  let s = hashWords(lo, hi) & mask;
  for (;;) {
    const at = 3 * s;
    const held = slots[at + 2];
    if (held === 0) {
      slots[at] = lo;
      slots[at + 1] = hi;
      slots[at + 2] = ++t.size;
      return t.size - 1;
    }
    if (slots[at] === lo && slots[at + 1] === hi) return held - 1;
    s = (s + 1) & mask;
  }
}

/** The table with twice the slots, keys and ids kept. */
function grown(t: Table): Table {
  const out = newTable((2 * t.slots.length) / 3);
  const mask = out.slots.length / 3 - 1;
  for (let at = 0; at < t.slots.length; at += 3) {
    if (t.slots[at + 2] === 0) continue;
    let d = hashWords(t.slots[at], t.slots[at + 1]) & mask;
    while (out.slots[3 * d + 2] !== 0) d = (d + 1) & mask;
    out.slots[3 * d] = t.slots[at];
    out.slots[3 * d + 1] = t.slots[at + 1];
    out.slots[3 * d + 2] = t.slots[at + 2];
  }
  out.size = t.size;
  return out;
}

/** New keys a table takes at most while staying at most half full. */
const roomOf = (t: Table) => t.slots.length / 6 - t.size;

/** Room a table is grown to before a range of rows (unless fewer rows are left): ranges stay long enough. */
const MIN_ROOM = 1024;

/**
 * The table, grown until it has room for MIN_ROOM new keys (or the `left` rows): it grows with the keys actually
 * found, so a column of few values keeps a small table (in cache), where room for a whole range of new keys
 * (KERNEL_ROWS) would have grown it to 32,768 slots and more.
 */
function withRoom(t: Table, left: number): Table {
  while (roomOf(t) < Math.min(MIN_ROOM, left)) t = grown(t);
  return t;
}

/**
 * The end of the range of rows from `start` (of `n`) the kernel is called on next: at most as many rows as the
 * table has room for (each may be a new key), FIRST_KERNEL_ROWS for the first call (see kernels.ts), else at
 * most KERNEL_ROWS.
 */
function rangeEnd(t: Table, start: number, n: number): number {
  return Math.min(n, start + roomOf(t), start + (start === 0 ? FIRST_KERNEL_ROWS : KERNEL_ROWS));
}

/** Ids of numbers by value (−0 and 0 alike; −1 for NaN), in order of first appearance. */
export function numberCodes(numbers: Float64Array): ValueCodes {
  const ids = new Int32Array(numbers.length);
  let table = newTable(1024);
  if (!LITTLE_ENDIAN) {
    const byValue = new Map<number, number>();
    for (let i = 0; i < numbers.length; i++) {
      const v = numbers[i];
      if (Number.isNaN(v)) ids[i] = -1;
      else {
        let id = byValue.get(v);
        if (id === undefined) byValue.set(v, (id = byValue.size));
        ids[i] = id;
      }
    }
    return { ids, size: byValue.size };
  }
  for (let start = 0; start < numbers.length; ) {
    table = withRoom(table, numbers.length - start);
    const end = rangeEnd(table, start, numbers.length);
    numberCodeRange(numbers, ids, table, start, end);
    start = end;
  }
  return { ids, size: table.size };
}

function numberCodeRange(numbers: Float64Array, ids: Int32Array, table: Table, start: number, end: number): void {
  const words = new Uint32Array(numbers.buffer, numbers.byteOffset + 8 * start, 2 * (end - start));
  const slots = table.slots;
  const mask = slots.length / 3 - 1;
  let size = table.size;
  for (let i = start; i < end; i++) {
    const v = numbers[i];
    if (v !== v) {
      ids[i] = -1;
      continue;
    }
    // −0 as 0.
    const lo = v === 0 ? 0 : words[2 * (i - start)];
    const hi = v === 0 ? 0 : words[2 * (i - start) + 1];
    let s = hashWords(lo, hi) & mask;
    for (;;) {
      const at = 3 * s;
      const held = slots[at + 2];
      if (held === 0) {
        slots[at] = lo;
        slots[at + 1] = hi;
        slots[at + 2] = ++size;
        ids[i] = size - 1;
        break;
      }
      if (slots[at] === lo && slots[at + 1] === hi) {
        ids[i] = held - 1;
        break;
      }
      s = (s + 1) & mask;
    }
  }
  table.size = size;
}

/** Ids of the pairs of two codes' values, row by row (−1 where either is −1), in order of first appearance. */
export function pairCodes(a: ValueCodes, b: ValueCodes): ValueCodes {
  const n = a.ids.length;
  const ids = new Int32Array(n);
  let table = newTable(1024);
  for (let start = 0; start < n; ) {
    table = withRoom(table, n - start);
    const end = rangeEnd(table, start, n);
    pairCodeRange(a.ids, b.ids, ids, table, start, end);
    start = end;
  }
  return { ids, size: table.size };
}

function pairCodeRange(a: Int32Array, b: Int32Array, ids: Int32Array, table: Table, start: number, end: number): void {
  for (let i = start; i < end; i++) {
    const x = a[i];
    const y = b[i];
    ids[i] = x < 0 || y < 0 ? -1 : idOf(table, x, y);
  }
}

/** Codes of some rows (positions into `codes`), renumbered densely in order of first appearance among them. */
export function codesAt(codes: ValueCodes, rows: Int32Array): ValueCodes {
  const remap = new Int32Array(codes.size).fill(-1);
  const ids = new Int32Array(rows.length);
  let size = 0;
  for (let i = 0; i < rows.length; i++) {
    const id = codes.ids[rows[i]];
    if (id < 0) ids[i] = -1;
    else {
      if (remap[id] < 0) remap[id] = size++;
      ids[i] = remap[id];
    }
  }
  return { ids, size };
}
