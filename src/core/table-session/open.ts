/**
 * Opens a data file as a table session, showing rows as early as possible.
 *
 * - Within the memory budget the whole table is read into memory. Arrow and Parquet batches join the
 *   session as they are decoded; a CSV's first chunk is read on its own (a preview) and replaced by the
 *   complete read, whose types come from the whole file as in a check. Other formats `ingestFile` reads
 *   (whatever it supports) are read whole.
 * - Over the budget the file is paged: one pass indexes its batches (CSV chunks, Parquet row groups,
 *   Arrow record batches) and profiles them; later a batch is read again when a window needs it.
 */
import { stat } from 'node:fs/promises';
import { Table, type RecordBatch } from 'apache-arrow';
import { ingestFile, ingestTextBatches, textSizeOf, type IngestOptions } from '../ingest/index';
import { readingOf } from '../ingest/formats';
import { openArrowBatches, openArrowFileBatches, type BatchSource } from '../ingest/arrow';
import { openParquetBatches } from '../ingest/parquet';
import { createStreamingProfiler, profileArrowTable, type TableProfile } from '../profile/index';
import type { ColumnInfo, CsvDialect, IngestResult, SourceFormat } from '../table/model';
import { MemoryStore, PagedStore, loadedBatchesOf, type LoadedBatch, type PagedSource } from './stores';
import { TableSession, type SessionLimits } from './session';

export interface OpenTableOptions extends Omit<IngestOptions, 'onProgress' | 'sniffBytes'> {
  /** Bytes of a CSV read first, to show rows before the whole file is read (default 1 MiB). */
  previewBytes?: number;
  /** Chunk size of a paged CSV (default 16 MiB). */
  chunkBytes?: number;
  limits?: SessionLimits;
  onProgress?: (p: { bytesRead: number; totalBytes: number; rows: number }) => void;
  /** Called once, as soon as the first rows can be shown (the session keeps growing until the read ends). */
  onFirstRows?: (session: TableSession, first: { format: SourceFormat; columns: ColumnInfo[]; paged: boolean }) => void;
}

export interface OpenedTable {
  session: TableSession;
  format: SourceFormat;
  paged: boolean;
  columns: ColumnInfo[];
  dialect?: CsvDialect;
  /** Milliseconds from opening to the last row read (memory) or indexed (paged). */
  readMs: number;
  /** The file's profile: computed column by column (memory; yields between columns), or from the paging pass. */
  profile(): Promise<TableProfile>;
  /** Releases what the session keeps open (paged files). */
  close(): Promise<void>;
}

const PREVIEW_BYTES = 1024 * 1024;
const PAGED_TEXT_CHUNK = 16 * 1024 * 1024;

/** Paged stores keep a quarter of the budget of decoded batches (and always two batches). */
function cacheBytesFor(budget: number): number {
  return Math.floor(budget / 4);
}

const yieldToEvents = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Exact profile of an in-memory table, one column at a time with a turn of the event loop between columns. */
async function profileInSlices(table: Table, columns: ColumnInfo[], meta: { path: string; format: string; bytes: number }): Promise<TableProfile> {
  const profiles = [];
  for (const column of columns) {
    await yieldToEvents();
    profiles.push(profileArrowTable(table, [column], meta).columns[0]);
  }
  return { path: meta.path, format: meta.format, rows: table.numRows, columns: profiles, bytes: meta.bytes, mode: 'memory' };
}

export async function openTable(path: string, options: OpenTableOptions = {}): Promise<OpenedTable> {
  const started = performance.now();
  const size = (await stat(path)).size;
  const budget = options.memoryBudgetBytes;
  // A gzip file is over the budget by the size of its text.
  const paged = budget !== undefined && (await textSizeOf(path)) > budget;
  const opened = paged ? await openPaged(path, size, budget, options) : await openInMemory(path, size, options);
  return { ...opened, paged, readMs: Math.round(performance.now() - started) };
}

type Opened = Omit<OpenedTable, 'paged' | 'readMs'>;

