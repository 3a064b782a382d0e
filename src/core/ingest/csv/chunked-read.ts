/**
 * A CSV read as a sequence of requests to chunk readers (chunk-reader.ts), written once as a generator
 * and driven either in the calling thread (one chunk, synchronous) or over worker threads (parallel.ts).
 *
 * 1. Scan: each chunk scans its records from a guessed record start (boundaries.ts). The chunks are
 *    checked in order: each must start where the one before it ended; one that does not is scanned again
 *    from there (a wrong guess costs time, never results).
 * 2. Types: the sample is every k-th row of the whole read (about INFERENCE_SAMPLE rows); each chunk
 *    reports the type evidence of its sampled rows and the evidence added up decides each column's type
 *    (infer.ts), as one pass over the same rows would. Fixed types are kept.
 * 3. Build: each chunk builds its columns with those types.
 * 4. What one pass would have decided with all the values at hand, decided on the totals: Int32 widened
 *    to Int64, a type re-inferred from every value when the sample misled (or held none of the column's
 *    values), text dictionary-encoded when its distinct values over the whole column are few — and the
 *    columns concerned rebuilt.
 */
import type { NumberFormat, RawCell } from '../../table/model';
import { CATEGORICAL_MAX_DISTINCT, CATEGORICAL_MAX_DISTINCT_SHARE, FIT_SHARE, INFERENCE_SAMPLE, TypeEvidence, decimalMarkOf, parseIntegral, rejectsFractions, type InferredColumn, type TypeCounts } from './infer';
import { buildsFloat64, storeInt32, type BuiltChunkColumn, type BuiltColumn, type ColumnPlan } from './build';
import { DictionaryUnion, dictionaryToUtf8 } from './arrow-columns';
import type { ChunkReply, ChunkRequest, ChunkScan, ChunkSettings } from './chunk-reader';
import { settlePending, typicalMagnitude } from '../written-cells';
import { allocate } from './byte-sink';

export interface ChunkCall {
  chunk: number;
  message: ChunkRequest;
}

/** The plan of a read: where each chunk is guessed to start, and what every chunk shares. */
export interface ReadPlan {
  settings: ChunkSettings;
  /** Guessed start of each chunk; chunk k ends where chunk k + 1 starts (the last at `end`). */
  starts: number[];
  end: number;
  estimatedRowsPerByte: number;
  /** Fixed column types (or undefined: inferred). */
  fixedTypes: readonly (InferredColumn | undefined)[];
}

/** The chunks' scans put together: rows and structure over the whole read (lines from its first line). */
export type MergedScan = Omit<ChunkScan, 'start' | 'firstEndingAt'> & {
  /** Offset of the first line ending of another kind than the first one, or -1. */
  firstOtherEndingAt: number;
};

export interface ReadColumn {
  kind: InferredColumn['kind'];
  dateFormat?: string;
  numberFormat?: NumberFormat;
  timestampForm?: number;
  /** The column's chunks (those with rows; one empty chunk when the read has no rows). */
  chunks: BuiltColumn[];
}

export interface ChunkedOutcome {
  scan: MergedScan;
  columns: ReadColumn[];
  rejectedCells: RawCell[];
  variantCells: RawCell[];
  naTokenCells: RawCell[];
}

type Steps<T> = Generator<ChunkCall[], T, ChunkReply[]>;

function scansOf(replies: ChunkReply[]): ChunkScan[] {
  return replies.map((r) => {
    if (r.type !== 'scan') throw new Error(`internal: expected a scan, got ${r.type}`);
    return r.scan;
  });
}

function buildsOf(replies: ChunkReply[]): (BuiltChunkColumn | null)[][] {
  return replies.map((r) => {
    if (r.type !== 'build') throw new Error(`internal: expected columns, got ${r.type}`);
    return r.columns;
  });
}

function countsOf(replies: ChunkReply[]): TypeCounts[][] {
  return replies.map((r) => {
    if (r.type !== 'evidence') throw new Error(`internal: expected evidence, got ${r.type}`);
    return r.counts;
  });
}

function planFor(inferred: InferredColumn, fixed: boolean): ColumnPlan {
  if (inferred.kind === 'categorical') return { inferred, dictionaryCap: Infinity };
  // Inferred text tries a dictionary first (kept when the whole column has few distinct values).
  if (inferred.kind === 'string' && !fixed) return { inferred, dictionaryCap: CATEGORICAL_MAX_DISTINCT };
  return { inferred };
}

/** Runs the read's requests on the chunk readers, in this thread. */
export function runSteps<T>(steps: Steps<T>, handle: (call: ChunkCall) => ChunkReply): T {
  let step = steps.next([]);
  while (!step.done) step = steps.next(step.value.map(handle));
  return step.value;
}

