/**
 * Labels that a comparison of two numbers of their row decides, learned from the table: a match's result "H" exactly
 * where the home goals exceed the away goals, a lab result's flag "H" exactly where the value exceeds the reference's
 * upper limit. A label of few values and a comparison (x > y, x < y, or x = y) go together when, in
 * nearly every row holding the three, the label holds that value exactly where the comparison holds; the rows where one
 * holds without the other contradict it.
 */
import type { IngestResult } from '../table/model';
import { median } from '../shared/quantile';
import { MIN_CONTINUED_BREAKS, breaksContinue } from './continued-breaks';
import { TEXT_KINDS, distinctValues, isNumeric, memo, numericColumn, settledValueCount } from './column-values';
import { looksLikeIdentifier } from '../shared/identifier';

/** Values a label may have (H/D/A, H/L/N, pass/fail). */
const MAX_LABELS = 6;
/** Numeric columns compared, at most (pairs of them). */
const MAX_NUMBERS = 16;
/** Rows the label's value and the comparison must each hold in, at least. */
const MIN_ROWS = 30;
/** Share of the rows where either holds in which both must (errors in a few cells aside). */
const MIN_AGREEMENT = 0.95;
/** Share of the disagreements a comparison and a value unrelated to it would have by chance that they may have, at most. */
const BEYOND_CHANCE = 0.1;
/** Rows a candidate is first tried on (evenly spread), before a pass over every row. */
const SAMPLE_ROWS = 5_000;

export type Comparison = 'greater' | 'less' | 'equal';

/** A label's value that a comparison of two numeric columns decides. */
export interface ComparisonLabel {
  label: number;
  value: string;
  /** The label's value id (distinctValues of the label column). */
  id: number;
  left: number;
  right: number;
  comparison: Comparison;
  /** Rows holding the three cells, and of them the rows where the value and the comparison agree (both or neither). */
  rows: number;
  agreeing: number;
}

const compare = (x: number, y: number): Comparison => (x > y ? 'greater' : x < y ? 'less' : 'equal');

/** The text columns of 2 to MAX_LABELS values (slips aside: settledValueCount) that may label a row's state (H/D/A, Y/N, pass/fail). */
export function labelColumns(data: IngestResult): number[] {
  return memo(data, 'label-columns', () =>
    data.columns.flatMap((column, c) => {
      if (!TEXT_KINDS.includes(column.kind)) return [];
      const settled = settledValueCount(data, c);
      return settled >= 2 && settled <= MAX_LABELS ? [c] : [];
    }),
  );
}

