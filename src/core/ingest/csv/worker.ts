/**
 * Entry point of a worker thread of the pool (bundled as dist/jobs/csv-worker.js): runs chunk readers for
 * a reading thread.
 */
import { parentPort, type MessagePort } from 'node:worker_threads';
import { ChunkReader, replyBuffers } from './chunk-reader';
import { transferable, type PoolReply, type PoolRequest } from './worker-protocol';
import { loadPartsSync } from './file-parts';
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
      answer(message.seq, () => {
        loadPartsSync(message.job);
        return { reply: { type: 'load' }, buffers: [] };
      });
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
