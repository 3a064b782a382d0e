/**
 * Exact arithmetic relations between a table's numeric columns, learned from its rows: a total that is the sum of
 * two columns (total = men + women), an amount that is their product (amount = price × quantity), a column that is
 * another in other units (miles = 0.621371 × km, °F = 32 + 1.8 × °C), or the units of it begun (billed units =
 * ⌈data_mb⌉, ⌈seconds / 60⌉). A relation holds at a row when the values as
 * written agree within their rounding (half a unit of each column's last written decimal). Exact agreement does not
 * happen by chance with numbers of many values, so a relation is learned from the rows where it holds — at least
 * MIN_HOLDING of them, and far more than with the computed column shuffled over the rows — and the rows of a dirty
 * table that break it are where one of its cells is wrong.
 */
import type { IngestResult } from '../table/model';
import { TEXT_KINDS, distinctValues, isNumeric, memo, numericColumn, valueCodes } from './column-values';
import { binomialTail } from '../shared/binomial-tail';
import { looksLikeIdentifier } from '../shared/identifier';

export type RelationKind = 'sum' | 'product' | 'discounted' | 'affine';
/** How an affine relation's output rounds its value to a whole number (see NumericRelation.rounding). */
export type Rounding = 'up' | 'down';

export interface NumericRelation {
  kind: RelationKind;
  /**
   * The columns it computes from: two or more for a sum (a run of the table's columns), two for a product, three for
   * a discounted product (price × quantity × (1 − discount)), one for an affine relation.
   */
  inputs: number[];
  /** The column it computes. */
  output: number;
  /**
   * An affine relation's output = offset + slope × input; a product's scale, a power of ten (a price per kg of a
   * weight in grams: price = 0.001 × price per kg × grams); a discounted product's scale of its discount, 1 for a share
   * of the price (0.1) and 0.01 for a percent (10); 0 and 1 otherwise.
   */
  offset: number;
  slope: number;
  /** A weighted sum's whole weights, one per input (points = 2 × field goals + three-pointers + free throws); absent: all 1. */
  weights?: number[];
  /**
   * An affine relation whose output is its value rounded to a whole number: up (units billed for the minutes or
   * megabytes begun, ⌈data_mb⌉) or down (whole units completed). Held exactly.
   */
  rounding?: Rounding;
  /** Rows where each of its columns holds a number, and of them the rows where it holds. */
  rows: number;
  holding: number;
  /**
   * Whether it holds without rounding (as a relation: sums of whole numbers, cents × a count): it then holds only
   * where the values agree exactly (a total off by one breaks it).
   */
  exact: boolean;
  /**
   * Whether, not exact, a discounted product holds with its inputs as written and only its output rounded (a price
   * less its discount written to the cent): a quantity then counts as the whole number it is.
   */
  roundedOutput: boolean;
  /**
   * Whether, not exact, it holds within the rounding of its numbers written with decimals, its whole numbers exact: an
   * input that is a quotient rounded (a rent per m² to the cent of a whole rent over a whole area).
   */
  roundedDecimals?: boolean;
}

/** Share of the rows with numbers in its columns a relation must hold in (errors in a tenth of the cells of three columns leave 73%). */
export const MIN_HOLDING = 0.7;
/** Rows a relation must hold in at least. */
const MIN_HOLDING_ROWS = 20;
/** How many times the share with the output shuffled over the rows a relation must hold in (chance agreement of few values). */
const BEYOND_CHANCE = 10;
/** Largest share of the rows a weighted sum may hold in with its output shuffled, for its breaks to tell it instead (see brokenBeyondChance). */
const MAX_CHANCE_HOLDING = 0.5;

/**
 * Whether a weighted sum of few values, or whole units rounded from a number (minutes begun, mostly 1 to 3), is told by
 * its breaks: with its output shuffled over the rows it breaks in most of them, BEYOND_CHANCE times as often as it does (a score of 100 − 5 × critical − 2 × noncritical violations,
 * most inspections scoring 92 to 100: shuffled, a fifth of the rows keep it; as written, all but 0.4%).
 */
function brokenBeyondChance(held: number, byChance: number): boolean {
  return byChance <= MAX_CHANCE_HOLDING && 1 - byChance >= BEYOND_CHANCE * (1 - held);
}
/**
 * Whether the rows of a sum that do not keep it trivially (a part 0) keep it BEYOND_CHANCE times as often as with its
 * output shuffled, MIN_HOLDING of them at least: where most rows add zeros their outputs repeat, and the shuffle keeps
 * it there as often (total precipitation = rain + snow, on dry days 0 = 0 + 0; the days of both rain and snow tell).
 * (Not a product: the few prices and quantities of an order's lines repeat their products whatever the rows.)
 */
function nonTrivialBeyondChance(kind: RelationKind, counted: Counted, chance: Counted): boolean {
  if (kind !== 'sum' || counted.nonTrivial < MIN_HOLDING_ROWS || counted.nonTrivial < MIN_HOLDING * counted.nonTrivialRows) return false;
  return counted.nonTrivial / counted.nonTrivialRows >= BEYOND_CHANCE * (chance.nonTrivial / Math.max(1, chance.nonTrivialRows));
}
/** A column is computed by a relation (or an affine one's input) only with at least this many distinct values (not a flag or a small code). */
const MIN_DISTINCT = 10;
/** Numeric columns looked at, at most (the first ones: discovery tries every triple). */
const MAX_COLUMNS = 40;
/** Rows discovery looks at (evenly spread); a relation found there is then counted on every row. */
const SAMPLE_ROWS = 2_000;
/** Rows a candidate is first tried on: it is dropped as soon as it cannot reach MIN_HOLDING there. */
const SCREEN_ROWS = 60;
/**
 * A relation is held to exactness where this share of the sample rows keeping it within rounding keep it exactly
 * (rounded whole numbers add up to their rounded total only three times in four).
 */
const EXACT_SHARE = 0.95;
/**
 * Share of the rows keeping a relation within the rounding of its numbers written with decimals (whole numbers as
 * exact) that must keep it exactly for it to be held to exactness: a whole rent over a whole area, rounded to the
 * cent, gives the rent back in 97% of the rows — the rest miss it by the rate's rounding, no error.
 */
const QUOTIENT_EXACT_SHARE = 0.99;
/** Relations learned per table, at most, and candidates counted on every row (a table of copied columns holds many). */
const MAX_RELATIONS = 20;
const MAX_VERIFIED = 60;
/** Decimals a column's rounding is measured to, at most. */
const MAX_DECIMALS = 6;
/** Candidate pairs of rows an affine relation's slope and offset are tried from. */
const AFFINE_TRIES = 40;
/**
 * Smallest |rank correlation| of two columns tried as an affine relation (ranks: a few wrong values ×10 among
 * them do not hide it, as they hide a correlation of the values).
 */
const AFFINE_MIN_CORRELATION = 0.9;
/** Pairs an affine relation is fitted to, at most (each fit tries AFFINE_TRIES lines over the sample). */
const MAX_AFFINE_FITS = 60;


/** Whether column `c` is one of a relation's inputs or its output. */
export function usesColumn(relation: Pick<NumericRelation, 'inputs' | 'output'>, c: number): boolean {
  return relation.output === c || relation.inputs.includes(c);
}

/** A whole number rounded up or down, floating-point error aside (120 × (1/60) is 2, not 2.0000000000000004 rounded up to 3). */
function roundedTo(v: number, rounding: Rounding): number {
  const slack = 1e-9 * Math.max(1, Math.abs(v));
  return rounding === 'up' ? Math.ceil(v - slack) : Math.floor(v + slack);
}

