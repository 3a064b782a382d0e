/**
 * Gaps between two dates of a row that the table keeps within a narrow range: an order shipped within days of its
 * date, a discharge within weeks of its admission. Learned from the table: two date columns (or two timestamp
 * columns) are coupled when the central 90% of their rows' differences spans at most a tenth of either column's
 * central 90% — the gap is a property of the process, not of when it happened (a birth date and an order date are not
 * coupled: their difference spreads as widely as the birth dates). The gaps far beyond the others' (the outlier
 * tests of tail-outliers.ts on the differences: 366 days where every other order shipped within a week) are where a
 * date is wrong, a year or a month typed wrong. Of a row's far gaps, the column in most of them is the wrong one (a
 * wrong ship date makes its gaps to the order and to the delivery both far); between two columns alone, in rows in
 * time order the date that jumps from its neighbouring rows' dates, else the one further into its own column's tail
 * on the side the gap says.
 */
import type { IngestResult } from '../table/model';
import { TEXT_KINDS, distinctValues, memo, numericColumn, sortedColumn } from './column-values';
import { median } from '../shared/quantile';
import { jumpingColumn } from './series';
import { CENTRAL, centralSpread, eachFarDifference, mostCommonColumn, tailShare } from './pair-outliers';

/** Share of either column's central spread the gaps' central spread may take, at most, for the two to be coupled. */
const COUPLED_SPREAD = 0.1;
/** Rows holding both dates a pair needs. */
const MIN_ROWS = 50;
/** Rows a pair's coupling is first measured on (evenly spread). */
const SAMPLE_ROWS = 20_000;
/** Date columns compared, at most (pairs grow with their square). */
const MAX_COLUMNS = 12;

/** Two date columns whose gap (`to` − `from`, in milliseconds) the table keeps within a narrow range. */
export interface DateGap {
  from: number;
  to: number;
  /** Rows holding both dates. */
  rows: number;
  /** The gaps' median and the range of their central 90%, in milliseconds. */
  median: number;
  low: number;
  high: number;
}

/** A row's gap far beyond the others' of its pair. */
export interface FarGap {
  gap: DateGap;
  /** The row's gap, in milliseconds. */
  value: number;
  /** Beyond the others' on the side of long gaps (`upper`) or short ones. */
  side: 'upper' | 'lower';
}

/** The range of a column's central values (see CENTRAL). */
function centralRange(sorted: { quantile(p: number): number }): number {
  return sorted.quantile(0.5 + CENTRAL / 2) - sorted.quantile(0.5 - CENTRAL / 2);
}

/** Whether gaps (`sorted`, ascending) spread narrowly enough beside their columns' central spread `columnSpread` (COUPLED_SPREAD). */
function coupled(sorted: Float64Array, columnSpread: number): boolean {
  return centralSpread(sorted) <= COUPLED_SPREAD * columnSpread;
}

/** The table's coupled date pairs and, per row, its far gaps (computed once per table). */
/** Values a label column may have to name kinds of record with gaps of their own (a test, a service), and rows a kind needs. */
const MAX_KINDS = 50;
const MIN_KIND_ROWS = 5;
/** How many times its kind's median gap a row's gap may lie from it, either way, to be that kind's. */
const KIND_FACTOR = 4;

/**
 * A test of whether a row's far gap is its kind's: a value of a label column (2 to MAX_KINDS values) whose rows'
 * median gap lies beyond the table's central range on the same side, the row's gap within KIND_FACTOR of it — a lab's
 * HbA1c resulted the next day (a median of 14 hours) where most tests take an hour. Kinds with gaps of their own are
 * no slips. Built lazily: most gaps have no far rows.
 */
