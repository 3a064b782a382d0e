/**
 * One dirty copy of a clean table and its ground truth. Injectors change cells (or insert rows) only through
 * it, so every change is recorded as (row, column, class, original → dirty), no cell is changed twice, and
 * cells the product already flags in the clean table are left alone (a hit there could not be attributed).
 */
import type { ColumnFacts } from './columns';
import type { Rng } from './random';
import { cloneTable, type Table } from './table';

/** The error classes of issue #9 (1–9), then the ones this benchmark adds. */
export const ERROR_CLASSES = [
  'format',
  'fd-violation',
  'column-shift',
  'typo',
  'encoding',
  'outlier',
  'timestamp-order',
  'missing',
  'duplicate',
  'case-variant',
] as const;
export type ErrorClass = (typeof ERROR_CLASSES)[number];

export interface TruthItem {
  cls: ErrorClass;
  /** Which kind of the class ("unit", "percent", "swap-day-month", …). */
  variant: string;
  /** Row in the dirty table (0-based data row). */
  row: number;
  /** Column index; null when the whole row is the error (an inserted duplicate). */
  column: number | null;
  original: string;
  dirty: string;
  /** Row items: the row the inserted one repeats (a finding on either row of the pair counts). */
  pairRow?: number;
}

export interface CellEdit {
  row: number;
  column: number;
  text: string;
}

export interface RowInsert {
  /** The new row goes right after this row of the current dirty table. */
  after: number;
  cells: string[];
  /** The row it repeats, in the current dirty table. */
  pairRow: number;
  variant: string;
  /** What differs from the repeated row, for the report ("" for exact copies). */
  difference: string;
}

export interface InjectionOptions {
  /** At most this share of a column's rows (at least one) gets errors of one class. */
  maxColumnShare: number;
  /** Cells (column null: rows) of the clean table the product already flags: never injected into. */
  flagged?: (cleanRow: number, column: number | null) => boolean;
}

const key = (row: number, column: number) => `${row}:${column}`;

export class Injection {
  readonly table: Table;
  readonly truth: TruthItem[] = [];
  /** Harmless changes that must NOT be flagged (e.g. "254.0" for 254 in an integer column). */
  readonly decoys: CellEdit[] = [];
  /** Dirty row → the clean row it comes from, −1 for inserted rows. */
  origin: number[];
  private touched = new Set<string>();
  private perColumn = new Map<string, number>();

  constructor(
    clean: Table,
    readonly facts: ColumnFacts[],
    readonly rng: Rng,
    private readonly options: InjectionOptions,
  ) {
    this.table = cloneTable(clean);
    this.origin = clean.rows.map((_, r) => r);
  }

  get rowCount(): number {
    return this.table.rows.length;
  }

  text(row: number, column: number): string {
    return this.table.rows[row][column];
  }

  /** Whether a cell may still be changed: not touched yet, not in an inserted row, not flagged in the clean table. */
  isFree(row: number, column: number): boolean {
    const clean = this.origin[row];
    return clean >= 0 && !this.touched.has(key(row, column)) && !(this.options.flagged?.(clean, column) ?? false) && !(this.options.flagged?.(clean, null) ?? false);
  }

  /** Whether the class may put one more error in this column. */
  hasRoom(cls: ErrorClass, column: number): boolean {
    const cap = Math.max(1, Math.floor(this.options.maxColumnShare * this.table.rows.length));
    return (this.perColumn.get(`${cls}:${column}`) ?? 0) < cap;
  }

  /** Applies one error made of these cell changes (all or none); false when a cell is not free or unchanged. */
  edit(cls: ErrorClass, variant: string, edits: CellEdit[]): boolean {
    if (edits.length === 0) return false;
    if (edits.some((e) => !this.isFree(e.row, e.column) || this.text(e.row, e.column) === e.text)) return false;
    if (new Set(edits.map((e) => key(e.row, e.column))).size !== edits.length) return false;
    for (const e of edits) {
      this.truth.push({ cls, variant, row: e.row, column: e.column, original: this.text(e.row, e.column), dirty: e.text });
      this.table.rows[e.row][e.column] = e.text;
      this.touched.add(key(e.row, e.column));
    }
    const counted = `${cls}:${edits[0].column}`;
    this.perColumn.set(counted, (this.perColumn.get(counted) ?? 0) + 1);
    return true;
  }

  /** A harmless change that is not an error (findings on it are false alarms). */
  decoy(edit: CellEdit): boolean {
    if (!this.isFree(edit.row, edit.column) || this.text(edit.row, edit.column) === edit.text) return false;
    this.decoys.push(edit);
    this.table.rows[edit.row][edit.column] = edit.text;
    this.touched.add(key(edit.row, edit.column));
    return true;
  }

  /** Keeps a cell as it is (e.g. the original of a duplicated row, so the copy stays a copy). */
  reserve(row: number, column: number): void {
    this.touched.add(key(row, column));
  }

  /** Inserts rows, each recorded as a row item of class `cls`; rows after them shift down. */
  insertRows(cls: ErrorClass, inserts: RowInsert[]): void {
    const byAfter = new Map<number, RowInsert[]>();
    for (const insert of inserts) byAfter.set(insert.after, [...(byAfter.get(insert.after) ?? []), insert]);
    const rows: string[][] = [];
    const origin: number[] = [];
    const newIndex: number[] = [];
    const placed: { insert: RowInsert; row: number }[] = [];
    this.table.rows.forEach((row, r) => {
      newIndex[r] = rows.length;
      rows.push(row);
      origin.push(this.origin[r]);
      for (const insert of byAfter.get(r) ?? []) {
        placed.push({ insert, row: rows.length });
        rows.push(insert.cells);
        origin.push(-1);
      }
    });
    for (const item of this.truth) {
      item.row = newIndex[item.row];
      if (item.pairRow !== undefined) item.pairRow = newIndex[item.pairRow];
    }
    for (const decoy of this.decoys) decoy.row = newIndex[decoy.row];
    this.touched = new Set([...this.touched].map((k) => {
      const [r, c] = k.split(':').map(Number);
      return key(newIndex[r], c);
    }));
    this.table.rows = rows;
    this.origin = origin;
    for (const { insert, row } of placed) {
      const pairRow = newIndex[insert.pairRow];
      this.truth.push({ cls, variant: insert.variant, row, column: null, original: `repeats row ${pairRow}`, dirty: insert.difference || 'exact copy', pairRow });
      for (let c = 0; c < this.table.header.length; c++) {
        this.reserve(row, c);
        this.reserve(pairRow, c);
      }
    }
  }

  /**
   * Places up to `count` errors: `attempt` tries one (returns whether it placed it) and is called until
   * `count` are placed or it has failed many times in a row. Returns how many were placed.
   */
  place(count: number, attempt: () => boolean): number {
    let placed = 0;
    let failures = 0;
    while (placed < count && failures < 200 + 20 * count) {
      if (attempt()) {
        placed++;
        failures = 0;
      } else failures++;
    }
    return placed;
  }
}

/** Puts errors of one class into an Injection. One injector per class, in bench/lib/detection/injectors/. */
export interface Injector {
  cls: ErrorClass;
  /** One line for the report and the docs: what the injected errors look like. */
  description: string;
  /** Places up to `count` errors (fewer when the table has too few places for them); returns how many. */
  inject(ctx: Injection, count: number): number;
}

/** A random row of the dirty table. */
export function randomRow(ctx: Injection): number {
  return ctx.rng.int(0, ctx.rowCount - 1);
}
