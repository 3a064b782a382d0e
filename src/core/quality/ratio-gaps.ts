/**
 * Ratios between two measures of a row that the table keeps within a narrow range: a book's weight per page, a dose
 * per tablet's strength, a price per unit of size. Learned from the table: two columns of positive numbers (99% of
 * them: a zero or a negative number, a placeholder or a slip, has no ratio to tell) are
 * proportional when the central 90% of their rows' log ratios spans at most PROPORTIONAL_SPREAD of either column's
 * central 90% of logs — each grows with the other, and their ratio is a property of the thing (a weight and a
 * price only tend to grow together: their ratio spreads as widely as they do). The ratios far beyond the others'
 * (the outlier tests of tail-outliers.ts on the log ratios: a weight of 6 g for 256 pages, where books weigh 0.7 to 1.5
 * g a page) are where a number is in another unit or slipped. Of a row's far ratios, the column in most of them is the
 * wrong one; of one, the value its row's group does not vouch for (a strength of 0.125 mg that the digoxin rows hold,
 * beside a dose of 125 that no other does), else the value further into its own column's tail on the side the ratio
 * says (a dose of 5,000 mg beside a strength of 5 mg: few doses are higher, many strengths lower).
 */
import type { IngestResult } from '../table/model';
import { TEXT_KINDS, isNumeric, looksLikeIdentifier, memo, numericColumn, sortedColumn, sortedRuns, valueCodes } from './column-values';
import { CENTRAL, centralSpread, eachFarDifference, mostCommonColumn, tailShare } from './pair-outliers';

/** Share of either column's central spread of logs its ratios' central spread may take, at most, for the two to be proportional. */
const PROPORTIONAL_SPREAD = 0.35;
/** Rows holding both numbers a pair needs. */
const MIN_ROWS = 50;
/** Distinct numbers a column needs (a measure, not a few levels or a flag). */
const MIN_DISTINCT = 10;
/** Share of a column's numbers that must be positive (a few zeros or negatives are placeholders or slips: no ratio). */
const MIN_POSITIVE = 0.99;
/** Distinct share above which a column of whole numbers is a key or a code, no measure. */
const KEY_DISTINCT_SHARE = 0.95;
/** Rows a pair is first measured on (evenly spread). */
const SAMPLE_ROWS = 20_000;
/** Every how many sample rows a pair is screened on first, and how far beyond the bound its spread there must lie to be dropped. */
const SCREEN_STRIDE = 10;
const SCREEN_MARGIN = 1.5;
/** Columns compared, at most (pairs grow with their square). */
const MAX_COLUMNS = 20;

/** Two columns of positive numbers whose ratio (`numerator` / `denominator`) the table keeps within a narrow range. */
export interface RatioPair {
  numerator: number;
  denominator: number;
  /** Rows holding both numbers. */
  rows: number;
  /** The ratios' median and the range of their central 90%. */
  median: number;
  low: number;
  high: number;
}

/** A row's ratio far beyond the others' of its pair. */
export interface FarRatio {
  pair: RatioPair;
  /** The row's ratio. */
  value: number;
  /** Beyond the others' on the side of large ratios (`upper`) or small ones. */
  side: 'upper' | 'lower';
}

/**
 * Columns of positive numbers that are measures: not identifiers, MIN_DISTINCT values at least, positive (see
 * MIN_POSITIVE), and no whole numbers nearly all distinct (KEY_DISTINCT_SHARE: a municipality's code in two numbering
 * systems keeps a ratio near 1 where no quantity is measured).
 */
function measureColumns(data: IngestResult): number[] {
  return data.columns
    .flatMap((column, c) => {
      if (!isNumeric(column) || looksLikeIdentifier(column.name)) return [];
      const sorted = sortedColumn(data, c);
      const distinct = sortedRuns(data, c).values.length;
      if (column.kind === 'integer' && distinct >= KEY_DISTINCT_SHARE * sorted.length) return [];
      return sorted.length >= MIN_ROWS && sorted.quantile(1 - MIN_POSITIVE) > 0 && distinct >= MIN_DISTINCT ? [c] : [];
    })
    .slice(0, MAX_COLUMNS);
}