function kindsOfTheirOwn(data: IngestResult, differences: Float64Array, low: number, high: number): (r: number, side: 'upper' | 'lower') => boolean {
  let medians: { ids: Int32Array; median: Float64Array }[] | undefined;
  const groupMedians = () =>
    data.columns.flatMap((column, c) => {
      if (!TEXT_KINDS.includes(column.kind)) return [];
      const { ids, size } = distinctValues(data, c);
      if (size < 2 || size > MAX_KINDS) return [];
      const gaps: number[][] = Array.from({ length: size }, () => []);
      for (let r = 0; r < ids.length; r++) if (ids[r] >= 0 && !Number.isNaN(differences[r])) gaps[ids[r]].push(differences[r]);
      return [{ ids, median: Float64Array.from(gaps, (list) => (list.length >= MIN_KIND_ROWS ? median(list) : NaN)) }];
    });
  return (r, side) => {
    medians ??= groupMedians();
    const gap = differences[r];
    return medians.some(({ ids, median }) => {
      const m = ids[r] < 0 ? NaN : median[ids[r]];
      const beyond = side === 'upper' ? m > high : m < low;
      return beyond && Math.abs(gap) <= KIND_FACTOR * Math.abs(m) && Math.abs(m) <= KIND_FACTOR * Math.abs(gap);
    });
  };
}

export function dateGaps(data: IngestResult): { gaps: DateGap[]; far: Map<number, FarGap[]> } {
  return memo(data, 'date-gaps', () => {
    const gaps: DateGap[] = [];
    const far = new Map<number, FarGap[]>();
    for (const kind of ['date', 'timestamp']) {
      const columns = data.columns.flatMap((column, c) => (column.kind === kind ? [c] : [])).slice(0, MAX_COLUMNS);
      const spreads = columns.map((c) => centralRange(sortedColumn(data, c)));
      for (let i = 0; i < columns.length; i++) {
        for (let j = i + 1; j < columns.length; j++) {
          const [from, to] = [columns[i], columns[j]];
          const [a, b] = [numericColumn(data, from), numericColumn(data, to)];
          // Coupled on a sample first (most pairs are not), then the gaps of every row.
          const step = Math.max(1, Math.floor(a.length / SAMPLE_ROWS));
          const sampled: number[] = [];
          for (let r = 0; r < a.length; r += step) if (!Number.isNaN(b[r] - a[r])) sampled.push(b[r] - a[r]);
          if (sampled.length < MIN_ROWS || !coupled(Float64Array.from(sampled).sort(), Math.min(spreads[i], spreads[j]))) continue;
          const differences = new Float64Array(a.length);
          let rows = 0;
          for (let r = 0; r < a.length; r++) {
            differences[r] = b[r] - a[r];
            if (!Number.isNaN(differences[r])) rows++;
          }
          const sorted = differences.filter((d) => !Number.isNaN(d)).sort();
          const at = (p: number) => sorted[Math.floor(p * (sorted.length - 1))];
          const [low, median, high] = [at(0.5 - CENTRAL / 2), at(0.5), at(0.5 + CENTRAL / 2)];
          if (!coupled(sorted, Math.min(spreads[i], spreads[j]))) continue;
          const gap: DateGap = { from, to, rows, median, low, high };
          gaps.push(gap);
          const ofItsKind = kindsOfTheirOwn(data, differences, low, high);
          eachFarDifference(differences, sorted, (r, side) => {
            if (!ofItsKind(r, side)) far.set(r, [...(far.get(r) ?? []), { gap, value: differences[r], side }]);
          });
        }
      }
    }
    return { gaps, far };
  });
}

/**
 * The column of row `r` its far gaps blame (see the module comment), or undefined: the column in more of them than any
 * other; else, of one far gap, the date that jumps from its neighbouring rows' (see jumpingColumn), else the one further
 * into its own column's tail on the side the gap says (a gap too long: the later date late among its column's, or the
 * earlier one early).
 */
export function gapCulprit(data: IngestResult, r: number): number | undefined {
  const gaps = dateGaps(data).far.get(r);
  if (!gaps) return undefined;
  const most = mostCommonColumn(gaps.map(({ gap }) => [gap.from, gap.to] as const));
  if (most !== undefined) return most;
  if (gaps.length !== 1) return undefined;
  const [{ gap, side }] = gaps;
  // In rows in time order, the date that jumps from its neighbouring rows' (an excavation's end a year after theirs).
  const jumping = jumpingColumn(data, gap.from, gap.to, r);
  if (jumping !== undefined) return jumping;
  // A gap too long: `to` late or `from` early; too short: `to` early or `from` late.
  const lateTo = side === 'upper';
  return tailShare(data, gap.to, r, lateTo) <= tailShare(data, gap.from, r, !lateTo) ? gap.to : gap.from;
}