/** Runs the read's requests through `send` (one call per chunk request, answered asynchronously). */
export async function runStepsAsync<T>(steps: Steps<T>, send: (calls: ChunkCall[]) => Promise<ChunkReply[]>): Promise<T> {
  let step = steps.next([]);
  while (!step.done) step = steps.next(await send(step.value));
  return step.value;
}

export function* readSteps(plan: ReadPlan, firstLine: number): Steps<ChunkedOutcome> {
  const { settings, starts, end, fixedTypes } = plan;
  const count = starts.length;
  const stopOf = (k: number) => (k + 1 < count ? starts[k + 1] : end);
  const scanRequest = (start: number, stop: number): ChunkCall['message'] => ({
    type: 'scan',
    request: { start, stop, estimatedRows: Math.ceil((stop - start) * plan.estimatedRowsPerByte * 1.02) },
  });

  // 1. Scan, then check that each chunk starts where the one before it ended.
  const scans = scansOf(yield starts.map((start, k) => ({ chunk: k, message: scanRequest(start, stopOf(k)) })));
  for (let k = 1; k < count; k++) {
    const before = scans[k - 1];
    if (scans[k].start === before.consumed) continue;
    // Reading stopped early before (an incomplete record at the end of a streamed chunk): nothing is left for this chunk.
    const stop = before.consumed < stopOf(k - 1) ? before.consumed : Math.max(before.consumed, stopOf(k));
    [scans[k]] = scansOf(yield [{ chunk: k, message: scanRequest(before.consumed, stop) }]);
  }
  const merged = mergeScans(scans, firstLine);
  const rowOffsets: number[] = [];
  scans.reduce((rows, s) => (rowOffsets.push(rows), rows + s.rowCount), 0);
  const all = Array.from({ length: count }, (_, k) => k);
  /** The evidence of `columns` over every `step`-th row, added up over the chunks (per column). */
  const evidenceOf = function* (columns: number[], step: number, valuesAtMost: (c: number) => number): Steps<TypeEvidence[]> {
    const total = Math.max(...columns.map(valuesAtMost));
    const untypedAcross = allocate(Int32Array, columns.length, settings.shared);
    const replies = countsOf(yield all.map((k) => ({ chunk: k, message: { type: 'evidence', request: { columns, rowOffset: rowOffsets[k], step, total, untypedAcross } } })));
    return columns.map((_, i) => {
      const evidence = new TypeEvidence();
      for (const counts of replies) evidence.merge(counts[i]);
      return evidence;
    });
  };

  // 2. Types.
  const width = settings.width;
  const columnsToInfer = Array.from({ length: width }, (_, c) => c).filter((c) => !fixedTypes[c]);
  const step = Math.max(1, Math.floor(merged.rowCount / INFERENCE_SAMPLE));
  const sampled = columnsToInfer.length ? yield* evidenceOf(columnsToInfer, step, () => Math.ceil(merged.rowCount / step)) : [];
  const sampleValues: number[] = new Array(width).fill(0);
  const plans: ColumnPlan[] = fixedTypes.map((fixed) => (fixed ? planFor({ ...fixed }, true) : planFor({ kind: 'empty' }, false)));
  // The file's decimal mark: in a file written with decimal commas, columns whose commas could be either
  // ("1,100") read them so too; in one written with points, a column of "9,6" holds pairs.
  const decimalMark = decimalMarkOf(sampled.map((evidence) => evidence.counts));
  columnsToInfer.forEach((c, i) => {
    sampleValues[c] = sampled[i].counts.values;
    plans[c] = planFor(sampled[i].decide(decimalMark), false);
  });

  // 3. Build.
  /** Builds `columns` in every chunk. Float64 columns of a parallel read go into one shared buffer for the whole column, each chunk building its rows into it. */
  const buildColumns = function* (columns: readonly number[], collectNa: boolean): Steps<(BuiltChunkColumn | null)[][]> {
    const buffers = settings.shared && count > 1 ? plans.map((p, c) => (columns.includes(c) && buildsFloat64(p) ? new SharedArrayBuffer(8 * merged.rowCount) : null)) : undefined;
    const calls = all.map((k): ChunkCall => {
      const targets = buffers?.map((buffer) => (buffer ? { buffer, row: rowOffsets[k] } : null));
      return { chunk: k, message: { type: 'build', request: { plans: plans.map((p, c) => (columns.includes(c) ? p : null)), collectNa, ...(targets ? { targets } : {}) } } };
    });
    const replies = buildsOf(yield calls);
    // A buffer back from another thread is another SharedArrayBuffer object over the same memory: every chunk's
    // values are viewed through this thread's one, so readers can tell that they follow one another in one buffer.
    buffers?.forEach((buffer, c) => {
      replies.forEach((columns, k) => {
        const column = columns[c];
        if (buffer && column) column.built.values = new Float64Array(buffer, 8 * rowOffsets[k], column.built.length);
      });
    });
    return replies;
  };
  const built = (yield* buildColumns(Array.from({ length: width }, (_, c) => c), true)).map((columns) => columns.map((c) => c!));
  const chunksOf = (c: number) => built.map((columns) => columns[c]);
  const total = (c: number, of: (column: BuiltChunkColumn) => number) => chunksOf(c).reduce((n, column) => n + of(column), 0);
  const settle = (c: number) => settleWritten(chunksOf(c), plans[c], c);
  for (let c = 0; c < width; c++) settle(c);
  const rebuild = function* (columns: number[]): Steps<void> {
    if (columns.length === 0) return;
    const again = yield* buildColumns(columns, false);
    for (const c of columns) {
      all.forEach((k) => {
        const fresh = again[k][c]!;
        built[k][c] = { ...fresh, naTokenCells: built[k][c].naTokenCells };
      });
      settle(c);
    }
  };

  // 4. Decisions on the totals: Int64 where an integer beyond Int32 was rejected…
  const widen = columnsToInfer.filter(
    (c) => plans[c].inferred.kind === 'integer' && plans[c].inferred.int32 !== false && chunksOf(c).some((column) => column.rejected.some((cell) => parseIntegral(cell.text) !== null)),
  );
  const spacedOf = (c: number) => (plans[c].inferred.listSpaced ? { listSpaced: true } : {});
  for (const c of widen) plans[c] = { inferred: { kind: 'integer', int32: false, ...spacedOf(c) } };
  yield* rebuild(widen);
  // … floats where numbers with a fraction beyond the sample are more than slips (see MAX_FRACTION_SHARE)…
  const toFloat = columnsToInfer.filter(
    (c) => plans[c].inferred.kind === 'integer' && rejectsFractions(chunksOf(c).flatMap((column) => column.rejected), total(c, (column) => column.present)),
  );
  for (const c of toFloat) plans[c] = { inferred: { kind: 'float', ...spacedOf(c) } };
  yield* rebuild(toFloat);
  // … every value's evidence where the sample misled (too many rejected values) or saw none of the values…
  const present = (c: number) => total(c, (column) => column.present);
  const reinfer =
    step === 1
      ? []
      : columnsToInfer.filter((c) => total(c, (column) => column.rejected.length) > present(c) * (1 - FIT_SHARE) || (sampleValues[c] === 0 && present(c) > 0));
  if (reinfer.length > 0) {
    const evidence = yield* evidenceOf(reinfer, 1, present);
    reinfer.forEach((c, i) => (plans[c] = planFor(evidence[i].decide(decimalMark), false)));
    yield* rebuild(reinfer);
  }

  // … and text dictionary-encoded when the whole column has few distinct values.
  const columns: ReadColumn[] = plans.map((plan, c) => {
    // Chunks without rows are left out (the first one stays when the read has none).
    let chunks = chunksOf(c)
      .map((column) => column.built)
      .filter((_chunk, k) => scans[k].rowCount > 0 || (k === 0 && merged.rowCount === 0));
    let kind = plan.inferred.kind;
    // Dictionary chunks are merged once: the union's size decides, and the chunks are re-coded to it.
    const union = chunks.every((chunk) => chunk.type === 'dictionary') ? new DictionaryUnion(chunks) : undefined;
    if (plan.dictionaryCap !== undefined && kind !== 'categorical') {
      const cap = Math.min(plan.dictionaryCap, present(c) * CATEGORICAL_MAX_DISTINCT_SHARE);
      if (present(c) > 0 && union && union.size <= cap) kind = 'categorical';
      else chunks = chunks.map((chunk) => (chunk.type === 'dictionary' ? dictionaryToUtf8(chunk) : chunk));
    }
    if (kind === 'categorical' && union) chunks = union.unify();
    const { dateFormat, numberFormat, timestampForm } = plan.inferred;
    return { kind, ...(dateFormat ? { dateFormat } : {}), ...(numberFormat ? { numberFormat } : {}), ...(timestampForm === undefined ? {} : { timestampForm }), chunks };
  });

  const rejectedCells: RawCell[] = [];
  const variantCells: RawCell[] = [];
  const naTokenCells: RawCell[] = [];
  for (let c = 0; c < width; c++) {
    all.forEach((k) => {
      const { rejected, variants, naTokenCells: na } = built[k][c];
      for (const cell of rejected) rejectedCells.push({ ...cell, row: cell.row + rowOffsets[k] });
      for (const cell of variants) variantCells.push({ ...cell, row: cell.row + rowOffsets[k] });
      for (const cell of na) naTokenCells.push({ ...cell, row: cell.row + rowOffsets[k] });
    });
  }
  rejectedCells.sort((a, b) => a.row - b.row || a.column - b.column);
  variantCells.sort((a, b) => a.row - b.row || a.column - b.column);
  return { scan: merged, columns, rejectedCells, variantCells, naTokenCells };
}

