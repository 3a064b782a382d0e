/** mulberry32: a small, fast, seeded 32-bit PRNG (uniform [0, 1)), for reproducible sketches, splits and shuffles. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A fixed permutation of 0..n−1 (a Fisher–Yates shuffle driven by a small integer hash): the same for every table of n
 * rows, so a value "shuffled over the rows" to measure chance gives the same answer on every run.
 */
export function fixedPermutation(n: number): Int32Array {
  const p = Int32Array.from({ length: n }, (_, i) => i);
  let s = 0x9e3779b9;
  for (let i = n - 1; i > 0; i--) {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) ^ (s + 0x6d2b79f5)) >>> 0;
    const j = s % (i + 1);
    const t = p[i];
    p[i] = p[j];
    p[j] = t;
  }
  return p;
}