/** The value a relation computes from its inputs' values. */
export function computed(relation: Pick<NumericRelation, 'kind' | 'offset' | 'slope' | 'weights' | 'rounding'>, inputs: readonly number[]): number {
  if (relation.kind === 'sum') {
    const { weights } = relation;
    // A weighted sum may start from a whole number (a score of 100 less its deductions); other sums start from 0.
    let total = relation.offset;
    for (let i = 0; i < inputs.length; i++) total += weights ? weights[i] * inputs[i] : inputs[i];
    return total;
  }
  if (relation.kind === 'product') return relation.slope * inputs[0] * inputs[1];
  if (relation.kind === 'discounted') return inputs[0] * inputs[1] * (1 - relation.slope * inputs[2]);
  const value = relation.offset + relation.slope * inputs[0];
  return relation.rounding ? roundedTo(value, relation.rounding) : value;
}

/** How far the output may be from the computed value through the rounding of the values as written. */
function tolerance(kind: RelationKind, slope: number, inputs: readonly number[], halfUnits: readonly number[], output: number, weights?: readonly number[]): number {
  const last = halfUnits[halfUnits.length - 1];
  const slack = 1e-9 * (Math.abs(output) + 1);
  if (kind === 'sum') {
    let units = last;
    for (let i = 0; i + 1 < halfUnits.length; i++) units += (weights ? Math.abs(weights[i]) : 1) * halfUnits[i];
    return units + slack;
  }
  if (kind === 'product') return Math.abs(slope) * (Math.abs(inputs[1]) * halfUnits[0] + Math.abs(inputs[0]) * halfUnits[1] + halfUnits[0] * halfUnits[1]) + last + slack;
  if (kind === 'discounted') {
    const [a, b] = inputs;
    const [ua, ub] = halfUnits;
    // (The discount as a share of the price: a percent's slope is 0.01.)
    const [d, ud] = [slope * inputs[2], slope * halfUnits[2]];
    const kept = Math.abs(1 - d) + ud;
    return (Math.abs(b) * ua + Math.abs(a) * ub + ua * ub) * kept + Math.abs(a * b) * ud + last + slack;
  }
  // A slope and offset estimated from rounded values: half as much again.
  return 1.5 * (Math.abs(slope) * halfUnits[0] + last) + slack;
}

/** A relation's shape: its kind, its columns (inputs, then output) and an affine one's offset and slope. */
interface Candidate {
  kind: RelationKind;
  columns: number[];
  offset: number;
  slope: number;
  weights?: number[];
  rounding?: Rounding;
}

/** Whether the output agrees with what the relation computes from the inputs, within `units` (the columns' half units, in order). */
function agrees(candidate: Candidate, inputs: readonly number[], output: number, units: readonly number[]): boolean {
  // A whole number rounded from the inputs as written: equal.
  if (candidate.rounding) return computed(candidate, inputs) === output;
  return Math.abs(computed(candidate, inputs) - output) <= tolerance(candidate.kind, candidate.slope, inputs, units, output, candidate.weights);
}

/** Whether the relation holds at row r (null when a value is missing). */
function holdsAt(candidate: Candidate, numbers: readonly Float64Array[], halfUnits: readonly number[], r: number): boolean | null {
  const values = candidate.columns.map((c) => numbers[c][r]);
  if (values.some((v) => !Number.isFinite(v))) return null;
  return agrees(candidate, values.slice(0, -1), values[values.length - 1], candidate.columns.map((c) => halfUnits[c]));
}

/** Rows with every value of a relation, of them the rows where it holds; and of each, the rows its values do not make it trivially true in. */
interface Counted {
  rows: number;
  holding: number;
  nonTrivial: number;
  nonTrivialRows: number;
}

/**
 * Rows where the relation holds and rows with every value, over `rows`; `screen`: stop after SCREEN_ROWS rows with
 * values when fewer than MIN_HOLDING of them hold. `outputRow` reads the output at another row (the shuffle).
 */
function count(candidate: Candidate, numbers: readonly Float64Array[], halfUnits: readonly number[], rows: Int32Array, screen: boolean, outputRow: (k: number) => number = (k) => rows[k]): Counted {
  const out: Counted = { rows: 0, holding: 0, nonTrivial: 0, nonTrivialRows: 0 };
  const { columns, kind } = candidate;
  const inputs = columns.slice(0, -1);
  const output = columns[columns.length - 1];
  const units = columns.map((c) => halfUnits[c]);
  const values: number[] = [];
  for (let k = 0; k < rows.length; k++) {
    const r = rows[k];
    values.length = 0;
    for (const c of inputs) values.push(numbers[c][r]);
    const y = numbers[output][outputRow(k)];
    if (!Number.isFinite(y) || values.some((v) => !Number.isFinite(v))) continue;
    out.rows++;
    // A sum of a zero, a product with 0 or 1, an output that is its input: true whatever the columns.
    // (A discounted product without its discount is a product: those rows test the price and quantity only; with one,
    // a quantity of 1 still tests the price less its discount.)
    // (A weighted sum's whole number it starts from counts as a term: a score of 100 less 2 × one count says something.)
    const trivial =
      kind === 'sum'
        ? values.filter((v) => v !== 0).length + (candidate.offset !== 0 ? 1 : 0) < 2
        : kind === 'product'
          ? values.some((v) => v === 0 || v === 1)
          : kind === 'discounted'
            ? values[0] === 0 || values[1] === 0 || values[2] === 0
            : values[0] === y;
    if (!trivial) out.nonTrivialRows++;
    if (agrees(candidate, values, y, units)) {
      out.holding++;
      if (!trivial) out.nonTrivial++;
    }
    if (screen && out.rows === SCREEN_ROWS && out.holding < MIN_HOLDING * SCREEN_ROWS) return out;
  }
  return out;
}

/** Rows of a label's value, at least, whose breaks can tell that a relation is not theirs. */
const MIN_GROUP_ROWS = 20;
/** Share of a value's rows, at least, that break a relation for it to be another's (a rate of its own). */
const GROUP_BROKEN_SHARE = 0.5;
/** Chance, at most, of so many of the value's rows breaking it with breaks spread over the rows as the table's are. */
const GROUP_CHANCE = 1e-6;
/** Values a label column may have to be looked at (a class, a kind: not a name). */
const MAX_GROUP_VALUES = 50;

/**
 * Whether the rows breaking a relation gather in one value of a label column: half of its rows at least (MIN_GROUP_ROWS
 * or more), far beyond the share of all rows that break it (GROUP_CHANCE). Asked of relations held only within the
 * rounding of their numbers (not exactly, or a weighted sum of fractions rounded to its output's unit: usage =
 * (total − base charge) / 4 to the whole unit): such a relation is fitted, and a line fitted through several rates (water
 * charged per unit at each rate class's price: one line through the middle holds within the rounding of whole units
 * for most rows) breaks in most rows of the rates off it, where slips are spread over a table's rows. It is no relation
 * of the table. (An exact relation is no compromise: where another population breaks it — another tax rate, salaried
 * pay beside hours × rate — relationApplies sets those rows apart.)
 */
function brokenByAGroup(data: IngestResult, candidate: Candidate, numbers: readonly Float64Array[], units: readonly number[], counted: Pick<Counted, 'rows' | 'holding'>): boolean {
  const broken = counted.rows - counted.holding;
  if (broken < GROUP_BROKEN_SHARE * MIN_GROUP_ROWS) return false;
  const share = broken / counted.rows;
  const labels = data.columns.flatMap((column, c) => {
    if (!TEXT_KINDS.includes(column.kind)) return [];
    const distinct = distinctValues(data, c);
    return distinct.size >= 2 && distinct.size <= MAX_GROUP_VALUES ? [distinct] : [];
  });
  if (labels.length === 0) return false;
  const breaks = new Uint8Array(data.table.numRows);
  const present = new Uint8Array(data.table.numRows);
  for (let r = 0; r < breaks.length; r++) {
    const holds = holdsAt(candidate, numbers, units, r);
    if (holds === null) continue;
    present[r] = 1;
    if (!holds) breaks[r] = 1;
  }
  return labels.some(({ ids, size }) => {
    const [rows, broken] = [new Int32Array(size), new Int32Array(size)];
    for (let r = 0; r < ids.length; r++) {
      if (ids[r] < 0 || !present[r]) continue;
      rows[ids[r]]++;
      broken[ids[r]] += breaks[r];
    }
    for (let id = 0; id < size; id++) {
      if (rows[id] >= MIN_GROUP_ROWS && broken[id] >= GROUP_BROKEN_SHARE * rows[id] && binomialTail(rows[id], broken[id], share) <= GROUP_CHANCE) return true;
    }
    return false;
  });
}

