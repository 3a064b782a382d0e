/**
 * CSV in batches with bounded memory: the file is read in chunks; each chunk is cut at the last complete
 * record and read with the dialect, column names and column types decided on the first chunk, so every
 * batch has the same schema. Progress is reported per chunk; an aborted signal stops the read.
 */
import { open } from 'node:fs/promises';
import type { ColumnInfo, CsvDialect, IngestResult } from '../../table/model';
import { readCsvText, type CsvReadOptions } from './read';
import { RecordFields, parseRecord } from './tokenize';
import type { InferredColumn } from './infer';

export interface CsvBatch {
  result: IngestResult;
  /** Table row of the batch's first row in the whole file. */
  rowOffset: number;
  bytesRead: number;
  totalBytes: number;
}

export interface CsvBatchOptions extends CsvReadOptions {
  /** Bytes read per chunk (default 16 MiB). */
  chunkBytes?: number;
  onProgress?: (p: { bytesRead: number; totalBytes: number; rows: number }) => void;
  signal?: AbortSignal;
}

/** Length of the prefix of `text` that holds only complete records (the rest may continue in the next chunk). */
export function completeRecordsLength(text: string, delimiter: string, quote: string): number {
  const fields = new RecordFields();
  let pos = 0;
  let complete = 0;
  const d = delimiter.charCodeAt(0);
  const q = quote.charCodeAt(0);
  while (pos < text.length) {
    parseRecord(text, pos, d, q, fields);
    if (fields.ending === 'eof' || fields.unterminatedAt >= 0) break;
    // A CR at the very end may be the first half of a CRLF.
    if (fields.ending === 'cr' && fields.next >= text.length) break;
    complete = fields.next;
    pos = fields.next;
  }
  return complete;
}

function abortError(): Error {
  const error = new Error('The read was cancelled.');
  error.name = 'AbortError';
  return error;
}

export async function* ingestCsvBatches(path: string, options: CsvBatchOptions = {}): AsyncGenerator<CsvBatch> {
  const chunkBytes = options.chunkBytes ?? 16 * 1024 * 1024;
  const handle = await open(path, 'r');
  try {
    const totalBytes = (await handle.stat()).size;
    const encoding = options.encoding === 'windows-1252' || options.encoding === 'latin1' ? 'windows-1252' : options.encoding ?? 'utf-8';
    const decoder = new TextDecoder(encoding, { ignoreBOM: false });
    const buffer = new Uint8Array(chunkBytes);
    let carry = '';
    let bytesRead = 0;
    let rowOffset = 0;
    let schema: { dialect: CsvDialect; columns: ColumnInfo[]; types: InferredColumn[] } | undefined;
    for (;;) {
      if (options.signal?.aborted) throw abortError();
      const { bytesRead: n } = await handle.read(buffer, 0, chunkBytes, bytesRead);
      bytesRead += n;
      const last = n === 0 || bytesRead >= totalBytes;
      let text = carry + decoder.decode(buffer.subarray(0, n), { stream: !last });
      if (!schema && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      const delimiter = schema?.dialect.delimiter ?? options.delimiter;
      const cut = last ? text.length : completeRecordsLength(text, delimiter ?? sniffDelimiterFor(text, options), options.quote ?? '"');
      const body = text.slice(0, cut);
      carry = text.slice(cut);
      if (body.length > 0 || (last && !schema)) {
        const result = schema
          ? readCsvText(body, {
              ...options,
              delimiter: schema.dialect.delimiter,
              quote: schema.dialect.quote,
              hasHeader: false,
              columnNames: schema.columns.map((c) => c.name),
              columnTypes: schema.types,
              trailingDelimiter: schema.dialect.trailingDelimiter,
            })
          : readCsvText(body, options);
        if (!schema) {
          schema = {
            dialect: result.dialect!,
            columns: result.columns,
            types: result.columns.map((c) => ({ kind: c.kind, int32: c.arrowType !== 'Int64', ...(c.dateFormat ? { dateFormat: c.dateFormat as InferredColumn['dateFormat'] } : {}) })),
          };
        }
        yield { result, rowOffset, bytesRead, totalBytes };
        rowOffset += result.table.numRows;
        options.onProgress?.({ bytesRead, totalBytes, rows: rowOffset });
      }
      if (last) break;
    }
  } finally {
    await handle.close();
  }
}

/** The delimiter for cutting the first chunk (before the schema is known): the reader's own sniffing on it. */
function sniffDelimiterFor(text: string, options: CsvReadOptions): string {
  return readCsvText(text.slice(0, options.sniffBytes ?? 64 * 1024), options).dialect?.delimiter ?? ',';
}