/** Far rows of one value of a text column, in an unbroken run of that value's rows, that make a regime of it. */
const REGIME_ROWS = 10;
/** Share of a regime's far rows that rows of the value breaking it may number, at most (slips within it). */
const REGIME_BREAKS = 0.05;
/** Most values a column naming entities may have (tickers, stations, patients). */
const REGIME_MAX_VALUES = 5_000;

/**
 * Of `rows` (far ratios, ascending), those in a regime of an entity: REGIME_ROWS or more rows of one value of a text
 * column, with few of that value's other rows between them (REGIME_BREAKS) — a ticker's adjusted closes before its split, in the
 * months before it. A slip strikes rows here and there; a ratio that changed at a date and held since is the entity's.
 */
function regimeRows(data: IngestResult, rows: readonly number[]): Set<number> {
  const regime = new Set<number>();
  if (rows.length < REGIME_ROWS) return regime;
  const isFar = new Set(rows);
  data.columns.forEach((column, k) => {
    if (!TEXT_KINDS.includes(column.kind)) return;
    const { ids, size } = valueCodes(data, k);
    if (size < 2 || size > REGIME_MAX_VALUES) return;
    const byValue = new Map<number, number[]>();
    for (const r of rows) {
      if (ids[r] < 0) continue;
      const held = byValue.get(ids[r]);
      if (held) held.push(r);
      else byValue.set(ids[r], [r]);
    }
    for (const [id, far] of byValue) {
      if (far.length < REGIME_ROWS) continue;
      // Few rows of the value between its first and last far row that are not far (REGIME_BREAKS: a slip among them).
      let breaks = 0;
      for (let r = far[0]; r <= far[far.length - 1]; r++) if (ids[r] === id && !isFar.has(r)) breaks++;
      if (breaks <= REGIME_BREAKS * far.length) for (const r of far) regime.add(r);
    }
  });
  return regime;
}

/** The table's proportional pairs and, per row, its far ratios (computed once per table). */
export function ratioGaps(data: IngestResult): { pairs: RatioPair[]; far: Map<number, FarRatio[]> } {
  return memo(data, 'ratio-gaps', () => {
    const pairs: RatioPair[] = [];
    const far = new Map<number, FarRatio[]>();
    const columns = measureColumns(data);
    // Logarithms of the positive numbers at the sample rows (NaN elsewhere: a zero or a negative number has no ratio).
    const n = data.table.numRows;
    const step = Math.max(1, Math.floor(n / SAMPLE_ROWS));
    const logOf = (v: number) => (v > 0 ? Math.log(v) : NaN);
    const sampledLogs = columns.map((c) => {
      const values = numericColumn(data, c);
      return Float64Array.from({ length: Math.ceil(n / step) }, (_, k) => logOf(values[k * step]));
    });
    const spreads = columns.map((c) => {
      const sorted = sortedColumn(data, c);
      return Math.log(sorted.quantile(0.5 + CENTRAL / 2)) - Math.log(Math.max(sorted.quantile(0.5 - CENTRAL / 2), Number.MIN_VALUE));
    });
    for (let i = 0; i < columns.length; i++) {
      for (let j = i + 1; j < columns.length; j++) {
        const spread = Math.min(spreads[i], spreads[j]);
        if (!(spread > 0)) continue;
        // Proportional on a sample first (most pairs are not), then the ratios of every row.
        const [x, y] = [sampledLogs[i], sampledLogs[j]];
        const ratiosEvery = (stride: number) => {
          const sampled: number[] = [];
          for (let k = 0; k < x.length; k += stride) if (!Number.isNaN(x[k] - y[k])) sampled.push(x[k] - y[k]);
          return Float64Array.from(sampled).sort();
        };
        // A tenth of the sample first: a pair far from proportional is told by a few hundred rows.
        const screened = ratiosEvery(SCREEN_STRIDE);
        if (screened.length >= MIN_ROWS && centralSpread(screened) > SCREEN_MARGIN * PROPORTIONAL_SPREAD * spread) continue;
        const sampled = ratiosEvery(1);
        if (sampled.length < MIN_ROWS || centralSpread(sampled) > PROPORTIONAL_SPREAD * spread) continue;
        const [a, b] = [numericColumn(data, columns[i]), numericColumn(data, columns[j])];
        const logRatios = new Float64Array(n);
        for (let r = 0; r < n; r++) logRatios[r] = logOf(a[r]) - logOf(b[r]);
        const sorted = logRatios.filter((d) => !Number.isNaN(d)).sort();
        if (centralSpread(sorted) > PROPORTIONAL_SPREAD * spread) continue;
        const at = (p: number) => Math.exp(sorted[Math.floor(p * (sorted.length - 1))]);
        const pair: RatioPair = { numerator: columns[i], denominator: columns[j], rows: sorted.length, median: at(0.5), low: at(0.5 - CENTRAL / 2), high: at(0.5 + CENTRAL / 2) };
        pairs.push(pair);
        const farRows: { r: number; side: FarRatio['side'] }[] = [];
        eachFarDifference(logRatios, sorted, (r, side) => farRows.push({ r, side }));
        const regime = regimeRows(data, farRows.map(({ r }) => r));
        for (const { r, side } of farRows) if (!regime.has(r)) far.set(r, [...(far.get(r) ?? []), { pair, value: Math.exp(logRatios[r]), side }]);
      }
    }
    return { pairs, far };
  });
}

