/**
 * Column profiles of a table: exact for in-memory tables ({@link profileTable}), bounded memory for
 * batch-by-batch reading ({@link createStreamingProfiler}).
 *
 * Exact mode: a sorted copy of each numeric column gives quantiles (linear interpolation), distinct
 * count and frequencies; Welford gives mean/std; text columns use a hash map. Streaming mode keeps the
 * same exact structures up to `exactLimit` values / distinct keys per column (default 65,536), then
 * switches to sketches: KLL (quantiles, histogram, outlier counts), HyperLogLog p = 14 (distinct),
 * Misra–Gries (top values); `distinctMethod`, `quantileMethod`, `topValuesMethod` say which were used.
 * Dates and timestamps are profiled as epoch milliseconds (kind kept so printers render ISO text).
 */
import { statSync } from 'node:fs';
import type { RecordBatch, Schema, Table } from 'apache-arrow';
import type { ColumnInfo, IngestResult } from '../table/model';
import type { TableProfile } from './types';
import { createAccumulator, emptyColumnProfile, exactProfileFromFacts, type AccumulatorOptions, type ColumnAccumulator } from './columns';
import { columnFacts } from './column-facts';

export type { ColumnProfile, TableProfile, HistogramBin, TopValue } from './types';
export { HyperLogLog, KllSketch, MisraGries } from './sketches';
export { quantileSorted, buildHistogram, QUANTILES, TOP_VALUES } from './columns';

export interface StreamingProfilerOptions {
  /** Values / distinct keys per column kept exactly before switching to sketches (default 65,536). */
  exactLimit?: number;
  /** KLL accuracy parameter (default 256: rank error about 1 % of n). */
  kllK?: number;
  /** Misra–Gries counters for top values (default 1,024). */
  topCapacity?: number;
}

export interface StreamingProfiler {
  /** Adds one record batch (its schema must match the columns given at creation). */
  addBatch(batch: RecordBatch): void;
  /** Rows added so far. */
  readonly rows: number;
  /** The profile of every batch added. */
  finish(meta?: { path?: string; format?: string; bytes?: number; mode?: 'memory' | 'streaming' }): TableProfile;
}

function accumulatorsFor(schema: Schema | null, columns: ColumnInfo[], options: AccumulatorOptions): ColumnAccumulator[] | null {
  if (!schema) return null;
  return columns.map((info) => createAccumulator(info, schema.fields[info.index].type, options));
}

/**
 * A profiler fed batch by batch with bounded memory (per column: up to `exactLimit` values, then
 * fixed-size sketches). The Arrow types are taken from the first batch's schema.
 */
export function createStreamingProfiler(columns: ColumnInfo[], options: StreamingProfilerOptions = {}): StreamingProfiler {
  const accOptions: AccumulatorOptions = {
    exactLimit: options.exactLimit ?? 65_536,
    kllK: options.kllK ?? 256,
    topCapacity: options.topCapacity ?? 1024,
  };
  let accumulators: ColumnAccumulator[] | null = null;
  let schema: Schema | null = null;
  let rows = 0;
  return {
    addBatch(batch: RecordBatch): void {
      if (!accumulators) {
        schema = batch.schema;
        accumulators = accumulatorsFor(schema, columns, accOptions);
      }
      const children = batch.data.children;
      (accumulators as ColumnAccumulator[]).forEach((acc, k) => acc.addChunk(children[columns[k].index]));
      rows += batch.numRows;
    },
    get rows() {
      return rows;
    },
    finish(meta = {}): TableProfile {
      const accs = accumulators ?? [];
      return {
        path: meta.path ?? '',
        format: meta.format ?? '',
        rows,
        columns: accs.length > 0 ? accs.map((a) => a.finish()) : columns.map((c) => emptyColumnProfile(c)),
        bytes: meta.bytes ?? 0,
        mode: meta.mode ?? 'streaming',
      };
    },
  };
}

/**
 * Exact profile of an Arrow table with the given column descriptions. Numeric, date, timestamp and Utf8
 * columns are profiled from their shared column facts (computed once per column and reused by the
 * quality rules); other columns by the accumulators.
 */
export function profileArrowTable(table: Table, columns: ColumnInfo[], meta: { path?: string; format?: string; bytes?: number } = {}): TableProfile {
  const accOptions: AccumulatorOptions = { exactLimit: Infinity, kllK: 256, topCapacity: 1024 };
  const profiles = columns.map((info) => {
    const type = table.schema.fields[info.index].type;
    const chunks = table.batches.map((batch) => batch.data.children[info.index]);
    const fromFacts = exactProfileFromFacts(info, type, columnFacts(chunks));
    if (fromFacts) return fromFacts;
    const acc = createAccumulator(info, type, accOptions);
    for (const chunk of chunks) acc.addChunk(chunk);
    return acc.finish();
  });
  return {
    path: meta.path ?? '',
    format: meta.format ?? '',
    rows: table.numRows,
    columns: profiles,
    bytes: meta.bytes ?? 0,
    mode: 'memory',
  };
}

/**
 * Exact profile of an ingested table. `bytes` defaults to the size of `result.path` on disk (0 when it
 * cannot be read).
 */
export function profileTable(result: IngestResult, options: { bytes?: number } = {}): TableProfile {
  let bytes = options.bytes;
  if (bytes === undefined) {
    try {
      bytes = statSync(result.path).size;
    } catch {
      bytes = 0;
    }
  }
  return profileArrowTable(result.table, result.columns, { path: result.path, format: result.format, bytes });
}