/** The table's labels that comparisons decide (computed once per table). */
export function comparisonLabels(data: IngestResult): ComparisonLabel[] {
  return memo(data, 'comparison-labels', () => {
    const n = data.table.numRows;
    const numbers = data.columns.flatMap((column, c) => (isNumeric(column) && !looksLikeIdentifier(column.name) ? [c] : [])).slice(0, MAX_NUMBERS);
    const labels = labelColumns(data);
    const found: ComparisonLabel[] = [];
    if (labels.length === 0 || numbers.length < 2) return found;
    const step = Math.max(1, Math.floor(n / SAMPLE_ROWS));
    const medians = new Map<number, number>();
    const medianOf = (c: number) => {
      let m = medians.get(c);
      if (m === undefined) medians.set(c, (m = sampleMedian(numericColumn(data, c), step)));
      return m;
    };
    for (let i = 0; i < numbers.length; i++) {
      for (let j = i + 1; j < numbers.length; j++) {
        const [left, right] = [numbers[i], numbers[j]];
        const [x, y] = [numericColumn(data, left), numericColumn(data, right)];
        // Each column's median, for the comparison with the other made a constant (see thresholdOnly).
        const [xMedian, yMedian] = [medianOf(left), medianOf(right)];
        for (const label of labels) {
          const distinct = distinctValues(data, label);
          const { ids, size } = distinct;
          // Counts of each (comparison, value) pair over the rows given.
          const tally = (every: number) => {
            const counts = { greater: new Int32Array(size), less: new Int32Array(size), equal: new Int32Array(size) };
            let rows = 0;
            for (let r = 0; r < n; r += every) {
              if (ids[r] < 0 || Number.isNaN(x[r]) || Number.isNaN(y[r])) continue;
              counts[compare(x[r], y[r])][ids[r]]++;
              rows++;
            }
            return { counts, rows };
          };
          const decided = (counts: Record<Comparison, Int32Array>, rows: number, minRows: number, every: number) => {
            const out: { id: number; comparison: Comparison; agreeing: number }[] = [];
            for (const comparison of ['greater', 'less', 'equal'] as const) {
              const withComparison = counts[comparison].reduce((sum, count) => sum + count, 0);
              for (let id = 0; id < size; id++) {
                const withValue = counts.greater[id] + counts.less[id] + counts.equal[id];
                const both = counts[comparison][id];
                // A comparison that holds in every row (or none) decides nothing.
                if (both < minRows || withComparison === rows) continue;
                const either = withComparison + withValue - both;
                // Disagreements far fewer than a comparison and a value unrelated to it would leave (a status of 95% of the
                // rows and a comparison true in 99% agree on most rows by chance).
                const chance = withComparison * (1 - withValue / rows) + withValue * (1 - withComparison / rows);
                if (both < MIN_AGREEMENT * either || either - both > BEYOND_CHANCE * chance) continue;
                // One number against the other's median deciding the value as well: a threshold, not a comparison.
                if (thresholdOnly(ids, id, comparison, x, y, xMedian, yMedian, every, either - both)) continue;
                if (continuesThroughTheLimit(ids, id, comparison, x, y, every)) continue;
                out.push({ id, comparison, agreeing: rows - (either - both) });
              }
            }
            return out;
          };
          const sampled = tally(step);
          if (sampled.rows < MIN_ROWS || decided(sampled.counts, sampled.rows, MIN_ROWS / step, step).length === 0) continue;
          const all = step > 1 ? tally(1) : sampled;
          for (const { id, comparison, agreeing } of decided(all.counts, all.rows, MIN_ROWS, 1)) found.push({ label, value: distinct.text(id), id, left, right, comparison, rows: all.rows, agreeing });
        }
      }
    }
    return found;
  });
}

/** The median of a column's numbers over every `step`-th row (NaN where none). */
function sampleMedian(values: Float64Array, step: number): number {
  const taken = new Float64Array(Math.ceil(values.length / step));
  let k = 0;
  for (let r = 0; r < values.length; r += step) if (!Number.isNaN(values[r])) taken[k++] = values[r];
  const sorted = taken.subarray(0, k).sort();
  return k ? sorted[k >> 1] : Number.NaN;
}

/**
 * Whether the comparison of one column with the other's median (a constant) decides the label's value with no more
 * than twice the disagreements (`disagreeing`) of the comparison itself: the value is then a threshold on the one
 * number (a paid amount above 37.75, the latitude of every ticket, says "PAID" as "above 0" would), which
 * band-mismatch judges, not a comparison of the two.
 */
function thresholdOnly(ids: Int32Array, id: number, comparison: Comparison, x: Float64Array, y: Float64Array, xMedian: number, yMedian: number, step: number, disagreeing: number): boolean {
  let [againstY, againstX] = [0, 0];
  for (let r = 0; r < ids.length; r += step) {
    if (ids[r] < 0 || Number.isNaN(x[r]) || Number.isNaN(y[r])) continue;
    const value = ids[r] === id;
    if ((compare(x[r], yMedian) === comparison) !== value) againstY++;
    if ((compare(xMedian, y[r]) === comparison) !== value) againstX++;
  }
  return Math.min(againstY, againstX) <= 2 * disagreeing;
}