/** Rows evenly spread over the table, at most `limit`. */
function spreadRows(n: number, limit: number): Int32Array {
  const k = Math.min(n, limit);
  return Int32Array.from({ length: k }, (_, i) => Math.floor((i * n) / k));
}

/** The rank of each sample row's number among the sample's numbers of a column, by position in the sample (NaN where none). */
function sampleRanks(values: Float64Array, sample: Int32Array): Float64Array {
  const positions = Array.from(sample.keys()).filter((k) => Number.isFinite(values[sample[k]]));
  positions.sort((a, b) => values[sample[a]] - values[sample[b]]);
  const ranks = new Float64Array(sample.length).fill(NaN);
  positions.forEach((k, rank) => (ranks[k] = rank));
  return ranks;
}

/** |Pearson correlation| of two arrays over the indices `rows` where both have numbers. */
function correlation(x: Float64Array, y: Float64Array, rows: Int32Array): number {
  let n = 0;
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (const r of rows) {
    const [a, b] = [x[r], y[r]];
    if (!Number.isFinite(a) || !Number.isFinite(b)) continue;
    n++;
    sx += a;
    sy += b;
    sxx += a * a;
    syy += b * b;
    sxy += a * b;
  }
  if (n < MIN_HOLDING_ROWS) return 0;
  const cov = sxy - (sx * sy) / n;
  const vx = sxx - (sx * sx) / n;
  const vy = syy - (sy * sy) / n;
  return vx > 0 && vy > 0 ? Math.abs(cov / Math.sqrt(vx * vy)) : 0;
}

/**
 * The slope and offset of y = offset + slope × x that most sample rows agree with exactly: tried from pairs of rows
 * far apart in the sample, the best refitted by least squares over the rows it holds in.
 */
function fitAffine(x: number, y: number, numbers: readonly Float64Array[], halfUnits: readonly number[], rows: Int32Array): Candidate | undefined {
  const present = Array.from(rows).filter((r) => Number.isFinite(numbers[x][r]) && Number.isFinite(numbers[y][r]));
  if (present.length < MIN_HOLDING_ROWS) return undefined;
  // Copies (equal in most rows) are no relation: equality is as often a default (a year renovated = the year built).
  let equal = 0;
  for (const r of present) if (numbers[x][r] === numbers[y][r]) equal++;
  if (equal * 2 >= present.length) return undefined;
  present.sort((a, b) => numbers[x][a] - numbers[x][b]);
  const sample = Int32Array.from(present);
  const loose = halfUnits.map((u) => 3 * u);
  let best: { candidate: Candidate; holding: number } | undefined;
  const half = Math.floor(present.length / 2);
  for (let t = 0; t < AFFINE_TRIES; t++) {
    const i = Math.floor((t * half) / AFFINE_TRIES);
    const [a, b] = [present[i], present[i + half]];
    const dx = numbers[x][b] - numbers[x][a];
    if (dx === 0) continue;
    const slope = (numbers[y][b] - numbers[y][a]) / dx;
    if (!Number.isFinite(slope) || slope === 0) continue;
    const candidate: Candidate = { kind: 'affine', columns: [x, y], slope, offset: numbers[y][a] - slope * numbers[x][a] };
    const { holding } = count(candidate, numbers, loose, sample, false);
    if (!best || holding > best.holding) best = { candidate, holding };
  }
  if (!best) return undefined;
  // Least squares over the rows the best try holds in (with room for its rounding).
  let [n, sx, sy, sxx, sxy] = [0, 0, 0, 0, 0];
  for (const r of sample) {
    if (!holdsAt(best.candidate, numbers, loose, r)) continue;
    const [a, b] = [numbers[x][r], numbers[y][r]];
    n++;
    sx += a;
    sy += b;
    sxx += a * a;
    sxy += a * b;
  }
  const denominator = n * sxx - sx * sx;
  if (n < MIN_HOLDING_ROWS || denominator === 0) return undefined;
  let slope = (n * sxy - sx * sy) / denominator;
  let offset = (sy - slope * sx) / n;
  // An offset within the output's rounding is none (a conversion: miles = 0.621371 × km): the line through 0.
  if (Math.abs(offset) <= halfUnits[y] && sxx > 0) [slope, offset] = [sxy / sxx, 0];
  if (slope === 0) return undefined;
  const line = simplest({ kind: 'affine', columns: [x, y], slope, offset }, numbers, halfUnits, sample);
  // Whole units begun or completed are no line's rounding: a line holds them only where the fraction is under a half,
  // or, offset by a half, within a tolerance as wide as the unit. Rounded exactly in nearly as many rows, they are that.
  const rounded = halfUnits[y] === 0.5 ? fitRounded(x, y, numbers, sample) : undefined;
  if (rounded && count(rounded, numbers, halfUnits, sample, false).holding >= EXACT_SHARE * count(line, numbers, halfUnits, sample, false).holding) return rounded;
  return line;
}

/**
 * A column of whole numbers that is another column times a slope, rounded up (units billed for each megabyte or minute
 * begun: ⌈data_mb⌉, ⌈duration / 60⌉) or down, through 0. Each row with a positive input and output bounds the slope: to
 * ((y − 1)/x, y/x] rounded up, [y/x, (y + 1)/x) rounded down; the slope is taken where most rows' bounds overlap (a sweep
 * over their ends), written as simply as the overlap allows (1/60, not 0.0166672). The better of the two directions.
 */
function fitRounded(x: number, y: number, numbers: readonly Float64Array[], rows: Int32Array): Candidate | undefined {
  let best: { candidate: Candidate; holding: number } | undefined;
  for (const rounding of ['up', 'down'] as const) {
    const ends: [number, number][] = [];
    for (const r of rows) {
      const [a, b] = [numbers[x][r], numbers[y][r]];
      if (!(a > 0) || !(b > 0) || !Number.isInteger(b) || !Number.isFinite(a)) continue;
      ends.push(rounding === 'up' ? [(b - 1) / a, b / a] : [b / a, (b + 1) / a]);
    }
    if (ends.length < MIN_HOLDING_ROWS) continue;
    const overlap = mostOverlapped(ends);
    const slope = simplestWithin(overlap[0], overlap[1]);
    const candidate: Candidate = { kind: 'affine', columns: [x, y], offset: 0, slope, rounding };
    const { holding } = count(candidate, numbers, noRounding([x, y]), rows, false);
    if (!best || holding > best.holding) best = { candidate, holding };
  }
  return best?.candidate;
}

/** The interval where most of the given intervals overlap (the first such, from below). */
function mostOverlapped(intervals: readonly [number, number][]): [number, number] {
  const points = intervals.flatMap(([lo, hi]) => [[lo, 1] as const, [hi, -1] as const]).sort((p, q) => p[0] - q[0] || q[1] - p[1]);
  let [depth, deepest, from, to] = [0, 0, 0, 0];
  for (let i = 0; i < points.length; i++) {
    depth += points[i][1];
    if (depth > deepest) [deepest, from, to] = [depth, points[i][0], points[i + 1]?.[0] ?? points[i][0]];
  }
  return [from, to];
}

/** The number of fewest significant digits within [lo, hi], or its reciprocal's (1/60); the middle where none is. */
function simplestWithin(lo: number, hi: number): number {
  const middle = (lo + hi) / 2;
  const slack = 1e-12 * Math.abs(middle);
  const within = (v: number) => v >= lo - slack && v <= hi + slack;
  for (let digits = 1; digits <= 7; digits++) {
    const plain = Number(middle.toPrecision(digits));
    if (within(plain)) return plain;
    const reciprocal = 1 / Number((1 / middle).toPrecision(digits));
    if (within(reciprocal)) return reciprocal;
  }
  return middle;
}

