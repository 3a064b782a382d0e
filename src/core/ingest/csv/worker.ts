/** Entry point of a CSV reader thread (bundled as dist/jobs/csv-worker.js): runs chunk readers for the reading thread. */
import { parentPort } from 'node:worker_threads';
import { ChunkReader, replyTransfers } from './chunk-reader';
import type { PoolReply, PoolRequest } from './worker-protocol';

const port = parentPort;
if (!port) throw new Error('the CSV reader worker must run in a worker thread');

const readers = new Map<string, ChunkReader>();
const key = (session: number, chunk: number) => `${session}:${chunk}`;

port.on('message', (message: PoolRequest) => {
  switch (message.type) {
    case 'open':
      readers.set(key(message.session, message.chunk), new ChunkReader(message.bytes, message.settings));
      return;
    case 'close':
      for (const k of [...readers.keys()]) if (k.startsWith(`${message.session}:`)) readers.delete(k);
      return;
    case 'chunk': {
      let answer: PoolReply;
      try {
        const reader = readers.get(key(message.session, message.chunk));
        if (!reader) throw new Error(`internal: no reader for chunk ${message.chunk} of read ${message.session}`);
        answer = { seq: message.seq, reply: reader.handle(message.request) };
      } catch (error) {
        answer = { seq: message.seq, error: error instanceof Error ? error.message : String(error) };
      }
      port.postMessage(answer, answer.reply ? replyTransfers(answer.reply) : []);
    }
  }
});