/**
 * Whether a value and a comparison go together as a tendency, not a rule: of the rows of the value (or of the other
 * values), those breaking it continue those keeping it by at most the breaks' median margin (breaksContinue; ties
 * aside) — the rows' margins go on through the limit. A claim's paid amount above
 * its reserve in 97.5% of the rows where the claim is "Closed", and in 49 open claims, where 54 open claims keep it
 * by as little: a claim closes when its reserve falls to 0, not when its payments pass it. A rule's breaks are few
 * beside the rows close to its limit (normal results just under a reference limit).
 */
function continuesThroughTheLimit(ids: Int32Array, id: number, comparison: Comparison, x: Float64Array, y: Float64Array, step: number): boolean {
  if (comparison === 'equal') return false;
  for (const ofValue of [true, false]) {
    const [breaks, keeps]: number[][] = [[], []];
    for (let r = 0; r < ids.length; r += step) {
      if (ids[r] < 0 || (ids[r] === id) !== ofValue || Number.isNaN(x[r]) || Number.isNaN(y[r]) || x[r] === y[r]) continue;
      ((compare(x[r], y[r]) === comparison) === ofValue ? keeps : breaks).push(Math.abs(x[r] - y[r]));
    }
    if (breaks.length < MIN_CONTINUED_BREAKS) continue;
    const margin = median(breaks);
    if (breaksContinue(breaks.length, keeps.filter((d) => d <= margin).length)) return true;
  }
  return false;
}

/** Share of the agreeing rows' measures left out at each end of the range a row's measure must lie in to fit them. */
const FIT_TAIL = 0.005;

/** How far x lies from y: their ratio where both are positive (limits and values of one scale), else their difference. */
const measureOf = (x: number, y: number, ratio: boolean) => (ratio ? x / y : x - y);

/**
 * Whether row r's numbers lie as the rows of the learned value lie (the value holding and the comparison with it): the
 * ratio (or difference) of its two numbers within the central range (FIT_TAIL at each end) of theirs. A flag "N" whose
 * value is beyond the upper limit by the margins flagged rows show is a label left wrong; a value a tenth of its own,
 * far below where any flagged row lies, is the number's error, not the label's.
 */
export function fitsValue(data: IngestResult, decided: ComparisonLabel, r: number): boolean {
  const key = `comparison-fit:${decided.label}:${decided.id}:${decided.left}:${decided.right}:${decided.comparison}`;
  const ids = distinctValues(data, decided.label).ids;
  return liesWithin(measureRange(data, key, decided, (k) => ids[k] === decided.id && comparisonHoldsAt(data, decided, k)), data, decided, r);
}

/**
 * Whether row r's two numbers lie as those of the label's rows do, whatever their value (the ratio, or difference, of
 * the two within the central range of theirs: FIT_TAIL at each end). A glucose of 10 where the limits are 70 and 99,
 * far below any row's, is a number keyed wrong (100), whatever its flag says.
 */
export function fitsLabelledRows(data: IngestResult, decided: ComparisonLabel, r: number): boolean {
  const ids = distinctValues(data, decided.label).ids;
  return liesWithin(measureRange(data, `comparison-rows:${decided.label}:${decided.left}:${decided.right}`, decided, (k) => ids[k] >= 0), data, decided, r);
}

interface MeasureRange {
  /** Whether both numbers are positive in every row taken (then the measure is their ratio). */
  positive: boolean;
  low: number;
  high: number;
}

/** The central range (FIT_TAIL at each end) of the measures of the rows `taken` holding both numbers (computed once per key). */
function measureRange(data: IngestResult, key: string, decided: ComparisonLabel, taken: (k: number) => boolean): MeasureRange {
  return memo(data, key, () => {
    const [x, y] = [numericColumn(data, decided.left), numericColumn(data, decided.right)];
    const rows: number[] = [];
    for (let k = 0; k < x.length; k++) if (!Number.isNaN(x[k]) && !Number.isNaN(y[k]) && taken(k)) rows.push(k);
    const positive = rows.every((k) => x[k] > 0 && y[k] > 0);
    const sorted = Float64Array.from(rows, (k) => measureOf(x[k], y[k], positive)).sort();
    return { positive, low: sorted[Math.floor(FIT_TAIL * (sorted.length - 1))], high: sorted[Math.ceil((1 - FIT_TAIL) * (sorted.length - 1))] };
  });
}