/**
 * The relation with its slope and offset written with the fewest significant digits that keep it holding in as many
 * sample rows (1.8 and 32, not the 1.80003 and 32.0007 a fit over rounded values gives).
 */
function simplest(fitted: Candidate, numbers: readonly Float64Array[], halfUnits: readonly number[], sample: Int32Array): Candidate {
  const holding = count(fitted, numbers, halfUnits, sample, false).holding;
  const round = (v: number, digits: number) => (v === 0 ? 0 : Number(v.toPrecision(digits)));
  for (let digits = 1; digits <= 7; digits++) {
    const candidate = { ...fitted, slope: round(fitted.slope, digits), offset: round(fitted.offset, digits) };
    if (candidate.slope !== 0 && count(candidate, numbers, halfUnits, sample, false).holding >= holding) return candidate;
  }
  return fitted;
}

/** Half units of nothing for the columns (by index): the values must agree exactly. */
function noRounding(columns: readonly number[]): number[] {
  const units: number[] = [];
  for (const c of columns) units[c] = 0;
  return units;
}

/**
 * Half units with whole numbers taken as exact (counts, whole amounts) and numbers written with decimals within their
 * rounding; the output's as for an exact relation where that is larger (see exactUnitsOf).
 */
function decimalUnitsOf(columns: readonly number[], halfUnits: readonly number[], exactUnits: readonly number[]): number[] {
  const units = noRounding(columns);
  for (const c of columns) units[c] = halfUnits[c] >= 0.5 ? 0 : halfUnits[c];
  const output = columns[columns.length - 1];
  units[output] = Math.max(units[output], exactUnits[output]);
  return units;
}

/** Decimals of a half unit (0.005 → 2). */
function decimalsOfHalfUnit(halfUnit: number): number {
  return Math.max(0, Math.round(-Math.log10(2 * halfUnit)));
}

/**
 * Half units for a relation held exactly: none for the inputs as written; for the output, half its unit where it is
 * written with fewer decimals than the computation gives (a total to the cent of a count times a unit price of four
 * decimals, 17 × 3.5294 = 59.9998, written 60.00), else none (whole counts add up to their total exactly).
 */
function exactUnitsOf(kind: RelationKind, columns: readonly number[], halfUnits: readonly number[]): number[] {
  const units = noRounding(columns);
  const output = columns[columns.length - 1];
  const inputDecimals = columns.slice(0, -1).map((c) => decimalsOfHalfUnit(halfUnits[c]));
  const computedDecimals = kind === 'sum' ? Math.max(...inputDecimals) : kind === 'product' ? inputDecimals[0] + inputDecimals[1] : Infinity;
  if (computedDecimals > decimalsOfHalfUnit(halfUnits[output])) units[output] = halfUnits[output];
  return units;
}

/**
 * Share of a discounted product's holding rows that must carry a discount (most orders carry none; the rest test the
 * price and the quantity only).
 */
const MIN_DISCOUNTED_SHARE = 0.2;
/**
 * Largest discount a column of discounts holds — a share of the price, under 1, or a percent, up to 100 (a meal given
 * away) — and the share of its values that may lie beyond (slips).
 */
const MAX_DISCOUNT = 1;
const MAX_DISCOUNT_PERCENT = 100;
/**
 * Shares of a column's numbers that may be discounts (not 0) for it to be a column of discounts on a minority of the
 * lines, the others sold at full price (a percent column must be one: an availability of 100% on most days is none).
 */
const MIN_DISCOUNT_ROWS = 0.05;
const MAX_DISCOUNT_ROWS = 0.5;
const MAX_DISCOUNTS_OUTSIDE = 0.05;

/**
 * Whether counts over rows make a relation: held in MIN_HOLDING of them and MIN_HOLDING_ROWS non-trivial rows, half
 * the holding rows at least (MIN_DISCOUNTED_SHARE for a discounted product) — or, where most rows keep it trivially,
 * held in MIN_HOLDING of the rows that do not, MIN_HOLDING_ROWS at least: those alone test it (annual pay = salary ×
 * FTE, where 95% of the staff work full time at 1.00).
 */
function strongEnough(counted: Counted, kind: RelationKind): boolean {
  const nonTrivialShare = kind === 'discounted' ? MIN_DISCOUNTED_SHARE : 0.5;
  if (counted.holding < MIN_HOLDING * counted.rows || counted.nonTrivial < MIN_HOLDING_ROWS) return false;
  return counted.nonTrivial >= nonTrivialShare * counted.holding || counted.nonTrivial >= MIN_HOLDING * counted.nonTrivialRows;
}

/** A deterministic permutation of 0..n−1 (the output shuffled over the rows). */
function shuffled(n: number): Int32Array {
  const p = Int32Array.from({ length: n }, (_, i) => i);
  let s = 0x2545f491;
  for (let i = n - 1; i > 0; i--) {
    s = (Math.imul(s ^ (s >>> 13), 0x5bd1e995) + 0x6b43a9b5) >>> 0;
    const j = s % (i + 1);
    [p[i], p[j]] = [p[j], p[i]];
  }
  return p;
}

/** The numeric columns a relation may compute (and an affine one compute from): numbers (not identifiers) of MIN_DISTINCT values or more. */
function relationColumns(data: IngestResult, numbers: (c: number) => Float64Array, sample: Int32Array): number[] {
  const out: number[] = [];
  data.columns.forEach((column, c) => {
    if (out.length >= MAX_COLUMNS || !isNumeric(column) || looksLikeIdentifier(column.name)) return;
    const values = numbers(c);
    const distinct = new Set<number>();
    for (const r of sample) if (Number.isFinite(values[r]) && distinct.size < MIN_DISTINCT) distinct.add(values[r]);
    if (distinct.size >= MIN_DISTINCT) out.push(c);
  });
  return out;
}

/**
 * The numeric columns a relation may compute from: not identifiers, in the table's order, whatever their number of
 * values (a quantity of a few values, a small count among a census table's age groups).
 */
function partColumns(data: IngestResult): number[] {
  const parts: number[] = [];
  data.columns.forEach((column, c) => {
    if (parts.length < MAX_COLUMNS && isNumeric(column) && !looksLikeIdentifier(column.name)) parts.push(c);
  });
  return parts;
}

/** The table's relations (computed once per table). */
export function numericRelations(data: IngestResult): NumericRelation[] {
  return memo(data, 'numeric-relations', () => withoutShadows(discover(data)));
}

/**
 * The relations less those another one shadows: of two relations of one kind computing the same column from inputs
 * that differ in one column, where one holds in a larger share of its rows, the other holds only where its own input
 * equals the other's in that row (total = days × unit price holds where the quantity is a day's supply, once a day:
 * 72% of a pharmacy's rows, while total = quantity × unit price holds in all). Its breaks are then no errors: the
 * two inputs merely differ, as they may. So is a sum of some of another sum's parts: ballots = votes for each party +
 * undervotes holds where no ballot was overvoted (94% of a county's precincts), the sum with the overvotes in all.
 */
function withoutShadows(relations: readonly NumericRelation[]): NumericRelation[] {
  const share = (r: NumericRelation): number => r.holding / Math.max(1, r.rows);
  const shadowed = (r: NumericRelation, by: NumericRelation): boolean =>
    by !== r &&
    by.kind === r.kind &&
    by.output === r.output &&
    r.inputs.length >= 2 &&
    share(by) > share(r) &&
    ((by.inputs.length === r.inputs.length && r.inputs.filter((c) => !by.inputs.includes(c)).length === 1) ||
      (by.kind === 'sum' && by.inputs.length > r.inputs.length && r.inputs.every((c) => by.inputs.includes(c))));
  return relations.filter((r) => !relations.some((by) => shadowed(r, by)));
}

