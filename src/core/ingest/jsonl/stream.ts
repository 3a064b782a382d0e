/**
 * JSON Lines in batches with bounded memory (see text-batches.ts): the columns and their types are decided
 * on the first chunk holding data rows; later chunks are read with them, and keys that only appear later
 * are listed (once each, with their line) rather than read.
 */
import { readPreparedJsonl, type JsonlReadOptions } from './read';
import { fixedTypes } from '../csv/stream';
import type { InferredColumn } from '../csv/infer';
import { ingestTextChunks, type ChunkReader, type TextBatch, type TextBatchOptions } from '../text-batches';

export interface JsonlBatchOptions extends Omit<JsonlReadOptions, 'columnNames' | 'columnTypes' | 'firstLine' | 'final'>, TextBatchOptions {}

function jsonlChunkReader(options: JsonlBatchOptions): ChunkReader {
  let schema: { keys: readonly string[]; types: InferredColumn[] } | undefined;
  const listed = new Set<string>();
  return (prepared, firstLine, final) => {
    const read = readPreparedJsonl(prepared, schema ? { ...options, columnNames: schema.keys, columnTypes: schema.types, firstLine, final } : { ...options, firstLine, final });
    const decided = schema !== undefined || read.result.table.numRows > 0;
    if (!schema && decided) schema = { keys: read.keys, types: fixedTypes(read.result.columns) };
    const unknownKeys: { name: string; line: number }[] = [];
    for (const [name, line] of read.unknownKeys) {
      if (listed.has(name)) continue;
      listed.add(name);
      unknownKeys.push({ name, line });
    }
    return { ...read, decided, unknownKeys };
  };
}

export function ingestJsonlBatches(path: string, options: JsonlBatchOptions = {}): AsyncGenerator<TextBatch> {
  return ingestTextChunks(path, 'jsonl', jsonlChunkReader(options), options);
}