/** Whether row r's measure lies within a range. */
function liesWithin(range: MeasureRange, data: IngestResult, decided: ComparisonLabel, r: number): boolean {
  const [x, y] = [numericColumn(data, decided.left)[r], numericColumn(data, decided.right)[r]];
  if (range.positive && (x <= 0 || y <= 0)) return false;
  const measure = measureOf(x, y, range.positive);
  return measure >= range.low && measure <= range.high;
}

/** Whether a learned comparison holds at row r (false where a number is missing). */
export function comparisonHoldsAt(data: IngestResult, decided: ComparisonLabel, r: number): boolean {
  const [x, y] = [numericColumn(data, decided.left)[r], numericColumn(data, decided.right)[r]];
  return !Number.isNaN(x) && !Number.isNaN(y) && compare(x, y) === decided.comparison;
}

/** Rows a value needs, and the share of them that must keep the comparison, to lie on the decided value's side. */
const SIDE_ROWS = 3;
const SIDE_SHARE = 0.9;
/**
 * Rows of a value, at least, and the share of its rows, keeping the comparison for the value to share the side now and
 * then: far more than slips of the label leave in one value (a few in a thousand).
 */
const SHARING_ROWS = 5;
const SHARING_SHARE = 0.05;

/**
 * The label's other values whose rows nearly all keep the comparison too (SIDE_SHARE of SIDE_ROWS or more): grades of
 * the decided value's side — a critical "HH" beside "H" above the limit — not labels the comparison contradicts; and
 * those whose rows keep it in SHARING_SHARE of them or more (SHARING_ROWS at least): the comparison does not rule the
 * value out (a pack of 500 ml weighing 500 g, in 18 of 250 packs in ml, where packs in g are so by definition).
 */
export function valuesOnItsSide(data: IngestResult, decided: ComparisonLabel): Set<number> {
  const { ids, size } = distinctValues(data, decided.label);
  const [left, right] = [numericColumn(data, decided.left), numericColumn(data, decided.right)];
  const [rows, keeping] = [new Int32Array(size), new Int32Array(size)];
  for (let r = 0; r < ids.length; r++) {
    if (ids[r] < 0 || ids[r] === decided.id || Number.isNaN(left[r]) || Number.isNaN(right[r])) continue;
    rows[ids[r]]++;
    if (compare(left[r], right[r]) === decided.comparison) keeping[ids[r]]++;
  }
  const side = new Set<number>();
  for (let id = 0; id < size; id++) {
    if ((rows[id] >= SIDE_ROWS && keeping[id] >= SIDE_SHARE * rows[id]) || (keeping[id] >= SHARING_ROWS && keeping[id] >= SHARING_SHARE * rows[id])) side.add(id);
  }
  return side;
}

/** The rows where the label's value and the comparison disagree (one holds without the other), with whether the comparison holds. */
export function disagreeingRows(data: IngestResult, decided: ComparisonLabel): { row: number; comparisonHolds: boolean }[] {
  const { ids } = distinctValues(data, decided.label);
  const [x, y] = [numericColumn(data, decided.left), numericColumn(data, decided.right)];
  const out: { row: number; comparisonHolds: boolean }[] = [];
  for (let r = 0; r < ids.length; r++) {
    if (ids[r] < 0 || Number.isNaN(x[r]) || Number.isNaN(y[r])) continue;
    const holds = compare(x[r], y[r]) === decided.comparison;
    if (holds !== (ids[r] === decided.id)) out.push({ row: r, comparisonHolds: holds });
  }
  return out;
}
