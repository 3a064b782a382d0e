/** broken-relation: a row that breaks an arithmetic relation its table's other rows keep (total = men + women). */
import { defineRule } from '../rule';
import { numericOrders, orderBreakShare } from '../numeric-orders';
import { TEXT_KINDS, cellSourceText, distinctValues, isNumeric, memo, numericColumn, replaceCellFixes, sortedColumn, sortedRuns } from '../column-values';
import { computed, decimalsNeeded, decimalsOf, halfUnitOfColumn, numericRelations, relationApplies, relationHoldsAt, relationTester, usesColumn, usualDecimals, MIN_HOLDING, type NumericRelation } from '../numeric-relations';
import { groupedInteger } from '../../shared/grouped-integer';
import { balanceBreaks, runningBalances, type RunningBalance } from '../running-balances';
import { shownNumber } from '../../shared/shown-number';
import { countSorted } from '../../shared/count-sorted';
import { editDistance } from '../edit-distance';
import { nearestRows, numericSpace } from '../row-neighbours';
import { contradictedCell } from '../dependencies';
import { oneKeyingSlipApart } from '../keying-slips';
import type { IngestResult } from '../../table/model';

/** A cell is its column's stray value (see culprit) beyond this many median absolute deviations from the median. */
const STRAY_DEVIATIONS = 5;

/** The relation in words: "total = men + women", "amount = price × quantity", "miles = 0.621371 × km". */
function formulaOf(relation: NumericRelation, name: (c: number) => string): string {
  const [a, b] = relation.inputs.map(name);
  const out = name(relation.output);
  if (relation.kind === 'sum' && relation.weights) return `${out} = ${relation.offset === 0 ? '' : `${shownNumber(relation.offset)} `}${weightedTerms(relation.inputs.map(name), relation.weights, relation.offset !== 0)}`;
  if (relation.kind === 'sum') return `${out} = ${relation.inputs.map(name).join(' + ')}`;
  if (relation.kind === 'product') return `${out} = ${relation.slope === 1 ? '' : `${shownNumber(relation.slope)} × `}${a} × ${b}`;
  if (relation.kind === 'discounted') return `${out} = ${a} × ${b} × (1 − ${relation.slope === 1 ? name(relation.inputs[2]) : `${name(relation.inputs[2])} / 100`})`;
  const scaled = relation.slope === 1 ? a : `${shownNumber(relation.slope)} × ${a}`;
  if (relation.rounding) return `${out} = ${relation.rounding === 'up' ? `⌈${slopeTimes(relation.slope, a)}⌉` : `⌊${slopeTimes(relation.slope, a)}⌋`}`;
  if (relation.offset === 0) return `${out} = ${scaled}`;
  return `${out} = ${scaled} ${relation.offset < 0 ? '−' : '+'} ${shownNumber(Math.abs(relation.offset))}`;
}

/** A column times a slope, a slope of one over a whole number as a division ("duration_sec / 60"). */
function slopeTimes(slope: number, name: string): string {
  if (slope === 1) return name;
  const divisor = 1 / slope;
  return Number.isInteger(Number(divisor.toPrecision(12))) ? `${name} / ${Number(divisor.toPrecision(12))}` : `${shownNumber(slope)} × ${name}`;
}

/** A weighted sum's terms: "2 × fgm + fg3m − ftm"; after a constant, each with its sign ("− 5 × critical − 2 × noncritical"). */
function weightedTerms(names: readonly string[], weights: readonly number[], afterConstant: boolean): string {
  return names
    .map((n, i) => {
      const w = Math.abs(weights[i]);
      const term = w === 1 ? n : `${w} × ${n}`;
      return i === 0 && !afterConstant ? (weights[i] < 0 ? `−${term}` : term) : `${weights[i] < 0 ? '−' : '+'} ${term}`;
    })
    .join(' ');
}

/** The value of column `c` (one of the relation's) that would make the relation hold at a row with these numbers. */
function valueThatHolds(relation: NumericRelation, c: number, at: (column: number) => number): number {
  const inputs = relation.inputs.map(at);
  const output = at(relation.output);
  if (c === relation.output) return computed(relation, inputs);
  if (relation.kind === 'discounted') {
    const [price, quantity, discount] = inputs;
    const k = relation.inputs.indexOf(c);
    return k === 2 ? (1 - output / (price * quantity)) / relation.slope : output / ((k === 0 ? quantity : price) * (1 - relation.slope * discount));
  }
  if (relation.kind === 'sum' && relation.weights) {
    const k = relation.inputs.indexOf(c);
    return (output - computed(relation, inputs) + relation.weights[k] * inputs[k]) / relation.weights[k];
  }
  const others = inputs.filter((_, k) => relation.inputs[k] !== c);
  if (relation.kind === 'sum') return output - computed(relation, others);
  if (relation.kind === 'product') return output / (relation.slope * others[0]);
  return (output - relation.offset) / relation.slope;
}

/**
 * The column a sum relation's other columns add up to: its output where every weight is positive (total = a + b), the
 * one input added where the others are taken away (energy = total − standing charge − VAT); none for other relations.
 */
function totalOf(relation: NumericRelation): number | undefined {
  if (relation.kind !== 'sum' || relation.offset !== 0) return undefined;
  const weights = relation.weights ?? relation.inputs.map(() => 1);
  if (weights.every((w) => w === 1)) return relation.output;
  const added = weights.flatMap((w, k) => (w === 1 ? [relation.inputs[k]] : []));
  return added.length === 1 && weights.every((w) => w === 1 || w === -1) ? added[0] : undefined;
}

/** Share of a part's rows, at most, holding 0 for a 0 kept by its relation to be no value of its own (a VAT, not a snowfall). */
const MAX_ZERO_SHARE = 0.01;

/**
 * Whether part `c` of a sum is one the relation would keep at 0 at the row, though it holds a number, in a column that
 * holds 0 in at most MAX_ZERO_SHARE of its rows: the total left it out (an invoice without its VAT). Where 0 is a
 * value of its own (no snow most days), the part may be what is wrong.
 */
function leftOut(data: IngestResult, relation: NumericRelation, c: number, at: (column: number) => number): boolean {
  if (at(c) === 0 || Math.abs(valueThatHolds(relation, c, at)) >= halfUnitOfColumn(data, c)) return false;
  const sorted = sortedColumn(data, c);
  return sorted.countWithin(0, 0) <= MAX_ZERO_SHARE * sorted.length;
}