function discover(data: IngestResult): NumericRelation[] {
  const n = data.table.numRows;
  if (n < MIN_HOLDING_ROWS) return [];
  const sample = spreadRows(n, SAMPLE_ROWS);
  const numbers: Float64Array[] = [];
  const columnNumbers = (c: number) => (numbers[c] ??= numericColumn(data, c));
  const columns = relationColumns(data, columnNumbers, sample);
  if (columns.length === 0) return [];
  const parts = partColumns(data);
  const halfUnits: number[] = [];
  for (const c of [...columns, ...parts]) {
    columnNumbers(c);
    halfUnits[c] ??= halfUnitOfColumn(data, c);
  }
  // Every row and the shuffle, made when a candidate first holds in the sample.
  let all: Int32Array | undefined;
  let permutation: Int32Array | undefined;
  const found: NumericRelation[] = [];
  let verified = 0;
  // A candidate holds within the rounding of its values as written; held exactly in nearly every such row (whole
  // counts, cents × a count) it is held to exactness, and its chance is measured so.
  const accept = (candidate: Candidate): boolean => {
    if (found.length >= MAX_RELATIONS || verified >= MAX_VERIFIED) return false;
    const rounded = count(candidate, numbers, halfUnits, sample, true);
    if (!strongEnough(rounded, candidate.kind)) return false;
    const exactUnits = exactUnitsOf(candidate.kind, candidate.columns, halfUnits);
    // (Not numbers written with MAX_DECIMALS or more: a computation's result, rounded somewhere past them.)
    const short = candidate.columns.every((c) => halfUnits[c] > 0.5 * 10 ** -MAX_DECIMALS);
    // (A product of a scale is held within rounding: its rate is a quotient rounded (a price per kg to the cent), which the
    // scale shrinks below the output's unit in most rows but not all.)
    const scaled = candidate.kind === 'product' && candidate.slope !== 1;
    const exactHolding = count(candidate, numbers, exactUnits, sample, false).holding;
    let exact = short && !scaled && exactHolding >= EXACT_SHARE * rounded.holding;
    // Held exactly in most rows but missed in some by the rounding of a number written with decimals: a quotient rounded.
    const decimalUnits = decimalUnitsOf(candidate.columns, halfUnits, exactUnits);
    const roundedDecimals = exact && exactHolding < QUOTIENT_EXACT_SHARE * count(candidate, numbers, decimalUnits, sample, false).holding;
    if (roundedDecimals) exact = false;
    const output = candidate.columns[candidate.columns.length - 1];
    const outputUnits = noRounding(candidate.columns);
    outputUnits[output] = halfUnits[output];
    // (A discounted product only: its discount makes cents of whole prices, which its output rounds.)
    const roundedOutput = candidate.kind === 'discounted' && !exact && short && count(candidate, numbers, outputUnits, sample, false).holding >= EXACT_SHARE * rounded.holding;
    const units = exact ? exactUnits : roundedDecimals ? decimalUnits : roundedOutput ? outputUnits : halfUnits;
    verified++;
    all ??= spreadRows(n, n);
    permutation ??= shuffled(n);
    const shuffle = permutation;
    const counted = count(candidate, numbers, units, all, false);
    if (!strongEnough(counted, candidate.kind)) return false;
    const chance = count(candidate, numbers, units, all, false, (k) => shuffle[k]);
    const [held, byChance] = [counted.holding / counted.rows, chance.holding / Math.max(1, chance.rows)];
    if (held < BEYOND_CHANCE * byChance && !((candidate.weights || candidate.rounding) && brokenBeyondChance(held, byChance)) && !nonTrivialBeyondChance(candidate.kind, counted, chance)) return false;
    // Held within rounding (not exactly, or a sum of fractions rounded to its output's unit): a fit that may lie
    // between the rates of several groups.
    const fitted = !exact || (candidate.weights?.some((w) => !Number.isInteger(w)) ?? false);
    if (fitted && brokenByAGroup(data, candidate, numbers, units, counted)) return false;
    const { kind, columns: used, offset, slope, weights, rounding } = candidate;
    found.push({ kind, inputs: used.slice(0, -1), output: used[used.length - 1], offset, slope, ...(weights ? { weights } : {}), ...(rounding ? { rounding } : {}), rows: counted.rows, holding: counted.holding, exact, roundedOutput, ...(roundedDecimals ? { roundedDecimals } : {}) });
    return true;
  };
  // The first sample rows with numbers in both columns of a pair, their sums and products: each third column is
  // screened against them before any candidate is built.
  const screenRows = new Int32Array(SCREEN_ROWS);
  const sums = new Float64Array(SCREEN_ROWS);
  const products = new Float64Array(SCREEN_ROWS);
  // The pair's values at a screened row (what `tolerance` reads for a product).
  const pair = [0, 0];
  const isOutput = new Set(columns);
  const positions = Int32Array.from(sample.keys());
  let fits = 0;
  // Ranks of the sample rows' numbers per column (NaN where none), for the rank correlation of a pair.
  const ranks = new Map<number, Float64Array>();
  const rankOf = (c: number) => {
    let rank = ranks.get(c);
    if (!rank) ranks.set(c, (rank = sampleRanks(numbers[c], sample)));
    return rank;
  };
  // Columns of discounts: shares of a price, 0 up to under 1, or percents up to 100 (but for a few slips), not 0 in 5%
  // to 50% of the sample's rows (shares also in more, 20% at least); each with its scale (see NumericRelation.slope).
  const discounts = parts.flatMap((c) => {
    let [present, nonZero, outsideShare, outsidePercent] = [0, 0, 0, 0];
    for (const r of sample) {
      const v = numbers[c][r];
      if (!Number.isFinite(v)) continue;
      present++;
      if (v < 0 || v > MAX_DISCOUNT_PERCENT) outsidePercent++;
      if (v < 0 || v >= MAX_DISCOUNT) outsideShare++;
      if (v !== 0) nonZero++;
    }
    // Discounts on a minority of the lines (most at full price: 0, or no discount written), or shares of a price on many.
    const minority = nonZero >= MIN_DISCOUNT_ROWS * sample.length && nonZero <= MAX_DISCOUNT_ROWS * sample.length;
    if (present === 0 || !(minority || nonZero >= MIN_DISCOUNTED_SHARE * present)) return [];
    if (outsideShare <= MAX_DISCOUNTS_OUTSIDE * present) return [{ column: c, scale: 1 }];
    return minority && outsidePercent <= MAX_DISCOUNTS_OUTSIDE * present ? [{ column: c, scale: 0.01 }] : [];
  });
  const triple = [0, 0, 0];
  const scaledHolds = new Int32Array(PRODUCT_SCALES.length);
  for (let i = 0; i < parts.length; i++) {
    for (let j = i + 1; j < parts.length; j++) {
      const [a, b] = [parts[i], parts[j]];
      const [x, y] = [numbers[a], numbers[b]];
      let k = 0;
      for (let s = 0; s < sample.length && k < SCREEN_ROWS; s++) {
        const r = sample[s];
        if (!Number.isFinite(x[r]) || !Number.isFinite(y[r])) continue;
        screenRows[k] = r;
        sums[k] = x[r] + y[r];
        products[k] = x[r] * y[r];
        k++;
      }
      for (const c of columns) {
        if (c === a || c === b) continue;
        const z = numbers[c];
        const units = [halfUnits[a], halfUnits[b], halfUnits[c]];
        let [present, sumHolds] = [0, 0];
        scaledHolds.fill(0);
        for (let m = 0; m < k; m++) {
          const v = z[screenRows[m]];
          if (!Number.isFinite(v)) continue;
          present++;
          pair[0] = x[screenRows[m]];
          pair[1] = y[screenRows[m]];
          if (Math.abs(sums[m] - v) <= tolerance('sum', 1, pair, units, v)) sumHolds++;
          for (let q = 0; q < PRODUCT_SCALES.length; q++) if (Math.abs(PRODUCT_SCALES[q] * products[m] - v) <= tolerance('product', PRODUCT_SCALES[q], pair, units, v)) scaledHolds[q]++;
        }
        if (present === 0) continue;
        if (sumHolds >= MIN_HOLDING * present) accept({ kind: 'sum', columns: [a, b, c], offset: 0, slope: 1 });
        // A product, or one of a scale (a price per kg times a weight in grams, a thousandth of it).
        const scale = PRODUCT_SCALES.find((_, q) => scaledHolds[q] >= MIN_HOLDING * present);
        const product = scale !== undefined && accept({ kind: 'product', columns: [a, b, c], offset: 0, slope: scale });
        // Else the product less a discount: price × quantity × (1 − discount).
        if (!product) for (const { column: d, scale: discountScale } of discounts) {
          if (d === a || d === b || d === c) continue;
          const w = numbers[d];
          const discountedUnits = [halfUnits[a], halfUnits[b], halfUnits[d], halfUnits[c]];
          let [withDiscount, holds] = [0, 0];
          for (let m = 0; m < k; m++) {
            const [v, off] = [z[screenRows[m]], w[screenRows[m]]];
            if (!Number.isFinite(v) || !Number.isFinite(off)) continue;
            withDiscount++;
            [triple[0], triple[1], triple[2]] = [x[screenRows[m]], y[screenRows[m]], off];
            if (Math.abs(products[m] * (1 - discountScale * off) - v) <= tolerance('discounted', discountScale, triple, discountedUnits, v)) holds++;
          }
          if (withDiscount > 0 && holds >= MIN_HOLDING * withDiscount) accept({ kind: 'discounted', columns: [a, b, d, c], offset: 0, slope: discountScale });
        }
      }
      if (fits >= MAX_AFFINE_FITS || !isOutput.has(a) || !isOutput.has(b) || correlation(rankOf(a), rankOf(b), positions) < AFFINE_MIN_CORRELATION) continue;
      fits++;
      const affine = fitAffine(a, b, numbers, halfUnits, sample);
      if (affine) accept(affine);
    }
  }
  for (const run of summedRuns(parts, columns, numbers, halfUnits, sample)) accept(run);
  // (A weighted sum of the columns of a relation found is that relation written for another of its columns.)
  const sameColumns = (candidate: Candidate) => found.some((f) => f.inputs.length + 1 === candidate.columns.length && candidate.columns.every((c) => c === f.output || f.inputs.includes(c)));
  for (const weighted of weightedSums(parts, columns, numbers, halfUnits, sample)) if (!sameColumns(weighted)) accept(weighted);
  return found;
}

