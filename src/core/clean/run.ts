/**
 * Applies a recipe to a source, batch by batch with bounded memory. Steps that must learn from the data
 * (a median, the majority spelling, quantile bounds) are fitted first, in passes over the file: a pass
 * applies every step it can and fits each pending step whose input the pass can already see as it will be;
 * steps depending on a pending one wait for the next pass. The last pass applies everything, hands the
 * frames to the sink (a writer) and counts what each step changed, with samples of changed rows.
 */
import type { Cell, ColumnSpec, Frame } from './frame';
import { keepRows } from './frame';
import { readFrames, type SourceInfo } from './source';
import type { AnyStep, Fitter, StepContext, StepState } from './step';
import { stepById } from './steps/index';
import type { Recipe, RecipeStep } from './recipe';

export interface FrameSink {
  write(frame: Frame): Promise<void>;
}

export interface CleanProgress {
  /** 1-based pass, of `passes` (the last one writes). */
  pass: number;
  passes: number;
  bytesRead: number;
  totalBytes: number;
  rows: number;
}

export interface CleanOptions {
  signal?: AbortSignal;
  onProgress?: (progress: CleanProgress) => void;
  /** Read at most this many rows (previews); every pass stops at the same row. */
  maxRows?: number;
  /** Changed or dropped rows kept as before → after samples (default 0). */
  sampleRows?: number;
}

export interface StepReport {
  /** Index in recipe.steps. */
  index: number;
  step: string;
  title: string;
  summary: string;
  enabled: boolean;
  rowsChanged: number;
  cellsChanged: number;
  rowsDropped: number;
}

export interface RowSample {
  /** Source data row (0-based). */
  row: number;
  before: Cell[];
  /** The row as written, or null when a step dropped it. */
  after: Cell[] | null;
  /** Indices (in recipe.steps) of the steps that changed or dropped the row. */
  steps: number[];
}

export interface CleanRun {
  /** The recipe with every enabled step's learned parameters filled in. */
  recipe: Recipe;
  schemaIn: ColumnSpec[];
  schemaOut: ColumnSpec[];
  rowsIn: number;
  rowsOut: number;
  /** One per recipe step, disabled ones with zero counts. */
  steps: StepReport[];
  samples: RowSample[];
  passes: number;
  /** Reading stopped at `maxRows`. */
  truncated: boolean;
  notes: string[];
}

interface ActiveStep {
  index: number;
  entry: RecipeStep;
  def: AnyStep;
  fitted: unknown;
  /** A fitter is wanted (the step learns from the data and has not yet). */
  pending: boolean;
}

type Mode = 'apply' | 'fit' | 'skip';

/** The source's columns, with the kinds the recipe recorded for the names it knows. */
export function inputSchema(source: SourceInfo, recipe: Recipe): ColumnSpec[] {
  const recorded = new Map(recipe.input.columns.map((c) => [c.name, c]));
  return source.schema.map((c) => {
    const r = recorded.get(c.name);
    return r ? { name: c.name, kind: r.kind, ...(r.dateFormat ? { dateFormat: r.dateFormat } : {}) } : c;
  });
}

function contextError(step: ActiveStep, error: unknown): Error {
  const message = error instanceof Error ? error.message : String(error);
  return new Error(`step ${step.index + 1} (${step.def.id}): ${message}`);
}

/**
 * What each step does in the next pass, from the steps' declarations alone: a pending step is fitted when
 * no step before it in this pass left its columns unsettled; steps reading unsettled columns wait; after
 * a skipped or fitting step that drops rows or changes columns, everything waits.
 */
function planPass(steps: ActiveStep[], schemaIn: ColumnSpec[]): Mode[] {
  const unsettled = new Set<string>();
  let blocked = false;
  let schema = schemaIn;
  return steps.map((s) => {
    if (blocked) return 'skip';
    const columns = s.def.columns(s.entry.options, schema);
    const waits = columns.some((c) => unsettled.has(c));
    const mode: Mode = waits ? 'skip' : s.pending ? 'fit' : 'apply';
    if (mode !== 'apply') {
      for (const c of columns) unsettled.add(c);
      if (s.def.dropsRows?.(s.entry.options) || s.def.changesColumns) blocked = true;
    }
    if (!blocked && s.def.schema) schema = s.def.schema(schema, s.entry.options, s.fitted);
    return mode;
  });
}