/** Most values a column grouping rows may have to vouch for a number (a drug, a product, a model). */
const MAX_GROUP_VALUES = 256;
/** Share of its group's rows (and rows, at least) that must hold a number for the group to vouch for it. */
const VOUCHING_SHARE = 0.1;
const VOUCHING_ROWS = 3;

/**
 * Whether row `r`'s number in column `c` is one its row's group holds often (VOUCHING_SHARE of the group's rows,
 * VOUCHING_ROWS at least), for a text column of 2 to MAX_GROUP_VALUES values: a strength of 0.125 mg in half of the
 * digoxin rows, where a dose of 125 is held by that row alone.
 */
function vouched(data: IngestResult, c: number, r: number): boolean {
  const values = valueCodes(data, c);
  if (values.ids[r] < 0) return false;
  return data.columns.some((column, g) => {
    if (g === c || !TEXT_KINDS.includes(column.kind)) return false;
    const groups = valueCodes(data, g);
    if (groups.size < 2 || groups.size > MAX_GROUP_VALUES || groups.ids[r] < 0) return false;
    const counts = memo(data, `vouching:${c}:${g}`, () => {
      const byPair = new Map<number, number>();
      const groupRows = new Int32Array(groups.size);
      for (let k = 0; k < values.ids.length; k++) {
        if (groups.ids[k] < 0 || values.ids[k] < 0) continue;
        groupRows[groups.ids[k]]++;
        const key = groups.ids[k] * values.size + values.ids[k];
        byPair.set(key, (byPair.get(key) ?? 0) + 1);
      }
      return { byPair, groupRows };
    });
    const held = counts.byPair.get(groups.ids[r] * values.size + values.ids[r]) ?? 0;
    return held >= VOUCHING_ROWS && held >= VOUCHING_SHARE * counts.groupRows[groups.ids[r]];
  });
}

/**
 * The column of row `r` its far ratios blame (see the module comment): the column in more of them than any other;
 * else, of one far ratio, the value its row's group does not vouch for where it does for the other, else the value
 * further into its own column's tail on the side the ratio says (a ratio too large: the numerator high among its
 * column's, or the denominator low); undefined where several tie.
 */
export function ratioCulprit(data: IngestResult, r: number): number | undefined {
  const ratios = ratioGaps(data).far.get(r);
  if (!ratios) return undefined;
  const most = mostCommonColumn(ratios.map(({ pair }) => [pair.numerator, pair.denominator] as const));
  if (most !== undefined) return most;
  if (ratios.length !== 1) return undefined;
  const [{ pair, side }] = ratios;
  // The value its row's group vouches for is right, the other wrong (a strength of 0.125 mg the digoxin rows hold).
  const [numeratorVouched, denominatorVouched] = [vouched(data, pair.numerator, r), vouched(data, pair.denominator, r)];
  if (numeratorVouched !== denominatorVouched) return numeratorVouched ? pair.denominator : pair.numerator;
  // A ratio too large: the numerator high among its column's or the denominator low; too small: the other way round.
  const large = side === 'upper';
  return tailShare(data, pair.numerator, r, large) <= tailShare(data, pair.denominator, r, !large) ? pair.numerator : pair.denominator;
}
