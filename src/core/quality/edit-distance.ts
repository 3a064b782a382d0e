/**
 * Near values by edit distance: the optimal-string-alignment Damerau–Levenshtein distance (insertions,
 * deletions, substitutions, transpositions of neighbours), and an index of a set of words by their
 * deletion neighbourhoods (SymSpell) that finds every word within distance d of a query without comparing
 * it to all of them: two words within distance d share a string obtained by deleting at most d characters
 * from each. So do their first P characters (the common string's first P − d characters lie in both
 * prefixes, among at most d others each): only prefixes are indexed, and the words they find are compared
 * whole. A word of length L has about L²/2 deletions of two characters; its prefix, P²/2.
 */

/**
 * The three rows of {@link editDistance}'s table (before, previous, current, each `m + 1` long), reused from call
 * to call: fresh arrays per call (one filled through a callback) and a destructuring rotation per row cost
 * more than the comparisons while V8 still interprets them, and got the function compiled sooner.
 */
let table = new Int32Array(3 * 65);

/** The distance between `a` and `b` (code units), or `max + 1` as soon as it is certainly above `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = a.length;
  const m = b.length;
  const w = m + 1;
  if (table.length < 3 * w) table = new Int32Array(3 * w);
  const t = table;
  // Offsets of the rows in t: the row before the previous one (for swaps of neighbours), the previous, the current.
  let before = 0;
  let previous = w;
  let current = 2 * w;
  for (let j = 0; j <= m; j++) {
    t[before + j] = 0;
    t[previous + j] = j;
    t[current + j] = 0;
  }
  for (let i = 1; i <= n; i++) {
    t[current] = i;
    let rowMin = i;
    for (let j = 1; j <= m; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(t[previous + j] + 1, t[current + j - 1] + 1, t[previous + j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, t[before + j - 2] + 1);
      t[current + j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    const reused = before;
    before = previous;
    previous = current;
    current = reused;
  }
  return t[previous + m];
}

/** The strings obtained from `word` by deleting up to `d` characters (the word itself included). */
export function deletions(word: string, d: number): Set<string> {
  const out = new Set<string>([word]);
  let frontier = [word];
  for (let step = 0; step < d; step++) {
    const next: string[] = [];
    for (const w of frontier) {
      for (let i = 0; i < w.length; i++) {
        const shorter = w.slice(0, i) + w.slice(i + 1);
        if (!out.has(shorter)) {
          out.add(shorter);
          next.push(shorter);
        }
      }
    }
    frontier = next;
  }
  return out;
}

/** Characters of a word whose deletions are indexed (SymSpell's prefix length). */
const PREFIX_LENGTH = 7;

/** Words (by id) indexed by the deletion neighbourhoods of their first PREFIX_LENGTH characters, up to `maxDistance`. */
export class NearWordIndex {
  private readonly byDeletion = new Map<string, number[]>();
  private readonly words: string[] = [];

  constructor(private readonly maxDistance: number) {}

  add(id: number, word: string): void {
    this.words[id] = word;
    for (const key of deletions(word.slice(0, PREFIX_LENGTH), this.maxDistance)) {
      const ids = this.byDeletion.get(key);
      if (ids) {
        if (ids[ids.length - 1] !== id) ids.push(id);
      } else this.byDeletion.set(key, [id]);
    }
  }

  /** Ids of the indexed words within `distance` (≤ the index's) of `word`, with their distances. */
  near(word: string, distance: number): { id: number; distance: number }[] {
    const seen = new Set<number>();
    const out: { id: number; distance: number }[] = [];
    for (const key of deletions(word.slice(0, PREFIX_LENGTH), distance)) {
      for (const id of this.byDeletion.get(key) ?? []) {
        if (seen.has(id)) continue;
        seen.add(id);
        const d = editDistance(word, this.words[id], distance);
        if (d <= distance) out.push({ id, distance: d });
      }
    }
    return out;
  }
}
