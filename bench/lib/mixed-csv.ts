/**
 * Deterministic mixed-type CSV for benchmarks: ints, floats with exponents, ISO dates, booleans, categories,
 * quoted text with commas, doubled quotes and newlines, ~1% empty cells. Written in chunks (bounded memory).
 */
import { ensureGeneratedFile } from './generated-file';

export const MIXED_HEADER = 'id,amount,score,day,flag,category,text,count,ratio,city,code,note';

const categories = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta'];

function row(i: number, next: () => number): string {
  const empty = () => next() < 0.01;
  const amount = empty() ? '' : (next() * 1e6).toExponential(3);
  const score = empty() ? '' : (next() * 100).toFixed(2);
  const day = empty() ? '' : `20${10 + Math.floor(next() * 15)}-${String(1 + Math.floor(next() * 12)).padStart(2, '0')}-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}`;
  const flag = empty() ? '' : next() < 0.5 ? 'true' : 'false';
  const category = empty() ? '' : categories[Math.floor(next() * categories.length)];
  const text = empty() ? '' : `"item ${i}, said ""hello"" ${Math.floor(next() * 1000)}"`;
  const count = empty() ? '' : String(Math.floor(next() * 100000));
  const ratio = empty() ? '' : next().toFixed(5);
  const city = empty() ? '' : `City ${Math.floor(next() * 200)}`;
  const code = `C${Math.floor(next() * 1e7)}`;
  const note = next() < 0.02 ? '"first line\nsecond line"' : empty() ? '' : 'plain note';
  return `${i},${amount},${score},${day},${flag},${category},${text},${count},${ratio},${city},${code},${note}\n`;
}

/** Writes (if absent or of another size class) a file of about `targetBytes` bytes; returns its size. */
export function ensureMixedCsv(path: string, targetBytes: number): Promise<number> {
  return ensureGeneratedFile(path, targetBytes, `${MIXED_HEADER}\n`, row);
}
