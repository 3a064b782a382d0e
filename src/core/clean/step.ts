/**
 * What a cleaning step is: one file per step in steps/, like the quality rules. A step has an id, a title,
 * its options (a zod schema: validated, with defaults, documented in docs/recipe.md), optionally what it
 * learns from the data (`fit`, recorded in the recipe so re-applying it is exact), how it changes the
 * schema, how it changes a frame (with counts of what changed), and the pandas code that does the same.
 */
import type * as z from 'zod/mini';
import { columnIndex, keepRows, type Cell, type ColumnSpec, type Frame } from './frame';
import { finiteNumber, isMissing } from './values';

export interface StepContext {
  /** Cell texts read as missing besides empty ones (the recipe's input.naTokens). */
  naTokens: ReadonlySet<string>;
}

/** What one application of a step changed in one frame. */
export interface StepChange {
  frame: Frame;
  /** Cells whose text changed. */
  cellsChanged: number;
  /** Per row of the input frame: 1 when one of its cells changed. Absent when nothing changed. */
  changedRows?: Uint8Array;
  /** Per row of the input frame: 1 when the step dropped it. Absent when nothing was dropped. */
  droppedRows?: Uint8Array;
}

/** Learns a step's parameters from the frames of one pass (as they are when they reach the step). */
export interface Fitter<F> {
  add(frame: Frame): void;
  finish(): F;
}

/** State a step keeps across the frames of one pass (the rows seen by "drop duplicate rows"). */
export interface StepState {
  readonly kind: string;
  /** What the user should know after the pass (e.g. a bounded table filled up). */
  notes?(): string[];
}

export interface StepDefinition<O, F> {
  /** Kebab-case id, written in recipes. */
  id: string;
  title: string;
  /** One sentence: what the step does. */
  description: string;
  /** Options as written in a recipe (validated; missing ones get their defaults). */
  options: z.ZodMiniType<O>;
  /** Learned parameters (absent for steps that learn nothing). */
  fitted?: z.ZodMiniType<F>;
  /** The learned parameters name rows of the file fitted on: they are learned again for another file. */
  rowSpecific?: boolean;
  /** Columns the step reads or writes (the step's own columns option, or every column). */
  columns(options: NoInfer<O>, schema: readonly ColumnSpec[]): string[];
  /** Whether the step may drop rows, or change the set of columns (renames, one-hot, drops). */
  dropsRows?(options: NoInfer<O>): boolean;
  changesColumns?: boolean;
  /** Learns what the step needs; absent (or returning undefined for these options) when it needs nothing. */
  fit?(options: NoInfer<O>, schema: readonly ColumnSpec[], context: StepContext): Fitter<NoInfer<F>> | undefined;
  /** The schema after the step (default: unchanged). */
  schema?(input: readonly ColumnSpec[], options: NoInfer<O>, fitted: NoInfer<F> | undefined): ColumnSpec[];
  /** State kept across frames within one pass. */
  createState?(): StepState;
  apply(frame: Frame, options: NoInfer<O>, fitted: NoInfer<F> | undefined, context: StepContext, state: StepState | undefined): StepChange;
  /** Python lines (pandas) doing the same to `df`, with the helper functions they use (python/helpers.ts). */
  pandas(options: NoInfer<O>, fitted: NoInfer<F> | undefined, schemaIn: readonly ColumnSpec[], schemaOut: readonly ColumnSpec[]): { lines: string[]; helpers?: string[] };
  /** A short human description of one configured step ("Trim white space in city"). */
  summary(options: NoInfer<O>, fitted: NoInfer<F> | undefined): string;
}

/** A step with its option types erased, so steps of different shapes share one registry. */
export type AnyStep = StepDefinition<unknown, unknown>;

export function defineStep<O, F = never>(step: StepDefinition<O, F>): AnyStep {
  return step as unknown as AnyStep;
}

/**
 * Applies `transform` to the cells of the named columns (copy on first change): the common shape of the
 * value steps. `transform` returns the new cell, or `undefined` to leave it as it is.
 */
export function mapColumns(frame: Frame, names: readonly string[], transform: (cell: Cell, column: string, row: number) => Cell | undefined): StepChange {
  let columns: Cell[][] | undefined;
  let changedRows: Uint8Array | undefined;
  let cellsChanged = 0;
  for (const name of names) {
    const index = frame.schema.findIndex((c) => c.name === name);
    if (index < 0) throw new Error(`no column "${name}"`);
    const cells = frame.columns[index];
    let out: Cell[] | undefined;
    for (let r = 0; r < frame.length; r++) {
      const next = transform(cells[r], name, r);
      if (next === undefined || next === cells[r]) continue;
      out ??= cells.slice();
      out[r] = next;
      cellsChanged++;
      (changedRows ??= new Uint8Array(frame.length))[r] = 1;
    }
    if (out) (columns ??= frame.columns.slice())[index] = out;
  }
  return { frame: columns ? { ...frame, columns } : frame, cellsChanged, changedRows };
}

/** Calls `visit` with every cell of the named columns that is not missing (what fitters learn from). */
export function eachPresent(frame: Frame, names: Iterable<string>, naTokens: ReadonlySet<string>, visit: (column: string, text: string) => void): void {
  for (const name of names) for (const cell of frame.columns[columnIndex(frame.schema, name)]) if (!isMissing(cell, naTokens)) visit(name, cell!);
}

/** Calls `visit` with every finite number in the named columns. */
export function eachNumber(frame: Frame, names: Iterable<string>, naTokens: ReadonlySet<string>, visit: (column: string, value: number) => void): void {
  eachPresent(frame, names, naTokens, (column, text) => {
    const value = finiteNumber(text);
    if (value !== null) visit(column, value);
  });
}

/** Drops the rows for which `drop` holds, and reports them. */
export function dropRowsWhere(frame: Frame, drop: (row: number) => boolean): StepChange {
  let droppedRows: Uint8Array | undefined;
  for (let r = 0; r < frame.length; r++) if (drop(r)) (droppedRows ??= new Uint8Array(frame.length))[r] = 1;
  if (!droppedRows) return { frame, cellsChanged: 0 };
  const keep = new Uint8Array(frame.length);
  for (let r = 0; r < frame.length; r++) keep[r] = droppedRows[r] ^ 1;
  return { frame: keepRows(frame, keep), cellsChanged: 0, droppedRows };
}

/** Python string literal of a text (JSON strings are valid Python literals for BMP text; astral chars escaped). */
export function py(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'boolean' ? (v ? '__PY_TRUE__' : '__PY_FALSE__') : v === null ? '__PY_NONE__' : v))
    .replace(/"__PY_TRUE__"/g, 'True')
    .replace(/"__PY_FALSE__"/g, 'False')
    .replace(/"__PY_NONE__"/g, 'None');
}