/** How many median absolute deviations a value is from its column's median. */
function deviations(data: IngestResult, c: number, value: number): number {
  const { median, spread } = memo(data, `median-deviation:${c}`, () => {
    const sorted = sortedColumn(data, c);
    const middle = sorted.length ? sorted.at(sorted.length >> 1) : 0;
    const gaps = new Float64Array(sorted.length);
    for (let i = 0; i < gaps.length; i++) gaps[i] = Math.abs(sorted.at(i) - middle);
    gaps.sort();
    return { median: middle, spread: gaps.length ? gaps[gaps.length >> 1] : 0 };
  });
  return spread > 0 ? Math.abs(value - median) / spread : 0;
}

/** The share of a column's values its central range holds (from its 0.5th to its 99.5th percentile). */
const CENTRAL_SHARE = 0.99;

/** Whether `value` lies within column `c`'s central range (CENTRAL_SHARE of its values). */
function centralIn(data: IngestResult, c: number, value: number): boolean {
  const sorted = sortedColumn(data, c);
  const tail = (1 - CENTRAL_SHARE) / 2;
  return value >= sorted.quantile(tail) && value <= sorted.quantile(1 - tail);
}

/** How near a value a kept value must be to be that value (at most its column's rounding), as a share of it. */
const HELD_SHARE = 0.01;
/** Largest chance that a random number in a column's range lies that near one of its values, for being one to say something. */
const MAX_HELD_CHANCE = 0.05;
/** Times the rows of the cell's own value the kept value must be held by. */
const HELD_RATIO = 5;

/** Index of a sorted distinct value within `near` of `v` (the first such), or −1. */
function runNear(values: Float64Array, v: number, near: number): number {
  const slack = near + 1e-9 * Math.abs(v);
  const lo = countSorted(values, v - slack, true);
  return lo < values.length && values[lo] <= v + slack ? lo : -1;
}

/** Largest share of the rows in which two columns hold the same number, for one to be where the other's was exchanged to (see equalShare). */
const MAX_EXCHANGE_SHARE = 0.01;
/**
 * Largest share of a column's rows whose number lies within rounding of the number that would keep a relation, for
 * that number found at the row to say it was exchanged: a temperature keeping °F = 1.8 × °C + 32 at 5.3 beside a
 * rainfall of 5.3 mm is chance, among rainfalls written to a tenth (1 row in 200 holds 5.3); a federal tax of 213.89
 * in cents is not.
 */
const MAX_EXCHANGE_CHANCE = 0.001;

/** Rows, at most, read to tell how often two columns hold the same number. */
const EQUAL_SAMPLE = 20_000;

/**
 * Share of the rows holding both numbers (an even sample) where columns `c` and `d` hold the same one, to their
 * rounding: a taxable value that is the total value wherever nothing is exempt holds, at a row whose total is wrong,
 * the total that keeps total = land + improvement — as its own value, not one exchanged.
 */
function equalShare(data: IngestResult, c: number, d: number): number {
  return memo(data, `equal-share:${Math.min(c, d)}:${Math.max(c, d)}`, () => {
    const [a, b] = [numericColumn(data, c), numericColumn(data, d)];
    const near = Math.max(halfUnitOfColumn(data, c), halfUnitOfColumn(data, d));
    const step = Math.max(1, Math.floor(a.length / EQUAL_SAMPLE));
    let [both, equal] = [0, 0];
    for (let r = 0; r < a.length; r += step) {
      if (Number.isNaN(a[r]) || Number.isNaN(b[r])) continue;
      both++;
      if (Math.abs(a[r] - b[r]) <= near) equal++;
    }
    return both ? equal / both : 0;
  });
}

/**
 * Two cells of a row written in each other's place (a federal tax in the FICA tax's column and the FICA tax in the
 * federal's; a mileage and an asking price): the relation, broken at row `r`, holds with one of its cells' number
 * that another numeric column, outside the relation, holds at the row — to its rounding, a number that at most
 * MAX_EXCHANGE_CHANCE of that column's rows lie as near, the two columns holding the same number in at most
 * MAX_EXCHANGE_SHARE of the rows (equalShare) —
 * while the relation's cell holds a number of that column's central range. Of one such pair only: the relation's
 * column and the other.
 */
function exchangedCells(data: IngestResult, relation: NumericRelation, r: number): { cell: number; other: number } | undefined {
  const cells = [...relation.inputs, relation.output];
  const at = (column: number) => numericColumn(data, column)[r];
  const found: { cell: number; other: number }[] = [];
  for (const c of cells) {
    const kept = valueThatHolds(relation, c, at);
    if (!Number.isFinite(kept) || Math.abs(kept) < halfUnitOfColumn(data, c)) continue;
    data.columns.forEach((column, d) => {
      if (cells.includes(d) || !isNumeric(column) || equalShare(data, c, d) > MAX_EXCHANGE_SHARE) return;
      const near = Math.max(halfUnitOfColumn(data, d), halfUnitOfColumn(data, c)) + 1e-9 * Math.abs(kept);
      if (!(Math.abs(at(d) - kept) <= near) || !centralIn(data, d, at(c))) return;
      // The chance that the column's number at a row lies that near the kept one: its rows within reach of it.
      const sorted = sortedColumn(data, d);
      if (sorted.countWithin(kept - near, kept + near) <= MAX_EXCHANGE_CHANCE * sorted.length) found.push({ cell: c, other: d });
    });
  }
  // An affine relation's input and output exchanged (a call's seconds written as its minutes billed, and they as its
  // seconds; °C and °F): computed from the output, the input is what the relation gives, each central in the other's column.
  if (relation.kind === 'affine' && found.length === 0) {
    const [input, output] = [relation.inputs[0], relation.output];
    const [x, y] = [at(input), at(output)];
    const slack = 1.5 * (Math.abs(relation.slope) * halfUnitOfColumn(data, output) + halfUnitOfColumn(data, input)) + 1e-9 * Math.abs(x);
    const exchanged = computed(relation, [y]);
    const agrees = relation.rounding ? exchanged === x : Math.abs(exchanged - x) <= slack;
    if (x !== y && agrees && centralIn(data, input, y) && centralIn(data, output, x)) return { cell: input, other: output };
  }
  // Two of the relation's own inputs of different weights exchanged (critical and noncritical violations of a score's
  // formula): with their numbers the other way round, each central in its new column, the relation holds. (Inputs
  // of one weight, of a sum or a product, compute the same exchanged.)
  const { weights } = relation;
  if (relation.kind !== 'sum' || !weights) return found.length === 1 ? found[0] : undefined;
  const inputs = relation.inputs.map(at);
  const slack = relation.inputs.reduce((sum, c, k) => sum + Math.abs(weights[k]) * halfUnitOfColumn(data, c), halfUnitOfColumn(data, relation.output));
  for (let i = 0; i < inputs.length; i++) {
    for (let j = i + 1; j < inputs.length; j++) {
      if (inputs[i] === inputs[j] || weights[i] === weights[j] || !centralIn(data, relation.inputs[i], inputs[j]) || !centralIn(data, relation.inputs[j], inputs[i])) continue;
      const exchanged = [...inputs];
      [exchanged[i], exchanged[j]] = [inputs[j], inputs[i]];
      if (Math.abs(computed(relation, exchanged) - at(relation.output)) > slack + 1e-9 * Math.abs(at(relation.output))) continue;
      // Exchanged back, the row must keep the table's orders of those columns (three-pointers made at most the field
      // goals made, free throws made at most those attempted): an exchange that leaves one broken is a coincidence of
      // the numbers, not what happened.
      const back = new Map([[relation.inputs[i], inputs[j]], [relation.inputs[j], inputs[i]]]);
      if (breaksOrder(data, r, back)) continue;
      found.push({ cell: relation.inputs[i], other: relation.inputs[j] });
    }
  }
  return found.length === 1 ? found[0] : undefined;
}

