/** A small seeded random generator (mulberry32) and shuffles: splits and batch orders are reproducible. */
import { mulberry32 } from '../shared/random';

export type Random = () => number;

/** Uniform [0, 1) from a 32-bit seed. */
export function seededRandom(seed: number): Random {
  return mulberry32(Math.trunc(seed) ^ 0x9e3779b9);
}

/** Fisher–Yates in place. */
export function shuffleInPlace<T extends { length: number; [i: number]: number }>(values: T, random: Random): T {
  for (let i = values.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const tmp = values[i];
    values[i] = values[j];
    values[j] = tmp;
  }
  return values;
}
