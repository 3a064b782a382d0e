/**
 * `dataset-inspector convert IN OUT.arrow`: CSV/TSV, JSON Lines (plain or `.gz`), Parquet or Arrow → Arrow IPC. OUT ending in
 * `.arrows` gets the stream format, anything else the file format (also what `.feather` v2 is).
 * Arrow and Parquet inputs are copied batch by batch (bounded memory); text files go through the
 * ingest engine in memory. The output is written to a temporary file next to OUT and renamed at the end, so a
 * failed conversion never leaves a partial OUT.
 */
import { open, rename, rm, stat } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { RecordBatchFileWriter, RecordBatchStreamWriter, type RecordBatch, type Schema } from 'apache-arrow';
import { UsageError, runCommand, type CommandSpec } from '../args';
import { CSV_READ_FLAGS, THREADS_FLAG, csvReadSettings, openInputBatches } from '../input';
import { ingestFile, type IngestOptions } from '../../core/ingest/index';
import { dataFormatOf } from '../../core/ingest/formats';

export const convertSpec = {
  name: 'convert',
  summary: 'Convert a CSV/TSV, JSON Lines (plain or .gz), Parquet or Arrow file to Arrow IPC (file format; stream format when OUT ends in .arrows).',
  positionals: [
    { name: 'IN', required: true },
    { name: 'OUT', required: true },
  ],
  flags: {
    ...CSV_READ_FLAGS,
    threads: THREADS_FLAG,
    force: { type: 'boolean', description: 'Overwrite OUT if it exists.' },
    quiet: { type: 'boolean', short: 'q', description: 'Print nothing on success.' },
  },
  epilog: 'Exit codes: 0 success, 1 the input could not be read or OUT not written, 2 usage error.',
} as const satisfies CommandSpec;

export async function runConvert(args: string[]): Promise<number> {
  return runCommand(convertSpec, args, async ({ flags, multiples, positionals }) => {
    const [input, output] = positionals;
    if (resolve(input) === resolve(output)) throw new Error('IN and OUT are the same file');
    // Arrow IPC in a file named for another format would mislead every tool that opens it.
    const named = dataFormatOf(output);
    if (named && named.reader !== 'arrow') {
      throw new UsageError(`${output} is named as a ${named.label} file, but convert writes Arrow IPC: name it .arrow, .feather or .arrows (dataset-inspector clean IN OUT --format ${named.reader} writes other formats)`);
    }
    if (!flags.force && (await stat(output).catch(() => null))) {
      throw new Error(`${output} exists (use --force to overwrite)`);
    }
    const { rows, columns } = await convertFile(input, output, csvReadSettings(flags, multiples.na));
    if (!flags.quiet) process.stderr.write(`wrote ${output}: ${rows.toLocaleString('en-US')} rows × ${columns} columns\n`);
    return 0;
  });
}

/** Converts `input` to Arrow IPC at `output`; returns what was written. */
export async function convertFile(input: string, output: string, options: IngestOptions = {}): Promise<{ rows: number; columns: number }> {
  const format = extname(output).toLowerCase() === '.arrows' ? 'stream' : 'file';
  let schema: Schema;
  let batches: AsyncIterable<RecordBatch> | Iterable<RecordBatch>;
  const source = await openInputBatches(input, options);
  if (source) {
    schema = source.schema;
    batches = source.batches;
  } else {
    const result = await ingestFile(input, options);
    schema = result.table.schema;
    batches = result.table.batches;
  }
  const tmp = `${output}.tmp-${process.pid}-${Date.now()}`;
  const handle = await open(tmp, 'w');
  let rows = 0;
  try {
    const writer = format === 'stream' ? new RecordBatchStreamWriter() : new RecordBatchFileWriter();
    const drain = (async () => {
      for await (const chunk of writer) await handle.write(chunk);
    })();
    try {
      // Write the schema even when there are no batches, so the output is a valid empty table.
      writer.reset(undefined, schema);
      for await (const batch of batches) {
        writer.write(batch);
        rows += batch.numRows;
      }
      await writer.close();
    } catch (error) {
      writer.abort(error);
      await drain.catch(() => undefined);
      throw error;
    }
    await drain;
    await handle.close();
    await rename(tmp, output);
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(tmp, { force: true });
    throw error;
  }
  return { rows, columns: schema.fields.length };
}