/** Edits (characters changed, added, dropped or two exchanged) within which a written number is a slip of another. */
const MAX_EDITS = 1;

/** Share of a column's numbers below (and above) the range a number kept by a keying slip must lie in. */
const SLIP_RANGE = 0.01;

/** Digits a number needs for an edit to tell a slip (any two one-digit numbers are one edit apart). */
const MIN_EDIT_DIGITS = 3;

/**
 * Edits between cell c's number as written and the number that would keep the relation there (in the column's
 * decimals); none can (Infinity) where that number cannot be written in them under an exact relation (2.07 pieces).
 */
function editsFromKept(data: IngestResult, relation: NumericRelation, c: number, r: number): number {
  const at = (column: number) => numericColumn(data, column)[r];
  const kept = valueThatHolds(relation, c, at);
  const decimals = decimalsOf(data, c);
  if (!Number.isFinite(kept)) return Infinity;
  const scaled = kept * 10 ** decimals;
  if (relation.exact && Math.abs(scaled - Math.round(scaled)) > 1e-6 * Math.max(1, Math.abs(scaled))) return Infinity;
  const own = at(c).toFixed(decimals);
  // Significant digits: a discount of 0.00 is no number of three digits.
  if (own.replace(/\D/g, '').replace(/^0+/, '').length < MIN_EDIT_DIGITS) return Infinity;
  return editDistance(own, kept.toFixed(decimals), MAX_EDITS);
}

/** Share of the rows keeping a product where a column is exactly what the others compute, rounded to its decimals, for it to be the one computed. */
const DERIVED_SHARE = 0.95;
/**
 * Mean distance, in units of its last decimal, of a value written as the rounding of a computation from the
 * computation (a quarter for a rounding: it spreads evenly over half a unit either way), at least; and how many times
 * the other input's it must be.
 */
const ROUNDING_SPREAD = 0.15;
const SPREAD_RATIO = 3;
/** Rows keeping a relation that {@link derivedColumn} reads at most. */
const DERIVED_SAMPLE = 2_000;

/**
 * The column of a product (output = a × b) the others are computed into: the one written as the rounding of what the
 * others give, in DERIVED_SHARE of the rows keeping it — the output where it is (an amount to the cent of a price and
 * a quantity), else the one input that is (a price per m², price ÷ area rounded to the euro, beside a price and an
 * area that no rounding of the product gives back); where the output and one input both are, the one whose rounding
 * shows (off by a quarter of its last unit on average: an occupancy to a tenth of a percent beside whole tickets). A
 * row that breaks it most often holds that column stale.
 */
function derivedColumn(data: IngestResult, relation: NumericRelation): number | undefined {
  if (relation.kind !== 'product') return undefined;
  return memo(data, `derived-column:${relation.inputs.join(',')}>${relation.output}`, () => {
    const [a, b] = relation.inputs.map((c) => numericColumn(data, c));
    const out = numericColumn(data, relation.output);
    const holds = relationTester(data, relation);
    const decimals = [...relation.inputs, relation.output].map((c) => decimalsOf(data, c));
    const rounded = (v: number, d: number) => Math.round(v * 10 ** d) / 10 ** d;
    const same = (x: number, y: number) => Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x));
    let [rows, outExact, aExact, bExact, aOff, bOff, outOff] = [0, 0, 0, 0, 0, 0, 0];
    for (let r = 0; r < out.length && rows < DERIVED_SAMPLE; r++) {
      if (holds(r) !== true || a[r] === 0 || b[r] === 0) continue;
      rows++;
      // (A product of a scale: a price per kg × grams / 1,000.)
      const k = relation.slope;
      if (same(out[r], rounded(k * a[r] * b[r], decimals[2]))) outExact++;
      if (same(a[r], rounded(out[r] / (k * b[r]), decimals[0]))) aExact++;
      if (same(b[r], rounded(out[r] / (k * a[r]), decimals[1]))) bExact++;
      aOff += Math.abs(out[r] / (k * b[r]) - a[r]) * 10 ** decimals[0];
      bOff += Math.abs(out[r] / (k * a[r]) - b[r]) * 10 ** decimals[1];
      outOff += Math.abs(k * a[r] * b[r] - out[r]) * 10 ** decimals[2];
    }
    if (rows === 0) return undefined;
    const exact = [aExact, bExact].map((n) => n >= DERIVED_SHARE * rows);
    // The output and one input both given back by rounding (tickets sold and an occupancy to a tenth of a percent of
    // the seats): the one rounded is off by a quarter of its last unit on average, the other by what that rounding
    // passes on — the occupancy, not the tickets sold, is computed from the others.
    if (outExact >= DERIVED_SHARE * rows && exact[0] !== exact[1]) {
      const inputOff = (exact[0] ? aOff : bOff) / rows;
      if (inputOff >= ROUNDING_SPREAD && inputOff >= SPREAD_RATIO * (outOff / rows)) return relation.inputs[exact[0] ? 0 : 1];
    }
    if (outExact >= DERIVED_SHARE * rows) return relation.output;
    if (exact[0] !== exact[1]) return relation.inputs[exact[0] ? 0 : 1];
    if (!exact[0]) return undefined;
    // Both given back by rounding: the one rounded is off by a quarter of its last unit on average (a rounding spreads
    // over it), the other only by what that rounding passes on to it (an area from a price per m² to the euro: a
    // hundredth of its unit).
    const [offA, offB] = [aOff / rows, bOff / rows];
    if (Math.max(offA, offB) >= ROUNDING_SPREAD && Math.max(offA, offB) >= SPREAD_RATIO * Math.min(offA, offB)) return relation.inputs[offA > offB ? 0 : 1];
    return undefined;
  });
}

