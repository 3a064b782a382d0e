/**
 * Statistics the cleaning steps learn in a pass over the data, with memory bounded whatever the file
 * size and results that depend only on the sequence of values (never on how it was cut into batches), so
 * a file cleaned batch by batch gets the same parameters as in one piece.
 */
import { KllSketch } from '../profile/sketches';
import { quantile } from '../shared/quantile';

/** Values kept exactly (8 bytes each) before a column switches to a quantile sketch. */
export const EXACT_VALUES = 1 << 21;

/** Quantiles of a stream of numbers: exact up to {@link EXACT_VALUES} values, then a KLL sketch (approximate). */
export class QuantileAccumulator {
  private values = new Float64Array(1024);
  private count = 0;
  private sketch: KllSketch | undefined;
  private sorted: Float64Array | undefined;

  add(value: number): void {
    this.sorted = undefined;
    if (this.sketch) {
      this.sketch.update(value);
      return;
    }
    if (this.count === this.values.length) {
      if (this.count >= EXACT_VALUES) {
        this.sketch = new KllSketch(1024);
        for (let i = 0; i < this.count; i++) this.sketch.update(this.values[i]);
        this.sketch.update(value);
        this.values = new Float64Array(0);
        return;
      }
      const grown = new Float64Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.count++] = value;
  }

  get size(): number {
    return this.sketch ? this.sketch.n : this.count;
  }

  /**
   * The values sorted ascending; past the exact limit, the sketch's quantiles on a grid of 10,001 points
   * standing for them (good enough for medians, quantile caps and robust scales).
   */
  sortedValues(): Float64Array {
    if (this.sorted) return this.sorted;
    if (this.sketch) {
      const grid = new Float64Array(10_001);
      for (let i = 0; i < grid.length; i++) grid[i] = this.sketch.quantile(i / (grid.length - 1));
      this.sorted = grid;
    } else {
      this.sorted = this.values.slice(0, this.count).sort();
    }
    return this.sorted;
  }

  /** The q-quantile with linear interpolation between order statistics (NaN when empty). */
  quantile(q: number): number {
    return quantile(this.sortedValues(), q);
  }
}

/** Count, mean and sum of squared deviations (Welford, in value order), minimum and maximum. */
export class MomentAccumulator {
  count = 0;
  mean = 0;
  m2 = 0;
  min = Infinity;
  max = -Infinity;

  add(value: number): void {
    this.count++;
    const delta = value - this.mean;
    this.mean += delta / this.count;
    this.m2 += delta * (value - this.mean);
    if (value < this.min) this.min = value;
    if (value > this.max) this.max = value;
  }

  /** Population standard deviation (as scikit-learn's StandardScaler). */
  get std(): number {
    return this.count > 0 ? Math.sqrt(this.m2 / this.count) : NaN;
  }
}

/** Counts of text values, keeping at most `maxDistinct` distinct ones (later new values are not counted). */
export class ValueCounts {
  readonly counts = new Map<string, number>();
  /** Some values were not counted because the table was full. */
  truncated = false;

  constructor(private readonly maxDistinct = 100_000) {}

  add(value: string): void {
    const count = this.counts.get(value);
    if (count !== undefined) this.counts.set(value, count + 1);
    else if (this.counts.size < this.maxDistinct) this.counts.set(value, 1);
    else this.truncated = true;
  }

  /** The most frequent value (ties: the first seen), or undefined when none was counted. */
  mode(): string | undefined {
    let best: string | undefined;
    let bestCount = 0;
    for (const [value, count] of this.counts) {
      if (count > bestCount) {
        best = value;
        bestCount = count;
      }
    }
    return best;
  }

  /** Values by count (descending), ties by text. */
  ranked(): string[] {
    return [...this.counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([v]) => v);
  }
}
