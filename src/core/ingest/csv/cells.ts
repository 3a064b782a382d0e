/**
 * Where each cell of a column sits in the decoded text, without a string per cell: start/end offsets of
 * its content, and a kind. Strings are made only for cells that need one (NA checks, conversion misfits,
 * quoted fields with doubled quotes).
 */

/** Cell kinds (plain numbers: the hot loops compare them per cell). */
export const CellKind = {
  /** Unquoted: the content is text[start, end). */
  Plain: 0,
  /** Quoted without doubled quotes: the content is text[start, end) (inside the quotes). */
  Quoted: 1,
  /** Quoted with doubled quotes or text after the closing quote: the value is in `special`. */
  Special: 2,
  /** Not present in its record (a short, ragged record). */
  Absent: 3,
} as const;
export type CellKind = (typeof CellKind)[keyof typeof CellKind];
const SPECIAL = 2;
const ABSENT = 3;

export class ColumnCells {
  starts: Int32Array;
  ends: Int32Array;
  kinds: Uint8Array;
  readonly special = new Map<number, string>();

  constructor(capacity: number) {
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
    this.kinds = new Uint8Array(capacity);
  }

  grow(capacity: number): void {
    const grow = <T extends Int32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(capacity);
      b.set(a);
      return b;
    };
    this.starts = grow(this.starts, (n) => new Int32Array(n));
    this.ends = grow(this.ends, (n) => new Int32Array(n));
    this.kinds = grow(this.kinds, (n) => new Uint8Array(n));
  }

  /** Whether the cell is empty or absent (a missing value). */
  isEmpty(row: number): boolean {
    const kind = this.kinds[row];
    if (kind === ABSENT) return true;
    if (kind === SPECIAL) return this.special.get(row) === '';
    return this.starts[row] === this.ends[row];
  }

  length(row: number): number {
    return this.kinds[row] === SPECIAL ? (this.special.get(row) ?? '').length : this.ends[row] - this.starts[row];
  }

  value(text: string, row: number): string {
    const kind = this.kinds[row];
    if (kind === SPECIAL) return this.special.get(row) ?? '';
    if (kind === ABSENT) return '';
    return text.slice(this.starts[row], this.ends[row]);
  }
}