/** Rows most like a row, in the table's numeric columns outside a relation, its cells are read against (see offItsPeers). */
const PEERS = 20;
/** Share of the peers' largest number by which a kept number may pass their range and still lie among them. */
const KEPT_SLACK = 0.01;

/**
 * Whether cell c of row r (one of `relation`'s) lies far outside the numbers of its peers — the PEERS rows most like
 * it in the table's other numeric columns (row-neighbours.ts, the relation's columns left out): beyond their range
 * by their interquartile range — while the number that would keep the relation lies within their range (KEPT_SLACK). A turbine's
 * power written in MW (0.361) beside its energy in kWh (60.12): rows of its wind speed, rotor speed and pitch produce
 * about 360 kW, and 60 kWh; the power is off its peers, the energy is not.
 */
function offItsPeers(data: IngestResult, relation: NumericRelation, c: number, r: number): boolean {
  const space = numericSpace(data);
  if (!space) return false;
  const peers = memo(data, `relation-peers:${r}:${relation.inputs.join(',')}>${relation.output}`, () => nearestRows(space, r, PEERS, new Set([...relation.inputs, relation.output])));
  if (!peers || peers.length < PEERS) return false;
  const values = numericColumn(data, c);
  const theirs = peers.map((p) => values[p]).filter(Number.isFinite).sort((x, y) => x - y);
  if (theirs.length < PEERS / 2) return false;
  const [low, high] = [theirs[0], theirs[theirs.length - 1]];
  const spread = theirs[Math.floor(0.75 * (theirs.length - 1))] - theirs[Math.floor(0.25 * (theirs.length - 1))];
  const own = values[r];
  const kept = valueThatHolds(relation, c, (column) => numericColumn(data, column)[r]);
  // (The kept number within 1% of their range's ends: a learned slope is exact to a few digits.)
  const slack = KEPT_SLACK * Math.max(Math.abs(low), Math.abs(high));
  return (own < low - spread || own > high + spread) && kept >= low - slack && kept <= high + slack;
}

/** Values a label column may have to group a relation's cell by (a drug, a room type: not a name). */
const GROUP_MAX_VALUES = 50;
/** Rows a label's value needs for its numbers' median and spread to say anything. */
const GROUP_MIN_ROWS = 10;
/** A label explains a column where its groups' typical spread is at most this share of the column's (on the log scale for positive numbers). */
const GROUP_EXPLAINED_SPREAD = 0.5;
/** A cell is off its group beyond this many of its group's spreads, while the number that would keep the relation lies within KEPT_SPREADS. */
const OFF_SPREADS = 5;
const KEPT_SPREADS = 2;

/** Median and median absolute deviation of numbers (sorted in place). */
function medianSpread(values: number[]): [number, number] {
  values.sort((x, y) => x - y);
  const median = values[values.length >> 1];
  const deviations = values.map((v) => Math.abs(v - median)).sort((x, y) => x - y);
  return [median, deviations[deviations.length >> 1]];
}

/**
 * Per value of a label column `g`, the median and spread (median absolute deviation) of numeric column `c` over its rows
 * (NaN under GROUP_MIN_ROWS rows), where the label explains the column (its groups' median spread at most
 * GROUP_EXPLAINED_SPREAD of the column's own); undefined where it does not.
 */
function groupSpreads(data: IngestResult, g: number, c: number): { ids: Int32Array; medians: Float64Array; spreads: Float64Array; log: boolean } | undefined {
  return memo(data, `relation-groups:${g}>${c}`, () => {
    const { ids, size } = distinctValues(data, g);
    // Doses per kg of several drugs spread by factors (0.1 to 50): compared as logarithms where all are positive.
    const log = sortedColumn(data, c).length > 0 && sortedColumn(data, c).at(0) > 0;
    const values = log ? numericColumn(data, c).map(Math.log) : numericColumn(data, c);
    const byValue: number[][] = Array.from({ length: size }, () => []);
    const all: number[] = [];
    for (let r = 0; r < ids.length; r++) {
      if (ids[r] < 0 || !Number.isFinite(values[r])) continue;
      byValue[ids[r]].push(values[r]);
      all.push(values[r]);
    }
    if (all.length < GROUP_MIN_ROWS) return undefined;
    const medians = new Float64Array(size).fill(NaN);
    const spreads = new Float64Array(size).fill(NaN);
    const groupSpreadsSeen: number[] = [];
    byValue.forEach((group, id) => {
      if (group.length < GROUP_MIN_ROWS) return;
      [medians[id], spreads[id]] = medianSpread(group);
      groupSpreadsSeen.push(spreads[id]);
    });
    const columnSpread = medianSpread(all)[1];
    const typicalGroupSpread = medianSpread(groupSpreadsSeen)[0];
    if (groupSpreadsSeen.length < 2 || !(columnSpread > 0) || typicalGroupSpread > GROUP_EXPLAINED_SPREAD * columnSpread) return undefined;
    return { ids, medians, spreads, log };
  });
}

/**
 * Whether cell c of row r (one of `relation`'s) lies far from the numbers of its row's group under a label column that
 * explains the column (a text column of 2 to GROUP_MAX_VALUES values, not the relation's: a drug's dose per kg), beyond
 * OFF_SPREADS of the group's spreads, while the number that would keep the relation lies within KEPT_SPREADS: a dose in
 * grams beside its dose per kg, which is the drug's usual one.
 */
function offItsGroup(data: IngestResult, relation: NumericRelation, c: number, r: number): boolean {
  const at = (column: number) => numericColumn(data, column)[r];
  const kept = valueThatHolds(relation, c, at);
  if (!Number.isFinite(kept)) return false;
  return data.columns.some((column, g) => {
    if (!TEXT_KINDS.includes(column.kind) || usesColumn(relation, g)) return false;
    const distinct = distinctValues(data, g);
    if (distinct.size < 2 || distinct.size > GROUP_MAX_VALUES || distinct.ids[r] < 0) return false;
    const groups = groupSpreads(data, g, c);
    if (!groups) return false;
    const id = groups.ids[r];
    const [median, spread] = [groups.medians[id], groups.spreads[id]];
    if (!(spread > 0) || (groups.log && !(kept > 0 && at(c) > 0))) return false;
    const scaled = (v: number) => (groups.log ? Math.log(v) : v);
    return Math.abs(scaled(at(c)) - median) > OFF_SPREADS * spread && Math.abs(scaled(kept) - median) <= KEPT_SPREADS * spread;
  });
}

/** Share of the rows holding both numbers that may break an order for its break to tell a row's wrong cell. */
const TELLING_ORDER_BREAKS = 0.005;

