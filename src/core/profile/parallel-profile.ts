/**
 * The exact profile of an ingested table with its columns spread over this thread and the reader pool's
 * workers (issue #13): after a read, the pool's threads are idle, and the columns' facts (numbers, their sorted
 * copy, the distinct values of text) are most of the profile's work. A worker profiles the columns whose
 * chunks are in shared memory (a parallel CSV read builds them so) without a copy, and posts back the profile
 * and the facts it computed, which this thread adopts into its cache for the rules. The profile is the one
 * {@link profileTable} gives.
 */
import { DataType, type Data } from 'apache-arrow';
import type { ColumnInfo, IngestResult } from '../table/model';
import type { ColumnProfile, TableProfile } from './types';
import { sharedPool, threadCount } from '../ingest/csv/pool';
import { columnFacts } from './column-facts';
import { portableChunk, type PortableChunk } from './facts/portable-chunk';
import type { ProfiledColumn } from './portable-profile';
import { fileBytes, profileColumn, profileTable, tableProfileOf } from './index';

/** Tables with fewer rows are profiled in this thread alone (posting a column costs more than profiling it). */
export const MIN_PARALLEL_PROFILE_ROWS = 100_000;

/**
 * A column's profiling cost, in rows of a Float64 column (measured on the bench's mixed CSV: a Utf8 column
 * costs about 1.7 such rows per row and a tenth of one per byte of text).
 */
function costOf(chunks: readonly Data[]): number {
  let cost = 0;
  for (const chunk of chunks) {
    const type = chunk.type;
    if (DataType.isUtf8(type)) {
      const offsets = chunk.valueOffsets as Int32Array;
      cost += 1.7 * chunk.length + 0.1 * (offsets[chunk.length] - offsets[0]);
    } else if (DataType.isFloat(type)) cost += chunk.length;
    else if (DataType.isDictionary(type)) cost += 0.3 * chunk.length;
    else if (DataType.isBool(type)) cost += 0.05 * chunk.length;
    else cost += 1.3 * chunk.length;
  }
  return cost;
}

interface Column {
  info: ColumnInfo;
  chunks: Data[];
  cost: number;
  /** Its chunks as plain data, when another thread can profile it. */
  portable?: PortableChunk[];
  /** 0: this thread; t ≥ 1: the pool's worker t − 1. */
  thread: number;
}

/** The chunks as plain data when another thread can profile the column from them (its facts cover it), else undefined. */
function portableColumn(chunks: readonly Data[]): PortableChunk[] | undefined {
  const first = chunks[0];
  // Micro- and nanosecond timestamps are profiled by the accumulator (columns.ts), not from facts.
  if (!first || (DataType.isTimestamp(first.type) && (first.type.unit as number) >= 2)) return undefined;
  const portable: PortableChunk[] = [];
  for (const chunk of chunks) {
    const p = portableChunk(chunk);
    if (!p) return undefined;
    portable.push(p);
  }
  return portable;
}

/**
 * Which thread profiles each column of `result` over `threads` threads: 0 this one, t ≥ 1 the pool's worker
 * t − 1. Columns another thread can profile go longest first to the least loaded thread; this one also profiles
 * the columns no other can.
 */
export function profileThreads(result: IngestResult, threads: number): number[] {
  return planColumns(result, threads).map((column) => column.thread);
}

function planColumns(result: IngestResult, threads: number): Column[] {
  const columns: Column[] = result.columns.map((info) => {
    const chunks = result.table.batches.map((batch) => batch.data.children[info.index]);
    return { info, chunks, cost: costOf(chunks), portable: threads > 1 ? portableColumn(chunks) : undefined, thread: 0 };
  });
  const loads = new Array<number>(threads).fill(0);
  for (const column of columns) if (!column.portable) loads[0] += column.cost;
  for (const column of [...columns].filter((c) => c.portable).sort((a, b) => b.cost - a.cost)) {
    column.thread = loads.indexOf(Math.min(...loads));
    loads[column.thread] += column.cost;
  }
  return columns;
}

/**
 * The exact profile of an ingested table (as {@link profileTable}) over up to `threads` threads (the threads
 * setting: this one and the reader pool's workers). In this thread alone when the pool has no worker script,
 * one thread is asked for, or the table is small.
 */
export async function profileTableInParallel(result: IngestResult, options: { threads?: number; bytes?: number } = {}): Promise<TableProfile> {
  const { table } = result;
  const threads = threadCount(options.threads);
  const pool = threads > 1 && table.numRows >= MIN_PARALLEL_PROFILE_ROWS ? sharedPool() : undefined;
  if (!pool) return profileTable(result, options);
  const columns = planColumns(result, threads);
  const profiles: (ColumnProfile | null)[] = columns.map(() => null);
  // The workers' columns go out first; this thread then profiles its own while they work.
  const remote = Promise.all(
    columns.map(async (column, k) => {
      if (column.thread === 0 || !column.portable) return;
      const { portable, info, chunks } = column;
      try {
        const reply = await pool.worker(column.thread - 1).call<ProfiledColumn>((seq) => ({ type: 'profile-column', seq, info, chunks: portable }));
        columnFacts(chunks).adopt(reply.facts);
        profiles[k] = reply.profile;
      } catch {
        // A worker that failed (or stopped) leaves its column to this thread.
      }
    }),
  );
  columns.forEach((column, k) => {
    if (column.thread === 0) profiles[k] = profileColumn(table, column.info);
  });
  await remote;
  return tableProfileOf(
    table,
    columns.map((column, k) => profiles[k] ?? profileColumn(table, column.info)),
    { path: result.path, format: result.format, bytes: options.bytes ?? fileBytes(result.path) },
  );
}
