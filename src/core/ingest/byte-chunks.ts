/** A data file's text in chunks of bytes, read from disk or decompressed on the way (`.gz`), for the batch-by-batch readers. */
import { open } from 'node:fs/promises';
import { readingOf } from './formats';
import { gunzipChunks, type ByteChunk } from './gzip';

export type { ByteChunk };

export async function* fileChunks(path: string, chunkBytes: number, options: { signal?: AbortSignal } = {}): AsyncGenerator<ByteChunk> {
  if (readingOf(path).compression === 'gzip') {
    yield* gunzipChunks(path, chunkBytes, options);
    return;
  }
  const handle = await open(path, 'r');
  try {
    const totalBytes = (await handle.stat()).size;
    let bytesRead = 0;
    for (;;) {
      // A fresh buffer per chunk: each batch's source map keeps its bytes.
      const raw = new Uint8Array(chunkBytes);
      const { bytesRead: n } = await handle.read(raw, 0, chunkBytes, bytesRead);
      bytesRead += n;
      const last = n === 0 || bytesRead >= totalBytes;
      yield { bytes: raw.subarray(0, n), last, bytesRead, totalBytes };
      if (last) break;
    }
  } finally {
    await handle.close();
  }
}