/**
 * Settles the numeric cells of a column whose value waited for the scale of the whole column (a percent
 * among plain numbers, or the reverse): read at the median magnitude of the values its chunks hold, and
 * stored in the chunks' buffers (rows within each chunk), or rejected.
 */
function settleWritten(chunks: BuiltChunkColumn[], plan: ColumnPlan, column: number): void {
  if (chunks.every((chunk) => chunk.pending.length === 0)) return;
  const parts = chunks.map(({ built }) => ({ values: built.values as Int32Array | Float64Array, length: built.length, validity: built.nullBitmap }));
  const valid = chunks.reduce((n, { built }) => n + built.length - built.nullCount, 0);
  const typical = typicalMagnitude(parts, valid);
  for (const chunk of chunks) {
    const { built, pending } = chunk;
    const values = built.values as Int32Array | Float64Array;
    const bitmap = built.nullBitmap!;
    const store = (r: number, v: number) => {
      if (values instanceof Int32Array) {
        if (!storeInt32(values, r, v)) return false;
      } else values[r] = v;
      bitmap[r >> 3] |= 1 << (r & 7);
      built.nullCount--;
      return true;
    };
    settlePending(pending, plan.inferred.numberFormat, column, typical, store, chunk);
    chunk.pending = [];
  }
}