async function openInMemory(path: string, size: number, options: OpenTableOptions): Promise<Opened> {
  const { reader } = readingOf(path);
  const { onFirstRows, onProgress, signal } = options;
  const meta = { path, bytes: size };
  if (reader === 'arrow' || reader === 'parquet') {
    const source: BatchSource = reader === 'arrow' ? await openArrowBatches(path, { signal, onProgress }) : await openParquetBatches(path, { signal, onProgress });
    const store = new MemoryStore(source.schema, source.columns);
    const session = new TableSession(store, options.limits);
    const batches: RecordBatch[] = [];
    for await (const batch of source.batches) {
      batches.push(batch);
      store.append({ batch, raw: null });
      if (batches.length === 1) onFirstRows?.(session, { format: source.format, columns: source.columns, paged: false });
    }
    if (batches.length === 0) onFirstRows?.(session, { format: source.format, columns: source.columns, paged: false });
    const table = new Table(source.schema, batches);
    return { session, format: source.format, columns: source.columns, profile: () => profileInSlices(table, source.columns, { ...meta, format: source.format }), close: async () => undefined };
  }
  // Text: a preview of the first chunk, then the whole file as a check reads it.
  let session: TableSession | undefined;
  let store: MemoryStore | undefined;
  if (size > (options.previewBytes ?? PREVIEW_BYTES)) {
    for await (const first of ingestTextBatches(path, { ...options, chunkBytes: options.previewBytes ?? PREVIEW_BYTES })) {
      store = new MemoryStore(first.result.table.schema, first.result.columns);
      for (const loaded of loadedBatchesOf(first.result)) store.append(loaded);
      session = new TableSession(store, options.limits);
      onFirstRows?.(session, { format: first.result.format, columns: first.result.columns, paged: false });
      break;
    }
  }
  const result = await ingestFile(path, { ...options, onProgress });
  if (store && session) store.replace(result.table.schema, result.columns, loadedBatchesOf(result));
  else {
    store = new MemoryStore(result.table.schema, result.columns);
    for (const loaded of loadedBatchesOf(result)) store.append(loaded);
    session = new TableSession(store, options.limits);
    onFirstRows?.(session, { format: result.format, columns: result.columns, paged: false });
  }
  onProgress?.({ bytesRead: size, totalBytes: size, rows: result.table.numRows });
  const table = result.table;
  return { session, format: result.format, columns: result.columns, dialect: result.dialect, profile: () => profileInSlices(table, result.columns, { ...meta, format: result.format }), close: async () => undefined };
}

/** A paged source, with the schema and columns known before the first batch. */
interface Pager<P> {
  format: SourceFormat;
  schema: RecordBatch['schema'];
  columns: ColumnInfo[];
  source: PagedSource<P>;
  dialect?: () => CsvDialect | undefined;
  /** Rows of the file when its metadata says (progress of sources that do not report it). */
  totalRows?: number;
  close(): Promise<void> | void;
}

/** Text files (CSV/TSV, JSON Lines; plain or gzip) in chunks; a plain UTF-8 file's chunk is read again from its bytes. */
async function textPager(path: string, options: OpenTableOptions): Promise<Pager<{ index: number; part: number; reread?: () => Promise<IngestResult> }>> {
  const read = { ...options, chunkBytes: options.chunkBytes ?? PAGED_TEXT_CHUNK, onProgress: undefined };
  // The schema comes from the first chunk (read again by the indexing pass).
  let first: IngestResult | undefined;
  for await (const batch of ingestTextBatches(path, read)) {
    first = batch.result;
    break;
  }
  if (!first) throw new Error(`${path} has no rows.`);
  const { dialect } = first;
  async function* scan(signal?: AbortSignal) {
    let index = 0;
    for await (const batch of ingestTextBatches(path, { ...read, signal, onProgress: options.onProgress })) {
      const parts = loadedBatchesOf(batch.result);
      for (let part = 0; part < parts.length; part++) yield { loaded: parts[part], position: { index: index++, part, ...(batch.reread ? { reread: batch.reread } : {}) } };
    }
  }
  return {
    format: first.format,
    schema: first.table.schema,
    columns: first.columns,
    dialect: () => dialect,
    source: {
      scan,
      async load(position) {
        if (position.reread) return loadedBatchesOf(await position.reread())[position.part];
        // Compressed or re-encoded files (gzip, UTF-16, Windows-1252) have no byte offsets: read up to the batch again.
        for await (const { loaded, position: p } of scan()) if (p.index === position.index) return loaded;
        throw new Error(`${path} changed while it was open: batch ${position.index} is gone.`);
      },
    },
    close: () => undefined,
  };
}

