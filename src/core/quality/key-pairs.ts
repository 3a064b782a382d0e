/**
 * Pairs of columns that together identify rows: a date and a home team in a league's results, a species and a
 * county in a range table. Each column repeats a lot on its own, yet their combination repeats far less often
 * than their values would if the columns were unrelated — which is what a key looks like.
 */

/** A column's value id per row, with the id its empty cells hold. */
export interface ColumnValueIds {
  readonly ids: Int32Array;
  readonly nullId: number;
}

/** Two columns whose combination repeats in `repeats` pairs of rows where unrelated columns would repeat in `expected`. */
export interface KeyPair {
  readonly columns: readonly [number, number];
  readonly repeats: number;
  readonly expected: number;
  /** P(repeats or fewer) for a Poisson count of mean `expected`. */
  readonly chance: number;
}

/** P(X ≤ k) for X Poisson with mean `mean` (summed in logs: the mean may be in the thousands). */
export function poissonAtMost(k: number, mean: number): number {
  if (mean <= 0) return 1;
  let logTerm = -mean;
  let logSum = logTerm;
  for (let j = 1; j <= k; j++) {
    logTerm += Math.log(mean / j);
    const high = Math.max(logSum, logTerm);
    logSum = high + Math.log(Math.exp(logSum - high) + Math.exp(logTerm - high));
  }
  return Math.min(1, Math.exp(logSum));
}

/**
 * A key repeats far less than unrelated columns: at most this share of their repeats. A milder shortfall is an
 * association (some combinations never occur: a sex and an occupation), not a key.
 */
const MAX_REPEAT_SHARE = 0.1;

/** Per column: the chance that two of its non-empty cells hold one value, and how many cells are non-empty. */
function collisions({ ids, nullId }: ColumnValueIds, leftOut: Uint8Array): { chance: number; present: number } {
  const counts = new Map<number, number>();
  let present = 0;
  for (let r = 0; r < ids.length; r++) {
    const id = ids[r];
    if (id === nullId || leftOut[r]) continue;
    present++;
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  let pairs = 0;
  for (const n of counts.values()) pairs += n * (n - 1);
  return { chance: present > 1 ? pairs / (present * (present - 1)) : 1, present };
}

/**
 * The pairs of columns (among `candidates`) that form a key: the pairs of rows sharing both values (both
 * non-empty) are so few against the pairs expected of unrelated columns that a Poisson count of that mean
 * would be as low with chance at most `alpha` over every pair of columns tested (Bonferroni), and at most
 * MAX_REPEAT_SHARE of them. Rows marked in `leftOut` (copies of an earlier row) are not counted. Columns a
 * dependency ties together repeat together more often, never less, so they never form a key this way.
 */
export function keyPairs(columns: readonly ColumnValueIds[], candidates: readonly number[], alpha: number, leftOut: Uint8Array): KeyPair[] {
  const rows = columns[0]?.ids.length ?? 0;
  const tests = (candidates.length * (candidates.length - 1)) / 2;
  if (tests === 0) return [];
  // Even no repeat at all is not significant below this mean.
  const minExpected = Math.log(tests / alpha);
  const facts = new Map(candidates.map((c) => [c, collisions(columns[c], leftOut)]));
  const keys: KeyPair[] = [];
  for (let i = 0; i < candidates.length; i++) {
    for (let j = i + 1; j < candidates.length; j++) {
      const [a, b] = [candidates[i], candidates[j]];
      const [fa, fb] = [facts.get(a), facts.get(b)];
      if (!fa || !fb) continue;
      const present = Math.min(fa.present, fb.present);
      if ((present * (present - 1) * fa.chance * fb.chance) / 2 < minExpected) continue;
      const [A, B] = [columns[a], columns[b]];
      const counts = new Map<number, number>();
      let both = 0;
      for (let r = 0; r < rows; r++) {
        if (A.ids[r] === A.nullId || B.ids[r] === B.nullId || leftOut[r]) continue;
        both++;
        const key = A.ids[r] * (B.nullId + 1) + B.ids[r];
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      let repeats = 0;
      for (const n of counts.values()) repeats += (n * (n - 1)) / 2;
      const expected = ((both * (both - 1)) / 2) * fa.chance * fb.chance;
      if (repeats > MAX_REPEAT_SHARE * expected) continue;
      const chance = poissonAtMost(repeats, expected);
      if (chance <= alpha / tests) keys.push({ columns: [a, b], repeats, expected, chance });
    }
  }
  return keys.sort((x, y) => x.chance - y.chance);
}