/**
 * Scales a product may have, 1 first: powers of ten between a rate and what it is a rate of (a price per kg and a
 * weight in grams, a price per 100 g, per thousand).
 */
const PRODUCT_SCALES = [1, 0.1, 0.01, 0.001, 10, 100, 1000];

/** Largest weight of a weighted sum (3 points a three-pointer, 5 points off a score per critical violation). */
const MAX_WEIGHT = 10;
/** Share of the rows holding a weighted sum's output in which a column must hold a number to be fitted as an input. */
const MIN_INPUT_FILLED = 0.9;
/** Columns a weighted sum is fitted over, at most (the first ones). */
const MAX_WEIGHTED_INPUTS = 12;
/** How far from a whole number a fitted weight may lie. */
const WEIGHT_SLACK = 0.05;
/** Refits of a weighted sum over the rows nearest the last fit (a dirty table's errors pull the first one). */
const WEIGHT_REFITS = 3;
/** Share of the rows the next fit keeps: those nearest the last. */
const WEIGHT_KEPT_SHARE = 0.6;

/**
 * Weighted sums: a column that is a sum of other columns with whole weights, some of them other than 1 or below 0,
 * from a whole number (points = 2 × field goals made + three-pointers made + free throws made; a balance = opening +
 * credits − debits; a score = 100 − 5 × critical − 2 × noncritical violations), which neither a pair nor a run of
 * neighbours says. Fitted by least squares with a constant over the sample rows holding every input column (those
 * filled in MIN_INPUT_FILLED of the rows holding the output), then again over the rows nearest the fit and every row
 * it already fits exactly (WEIGHT_REFITS times: errors pull a fit off), the weights and the constant whole numbers over
 * a divisor of at most MAX_DIVISOR (see wholeWeights); two inputs of weight 1 or −1 from 0 are a
 * pair's sum, found as such; of one relation written for several of its columns, the form taking fewest away.
 */
function weightedSums(parts: readonly number[], outputs: readonly number[], numbers: readonly Float64Array[], halfUnits: readonly number[], sample: Int32Array): Candidate[] {
  const inputs = parts.slice(0, MAX_WEIGHTED_INPUTS);
  const candidates: Candidate[] = [];
  for (const t of outputs) {
    // Inputs mostly filled where the output is (a temperature taken at a few inspections is no part of their score).
    const withOutput = sample.filter((r) => Number.isFinite(numbers[t][r]));
    const xs = inputs.filter((c) => c !== t && withOutput.filter((r) => Number.isFinite(numbers[c][r])).length >= MIN_INPUT_FILLED * withOutput.length);
    if (xs.length < 2) continue;
    const all = withOutput.filter((r) => xs.every((c) => Number.isFinite(numbers[c][r])));
    if (all.length < MIN_HOLDING_ROWS) continue;
    // The rows' numbers, one entry per row of `all`; fitted with the whole number the sum starts from (0 for most).
    const xsValues = xs.map((c) => Float64Array.from(all, (r) => numbers[c][r]));
    const yValues = Float64Array.from(all, (r) => numbers[t][r]);
    const residuals = new Float64Array(all.length);
    const kept = Math.max(MIN_HOLDING_ROWS, Math.floor(WEIGHT_KEPT_SHARE * all.length));
    let rows = Int32Array.from(all.keys());
    let fit: { weights: number[]; offset: number } | undefined;
    for (let pass = 0; pass <= WEIGHT_REFITS; pass++) {
      fit = centredLeastSquares(xsValues, yValues, rows);
      if (!fit || pass === WEIGHT_REFITS) break;
      for (let k = 0; k < all.length; k++) {
        let predicted = fit.offset;
        for (let i = 0; i < xsValues.length; i++) predicted += fit.weights[i] * xsValues[i][k];
        residuals[k] = Math.abs(yValues[k] - predicted);
      }
      // The 60% nearest, and every row the fit already agrees with (to a millionth): rows fitted exactly are all kept,
      // not those whose floating-point noise is smallest (the inspections without a critical violation, on which the
      // critical count's weight cannot be told).
      const nearest = Float64Array.from(residuals).sort()[kept - 1];
      const exact = FIT_AGREEMENT * (1 + scaleOf(yValues));
      rows = Int32Array.from(all.keys()).filter((k) => residuals[k] <= Math.max(nearest, exact));
    }
    if (!fit) continue;
    // How far rounding moves the output from the fitted sum, at most: the constant is fitted to that (a mean to a tenth of a degree).
    const rounding = fit.weights.reduce((sum, w, i) => sum + Math.abs(w) * halfUnits[xs[i]], halfUnits[t]);
    const whole = wholeWeights(fit, rounding);
    if (!whole) continue;
    const { offset, weights: rounded } = whole;
    const used = xs.filter((_, i) => rounded[i] !== 0);
    const weights = rounded.filter((w) => w !== 0);
    // Two inputs of weight 1 or −1 from 0, or inputs all of weight 1, are sums found as such.
    if (used.length < 2 || (offset === 0 && ((used.length === 2 && weights.every((w) => Math.abs(w) === 1)) || weights.every((w) => w === 1)))) continue;
    candidates.push({ kind: 'sum', columns: [...used, t], offset, slope: 1, weights });
  }
  // One relation written for each of its columns (fg3m = pts − 2 × fgm − ftm, pts = 2 × fgm + fg3m + ftm): the total,
  // the one whose other columns are added the most, not taken away.
  const negatives = (candidate: Candidate) => (candidate.weights ?? []).filter((w) => w < 0).length;
  const key = (candidate: Candidate) => [...candidate.columns].sort((a, b) => a - b).join(',');
  return candidates.filter((candidate) => !candidates.some((other) => other !== candidate && key(other) === key(candidate) && (negatives(other) < negatives(candidate) || (negatives(other) === negatives(candidate) && candidates.indexOf(other) < candidates.indexOf(candidate)))));
}