/** Parquet by row group: one pass streams the file; a batch is read again from its row group alone. */
async function parquetPager(path: string, options: OpenTableOptions): Promise<Pager<{ group: number; part: number }>> {
  // The schema and the row groups come with opening (each read is its own worker thread, ended with its batches).
  const probe = await openParquetBatches(path, { signal: options.signal });
  await probe.batches.next();
  await probe.batches.return();
  const { rowGroupRows } = probe;
  return {
    format: 'parquet',
    schema: probe.schema,
    totalRows: probe.totalRows ?? undefined,
    columns: probe.columns,
    source: {
      async *scan(signal?: AbortSignal) {
        const source = await openParquetBatches(path, { signal });
        // Batches never span row groups: count rows to know which group (and which part of it) each is.
        let group = 0;
        let part = 0;
        let rowsInGroup = 0;
        for await (const batch of source.batches) {
          while (group < rowGroupRows.length - 1 && rowsInGroup >= rowGroupRows[group]) {
            group++;
            part = 0;
            rowsInGroup = 0;
          }
          yield { loaded: { batch, raw: null }, position: { group, part: part++ } };
          rowsInGroup += batch.numRows;
        }
      },
      async load({ group, part }) {
        const source = await openParquetBatches(path, { rowGroups: [group] });
        let k = 0;
        for await (const batch of source.batches) if (k++ === part) return { batch, raw: null };
        throw new Error(`${path} changed while it was open: row group ${group} has no batch ${part}.`);
      },
    },
    close: () => undefined,
  };
}

async function arrowPager(path: string, options: OpenTableOptions): Promise<Pager<number>> {
  // The schema is read with the first batch; return() then closes the file.
  const probe = await openArrowBatches(path);
  await probe.batches.next();
  await probe.batches.return();
  const random = await openArrowFileBatches(path);
  async function* scan(signal?: AbortSignal) {
    const source = await openArrowBatches(path, { signal, onProgress: options.onProgress });
    let index = 0;
    for await (const batch of source.batches) yield { loaded: { batch, raw: null } as LoadedBatch, position: index++ };
  }
  return {
    format: 'arrow',
    schema: probe.schema,
    columns: probe.columns,
    source: {
      scan,
      async load(index) {
        if (random) return { batch: await random.read(index), raw: null };
        // The stream format has no index: read up to the batch again.
        for await (const { loaded, position } of scan()) if (position === index) return loaded;
        throw new Error(`${path} changed while it was open: record batch ${index} is gone.`);
      },
    },
    close: () => random?.close(),
  };
}

async function openPaged(path: string, size: number, budget: number, options: OpenTableOptions): Promise<Opened> {
  const { reader } = readingOf(path);
  const pager: Pager<unknown> = reader === 'parquet' ? await parquetPager(path, options) : reader === 'arrow' ? await arrowPager(path, options) : await textPager(path, options);
  const store = new PagedStore(pager.schema, pager.columns, pager.source, cacheBytesFor(budget));
  const session = new TableSession(store, options.limits);
  const profiler = createStreamingProfiler(pager.columns);
  let first = true;
  await store.index((loaded, rows) => {
    profiler.addBatch(loaded.batch);
    if (first) options.onFirstRows?.(session, { format: pager.format, columns: pager.columns, paged: true });
    first = false;
    if (pager.totalRows) options.onProgress?.({ bytesRead: Math.round((size * rows) / pager.totalRows), totalBytes: size, rows });
  }, options.signal);
  if (first) options.onFirstRows?.(session, { format: pager.format, columns: pager.columns, paged: true });
  options.onProgress?.({ bytesRead: size, totalBytes: size, rows: store.rowCount });
  const profile = profiler.finish({ path, format: pager.format, bytes: size, mode: 'streaming' });
  return { session, format: pager.format, columns: pager.columns, dialect: pager.dialect?.(), profile: () => Promise.resolve(profile), close: async () => pager.close() };
}
