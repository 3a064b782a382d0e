/**
 * Entry point of a worker thread of the pool (bundled as dist/jobs/csv-worker.js): runs chunk readers for
 * a reading thread.
 */
import { parentPort, type MessagePort } from 'node:worker_threads';
import { closeSync, openSync, readSync } from 'node:fs';
import { isAscii } from 'node:buffer';
import { ChunkReader, replyBuffers } from './chunk-reader';
import { transferable, type LoadReply, type PoolReply, type PoolRequest } from './worker-protocol';
import { collectGarbage } from '../../shared/collect-garbage';

function workerPort(): MessagePort {
  if (!parentPort) throw new Error('the CSV reader worker must run in a worker thread');
  return parentPort;
}
const port = workerPort();

const readers = new Map<string, ChunkReader>();
const key = (session: number, chunk: number) => `${session}:${chunk}`;

port.on('message', (message: PoolRequest) => {
  switch (message.type) {
    case 'open':
      readers.set(key(message.session, message.chunk), new ChunkReader(message.bytes, message.settings));
      return;
    case 'close':
      for (const k of [...readers.keys()]) if (k.startsWith(`${message.session}:`)) readers.delete(k);
      // The views of a finished read's input (shared memory, as large as the file) and its leftovers go now.
      if (readers.size === 0) collectGarbage();
      return;
    case 'load':
      answer(message.seq, () => ({ reply: load(message.path, message.bytes, message.start, message.end), buffers: [] }));
      return;
    case 'chunk': {
      answer(message.seq, () => {
        const reader = readers.get(key(message.session, message.chunk));
        if (!reader) throw new Error(`internal: no reader for chunk ${message.chunk} of read ${message.session}`);
        const reply = reader.handle(message.request);
        return { reply, buffers: replyBuffers(reply) };
      });
      return;
    }
  }
});

/**
 * Reads bytes [start, end) of a file into `bytes` at the same offsets, then checks them for ASCII: the
 * kernel's copy and the first touch of those pages (costly on some machines) run in this thread, beside
 * the reading thread doing its own part.
 */
function load(path: string, bytes: Uint8Array, start: number, end: number): LoadReply {
  const fd = openSync(path, 'r');
  let read = 0;
  try {
    while (start + read < end) {
      const n = readSync(fd, bytes, start + read, end - start - read, start + read);
      if (n === 0) break;
      read += n;
    }
  } finally {
    closeSync(fd);
  }
  return { type: 'load', bytesRead: read, ascii: isAscii(bytes.subarray(start, start + read)) };
}

/** Posts the answer to request `seq` (its buffers handed over), or the error it met. */
function answer(seq: number, compute: () => { reply: NonNullable<PoolReply['reply']>; buffers: (ArrayBufferView | null | undefined)[] }): void {
  let result: ReturnType<typeof compute>;
  try {
    result = compute();
  } catch (error) {
    port.postMessage({ seq, error: error instanceof Error ? error.message : String(error) } satisfies PoolReply);
    return;
  }
  port.postMessage({ seq, reply: result.reply } satisfies PoolReply, transferable(result.buffers));
}
