/**
 * The exact profile of an in-memory table with its columns spread over the CSV reader's worker threads
 * (ingest/csv/pool.ts). A column whose buffers are in shared memory (read by the CSV reader with several
 * threads) is profiled in a worker without a copy; the worker hands back the profile and the column's facts,
 * which this thread adopts (column-facts.ts), so the quality rules reuse them as if computed here. Other
 * columns (Arrow and Parquet files, one-thread reads) are profiled in this thread. The profile is the one
 * {@link profileTable} computes.
 */
import { makeData, type Data } from 'apache-arrow';
import type { ColumnInfo, IngestResult } from '../table/model';
import type { ColumnProfile, TableProfile } from './types';
import { columnChunks, profileColumn, profileMeta, tableProfile } from './index';
import { columnFacts, type FactsParts } from './column-facts';
import { arrowType, builtTypeOf, utf8Vector } from '../ingest/csv/arrow-columns';
import type { BuiltType, Utf8Buffers } from '../ingest/csv/build';
import { sharedPool } from '../ingest/csv/pool';
import { threadsFor } from '../ingest/csv/parallel';

/** One chunk of a column, its buffers in shared memory (the dictionary, small, copied). */
interface SharedChunk {
  length: number;
  nullCount: number;
  nullBitmap: Uint8Array | null;
  values: Int32Array | BigInt64Array | Float64Array | Uint8Array;
  valueOffsets?: Int32Array;
  dictionary?: Utf8Buffers;
}

/** A column to profile in another thread. */
export interface SharedColumn {
  info: ColumnInfo;
  type: BuiltType;
  chunks: SharedChunk[];
}

export interface ColumnProfileReply {
  type: 'profile';
  profile: ColumnProfile;
  parts: FactsParts;
}

const shared = (view: ArrayBufferView | null | undefined) => !view || view.buffer instanceof SharedArrayBuffer;

/** The column as plain data over shared memory, or undefined when it cannot go to another thread without a copy. */
function sharedColumn(info: ColumnInfo, chunks: readonly Data[]): SharedColumn | undefined {
  const type = chunks.length ? builtTypeOf(chunks[0].type) : undefined;
  if (!type) return undefined;
  const out: SharedChunk[] = [];
  for (const chunk of chunks) {
    const values = chunk.values as unknown;
    if (chunk.offset !== 0 || !ArrayBuffer.isView(values) || !shared(values) || !shared(chunk.nullBitmap) || !shared(chunk.valueOffsets)) return undefined;
    const piece: SharedChunk = { length: chunk.length, nullCount: chunk.nullCount, nullBitmap: chunk.nullCount ? (chunk.nullBitmap ?? null) : null, values: values as SharedChunk['values'] };
    if (type === 'utf8') piece.valueOffsets = chunk.valueOffsets as Int32Array;
    if (type === 'dictionary') {
      const entries = chunk.dictionary?.data;
      if (!entries || entries.length !== 1 || entries[0].nullCount !== 0) return undefined;
      piece.dictionary = { length: entries[0].length, valueOffsets: entries[0].valueOffsets as Int32Array, data: entries[0].values as Uint8Array };
    }
    out.push(piece);
  }
  return { info, type, chunks: out };
}

/** Profiles a shared column (in a worker thread): its profile and its facts. */
export function profileSharedColumn(column: SharedColumn): ColumnProfileReply {
  const type = arrowType(column.type);
  const chunks = column.chunks.map((c) =>
    makeData({
      type,
      length: c.length,
      nullCount: c.nullCount,
      nullBitmap: c.nullBitmap,
      data: c.values,
      valueOffsets: c.valueOffsets,
      dictionary: c.dictionary ? utf8Vector(c.dictionary) : undefined,
    } as never),
  ) as Data[];
  return { type: 'profile', profile: profileColumn(column.info, type, chunks), parts: columnFacts(chunks).parts() };
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** {@link profileTable} with up to `threads` threads (0 or unset: every available core). */
export async function profileTableInParallel(result: IngestResult, options: { bytes?: number; threads?: number } = {}): Promise<TableProfile> {
  const { table, columns } = result;
  const meta = profileMeta(result, options.bytes);
  // As many threads as reading a file of this size takes (their memory stays within the read's budget).
  const threads = threadsFor(meta.bytes, options.threads);
  const pool = threads > 1 ? sharedPool() : undefined;
  const profiles: ColumnProfile[] = new Array(columns.length);
  const here = (k: number) => (profiles[k] = profileColumn(columns[k], table.schema.fields[columns[k].index].type, columnChunks(table, columns[k])));
  const elsewhere: { k: number; column: SharedColumn }[] = [];
  const ownOnly: number[] = [];
  columns.forEach((info, k) => {
    const column = pool && table.numRows > 0 ? sharedColumn(info, columnChunks(table, info)) : undefined;
    if (column) elsewhere.push({ k, column });
    else ownOnly.push(k);
  });
  if (!pool || elsewhere.length === 0) {
    columns.forEach((_, k) => here(k));
    return tableProfile(table, profiles, meta);
  }
  // The workers take shared columns one at a time; this thread does the others, then takes shared ones too.
  const work = async (w: number) => {
    for (let next = elsewhere.shift(); next; next = elsewhere.shift()) {
      const { k, column } = next;
      const reply = await pool.worker(w).call<ColumnProfileReply>((seq) => ({ type: 'profile', seq, column }));
      columnFacts(columnChunks(table, columns[k])).adopt(reply.parts);
      profiles[k] = reply.profile;
    }
  };
  const workers = Promise.all(Array.from({ length: threads - 1 }, (_, w) => work(w)));
  try {
    for (const k of ownOnly) {
      here(k);
      await nextTurn();
    }
    for (let next = elsewhere.pop(); next; next = elsewhere.pop()) {
      here(next.k);
      await nextTurn();
    }
  } catch (error) {
    workers.catch(() => undefined);
    throw error;
  }
  await workers;
  return tableProfile(table, profiles, meta);
}
