/**
 * A map that keeps entries up to a budget of (estimated) bytes, dropping the least recently used first; the
 * entry set last is kept even when it alone is over the budget.
 */
export class SizeLru<K, V> {
  private readonly entries = new Map<K, { value: V; bytes: number }>();
  private total = 0;

  constructor(private budget: number) {}

  /** Bytes of the entries kept. */
  get bytes(): number {
    return this.total;
  }

  get size(): number {
    return this.entries.size;
  }

  get budgetBytes(): number {
    return this.budget;
  }

  keys(): K[] {
    return [...this.entries.keys()];
  }

  values(): V[] {
    return [...this.entries.values()].map((e) => e.value);
  }

  /** The value of `key`, now the most recently used. */
  get(key: K): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  /** Keeps `value` (most recently used) and returns the keys dropped to stay within the budget. */
  set(key: K, value: V, bytes: number): K[] {
    this.delete(key);
    this.entries.set(key, { value, bytes });
    this.total += bytes;
    return this.trim(key);
  }

  delete(key: K): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.total -= entry.bytes;
    this.entries.delete(key);
  }

  /** Sets a new budget and returns the keys dropped to stay within it. */
  resize(budget: number): K[] {
    this.budget = budget;
    return this.trim(this.keys().pop());
  }

  clear(): void {
    this.entries.clear();
    this.total = 0;
  }

  /** Drops the least recently used entries (never `keep`) until the total fits the budget. */
  private trim(keep: K | undefined): K[] {
    const dropped: K[] = [];
    for (const [key, entry] of this.entries) {
      if (this.total <= this.budget) break;
      if (key === keep) continue;
      this.total -= entry.bytes;
      this.entries.delete(key);
      dropped.push(key);
    }
    return dropped;
  }
}