/** Divisors a weighted sum may have (a mean of two readings: (max + min) / 2; of three, of four). */
const MAX_DIVISOR = 4;

/**
 * A fit's weights and constant as whole numbers over the smallest divisor that makes them so (each within WEIGHT_SLACK
 * of one — the constant within the rounding of the numbers too —, weights at most MAX_WEIGHT): points = 2 × field
 * goals + …, a score of 100 − 5 × critical, a mean temperature (max + min) / 2 — weights 0.5 each; undefined where none
 * does.
 */
function wholeWeights(fit: { weights: number[]; offset: number }, rounding: number): { weights: number[]; offset: number } | undefined {
  for (let divisor = 1; divisor <= MAX_DIVISOR; divisor++) {
    const offset = Math.round(fit.offset * divisor);
    const weights = fit.weights.map((w) => Math.round(w * divisor));
    // The constant of a fit to rounded numbers is off by up to their rounding.
    if (Math.abs(fit.offset * divisor - offset) > Math.max(WEIGHT_SLACK, divisor * rounding) || fit.weights.some((w, i) => Math.abs(w * divisor - weights[i]) > WEIGHT_SLACK || Math.abs(weights[i]) > MAX_WEIGHT)) continue;
    return { offset: offset / divisor, weights: weights.map((w) => w / divisor) };
  }
  return undefined;
}

/** A fit's residual below which, relative to its output's scale, a row agrees with it exactly (floating-point noise). */
const FIT_AGREEMENT = 1e-6;

/** The mean magnitude of a column's numbers. */
function scaleOf(values: Float64Array): number {
  return values.reduce((sum, v) => sum + Math.abs(v), 0) / Math.max(1, values.length);
}

/**
 * Least squares weights of y on the columns xs, with a constant, over the positions `rows`: fitted on the numbers less
 * their means (a column of large numbers beside the constant, an inspection's number of 2,300,000, leaves the
 * weights well told), the constant then the mean of y less the weighted means of xs.
 */
function centredLeastSquares(xs: readonly Float64Array[], y: Float64Array, rows: Int32Array): { weights: number[]; offset: number } | undefined {
  const mean = (values: Float64Array) => rows.reduce((sum, k) => sum + values[k], 0) / Math.max(1, rows.length);
  const [xMeans, yMean] = [xs.map(mean), mean(y)];
  const weights = leastSquares(
    xs.map((values, i) => values.map((v) => v - xMeans[i])),
    y.map((v) => v - yMean),
    rows,
  );
  return weights && { weights, offset: yMean - weights.reduce((sum, w, i) => sum + w * xMeans[i], 0) };
}

/** Least squares weights of y on the columns xs (no intercept) over `rows`; undefined where no row has numbers. */
function leastSquares(xs: readonly Float64Array[], y: Float64Array, rows: Int32Array): number[] | undefined {
  const p = xs.length;
  const a = Array.from({ length: p }, () => new Float64Array(p + 1));
  for (const r of rows) {
    for (let i = 0; i < p; i++) {
      const xi = xs[i][r];
      for (let j = i; j < p; j++) a[i][j] += xi * xs[j][r];
      a[i][p] += xi * y[r];
    }
  }
  for (let i = 0; i < p; i++) for (let j = 0; j < i; j++) a[i][j] = a[j][i];
  // Gauss–Jordan elimination with partial pivoting; a column that adds nothing to the others (all zero, a copy or a
  // sum of them) gets weight 0.
  const scale = a.reduce((most, row, i) => Math.max(most, Math.abs(row[i])), 0);
  for (let col = 0; col < p; col++) {
    let pivot = col;
    for (let i = col + 1; i < p; i++) if (Math.abs(a[i][col]) > Math.abs(a[pivot][col])) pivot = i;
    if (Math.abs(a[pivot][col]) <= 1e-9 * scale) {
      for (let i = 0; i < p; i++) a[i][col] = 0;
      a[col].fill(0);
      a[col][col] = 1;
      continue;
    }
    [a[col], a[pivot]] = [a[pivot], a[col]];
    for (let i = 0; i < p; i++) {
      if (i === col) continue;
      const f = a[i][col] / a[col][col];
      for (let j = col; j <= p; j++) a[i][j] -= f * a[col][j];
    }
  }
  if (scale === 0) return undefined;
  return a.map((row, i) => row[p] / row[i]);
}

/** Longest run of columns a total is tried as the sum of. */
const MAX_RUN = 12;

/**
 * Totals of three parts or more: a column that is the sum of a run of neighbouring numeric columns (a census
 * table's age groups, a budget's lines), screened on the first sample rows through running sums. The parts are
 * the table's numeric columns that are not identifiers, in order, whatever their number of values (a part may be
 * a small count); the total is one of `outputs`.
 */
function summedRuns(parts: readonly number[], outputs: readonly number[], numbers: readonly Float64Array[], halfUnits: readonly number[], sample: Int32Array): Candidate[] {
  if (parts.length < 4) return [];
  const rows = sample.subarray(0, SCREEN_ROWS);
  // Running sums per screened row: prefix[m][i] = the first i parts' sum at row m (NaN past a missing part).
  const width = parts.length + 1;
  const prefix = new Float64Array(rows.length * width);
  for (let m = 0; m < rows.length; m++) {
    for (let i = 0; i < parts.length; i++) prefix[m * width + i + 1] = prefix[m * width + i] + numbers[parts[i]][rows[m]];
  }
  const candidates: Candidate[] = [];
  for (let i = 0; i < parts.length; i++) {
    let units = 0;
    for (let j = i + 1; j <= Math.min(parts.length, i + MAX_RUN); j++) {
      units += halfUnits[parts[j - 1]];
      if (j - i < 3) continue;
      const run = parts.slice(i, j);
      for (const c of outputs) {
        if (run.includes(c)) continue;
        const z = numbers[c];
        let [present, holds] = [0, 0];
        for (let m = 0; m < rows.length; m++) {
          const [start, end, v] = [prefix[m * width + i], prefix[m * width + j], z[rows[m]]];
          const total = end - start;
          if (!Number.isFinite(total) || !Number.isFinite(v)) continue;
          present++;
          if (Math.abs(total - v) <= units + halfUnits[c] + 1e-9 * (Math.abs(start) + Math.abs(end) + 1)) holds++;
        }
        if (present > 0 && holds >= MIN_HOLDING * present) candidates.push({ kind: 'sum', columns: [...run, c], offset: 0, slope: 1 });
      }
    }
  }
  return candidates;
}

/**
 * Whether a relation holds at a row (null when one of its cells has no number): a test built once per relation,
 * for a loop over every row.
 */
export function relationTester(data: IngestResult, relation: NumericRelation): (r: number) => boolean | null {
  let test = testers.get(relation);
  if (!test) {
    const numbers = relation.inputs.map((c) => numericColumn(data, c));
    const output = numericColumn(data, relation.output);
    const columns = [...relation.inputs, relation.output];
    const halfUnits: number[] = [];
    for (const c of columns) halfUnits[c] = halfUnitOfColumn(data, c);
    const exactUnits = relation.exact ? exactUnitsOf(relation.kind, columns, halfUnits) : undefined;
    const decimalUnits = relation.roundedDecimals ? decimalUnitsOf(columns, halfUnits, exactUnitsOf(relation.kind, columns, halfUnits)) : undefined;
    const units = columns.map((c) => exactUnits?.[c] ?? decimalUnits?.[c] ?? (relation.roundedOutput && c !== relation.output ? 0 : halfUnits[c]));
    const candidate: Candidate = { kind: relation.kind, columns: [...relation.inputs, relation.output], offset: relation.offset, slope: relation.slope, ...(relation.weights ? { weights: relation.weights } : {}), ...(relation.rounding ? { rounding: relation.rounding } : {}) };
    const inputs = new Array<number>(numbers.length).fill(0);
    test = (r) => {
      for (let k = 0; k < numbers.length; k++) inputs[k] = numbers[k][r];
      const y = output[r];
      return !Number.isFinite(y) || inputs.some((v) => !Number.isFinite(v)) ? null : agrees(candidate, inputs, y, units);
    };
    testers.set(relation, test);
  }
  return test;
}

