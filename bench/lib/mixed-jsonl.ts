/**
 * Deterministic mixed-type JSON Lines for benchmarks, the same twelve fields as mixed-csv.ts: integers,
 * floats with exponents, ISO dates in strings, booleans, categories, text with commas, escaped quotes and
 * newlines, ~1% nulls or missing keys, and a nested array in 5% of the rows. Written in chunks.
 */
import { ensureGeneratedFile } from './generated-file';

const categories = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta'];

function row(i: number, next: () => number): string {
  const fields: string[] = [`"id":${i}`];
  const put = (key: string, value: () => string) => {
    const r = next();
    if (r < 0.005) return; // missing key
    fields.push(`"${key}":${r < 0.01 ? 'null' : value()}`);
  };
  put('amount', () => (next() * 1e6).toExponential(3));
  put('score', () => (next() * 100).toFixed(2));
  put('day', () => `"20${10 + Math.floor(next() * 15)}-${String(1 + Math.floor(next() * 12)).padStart(2, '0')}-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}"`);
  put('flag', () => (next() < 0.5 ? 'true' : 'false'));
  put('category', () => `"${categories[Math.floor(next() * categories.length)]}"`);
  put('text', () => `"item ${i}, said \\"hello\\" ${Math.floor(next() * 1000)}"`);
  put('count', () => String(Math.floor(next() * 100000)));
  put('ratio', () => next().toFixed(5));
  put('city', () => `"City ${Math.floor(next() * 200)}"`);
  fields.push(`"code":"C${Math.floor(next() * 1e7)}"`);
  put('note', () => (next() < 0.02 ? '"first line\\nsecond line"' : next() < 0.05 ? '["a",{"b":1}]' : '"plain note"'));
  return `{${fields.join(',')}}\n`;
}

/** Writes (if absent or of another size class) a file of about `targetBytes` bytes; returns its size. */
export function ensureMixedJsonl(path: string, targetBytes: number): Promise<number> {
  return ensureGeneratedFile(path, targetBytes, '', row);
}