function mergeScans(scans: readonly ChunkScan[], firstLine: number): MergedScan {
  if (scans.length === 1) {
    const s = scans[0];
    const rowLines = firstLine === 0 ? s.rowLines : s.rowLines.map((line) => line + firstLine);
    return { ...s, rowLines, firstOtherEndingAt: firstOtherEnding(scans), lines: s.lines + firstLine };
  }
  const rowCount = scans.reduce((n, s) => n + s.rowCount, 0);
  const rowStarts = new Uint32Array(rowCount);
  const rowLines = new Uint32Array(rowCount);
  const merged: MergedScan = { rowCount, rowStarts, rowLines, ragged: [], blankRanges: [], strays: [], unterminatedAt: -1, endings: { lf: 0, crlf: 0, cr: 0 }, firstOtherEndingAt: firstOtherEnding(scans), consumed: 0, lines: firstLine };
  let row = 0;
  for (const s of scans) {
    // Each chunk's arrays copied in one block; lines counted from the chunk's start then moved to the read's.
    rowStarts.set(s.rowStarts, row);
    rowLines.set(s.rowLines, row);
    if (merged.lines !== 0) for (let r = row, end = row + s.rowCount; r < end; r++) rowLines[r] += merged.lines;
    for (let i = 0; i < s.ragged.length; i += 2) merged.ragged.push(s.ragged[i] + row, s.ragged[i + 1]);
    for (const offset of s.blankRanges) merged.blankRanges.push(offset);
    for (let i = 0; i < s.strays.length; i += 3) merged.strays.push(s.strays[i] < 0 ? -1 : s.strays[i] + row, s.strays[i + 1], s.strays[i + 2]);
    if (s.unterminatedAt >= 0) merged.unterminatedAt = s.unterminatedAt;
    merged.endings.lf += s.endings.lf;
    merged.endings.crlf += s.endings.crlf;
    merged.endings.cr += s.endings.cr;
    merged.consumed = s.consumed;
    merged.lines += s.lines;
    row += s.rowCount;
  }
  return merged;
}

/** The offset of the first line ending of another kind than the first one met, or -1. */
export function firstOtherEnding(scans: readonly Pick<ChunkScan, 'firstEndingAt'>[]): number {
  const kinds = ['lf', 'crlf', 'cr'] as const;
  const firsts = kinds.map((kind) => {
    for (const s of scans) if (s.firstEndingAt[kind] >= 0) return s.firstEndingAt[kind];
    return -1;
  });
  const seen = firsts.filter((offset) => offset >= 0).sort((a, b) => a - b);
  return seen.length > 1 ? seen[1] : -1;
}