/**
 * Whether row r, with the numbers `written` in their columns (its own numbers where a column is written as it is),
 * breaks an order the table keeps between its numeric columns (numeric-orders.ts) of which one is written, with at most
 * TELLING_ORDER_BREAKS of its rows breaking it: an order with exceptions of its own (utilities below the rent in most
 * households) says nothing of one row's break.
 */
function breaksOrder(data: IngestResult, r: number, written: ReadonlyMap<number, number>): boolean {
  const at = (c: number) => written.get(c) ?? numericColumn(data, c)[r];
  return numericOrders(data).some((order) => (written.has(order.low) || written.has(order.high)) && at(order.low) > at(order.high) && orderBreakShare(data, order) <= TELLING_ORDER_BREAKS);
}

/**
 * The cell of a row breaking `relation` that is wrong: of its cells, those no other relation vouches for (one that
 * holds at the row and has the cell); of several, the one that breaks more relations at the row than the others (a
 * total that is also a part of a grand total), else the one outside its column's central range whose kept number is
 * inside it, else the one written a slip away from the number that would keep the relation (MAX_EDITS), else the
 * one whose kept value its column holds far more often, else the one that strays from its column (STRAY_DEVIATIONS)
 * where only one does, else the one that alone breaks an order the table keeps between its numbers with few exceptions
 * (breaksOrder), else the one off the numbers of the rows most like its row (offItsPeers); else the column the others
 * are computed into (see derivedColumn), else the column the relation computes.
 */
/** Whether input `c` of a product (discounted or not) is multiplied by another input that is 0 at row `r`. */
function zeroedBesides(data: IngestResult, relation: NumericRelation, c: number, r: number): boolean {
  if ((relation.kind !== 'product' && relation.kind !== 'discounted') || !relation.inputs.includes(c)) return false;
  const factors = relation.kind === 'product' ? relation.inputs : relation.inputs.slice(0, 2);
  return factors.some((k) => k !== c && numericColumn(data, k)[r] === 0);
}

function culprit(data: IngestResult, relation: NumericRelation, relations: readonly NumericRelation[], r: number): number {
  const cells = [...relation.inputs, relation.output];
  const holding = (c: number, holds: boolean) => relations.filter((other) => usesColumn(other, c) && relationHoldsAt(data, other, r) === holds).length;
  // A product holding with another factor 0 holds whatever this factor is (units × a rate of 0): it vouches for none of it.
  const vouching = (c: number) => relations.filter((other) => usesColumn(other, c) && relationHoldsAt(data, other, r) === true && !zeroedBesides(data, other, c, r)).length;
  const suspects = cells.filter((c) => vouching(c) === 0);
  if (suspects.length === 1) return suspects[0];
  const candidates = suspects.length ? suspects : cells;
  const broken = candidates.map((c) => holding(c, false));
  const most = Math.max(...broken);
  if (most > 1 && broken.filter((n) => n === most).length === 1) return candidates[broken.indexOf(most)];
  // The one another of the row's values contradicts through a dependency the table keeps (a rate other than its plan's
  // and call type's, where the charge is the units times the plan's rate): the others' values are their rows'.
  const contradicted = candidates.filter((c) => contradictedCell(data, r, c, (k) => cells.includes(k)));
  if (contradicted.length === 1) return contradicted[0];
  // The one whose own number lies outside its column's central range while the number that would keep the relation
  // lies inside it (a floor area ×10, or in square metres: 20,300 where 2,028 keeps price = price per sqft × sqft,
  // while the price or the price per sqft that would keep it, 9.4 million or 46, lie far outside theirs). A slip of
  // one cell of a product makes each other cell's kept number that slip of its own, so edits cannot tell which.
  const at = (column: number) => numericColumn(data, column)[r];
  // The one written with more decimals than its column writes, where the others are written as theirs are: a number
  // converted from another unit (a rainfall of 0.24 in inches among millimetres to the tenth).
  const offForm = candidates.filter((c) => decimalsNeeded(at(c)) > usualDecimals(data, c));
  if (offForm.length === 1) return offForm[0];
  // A part the relation would keep at 0 is a part the total left out (an invoice total without its VAT): the total.
  const total = totalOf(relation);
  if (total !== undefined && candidates.includes(total) && candidates.some((c) => c !== total && leftOut(data, relation, c, at))) return total;
  const righted = candidates.filter((c) => !centralIn(data, c, at(c)) && centralIn(data, c, valueThatHolds(relation, c, at)));
  if (righted.length === 1) return righted[0];
  // A wrong number is most often a small edit of the right one (two digits exchanged, one digit changed): the one
  // candidate written within MAX_EDITS of the number that would keep the relation, where the others are not.
  const edits = candidates.map((c) => editsFromKept(data, relation, c, r));
  const fewest = Math.min(...edits);
  if (fewest <= MAX_EDITS && edits.filter((e) => e === fewest).length === 1) return candidates[edits.indexOf(fewest)];
  // The one whose kept value is a value its column holds, where the others' are none of theirs: a quantity of −2
  // where 2 keeps the relation (a total would be −79.80), a discount of 5 where 0.05 does. Only columns whose values
  // are sparse enough for that to say something (a random number in their range would seldom be one of them).
  const held = candidates.filter((c) => {
    const kept = valueThatHolds(relation, c, at);
    // A part of a sum kept at 0 is a part the total left out (a tip not added): the total's error, not the part's.
    if (!Number.isFinite(kept) || (relation.kind === 'sum' && c !== relation.output && Math.abs(kept) < halfUnitOfColumn(data, c))) return false;
    // Within the column's rounding and 1% of the value: 2.375 quantities are no quantity of 2.
    const near = Math.min(halfUnitOfColumn(data, c), HELD_SHARE * Math.abs(kept));
    const { values, counts } = sortedRuns(data, c);
    const range = values[values.length - 1] - values[0];
    const chance = range > 0 ? (values.length * 2 * near) / range : 1;
    if (chance > MAX_HELD_CHANCE) return false;
    // The kept value held by HELD_RATIO times the rows of the cell's own (a price of a product among its copies is
    // no slip because another price lies near the kept one).
    const keptRun = runNear(values, kept, near);
    const ownRun = runNear(values, at(c), 0);
    return keptRun >= 0 && counts[keptRun] >= HELD_RATIO * (ownRun >= 0 ? counts[ownRun] : 0);
  });
  if (held.length === 1) return held[0];
  // The one far from its group under a label that explains its column, where the number that would keep the relation
  // lies within it (a dose in grams beside the drug's usual dose per kg): before the column's strays, which a column of
  // several drugs' doses per kg holds by the drug.
  const offGroup = candidates.filter((c) => offItsGroup(data, relation, c, r));
  if (offGroup.length === 1) return offGroup[0];
  const strays = candidates.filter((c) => deviations(data, c, numericColumn(data, c)[r]) > STRAY_DEVIATIONS);
  if (strays.length === 1) return strays[0];
  // The one that also breaks an order the table keeps between its numbers (field goals made above those attempted:
  // the two exchanged, and points computed from the made ones break with them).
  const disordered = candidates.filter((c) => breaksOrder(data, r, new Map([[c, numericColumn(data, c)[r]]])));
  if (disordered.length === 1) return disordered[0];
  const offPeers = candidates.filter((c) => offItsPeers(data, relation, c, r));
  if (offPeers.length === 1) return offPeers[0];
  // The one written a keying slip from the number that would keep the relation (tickets "24" where 42 keeps it; two
  // digits exchanged in a number of two): shorter numbers than an edit tells, but a slip of their own.
  // (The kept number among the column's own, between its 1st and 99th percentiles: a usage of 4 where −4 would keep
  // it is no sign lost.)
  const slipped = candidates.filter((c) => {
    const kept = valueThatHolds(relation, c, at);
    const decimals = decimalsOf(data, c);
    const sorted = sortedColumn(data, c);
    if (!Number.isFinite(kept) || kept < sorted.quantile(SLIP_RANGE) || kept > sorted.quantile(1 - SLIP_RANGE)) return false;
    return oneKeyingSlipApart(at(c).toFixed(decimals), kept.toFixed(decimals));
  });
  if (slipped.length === 1) return slipped[0];
  // Else the column the others are computed into (a price per m² left from before the price changed), or the output.
  const derived = derivedColumn(data, relation);
  if (derived !== undefined && candidates.includes(derived)) return derived;
  return candidates.includes(relation.output) ? relation.output : candidates[0];
}

