/**
 * Scoring a check of a dirty table against its ground truth.
 *
 * - A finding with a row and a column marks that cell; a finding with a row only (duplicate row, ragged
 *   row) marks the row; a finding without a row (about a column or the file) marks nothing and is not scored.
 * - Only findings that are NEW count: a finding whose (rule, clean row, column) the check of the same table
 *   without injection also reported is the real table's own and is dropped (inserted rows are always new).
 *   Injections never touch a cell (or row) that check flagged, so a hit is always attributable.
 * - A cell item (one injected cell) is found by a finding on that cell — a row-only finding does not say
 *   which cell and does not find it. A row item (an inserted duplicate row) is found by any finding on the
 *   inserted row or on the row it repeats.
 * - Units are marks: the distinct (row, column) cells and (row) rows the counted findings mark, so two rules
 *   flagging one cell count once. Precision = marks that hit an item / marks; recall = items found / items.
 */
import type { PlacedFinding } from './check';
import type { CellEdit, ErrorClass, TruthItem } from './inject';

export interface ScoreInput {
  truth: TruthItem[];
  decoys: CellEdit[];
  findings: PlacedFinding[];
  /** Dirty row → clean row, −1 for inserted rows. */
  origin: number[];
  /** Keys (baselineKey) of the findings on the clean table. */
  baseline: Set<string>;
}

export interface ItemResult {
  item: TruthItem;
  /** Rules whose findings found it (empty: missed). */
  rules: string[];
}

export interface Mark {
  row: number;
  column: number | null;
  rules: string[];
  /** The item it hits, if any. */
  hit?: TruthItem;
  onDecoy: boolean;
}

export interface RunScore {
  items: ItemResult[];
  marks: Mark[];
}

export function baselineKey(rule: string, cleanRow: number, column: number | null): string {
  return `${rule}|${cleanRow}|${column ?? '-'}`;
}

export function baselineKeys(findings: PlacedFinding[]): Set<string> {
  return new Set(findings.map((f) => baselineKey(f.rule, f.row, f.column)));
}

/** The key of what a finding marks: a cell, or (column null) a row. */
export const markKey = (row: number, column: number | null) => `${row}:${column ?? '-'}`;

export function scoreRun(input: ScoreInput): RunScore {
  const cellItems = new Map<string, TruthItem>();
  const rowItems = new Map<number, TruthItem>();
  for (const item of input.truth) {
    if (item.column !== null) cellItems.set(markKey(item.row, item.column), item);
    else {
      rowItems.set(item.row, item);
      if (item.pairRow !== undefined && !rowItems.has(item.pairRow)) rowItems.set(item.pairRow, item);
    }
  }
  const decoys = new Set(input.decoys.map((d) => markKey(d.row, d.column)));
  const foundBy = new Map<TruthItem, Set<string>>();
  const marks = new Map<string, Mark>();
  for (const f of input.findings) {
    const clean = input.origin[f.row];
    if (clean >= 0 && input.baseline.has(baselineKey(f.rule, clean, f.column))) continue;
    const hit = (f.column !== null ? cellItems.get(markKey(f.row, f.column)) : undefined) ?? rowItems.get(f.row);
    if (hit) foundBy.set(hit, (foundBy.get(hit) ?? new Set()).add(f.rule));
    const key = markKey(f.row, f.column);
    const mark = marks.get(key);
    if (mark) {
      if (!mark.rules.includes(f.rule)) mark.rules.push(f.rule);
    } else marks.set(key, { row: f.row, column: f.column, rules: [f.rule], hit, onDecoy: decoys.has(key) });
  }
  return {
    items: input.truth.map((item) => ({ item, rules: [...(foundBy.get(item) ?? [])].sort() })),
    marks: [...marks.values()],
  };
}

/** Counts that add up over tables and seeds. */
export interface Tally {
  items: number;
  found: number;
  marks: number;
  hits: number;
  /** Findings per rule on items (hits) and elsewhere (false alarms). */
  hitRules: Record<string, number>;
  falseRules: Record<string, number>;
  decoyMarks: number;
  /** Per variant: items and found. */
  variants: Record<string, { items: number; found: number }>;
}

export function emptyTally(): Tally {
  return { items: 0, found: 0, marks: 0, hits: 0, hitRules: {}, falseRules: {}, decoyMarks: 0, variants: {} };
}

export const bump = (counts: Record<string, number>, key: string, by = 1) => (counts[key] = (counts[key] ?? 0) + by);

/**
 * Adds a run's items (those `itemFilter` keeps) and marks (those `markFilter` keeps) to a tally.
 * Per-class runs keep all; the mixed run splits cell items from row items.
 */
export function addToTally(tally: Tally, score: RunScore, itemFilter: (item: TruthItem) => boolean = () => true, markFilter: (mark: Mark) => boolean = () => true): void {
  for (const { item, rules } of score.items) {
    if (!itemFilter(item)) continue;
    tally.items++;
    const variant = (tally.variants[item.variant] ??= { items: 0, found: 0 });
    variant.items++;
    if (rules.length) {
      tally.found++;
      variant.found++;
    }
  }
  for (const mark of score.marks) {
    if (!markFilter(mark)) continue;
    tally.marks++;
    if (mark.hit) tally.hits++;
    if (mark.onDecoy) tally.decoyMarks++;
    for (const rule of mark.rules) bump(mark.hit ? tally.hitRules : tally.falseRules, rule);
  }
}

export function mergeTally(into: Tally, from: Tally): void {
  into.items += from.items;
  into.found += from.found;
  into.marks += from.marks;
  into.hits += from.hits;
  into.decoyMarks += from.decoyMarks;
  for (const [k, v] of Object.entries(from.hitRules)) bump(into.hitRules, k, v);
  for (const [k, v] of Object.entries(from.falseRules)) bump(into.falseRules, k, v);
  for (const [k, v] of Object.entries(from.variants)) {
    const variant = (into.variants[k] ??= { items: 0, found: 0 });
    variant.items += v.items;
    variant.found += v.found;
  }
}

export const recall = (t: Tally) => (t.items ? t.found / t.items : NaN);
export const precision = (t: Tally) => (t.marks ? t.hits / t.marks : NaN);
export const f1 = (t: Tally) => {
  const p = precision(t);
  const r = recall(t);
  return p + r > 0 ? (2 * p * r) / (p + r) : 0;
};

/** Whether an item is about one cell (classes 1–8, 10) rather than a whole inserted row (duplicates). */
export const isCellItem = (item: TruthItem) => item.column !== null;

export type ClassTallies = Partial<Record<ErrorClass, Tally>>;