const testers = new WeakMap<NumericRelation, (r: number) => boolean | null>();

/** Most values a column may have to set apart rows a relation does not apply to (a VAT rate, a tariff). */
const MAX_POPULATION_VALUES = 20;
/** Rows a value needs, and the share of them that must break the relation, to be rows it does not apply to. */
const MIN_POPULATION_ROWS = 20;
const POPULATION_BREAKING = 0.9;

/**
 * Whether a relation applies to a row: not where the row holds a value of another column (of at most
 * MAX_POPULATION_VALUES values) whose rows break it nearly all (POPULATION_BREAKING of MIN_POPULATION_ROWS or more) —
 * a total of 1.05 × the net amount kept by the bills of 5% VAT, broken by every bill of 20%: those are a population of
 * their own, not errors —, nor where another numeric column is non-zero (or zero) in rows that break it nearly all: a
 * gross pay of hours × rate kept where no overtime was worked, broken by every row with overtime (paid at 1.5 × the
 * rate, a term the relation leaves out). Built once per relation.
 */
export function relationApplies(data: IngestResult, relation: NumericRelation): (r: number) => boolean {
  let applies = appliers.get(relation);
  if (!applies) {
    const holds = relationTester(data, relation);
    const own = new Set([...relation.inputs, relation.output]);
    const apart: Int32Array[] = [];
    const excluded: Set<number>[] = [];
    data.columns.forEach((_, g) => {
      if (own.has(g)) return;
      const { ids, size } = valueCodes(data, g);
      if (size < 2 || size > MAX_POPULATION_VALUES) return;
      const [rows, breaking] = [new Int32Array(size), new Int32Array(size)];
      for (let r = 0; r < ids.length; r++) {
        const held = ids[r] < 0 ? null : holds(r);
        if (held === null) continue;
        rows[ids[r]]++;
        if (!held) breaking[ids[r]]++;
      }
      const values = new Set<number>();
      for (let id = 0; id < size; id++) if (rows[id] >= MIN_POPULATION_ROWS && breaking[id] >= POPULATION_BREAKING * rows[id]) values.add(id);
      if (values.size > 0) {
        apart.push(ids);
        excluded.push(values);
      }
    });
    const apartBySign = signPopulations(data, holds, own);
    applies = (r) => apart.every((ids, k) => !excluded[k].has(ids[r])) && apartBySign.every((test) => !test(r));
    appliers.set(relation, applies);
  }
  return applies;
}

/**
 * Tests of the rows a relation does not apply to because another numeric column is non-zero there, or zero there
 * (hours of overtime: too many values for each to be a population of its own), where the rows that are so
 * (MIN_POPULATION_ROWS or more) break it nearly all (POPULATION_BREAKING). Counted first on the breaking rows alone,
 * which are few where the relation is kept.
 */
function signPopulations(data: IngestResult, holds: (r: number) => boolean | null, own: Set<number>): ((r: number) => boolean)[] {
  const breaking: number[] = [];
  for (let r = 0; r < data.table.numRows; r++) if (holds(r) === false) breaking.push(r);
  if (breaking.length < MIN_POPULATION_ROWS) return [];
  const tests: ((r: number) => boolean)[] = [];
  data.columns.forEach((column, g) => {
    if (own.has(g) || !isNumeric(column)) return;
    const values = numericColumn(data, g);
    // A cell written as no number ("1:45" hours) is not 0: it belongs with the non-zero ones.
    const written = new Set(data.rejectedCells.filter((cell) => cell.column === g).map((cell) => cell.row));
    for (const nonZero of [true, false]) {
      const inPopulation = (r: number) => (Number.isNaN(values[r]) ? nonZero && written.has(r) : (values[r] !== 0) === nonZero);
      let broken = 0;
      for (const r of breaking) if (inPopulation(r)) broken++;
      if (broken < MIN_POPULATION_ROWS) continue;
      let rows = 0;
      for (let r = 0; r < values.length; r++) if (inPopulation(r) && holds(r) !== null) rows++;
      if (broken >= POPULATION_BREAKING * rows) tests.push(inPopulation);
    }
  });
  return tests;
}

const appliers = new WeakMap<NumericRelation, (r: number) => boolean>();

/** Whether a relation that applies at row r (see relationApplies) fails there: the row's own arithmetic broken. */
export function relationBrokenAt(data: IngestResult, relation: NumericRelation, r: number): boolean {
  return relationApplies(data, relation)(r) && relationHoldsAt(data, relation, r) === false;
}

/** Whether a relation holds at row r (see relationTester). */
export function relationHoldsAt(data: IngestResult, relation: NumericRelation, r: number): boolean | null {
  return relationTester(data, relation)(r);
}

/**
 * A column's half unit: half a unit of the last decimal all but WRITTEN_DECIMALS_STRAYS of its numbers need (see
 * decimalsWithin), measured on the sample discovery uses. A stray value or two with more decimals (a unit cost shifted
 * into a column of cents) do not make the column's rounding finer than its values are written with; a few hundredths
 * among whole numbers (pay for part-time work among salaries) are how it is written.
 */
export function halfUnitOfColumn(data: IngestResult, c: number): number {
  return memo(data, `half-unit:${c}`, () => 0.5 * 10 ** -decimalsWithin(data, c, 1 - WRITTEN_DECIMALS_STRAYS));
}

/** Share of a column's numbers, at most, that may need more decimals than its half unit writes (strays: a value or two in a thousand). */
const WRITTEN_DECIMALS_STRAYS = 0.002;

/** Share of a column's numbers that its usual decimals (usualDecimals) must write. */
const USUAL_DECIMALS_SHARE = 0.99;

/** Whether number `v` is written in `decimals` decimals (0.24 in 2 or more; 5.0 in any), floating-point error aside. */
export function fitsDecimals(v: number, decimals: number): boolean {
  const scaled = v * 10 ** decimals;
  return Math.abs(scaled - Math.round(scaled)) <= 1e-7 * Math.max(1, Math.abs(scaled));
}

/** Decimals a number needs, at most MAX_DECIMALS (0.24: 2; 5.0: 0). */
export function decimalsNeeded(v: number): number {
  let decimals = 0;
  while (decimals < MAX_DECIMALS && !fitsDecimals(v, decimals)) decimals++;
  return decimals;
}

/**
 * The decimals USUAL_DECIMALS_SHARE of a column's numbers need at most (on the sample discovery uses): a rainfall to the
 * tenth of a millimetre, though a few values converted from inches carry two.
 */
export function usualDecimals(data: IngestResult, c: number): number {
  return decimalsWithin(data, c, USUAL_DECIMALS_SHARE);
}

/** The decimals a `share` of a column's numbers need at most (on the sample discovery uses). */
function decimalsWithin(data: IngestResult, c: number, share: number): number {
  return memo(data, `decimals:${c}:${share}`, () => {
    const values = numericColumn(data, c);
    const counts = new Int32Array(MAX_DECIMALS + 1);
    let present = 0;
    for (const r of spreadRows(data.table.numRows, SAMPLE_ROWS)) {
      if (!Number.isFinite(values[r])) continue;
      counts[decimalsNeeded(values[r])]++;
      present++;
    }
    let within = 0;
    for (let d = 0; d <= MAX_DECIMALS; d++) {
      within += counts[d];
      if (within >= share * present) return d;
    }
    return MAX_DECIMALS;
  });
}

/** Decimals a column's numbers are written with (from its half unit). */
export function decimalsOf(data: IngestResult, c: number): number {
  return decimalsOfHalfUnit(halfUnitOfColumn(data, c));
}