/** How many passes the recipe needs (for progress), by simulating the plan. */
function countPasses(steps: ActiveStep[], schemaIn: ColumnSpec[]): number {
  const pending = steps.map((s) => s.pending);
  let passes = 1;
  while (pending.some(Boolean)) {
    const modes = planPass(
      steps.map((s, i) => ({ ...s, pending: pending[i] })),
      schemaIn,
    );
    modes.forEach((m, i) => {
      if (m === 'fit') pending[i] = false;
    });
    passes++;
  }
  return passes;
}

/** The first `n` rows of a frame. */
function headOf(frame: Frame, n: number): Frame {
  const keep = new Uint8Array(frame.length);
  keep.fill(1, 0, n);
  return keepRows(frame, keep);
}

/** Tracks, per row of one source frame, which steps changed it and which dropped it. */
class RowTracker {
  readonly changedBy: number[][];
  readonly droppedBy: Int32Array;

  constructor(readonly source: Frame) {
    this.changedBy = Array.from({ length: source.length }, () => []);
    this.droppedBy = new Int32Array(source.length).fill(-1);
  }

  private position(frame: Frame, r: number): number {
    return frame.rows[r] - this.source.rows[0];
  }

  record(stepIndex: number, frame: Frame, changedRows: Uint8Array | undefined, droppedRows: Uint8Array | undefined): void {
    for (let r = 0; r < frame.length; r++) {
      if (changedRows?.[r]) this.changedBy[this.position(frame, r)].push(stepIndex);
      if (droppedRows?.[r]) this.droppedBy[this.position(frame, r)] = stepIndex;
    }
  }

  samples(result: Frame, limit: number, out: RowSample[]): void {
    if (out.length >= limit) return;
    const after = new Int32Array(this.source.length).fill(-1);
    for (let r = 0; r < result.length; r++) after[this.position(result, r)] = r;
    for (let p = 0; p < this.source.length && out.length < limit; p++) {
      const dropped = this.droppedBy[p];
      if (dropped < 0 && this.changedBy[p].length === 0) continue;
      out.push({
        row: this.source.rows[p],
        before: this.source.columns.map((c) => c[p]),
        after: dropped >= 0 || after[p] < 0 ? null : result.columns.map((c) => c[after[p]]),
        steps: dropped >= 0 ? [...this.changedBy[p], dropped] : this.changedBy[p],
      });
    }
  }
}