export const brokenRelation = defineRule({
  id: 'broken-relation',
  title: 'Row breaks an arithmetic relation',
  dimension: 'accuracy',
  defaultSeverity: 'warning',
  defaultOptions: {},
  description: 'A number that breaks an arithmetic relation the other rows keep exactly: a total that is not the sum of its parts, an amount that is not price × quantity (less its discount), miles that are not 0.621371 × km, a balance that is not the previous balance plus the amount.',
  docs: `Tables hold numbers computed from others: a total and its parts, an amount and its price and quantity, a
temperature in °C and in °F. A row where the numbers no longer agree holds a wrong one — a slip in a part, a total
left from an earlier version, one conversion done wrong — and a model learns from both.

The relations are learned from the table itself (numeric-relations.ts): between its numeric columns (not
identifiers; the first 40; a computed column has at least 10 distinct values, a part may have few: a quantity), a
column that is the **sum** or the **product** of two others, a **discounted product** (price × quantity × (1 −
discount), where the discount is a share under 1 that a fifth of the rows keeping it carry at least, or a share or a
percent up to 100 (total = price × quantity × (1 − discount / 100)) not 0 in 5% to half of the rows, most lines sold at
full price, 0 or no discount written), the **sum of a run** of three to 12 neighbouring
numeric columns (a census table's age groups; a part there may have few values), a **weighted sum** with whole
weights of at most 10 over a divisor of at most 4, some other than 1, from a whole number (mean = (max + min) / 2) (points = 2 × field goals made + three-pointers made +
free throws made; score = 100 − 5 × critical − 2 × noncritical violations; fitted by least squares with a constant,
on the numbers less their means, over the sample's rows holding every numeric column filled in 90% of the rows
holding the computed one, then three times over the 60% of them nearest the last fit, each weight and the constant
within 0.05 of a whole number over the divisor, the constant also within the rounding of the numbers; not a relation already found, written for another of its columns; of one relation
written for several of its columns, the total: the form taking the fewest columns away), or an **affine** function of
another (offset + slope × column, found by the rows that agree exactly with a line through two of them, refitted on
those rows; only between columns whose ranks correlate at 0.9 or more, which a few values ×10 do not hide; a column
equal to another in half the rows or more is no relation: equality is as often a default, a year renovated that is
the year built) — or, of a column of whole numbers, that function **rounded up or down** (units billed for each
megabyte or minute begun: billed_units = ⌈data_mb⌉, ⌈duration_sec / 60⌉), where it holds exactly in 95% as many rows as
the line holds within its rounding: its slope where most rows' bounds on it overlap, written as simply as they allow
(1/60); a line through such units holds only where the fraction begun is under a half, and would call the others
breaks. A relation holds at a row when the values as written agree within their rounding (half a unit of
the last decimal each column writes, all but two in a thousand of its numbers: a unit cost shifted into a column of
cents does not make the cents' rounding finer). It is learned when it holds in at least ${MIN_HOLDING * 100}% of the rows
with numbers in its columns (errors in a tenth of the cells of three columns leave 73%), in at least 20 rows where
neither part is 0 (nor 1 for a product) — half its holding rows, or 70% of the rows not keeping it so trivially (annual
pay = salary × FTE where 95% of the staff work at 1.00) —, and ten times as often as with the computed column shuffled
over the rows (small integers add up by chance), or for a sum, on the rows not adding a zero (total precipitation = rain
+ snow: on dry days 0 = 0 + 0 holds shuffled too) — a weighted sum also where, shuffled, it breaks in half the rows or more and ten
times as often as it does (a score most inspections hold between 92 and 100 is kept by a fifth of the rows
shuffled, and broken by 0.4% as written). At most 20 relations per table. A relation that 95% of the rows keeping it keep
exactly (sums of whole counts, cents × a count) is held to exactness: a total off by one breaks it (rounded whole
numbers add up to their rounded total only three times in four: those keep their rounding; so do numbers written
with six decimals or more, a computation's results rounded past them; and a relation that more than 1% of the rows
keeping it within the rounding of its numbers written with decimals, whole numbers exact, miss exactly is held within
that rounding: a rent per m² to the cent of a whole rent over a whole area gives the rent back in 97% of the rows, the
rest miss it by the rate's rounding). Held exactly, the inputs count as written and
the output keeps half a unit of its last decimal where it is written with fewer decimals than the computation gives
(a total to the cent of 17 × 3.5294 = 59.9998 is 60.00). Of two relations of one kind computing the same column from
inputs that differ in one column, the one holding in the smaller share of its rows is dropped: it holds only where its
own input equals the other's (total = days × unit price where a day's supply is one unit, 72% of a pharmacy's rows,
beside total = quantity × unit price in all), and its breaks are no errors; so is a sum of some of another sum's parts
holding in a smaller share (ballots = party votes + undervotes, kept where no ballot was overvoted, beside the sum with
the overvotes, kept everywhere). A relation held only within the rounding of its numbers (not exactly, or a weighted
sum of fractions rounded to its output's unit) whose breaking rows gather in one value of a text column of 2 to 50
values — half of that value's rows or more, 20 at least, far beyond the share of all rows that break it (a binomial
tail below 1e-6) — is no relation: a line fitted through several rates (water charged per unit at each rate class's
price holds within the rounding of whole units for most bills of one line, and breaks in most bills of the other
classes).

Each row that breaks it is reported once, at the cell that is wrong: the one no other relation holding at the row
vouches for (a product holding with another factor 0, units × a rate of 0, vouches for none of that factor); of
several, the one that breaks more relations at the row (a total that is also a part of a grand total), else the one a
dependency the table keeps contradicts (a rate other than its plan's rows hold, where the charge is the units times
the rate), else the one written with more decimals than 99% of its column's numbers need, where it is the only such cell
(a rainfall of 0.24 inches among millimetres to the tenth), else, of a sum, its total where a part that holds a number
would be kept at 0 and its column holds 0 in at most 1% of its rows (an invoice total written without its VAT, not a VAT
of 0; a snowfall on a dry day is the snowfall's error), else the one whose number lies outside its column's central 99% (from its 0.5th to its 99.5th percentile)
while the number that would keep the relation lies inside it, where it is the only such cell (a floor area ×10 or in
square metres: 20,300 where 2,028 keeps price = price per sqft × sqft, while the price or price per sqft that would
keep it, 9.4 million or 46, lie far outside theirs — a slip of one cell of a product makes each other cell's kept
number that slip of its own, so edits alone cannot tell which), else the one written one edit (two digits exchanged, one changed) from the number that would keep the
relation — a number of three significant digits or more, and one its column can write — else the one whose kept
value (the number that would keep the relation) is a value its column holds, within its rounding and 1%, in five
times the rows of the cell's own, where the others' are not (a quantity of −2 where 2 keeps it, a discount of 15
where 0.15 does; only columns whose values are sparse enough that a random number in their range lies that near one
with a chance of 5% at most; not a part of a sum whose kept value is 0: a part the total left out, a tip not added,
is the total's error), else the one far from its group under a label column that explains its column (a text column
of 2 to 50 values whose groups of 10 rows or more spread at most half as much as the column, on the log scale for
positive numbers: a drug and its doses per kg), beyond 5 of its group's median absolute deviations, while the number
that would keep the relation lies within 2 (a dose in grams beside the drug's usual dose per kg), else the one far
from its column's median (5 median absolute deviations) where only one is, else the one that alone breaks an order the table keeps
between its numbers, broken by at most 0.5% of its rows (field goals made above those attempted: the two exchanged,
and the points computed from the made ones break with them; an order with exceptions of its own says nothing of one
row), else the one off the numbers of the 20 rows most like its
row in the table's other numeric columns (the relation's own left out of the distance) — beyond their range by their
interquartile range, while its kept number lies within it (1% slack) — where only one is: a turbine's power written in
MW (0.361) beside its energy in kWh (60.12), where the rows of its wind speed, rotor speed and pitch produce about
360 kW and 60 kWh; else the one written one keying slip from the number that would keep the relation (digits
exchanged, a sign, a decimal point moved: tickets "24" where 42 keeps it), where only one is; else, of a product, the
column the others are computed
into: the one written, in 95% of the rows keeping it, as the rounding of what the others give — the output where it
is, else the one input that is (where both inputs, or the output and an input, are, the one off by a rounding's spread
from what the others give, a quarter of its last unit on average, three times the other's: a price per m² to the euro
beside a price and a floor area, an occupancy to a tenth of a percent beside whole tickets and seats), as a row breaking
it most often holds that column stale; else the computed column. The message gives the relation,
its share of the rows and the value that would keep it; the quick fix writes that value (with the column's
decimals; not in a column written with a unit).

Rows a relation does not apply to are left alone: where another column of at most 20 values has a value whose rows
(20 or more) break it nearly all (90%) — the bills of 20% VAT, where the others keep total = 1.05 × net — those rows
are a population of their own, not errors; so are the rows where another numeric column is non-zero (or zero), 20 or
more, that break it nearly all: a gross pay of hours × rate kept where no overtime was worked and broken by every row
with overtime (paid at 1.5 × the rate, a term the relation leaves out). A cell of that column written as no number
("1:45" hours) counts as non-zero.

**Two cells exchanged**: where a weighted sum, broken at a row, holds with two of its inputs of different weights
the other way round (critical and noncritical violations of a score's formula), each central in its new column, and
the row so keeps the orders the table keeps with few exceptions between those columns and others (not points that
field goals and three-pointers the other way round would give: three-pointers made above the field goals made), both
are reported; so are an affine relation's input and output, where the relation computes the input from the output
and each lies in the other's central range (a call's seconds written as its minutes billed and the minutes as its
seconds); and where the relation, broken at a row, holds with one of its cells' number that a numeric
column outside the relation holds at the row (to its rounding; a number at most 0.1% of that column's rows lie as
near — a rainfall of 5.3 mm beside the 5.3 °C that would keep °F = 1.8 × °C + 32 is chance, 1 row in 200 holding
it —, the two columns holding the same number in at most 1% of the rows), while the relation's cell holds a number of
that column's central range, both cells are reported as exchanged, each with the other's number as its fix: a federal tax
in the FICA column and the FICA tax in the federal's (fica = 0.0765 × gross holds with the federal column's number), a
mileage and an asking price. A taxable value that is the total wherever nothing is exempt is no such place: it holds
the total's right number as its own.

**Running balances** (running-balances.ts) carry a balance forward from its ledger's previous row by another
column's amount — a product's stock on hand in a warehouse after each movement, an account's balance after each
transaction — in the file's order. A ledger is the rows sharing the values of none, one or two columns (an account; a
product and a warehouse: a text or integer column whose values are in two rows each on average, alone or with a
column of at most 50 values); the relation is balance = previous balance ± amount, exactly (to a millionth), learned
on the first 20,000 rows where it holds in 90% of 50 steps or more that move the balance, and in half of them more
than with each amount moved to the ledger's next row (a constant amount carries any step alike), the balance standing still beside a non-zero amount in at most a
tenth of the steps (a calendar's year "moves by" the month only in January; per balance column, the ledger under which
it holds best; the first 12 numeric columns, not identifiers, are tried). A step where the balance does not move is a movement not applied (a
declined payment) and is not judged. A step that breaks it is reported at its wrong cell: the balance, where the next
step breaks too and the two amounts together carry the previous balance to the next one (a balance written wrong, or
one left as it was — a stale balance); else the amount, where the next step holds (the quantity keyed ten times over:
the balance kept the true one) and no row between the two carries the ledger from one balance to the other (a
movement filed under another product, its code having lost a leading zero, is that step). Where no column carries a
balance, two columns of numbers of zero or more (but for 1% of them: a boarding count keyed negative) may, one flowing in and one out: balance = previous balance + inflow −
outflow (a bus's load after each stop, by its boardings and alightings); of a step that breaks it, which of the two is
wrong is not said, unless they were exchanged (the step is the outflow less the inflow): both are reported, each with
the other's value as the fix. The evidence gives the ledger's previous row; the quick fix writes the value that keeps
the balance.

**Fix**: correct the wrong number. A relation that only holds by design for some rows (a third part in a few
totals) makes its other rows findings: ignore the rule for that column.`,
  check({ data, report, isIgnored, rowNumber }) {
    const relations = numericRelations(data);
    const name = (c: number) => data.columns[c].name;
    const reported = new Set<number>();
    const width = data.columns.length;
    // Two cells written in each other's place: both reported, each with the other's number as its fix.
    const reportExchange = ({ cell, other }: { cell: number; other: number }, r: number, relation: NumericRelation, formula: string) => {
      const [value, otherValue] = [cellSourceText(data, r, cell) ?? shownNumber(numericColumn(data, cell)[r]), cellSourceText(data, r, other) ?? shownNumber(numericColumn(data, other)[r])];
      for (const [c, d, own, theirs] of [[cell, other, value, otherValue], [other, cell, otherValue, value]] as const) {
        if (isIgnored(c) || reported.has(r * width + c)) continue;
        reported.add(r * width + c);
        report({
          row: r,
          columnIndex: c,
          value: own,
          evidence: { relation: relation.kind, formula, holdingShare: relation.holding / relation.rows, rows: relation.rows, exchangedWith: name(d), expected: theirs },
          message:
            `${value} in column "${name(cell)}" and ${otherValue} in column "${name(other)}" look exchanged: ${formula} holds in ${Math.floor((relation.holding / relation.rows) * 100)}% of the ` +
            `${groupedInteger(relation.rows)} rows, and in this one with ${otherValue} as "${name(cell)}".`,
          related: [{ row: r, columnIndex: d, message: `${name(d)} ${theirs}` }],
          ...(data.columns[c].numberFormat ? {} : { fixes: replaceCellFixes(data, r, c, theirs, `Replace with ${theirs} (exchanged with "${name(d)}")`) }),
        });
      }
    };
    for (const relation of relations) {
      const cells = [...relation.inputs, relation.output];
      const formula = formulaOf(relation, name);
      const share = relation.holding / relation.rows;
      const holds = relationTester(data, relation);
      const applies = relationApplies(data, relation);
      for (let r = 0; r < data.table.numRows; r++) {
        if (holds(r) !== false || !applies(r)) continue;
        const exchange = exchangedCells(data, relation, r);
        if (exchange) {
          reportExchange(exchange, r, relation, formula);
          continue;
        }
        const c = culprit(data, relation, relations, r);
        if (isIgnored(c) || reported.has(r * width + c)) continue;
        reported.add(r * width + c);
        const at = (column: number) => numericColumn(data, column)[r];
        const expected = valueThatHolds(relation, c, at);
        const decimals = decimalsOf(data, c);
        const fixed = Number.isFinite(expected) ? expected.toFixed(decimals) : undefined;
        const value = cellSourceText(data, r, c) ?? shownNumber(at(c));
        report({
          row: r,
          columnIndex: c,
          value,
          evidence: { relation: relation.kind, formula, holdingShare: share, rows: relation.rows, ...(fixed === undefined ? {} : { expected: fixed }) },
          message:
            `${value} in column "${name(c)}" breaks ${formula}, which holds in ${Math.floor(share * 100)}% of the ${groupedInteger(relation.rows)} rows` +
            `${fixed === undefined ? '.' : `: with ${cells.filter((k) => k !== c).map((k) => `${name(k)} ${shownNumber(at(k))}`).join(' and ')}, it would be ${fixed}.`}`,
          related: () => cells.filter((k) => k !== c).map((k) => ({ row: r, columnIndex: k, message: `${name(k)} in ${formula}` })),
          ...(fixed === undefined || data.columns[c].numberFormat ? {} : { fixes: replaceCellFixes(data, r, c, fixed, `Replace with ${fixed} (${formula})`) }),
        });
      }
    }
    for (const balance of runningBalances(data)) {
      const formula = runningFormula(balance, name);
      const share = balance.holding / balance.steps;
      for (const { row: r, column: c, expected, previous } of balanceBreaks(data, balance)) {
        if (isIgnored(c) || reported.has(r * width + c)) continue;
        reported.add(r * width + c);
        const at = (column: number, row: number) => shownNumber(numericColumn(data, column)[row]);
        const fixed = expected.toFixed(decimalsOf(data, c));
        const value = cellSourceText(data, r, c) ?? at(c, r);
        report({
          row: r,
          columnIndex: c,
          value,
          evidence: { relation: 'running', formula, holdingShare: share, rows: balance.steps, expected: fixed, previousRow: rowNumber(previous) },
          message:
            `${value} in column "${name(c)}" breaks ${formula}, which holds in ${Math.floor(share * 100)}% of the ${groupedInteger(balance.steps)} rows that move it: ` +
            `with ${name(balance.balance)} ${at(balance.balance, previous)} in row ${rowNumber(previous)}${c === balance.balance ? ` and ${name(balance.amount)} ${at(balance.amount, r)}` : ` and ${at(balance.balance, r)} here`}, it would be ${fixed}.`,
          related: () => [{ row: previous, columnIndex: balance.balance, message: `The previous ${name(balance.balance)} of the ledger` }],
          ...(data.columns[c].numberFormat ? {} : { fixes: replaceCellFixes(data, r, c, fixed, `Replace with ${fixed} (${formula})`) }),
        });
      }
    }
  },
});

/** A running balance in words: "on_hand_balance = the previous on_hand_balance of its sku and warehouse_code + quantity" (" − alightings" for an outflow). */
function runningFormula(balance: RunningBalance, name: (c: number) => string): string {
  const ledger = balance.ledger.length === 0 ? '' : ` of its ${balance.ledger.map(name).join(' and ')}`;
  const outflow = balance.outflow === undefined ? '' : ` − ${name(balance.outflow)}`;
  return `${name(balance.balance)} = the previous ${name(balance.balance)}${ledger} ${balance.sign > 0 ? '+' : '−'} ${name(balance.amount)}${outflow}`;
}
