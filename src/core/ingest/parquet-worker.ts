/**
 * Worker-thread side of the Parquet reader: runs parquet-wasm on one file and hands each record batch to
 * the reader as Arrow IPC bytes, one batch per 'next' request. A WebAssembly trap on corrupt data ends
 * this thread (the reader reports it and the next read starts a fresh thread, hence a fresh instance).
 */
import { parentPort } from 'node:worker_threads';
import { openAsBlob } from 'node:fs';
import { loadParquetWasm } from './parquet-wasm';
import type { ParquetWorkerReply, ParquetWorkerRequest } from './parquet-protocol';

/** The part of a ReadableStream reader used here (parquet-wasm streams wasm RecordBatches). */
interface WasmBatchReader {
  read(): Promise<{ done: true; value?: undefined } | { done: false; value: { intoIPCStream(): Uint8Array } }>;
}

const port = parentPort;
if (!port) throw new Error('parquet-worker must run in a worker thread');

let reader: WasmBatchReader | undefined;

function reply(message: ParquetWorkerReply, bytes?: Uint8Array): void {
  // Hand the bytes over without a copy when they own their buffer (parquet-wasm returns fresh copies).
  const transfer = bytes && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? [bytes.buffer as ArrayBuffer] : [];
  port!.postMessage(message, transfer);
}

async function handle(request: ParquetWorkerRequest): Promise<void> {
  if (request.type === 'open') {
    const pw = await loadParquetWasm();
    const blob = 'path' in request.source ? await openAsBlob(request.source.path) : new Blob([request.source.bytes]);
    const file = await pw.ParquetFile.fromFile(blob);
    const schema = file.schema().intoIPCStream();
    const metadata = file.metadata();
    const totalRows = Number(metadata.fileMetadata().numRows());
    metadata.free();
    const stream = await file.stream({ batchSize: request.batchRows });
    reader = stream.getReader() as WasmBatchReader;
    reply({ type: 'opened', schema, totalRows }, schema);
    return;
  }
  if (!reader) throw new Error('no Parquet file is open');
  const next = await reader.read();
  if (next.done) {
    reply({ type: 'end' });
    return;
  }
  const ipc = next.value.intoIPCStream();
  reply({ type: 'batch', ipc }, ipc);
}

port.on('message', (request: ParquetWorkerRequest) => {
  handle(request).catch((error: unknown) => reply({ type: 'failed', message: error instanceof Error ? error.message : String(error) }));
});