export async function runClean(source: SourceInfo, recipe: Recipe, sink: FrameSink | undefined, options: CleanOptions = {}): Promise<CleanRun> {
  const schemaIn = inputSchema(source, recipe);
  const reading: SourceInfo = { ...source, schema: schemaIn };
  const context: StepContext = { naTokens: new Set(recipe.input.naTokens) };
  const notes: string[] = [];
  const refit = recipe.source !== undefined && recipe.source.bytes !== source.totalBytes;
  const steps: ActiveStep[] = [];
  recipe.steps.forEach((entry, index) => {
    if (!entry.enabled) return;
    const def = stepById(entry.step);
    if (!def) throw new Error(`step ${index + 1}: unknown step "${entry.step}"`);
    let fitted: unknown = entry.fitted;
    if (fitted !== undefined && def.rowSpecific && refit) {
      fitted = undefined;
      notes.push(`Step ${index + 1} (${def.title}) names rows of the file it was fitted on, which is not this one: it was fitted again.`);
    }
    const wantsFit = fitted === undefined && def.fit !== undefined && def.fit(entry.options, schemaIn, context) !== undefined;
    steps.push({ index, entry, def, fitted, pending: wantsFit });
  });
  const passes = countPasses(steps, schemaIn);
  const reports: StepReport[] = recipe.steps.map((entry, index) => {
    const def = stepById(entry.step);
    return { index, step: entry.step, title: def?.title ?? entry.step, summary: '', enabled: entry.enabled, rowsChanged: 0, cellsChanged: 0, rowsDropped: 0 };
  });
  const samples: RowSample[] = [];
  const sampleRows = options.sampleRows ?? 0;
  let rowsIn = 0;
  let rowsOut = 0;
  let truncated = false;
  let schemaOut = schemaIn;

  for (let pass = 1; ; pass++) {
    const final = steps.every((s) => !s.pending);
    const modes: Mode[] = final ? steps.map(() => 'apply') : planPass(steps, schemaIn);
    const fitters = new Map<ActiveStep, Fitter<unknown>>();
    const states = new Map<ActiveStep, StepState | undefined>();
    steps.forEach((s, i) => {
      if (modes[i] === 'fit') fitters.set(s, s.def.fit!(s.entry.options, schemaIn, context)!);
      if (modes[i] === 'apply') states.set(s, s.def.createState?.());
    });
    let rowsRead = 0;
    for await (let frame of readFrames(reading, {
      signal: options.signal,
      onProgress: (p) => options.onProgress?.({ pass, passes, ...p }),
    })) {
      if (options.maxRows !== undefined && rowsRead + frame.length > options.maxRows) {
        frame = headOf(frame, options.maxRows - rowsRead);
        truncated = true;
      }
      rowsRead += frame.length;
      const tracker = final && sampleRows > samples.length ? new RowTracker(frame) : undefined;
      if (final) rowsIn += frame.length;
      for (let i = 0; i < steps.length; i++) {
        const s = steps[i];
        try {
          if (modes[i] === 'fit') fitters.get(s)!.add(frame);
          if (modes[i] !== 'apply') continue;
          const schemaBefore = frame.schema;
          const change = s.def.apply(frame, s.entry.options, s.fitted, context, states.get(s));
          // Value steps that change kinds (numbers, dates) say so in their schema, not in each frame.
          if (s.def.schema && !s.def.changesColumns) change.frame = { ...change.frame, schema: s.def.schema(schemaBefore, s.entry.options, s.fitted) };
          if (final) {
            const report = reports[s.index];
            report.cellsChanged += change.cellsChanged;
            if (change.changedRows) for (const v of change.changedRows) report.rowsChanged += v;
            if (change.droppedRows) for (const v of change.droppedRows) report.rowsDropped += v;
            tracker?.record(s.index, frame, change.changedRows, change.droppedRows);
          }
          frame = change.frame;
        } catch (error) {
          throw contextError(s, error);
        }
      }
      if (final) {
        schemaOut = frame.schema;
        rowsOut += frame.length;
        tracker?.samples(frame, sampleRows, samples);
        await sink?.write(frame);
      }
      if (truncated) break;
    }
    for (const [s, fitter] of fitters) {
      try {
        s.fitted = fitter.finish();
      } catch (error) {
        throw contextError(s, error);
      }
      s.pending = false;
    }
    if (final) {
      for (const state of states.values()) notes.push(...(state?.notes?.() ?? []));
      if (rowsIn === 0) schemaOut = expectedSchema(steps, schemaIn);
      break;
    }
  }

  const fittedById = new Map(steps.map((s) => [s.index, s.fitted]));
  const fittedRecipe: Recipe = {
    ...recipe,
    steps: recipe.steps.map((entry, index) => {
      const fitted = fittedById.get(index);
      return fitted === undefined ? entry : ({ ...entry, fitted } as RecipeStep);
    }),
  };
  for (const s of steps) reports[s.index].summary = s.def.summary(s.entry.options, s.fitted);
  for (const r of reports) if (!r.summary) r.summary = stepById(r.step)?.summary(recipe.steps[r.index].options, recipe.steps[r.index].fitted) ?? r.step;
  return { recipe: fittedRecipe, schemaIn, schemaOut, rowsIn, rowsOut, steps: reports, samples, passes, truncated, notes };
}

/** The output schema without data (an empty file): each step's schema change in turn. */
export function expectedSchema(steps: { def: AnyStep; entry: RecipeStep; fitted: unknown }[], schemaIn: ColumnSpec[]): ColumnSpec[] {
  let schema = schemaIn;
  for (const s of steps) if (s.def.schema) schema = s.def.schema(schema, s.entry.options, s.fitted);
  return schema;
}
