/** MurmurHash3's 32-bit finalizer: spreads every input bit over the whole word (returned unsigned). */
export function fmix32(h0: number): number {
  let h = h0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A 32-bit hash of a number by its two IEEE 754 words (`lo`, `hi`), every bit of both mixed in (unsigned). */
export function hashWords(lo: number, hi: number): number {
  return fmix32(lo ^ Math.imul(hi, 0x9e3779b1));
}

/** One MurmurHash3 round: mixes 32-bit word `k` into state `h`. */
export function murmurRound(h: number, k: number): number {
  let x = Math.imul(k, 0xcc9e2d51);
  x = (x << 15) | (x >>> 17);
  x = Math.imul(x, 0x1b873593);
  let y = h ^ x;
  y = (y << 13) | (y >>> 19);
  return (Math.imul(y, 5) + 0xe6546b64) | 0;
}

/** A 32-bit hash of a text's UTF-16 code units from `seed` (Murmur rounds, finalized; signed). */
export function hashString(seed: number, text: string): number {
  let h = seed;
  for (let i = 0; i < text.length; i++) h = murmurRound(h, text.charCodeAt(i));
  return fmix32(h ^ text.length) | 0;
}

/** FNV-1a over `bytes[start..end)`: a 32-bit hash of a text's bytes without decoding it (signed). */
export function hashBytes(bytes: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
  return h;
}
