/** Deterministic generated data files for benchmarks, written in chunks (bounded memory). */
import { createWriteStream, existsSync, statSync } from 'node:fs';
import { once } from 'node:events';

/** A seeded generator of numbers in [0, 1). */
export function random(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => ((s = Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) ^ (s + 0x6d2b79f5)) >>> 0) / 4294967296;
}

/**
 * Writes (if absent or of another size class) a file of about `targetBytes` bytes: `first`, then
 * `row(i, next)` for i = 0, 1, … (`next` seeded with 42); returns its size.
 */
export async function ensureGeneratedFile(path: string, targetBytes: number, first: string, row: (i: number, next: () => number) => string): Promise<number> {
  if (existsSync(path) && Math.abs(statSync(path).size - targetBytes) < targetBytes * 0.05) return statSync(path).size;
  const out = createWriteStream(path);
  const next = random(42);
  let written = 0;
  let chunk = first;
  for (let i = 0; written + chunk.length < targetBytes; i++) {
    chunk += row(i, next);
    if (chunk.length > 1 << 20) {
      written += chunk.length;
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
  return statSync(path).size;
}
