import { defineRule } from '../rule';
import { inapplicableCells } from '../inapplicable-cells';
import { dateFormatsOf, dateTimeFormatsOf } from '../../ingest/csv/infer';
import { KNOWN_ROWS, TEXT_VALUES_MAX_DISTINCT, TEMPORAL_KINDS, TEXT_KINDS, csvField, distinctValues, type DistinctValues, finiteStats, isNumeric, memo, missingCount, nullCount, nullMask, nullRows, numericColumn, sortedColumn, sortedRuns, type SortedNumbers, type SortedRuns } from '../column-values';
import { cellText, isFreeText } from '../dependencies';
import { patternOf } from '../value-patterns';
import { splits } from '../field-splits';
import { binomialTail } from '../../shared/binomial-tail';
import { OrderFit, farOutFences, numericOrders, type NumericOrder } from '../numeric-orders';
import type { Evidence, FindingFix } from '../finding';
import type { IngestResult, TextRange } from '../../table/model';

/** How a column's values spread over patterns: the share of values per shape (value-patterns.ts), out of `total`. */
interface Profile {
  shapes: Map<string, number>;
  total: number;
}

/** Of a text column's values of several words: the shares of their first and of their last word's shapes. */
interface WordEnds {
  first: Map<string, number>;
  last: Map<string, number>;
  total: number;
}

/** Values a profile is learned from: every distinct value of a text column with at most this many, else this many evenly spread rows. */
const PROFILE_ROWS = 2000;
/** Share of rows a column must hold a value in: only there is an empty cell evidence of a shift. */
const MIN_COMPLETENESS = 0.9;
/**
 * Share of rows a column with gaps must hold a value in for a merge into its neighbour to be looked for there:
 * its empty cell says little, so the merged value must tell it by itself (see {@link mergedApart}).
 */
const MIN_MERGE_COMPLETENESS = 0.25;
/** Share of a column of words whose values are of rare shapes beyond which its shapes tell little (names: see the swaps told by patterns). */
const LOOSE_SHAPES = 0.2;
/** How much better a value must fit the neighbouring column than its own (likelihood ratio). */
const FIT_RATIO = 10;
/** Below this fit a value is foreign to a column; above it, at home. */
const FOREIGN = 0.01;
/**
 * Largest share of a column's values one value of its neighbour may hold and still be told as shifted there by
 * the value itself (ten times likelier in the neighbour): the same category shifted into many rows of a dirty table.
 */
const MAX_SHIFTED_SHARE = 0.05;
/** Cells, at least, of a stretch that belong to the neighbouring column for the stretch to be a row shifted without a gap. */
const MIN_RUN_BELONGING = 3;

/**
 * A column's cells as text, cheaply: text columns' own text, numbers and dates formatted from their values
 * (the source text of every cell would cost a parse each); patterns are learned and compared in this form.
 */
function textsOf(data: IngestResult, c: number): (r: number) => string {
  const kind = data.columns[c].kind;
  if (TEXT_KINDS.includes(kind)) {
    // By value id: only the values looked at are decoded.
    const distinct = distinctValues(data, c);
    return (r) => (distinct.ids[r] >= 0 ? distinct.text(distinct.ids[r]) : '');
  }
  if (isNumeric(data.columns[c]) || TEMPORAL_KINDS.includes(kind)) {
    const numbers = numericColumn(data, c);
    if (kind === 'date') return textByValue(numbers, (v) => new Date(v).toISOString().slice(0, 10));
    if (kind === 'timestamp') return textByValue(numbers, (v) => new Date(v).toISOString().slice(0, 19).replace('T', ' '));
    return (r) => String(numbers[r]);
  }
  if (kind === 'boolean') {
    const numbers = numericColumn(data, c);
    return (r) => (numbers[r] ? 'true' : 'false');
  }
  return (r) => cellText(data, r, c);
}

/** Dates written once per value (a date repeats down its column; formatting one costs a Date). */
function textByValue(numbers: Float64Array, write: (value: number) => string): (r: number) => string {
  const written = new Map<number, string>();
  return (r) => {
    const v = numbers[r];
    let text = written.get(v);
    if (text === undefined) {
      if (written.size >= 100_000) written.clear();
      written.set(v, (text = write(v)));
    }
    return text;
  };
}

/** A table's cells as the rule reads them: whether one is empty, and its text. */
interface Cells {
  /** Null and not an exception (see `exceptions`): a gap. */
  empty(r: number, c: number): boolean;
  /** The text: a rejected cell (text in a typed column) as written; undefined for an NA token or an empty cell. */
  text(r: number, c: number): string | undefined;
  /** Per column: 1 where the cell is null. */
  masks: Uint8Array[];
  /** Per column: 1 where a null cell is a rejected cell, an NA token or a cell another column's value leaves empty (inapplicable-cells.ts), not a gap (one shared array of zeros for columns without any). */
  exceptions: Uint8Array[];
  /** Whether the cell is a rejected cell (text in a typed column). */
  rejected(r: number, c: number): boolean;
  /** Per column: the rows of its rejected cells. */
  rejectedRows: number[][];
}

function cellsOf(data: IngestResult): Cells {
  const width = data.columns.length;
  const rejected = new Map<number, string>();
  const rejectedRows: number[][] = data.columns.map(() => []);
  for (const cell of data.rejectedCells) {
    rejected.set(cell.row * width + cell.column, cell.text);
    rejectedRows[cell.column].push(cell.row);
  }
  const masks = data.columns.map((_, c) => nullMask(data, c));
  const texts = data.columns.map((_, c) => textsOf(data, c));
  const none = new Uint8Array(data.table.numRows);
  const exceptions = data.columns.map(() => none);
  for (const cell of [...data.rejectedCells, ...data.naTokenCells]) {
    if (exceptions[cell.column] === none) exceptions[cell.column] = new Uint8Array(data.table.numRows);
    exceptions[cell.column][cell.row] = 1;
  }
  // Empty cells another column's value explains (an engine's size where the fuel is electric) are no gaps either.
  data.columns.forEach((_, c) => {
    const inapplicable = inapplicableCells(data, c);
    if (inapplicable.size === 0) return;
    if (exceptions[c] === none) exceptions[c] = new Uint8Array(data.table.numRows);
    for (const r of inapplicable.keys()) exceptions[c][r] = 1;
  });
  return {
    empty: (r, c) => masks[c][r] === 1 && exceptions[c][r] === 0,
    text: (r, c) => (masks[c][r] ? rejected.get(r * width + c) : texts[c](r)),
    masks,
    exceptions,
    rejected: (r, c) => rejected.has(r * width + c),
    rejectedRows,
  };
}

function profileOf(data: IngestResult, c: number): Profile {
  const shapes = new Map<string, number>();
  let total = 0;
  eachProfiledValue(data, c, (text, weight) => {
    const shape = shapeOf(text);
    shapes.set(shape, (shapes.get(shape) ?? 0) + weight);
    total += weight;
  });
  for (const [k, n] of shapes) shapes.set(k, n / Math.max(1, total));
  return { shapes, total };
}

/** The values a column's profile is learned from (see PROFILE_ROWS), each with its weight. */
function eachProfiledValue(data: IngestResult, c: number, add: (text: string, weight: number) => void): void {
  if (TEXT_KINDS.includes(data.columns[c].kind) && distinctValues(data, c).size <= PROFILE_ROWS) {
    const distinct = distinctValues(data, c);
    for (let id = 0; id < distinct.size; id++) add(distinct.text(id), distinct.counts[id]);
  } else {
    const mask = nullMask(data, c);
    const text = textsOf(data, c);
    const rows = data.table.numRows;
    const step = Math.max(1, Math.floor(rows / PROFILE_ROWS));
    for (let r = 0; r < rows; r += step) if (!mask[r]) add(text(r), 1);
  }
}

/** The shapes of the first and last words of a text column's values of several words, learned from the values its profile is (once per table). */
function wordEndsOf(data: IngestResult, c: number): WordEnds {
  return memo(data, `column-shift:word-ends:${c}`, () => {
    const ends: WordEnds = { first: new Map(), last: new Map(), total: 0 };
    eachProfiledValue(data, c, (text, weight) => {
      const words = wordsAtEnds(text);
      if (!words) return;
      const [first, last] = [shapeOf(words[0]), shapeOf(words[1])];
      ends.first.set(first, (ends.first.get(first) ?? 0) + weight);
      ends.last.set(last, (ends.last.get(last) ?? 0) + weight);
      ends.total += weight;
    });
    for (const end of [ends.first, ends.last]) for (const [k, n] of end) end.set(k, n / Math.max(1, ends.total));
    return ends;
  });
}

/** The first and the last word of a text of several words (split at white space, as isFreeText counts words), else undefined. */
function wordsAtEnds(text: string): [string, string] | undefined {
  const words = text.trim().split(/\s+/);
  return words.length > 1 ? [words[0], words[words.length - 1]] : undefined;
}

/**
 * Whether a text of several words begins or ends with a word whose shape under FOREIGN of the column's values of
 * several words have there: free text with another column's value glued to it ("Big Fish 66432867").
 */
function foreignEnd(ends: WordEnds, text: string): boolean {
  const words = wordsAtEnds(text);
  if (!words || ends.total === 0) return false;
  return (ends.first.get(shapeOf(words[0])) ?? 0) < FOREIGN || (ends.last.get(shapeOf(words[1])) ?? 0) < FOREIGN;
}

/** Shapes of texts already seen (a row's values repeat down a column): cleared when it grows large. */
const shapeMemo = new Map<string, string>();

function shapeOf(text: string): string {
  let shape = shapeMemo.get(text);
  if (shape === undefined) {
    if (shapeMemo.size >= 100_000) shapeMemo.clear();
    shapeMemo.set(text, (shape = patternOf(text).shape));
  }
  return shape;
}

/** The share of a value's shape among a column's values (how ordinary the value looks there). */
function usual(profile: Profile, text: string): number {
  return profile.shapes.get(shapeOf(text)) ?? 0;
}

/** {@link usual} for a value of the column itself: the share of its shape among the other values. */
function usualAmongOthers(profile: Profile, text: string): number {
  return Math.max(0, usual(profile, text) - 1 / Math.max(1, profile.total));
}

/** The shapes of a column's values in the rows where a neighbour otherwise filled is empty (where shifted values land), and how many rows. */
interface BesideGaps {
  shapes: Map<string, number>;
  rows: number;
}

/**
 * {@link usualAmongOthers} for a value of the column itself, learned from the rows that show no sign of a shift:
 * values shifted in from an emptied neighbour come with its empty cell, and in a dirty table they can make
 * their shape common (codes over 1% of a city column); in the rows whose neighbours hold their values it is
 * rare. Asked only where the shape's share lies from FOREIGN to MAX_SHIFTED_SHARE: beyond, it is the column's own.
 */
function usualHere(column: Column, text: string): number {
  const o = usualAmongOthers(column.profile, text);
  if (o < FOREIGN || o >= MAX_SHIFTED_SHARE || !column.besideGaps) return o;
  const aside = column.besideGaps();
  const rows = column.present - aside.rows;
  if (rows < 1) return o;
  const settled = usual(column.profile, text) * column.present - (aside.shapes.get(shapeOf(text)) ?? 0);
  return Math.max(0, (settled - 1) / rows);
}

/** What a column accepts as one of its values (see {@link fitsColumn}). */
interface Column {
  profile: Profile;
  /** Rows holding a value. */
  present: number;
  /** The shapes of its values beside an empty neighbour (built when first asked), left out by {@link usualHere}. */
  besideGaps?: () => BesideGaps;
  /** A category column's values (few distinct ones): a value must be one of them. */
  categories?: Set<string>;
  /** A numeric column's range: a value must be a number within it. */
  range?: [number, number];
  /** A column of dates or times: a value must read as one, in any of the formats dates are written in. */
  temporal?: boolean;
  /** Free text (isFreeText): its word ends; any text of several words whose first and last words are common there fits. */
  freeText?: WordEnds;
  /** A text column whose values repeat: its values held by at least KNOWN_ROWS rows (built when first asked), each a value it can hold. */
  known?: () => Map<string, number>;
}

function columnOf(data: IngestResult, c: number, profile: Profile): Column {
  const column = data.columns[c];
  const present = data.table.numRows - nullCount(data, c);
  if (isNumeric(column)) {
    const stats = finiteStats(data, c);
    return { profile, present, range: [stats.min, stats.max] };
  }
  if (TEMPORAL_KINDS.includes(column.kind)) return { profile, present, temporal: true };
  if (TEXT_KINDS.includes(column.kind) && distinctValues(data, c).size <= 10_000) {
    // A category column: at most 100 values cover 95% of its rows (the rest may be its errors).
    const distinct = distinctValues(data, c);
    const ids = Array.from(distinct.counts.keys()).sort((a, b) => distinct.counts[b] - distinct.counts[a]);
    const categories = new Set<string>();
    let covered = 0;
    for (const id of ids) {
      if (covered >= 0.95 * present || categories.size > 100) break;
      categories.add(distinct.text(id));
      covered += distinct.counts[id];
    }
    if (categories.size <= 100) return { profile, present, categories };
  }
  if (TEXT_KINDS.includes(column.kind) && isFreeText(distinctValues(data, c), present)) return { profile, present, freeText: wordEndsOf(data, c) };
  return { profile, present };
}

/**
 * Whether a value could be a value of a column: one of a category column's values, a date in a column of dates,
 * else a value whose shape at least 1% of the column's values share (a number also within the column's range).
 */
function fitsColumn(column: Column, text: string): boolean {
  if (column.categories) return column.categories.has(text);
  // Its profile holds the dates as the typed column writes them; the source may write them otherwise ("Dec 19 1997").
  if (column.temporal) return readsAsDate(text);
  if (column.known?.().has(text)) return true;
  if (column.freeText && /\S\s/.test(text.trim()) && !foreignEnd(column.freeText, text)) return true;
  if (usual(column.profile, text) < FOREIGN) return false;
  if (!column.range) return true;
  const v = Number(text);
  return text.trim() !== '' && v >= column.range[0] && v <= column.range[1];
}

/** A date or a time in any of the formats dates are written in. */
function readsAsDate(text: string): boolean {
  return dateFormatsOf(text).length > 0 || dateTimeFormatsOf(text).length > 0;
}

/**
 * How well a value fits a column, as the share of its values like it: of a column of dates, all when it reads as
 * a date (its profile holds the dates as the typed column writes them, the source may write them otherwise:
 * "Dec 19 1997"); else the share of its shape.
 */
function fitOf(column: Column, text: string): number {
  return column.temporal && readsAsDate(text) ? 1 : usual(column.profile, text);
}

/** Whether a value belongs to column `home` rather than `here`: it could be one of home's, its shape is rare here, and far likelier there. */
function belongs(text: string, home: Column, here: Column): boolean {
  const o = usualHere(here, text);
  return fitsColumn(home, text) && o < FOREIGN && fitOf(home, text) >= FIT_RATIO * o;
}

/** A text column's values by id, and its frequent ones (at least 1% of its values) by text with their rows. */
interface Words {
  distinct: DistinctValues;
  present: number;
  frequent: Map<string, number>;
  /** Its values held by at least KNOWN_ROWS rows, with their rows (built when first asked: {@link knownValues}). */
  known?: Map<string, number>;
}


function knownValues(words: Words): Map<string, number> {
  if (!words.known) {
    const known = new Map<string, number>();
    for (let id = 0; id < words.distinct.size; id++) if (words.distinct.counts[id] >= KNOWN_ROWS) known.set(words.distinct.text(id), words.distinct.counts[id]);
    words.known = known;
  }
  return words.known;
}

/**
 * A split of row `r`'s value in text column `here`, held by that row alone, into a known value of `left` and
 * one of `right` (each held by at least KNOWN_ROWS rows), where the values are too many for any to be frequent
 * ("Empoli Cagliari" in home_team with away_team empty, among a hundred teams).
 */
function splitByKnown(r: number, here: Words, left: Words, right: Words): [string, string] | undefined {
  const id = here.distinct.ids[r];
  if (id < 0 || here.distinct.counts[id] > 1) return undefined;
  const [inLeft, inRight] = [knownValues(left), knownValues(right)];
  for (const [a, b] of splits(here.distinct.text(id))) if (inLeft.has(a) && inRight.has(b)) return [a, b];
  return undefined;
}

/** Share of a repeated merged value's rows, at least, whose neighbour is empty (see {@link splitBesideEmpty}). */
const MERGED_EMPTY_SHARE = 0.9;
/** Share of the rows writing the merged value's own part alone, at most, whose neighbour is empty. */
const APART_EMPTY_SHARE = 0.5;

/** Largest chance × values tried that a value's rows lie beside the neighbour's empty cells as often as they do by accident. */
const MOVED_CHANCE = 0.01;

/** Per count array of a pair of columns (emptyBesideIds): the share of here's own values' rows beside the empty cells. */
const ownEmptyShares = new WeakMap<Int32Array, number>();

/**
 * The share of the rows of here's values that home does not hold whose neighbour is empty
 * (`hereEmpty`: per value id of here); computed once per pair of columns.
 */
function ownEmptyShare(here: Words, hereEmpty: Int32Array, homeIds: Map<string, number>): number {
  let share = ownEmptyShares.get(hereEmpty);
  if (share === undefined) {
    let [rows, empty] = [0, 0];
    for (let id = 0; id < here.distinct.size; id++) {
      if (homeIds.has(here.distinct.text(id))) continue;
      rows += here.distinct.counts[id];
      empty += hereEmpty[id];
    }
    ownEmptyShares.set(hereEmpty, (share = empty / Math.max(1, rows)));
  }
  return share;
}

/** Per value id of text column `here`: its rows where column `from` is empty. */
function emptyBesideIds(data: IngestResult, here: Words, from: number): Int32Array {
  const counts = new Int32Array(here.distinct.size);
  for (const r of nullRows(data, from)) {
    const id = here.distinct.ids[r];
    if (id >= 0) counts[id]++;
  }
  return counts;
}

/** A text column's value ids by their text. */
function idsByText(words: Words): Map<string, number> {
  const ids = new Map<string, number>();
  for (let id = 0; id < words.distinct.size; id++) ids.set(words.distinct.text(id), id);
  return ids;
}

/**
 * A split of row `r`'s value in text column `here` into a known value of `left` and one of `right`, where the value
 * repeats: a source that merged two fields did so in every row it wrote ("Louisville, KY" in city with state empty,
 * in a third of a catalogue), so the merge is many rows' value and neither rare nor of a rare shape. It tells itself
 * by the empty neighbour: in nearly every row of the value ({@link MERGED_EMPTY_SHARE}) the neighbour is empty, while
 * the rows writing its own part alone ("Louisville") mostly fill it — the table writes the two fields apart.
 * `emptyBeside`: rows per value id of `here` whose neighbour is empty; `ids`: here's value ids by text.
 */
function splitBesideEmpty(r: number, here: Words, left: Words, right: Words, hereIsLeft: boolean, emptyBeside: Int32Array, ids: Map<string, number>): [string, string] | undefined {
  const id = here.distinct.ids[r];
  if (id < 0 || emptyBeside[id] < MERGED_EMPTY_SHARE * here.distinct.counts[id]) return undefined;
  const [inLeft, inRight] = [knownValues(left), knownValues(right)];
  for (const [a, b] of splits(here.distinct.text(id))) {
    if (!inLeft.has(a) || !inRight.has(b)) continue;
    const own = ids.get(hereIsLeft ? a : b);
    if (own !== undefined && emptyBeside[own] <= APART_EMPTY_SHARE * here.distinct.counts[own]) return [a, b];
  }
  return undefined;
}

/**
 * Whether row `r`'s value in text column `here`, held by several rows, is a value `home` writes in KNOWN_ROWS rows or
 * more that fill `here` (a value of home's own, not one merged or moved into it), and nearly all its rows in `here`
 * ({@link MERGED_EMPTY_SHARE}) hold it beside home's empty cell: a source that moved home's value over in every row
 * it wrote ("KY" in the city column, state empty, in a fifth of the rows), so it is no longer rare where it landed.
 * `hereEmpty`/`homeEmpty`: per value id of here (of home), its rows where the other column is empty; `homeIds`: home's
 * value ids by text.
 */
function movedBesideEmpty(r: number, home: Words, here: Words, hereEmpty: Int32Array, homeEmpty: Int32Array, homeIds: Map<string, number>): boolean {
  const id = here.distinct.ids[r];
  if (id < 0 || here.distinct.counts[id] < KNOWN_ROWS || hereEmpty[id] < MERGED_EMPTY_SHARE * here.distinct.counts[id]) return false;
  // Beyond chance: as many of the value's rows beside an empty cell, were they beside empty cells as often as the rows of
  // here's own values (none of home's) are (a street recorded twice without a cross street, where a tenth of the
  // collisions have none, is no move; a state in the city column, where a city's state is never empty, is).
  const emptyShare = ownEmptyShare(here, hereEmpty, homeIds);
  if (binomialTail(here.distinct.counts[id], hereEmpty[id], emptyShare) * here.distinct.size > MOVED_CHANCE) return false;
  const homeId = homeIds.get(here.distinct.text(id));
  return homeId !== undefined && home.distinct.counts[homeId] - homeEmpty[homeId] >= KNOWN_ROWS;
}

function wordsOf(data: IngestResult, c: number): Words {
  const distinct = distinctValues(data, c);
  const present = data.table.numRows - nullCount(data, c);
  const frequent = new Map<string, number>();
  // With nearly every value distinct (an id, free text) none can be frequent: no scan.
  if (distinct.size > (1 - FOREIGN) * present + 1) return { distinct, present, frequent };
  for (let id = 0; id < distinct.size; id++) if (distinct.counts[id] >= FOREIGN * present) frequent.set(distinct.text(id), distinct.counts[id]);
  return { distinct, present, frequent };
}

/**
 * Whether the value of row `r` in text column `here` belongs to text column `home` by the value itself, where
 * shapes cannot tell (two columns of words: a source "Original Screenplay" in the genre column): at least 1%
 * of home's values are this value, under 5% of here's other values are (in a dirty table a frequent value of
 * home shifted into many rows is no longer rare here), and it is ten times likelier in home.
 */
function belongsByValue(r: number, home: Words, here: Words): boolean {
  // A frequent value of its own column is at home (told by its count, before its text is read).
  const id = here.distinct.ids[r];
  if (id < 0) return false;
  const others = here.distinct.counts[id] - 1;
  if (others >= MAX_SHIFTED_SHARE * here.present) return false;
  const there = (home.frequent.get(here.distinct.text(id)) ?? 0) / Math.max(1, home.present);
  return there >= FOREIGN && there >= (FIT_RATIO * others) / Math.max(1, here.present);
}

/**
 * Whether the value of row `r` in text column `here` belongs to text column `home` by the value itself, where
 * home's values repeat but are too many for any to be frequent (two hundred job titles, a hundred airport
 * codes): not one of here's `categories` (the few values covering 95% of its rows, if it has such), held by at
 * least KNOWN_ROWS rows of home, under 5% of here's other values are it, and it is ten times likelier in home
 * ("Ticket Agent" in a column of men and women beside an empty job; "ONT" among cities beside an empty airport
 * code, where shifted codes have made three letters common and the shape no longer tells).
 */
function belongsByKnown(r: number, home: Words, here: Words, categories: Set<string>): boolean {
  const id = here.distinct.ids[r];
  if (id < 0) return false;
  const others = here.distinct.counts[id] - 1;
  if (others >= MAX_SHIFTED_SHARE * here.present) return false;
  const text = here.distinct.text(id);
  if (categories.has(text)) return false;
  return knownAndLikelier(knownValues(home).get(text) ?? 0, home, others, here);
}

/** Whether a value in `homeRows` rows of home and `hereRows` of here is a known value of home (KNOWN_ROWS rows or more) and ten times likelier there. */
function knownAndLikelier(homeRows: number, home: Words, hereRows: number, here: Words): boolean {
  return homeRows >= KNOWN_ROWS && homeRows / Math.max(1, home.present) >= (FIT_RATIO * hereRows) / Math.max(1, here.present);
}

/**
 * A split of row `r`'s value in text column `here` (a rare value there) into a frequent value of `left` and one
 * of `right`, at any separator ("Borussia Dortmund Werder Bremen": two teams), if there is one: two neighbouring
 * columns of words merged, where their patterns cannot tell them apart.
 */
function splitByValue(r: number, here: Words, left: Words, right: Words): [string, string] | undefined {
  const id = here.distinct.ids[r];
  if (id < 0 || here.distinct.counts[id] - 1 >= FOREIGN * here.present) return undefined;
  for (const [a, b] of splits(here.distinct.text(id))) if (left.frequent.has(a) && right.frequent.has(b)) return [a, b];
  return undefined;
}

/**
 * Rows breaking an order between two numeric columns a swap is judged by, at most this share of those holding
 * both within their far-out fences (a dirty table's ×10 and ×1000 slips break every order of their column, and
 * are errors of their own), as numeric-orders.ts learns an order.
 */
const SWAP_ORDER_BROKEN = 0.03;

/** Whether `v` lies within the central 99% of a numeric column's values. */
function ordinaryIn(data: IngestResult, c: number, v: number): boolean {
  const sorted = sortedColumn(data, c);
  return v >= sorted.quantile(0.005) && v <= sorted.quantile(0.995);
}

/** Whether the rows holding both values within their fences keep an order but for at most SWAP_ORDER_BROKEN of them. */
function keptOnNearlyEveryRow(valuesX: Float64Array, valuesY: Float64Array, [lowX, highX]: [number, number], [lowY, highY]: [number, number], keeps: (vx: number, vy: number) => boolean): boolean {
  let both = 0;
  let broken = 0;
  for (let r = 0; r < valuesX.length; r++) {
    const [vx, vy] = [valuesX[r], valuesY[r]];
    if (!(vx >= lowX && vx <= highX && vy >= lowY && vy <= highY)) continue;
    both++;
    if (!keeps(vx, vy)) broken++;
  }
  return both > 0 && broken <= SWAP_ORDER_BROKEN * both;
}

/** Whether value `id` of text column `here` is one of `home`'s (held by KNOWN_ROWS rows or more there) and ten times likelier there. */
function belongsByKnownValue(here: Words, home: Words, id: number): boolean {
  return knownAndLikelier(knownValues(home).get(here.distinct.text(id)) ?? 0, home, here.distinct.counts[id], here);
}

/**
 * Per value id of text column `here`: 1 where the value is one of `home`'s (held by KNOWN_ROWS rows or more
 * there) and ten times likelier there than among here's values (undefined when no value is).
 */
function belongingIds(here: Words, home: Words): Uint8Array | undefined {
  let marked: Uint8Array | undefined;
  for (let id = 0; id < here.distinct.size; id++) {
    if (belongsByKnownValue(here, home, id)) (marked ??= new Uint8Array(here.distinct.size))[id] = 1;
  }
  return marked;
}

/** The shares of home's values, and of here's other values, that are row `r`'s value in `here` (home's counted when frequent or known there). */
function valueShares(r: number, home: Words, here: Words): [number, number] {
  const id = here.distinct.ids[r];
  if (id < 0) return [0, 1];
  const text = here.distinct.text(id);
  const homeRows = home.frequent.get(text) ?? knownValues(home).get(text) ?? 0;
  return [homeRows / Math.max(1, home.present), (here.distinct.counts[id] - 1) / Math.max(1, here.present)];
}

/** Share of a numeric column's values beyond each end of its central range (see {@link ordinaryValues}). */
const CENTRAL_TAIL = 0.005;

/**
 * The values at shares `tail` and 1 − `tail` of a sorted numeric column without the values of rows `aside`
 * (numbers of the column, each passed over once, walking inward from each end): the central range of the
 * rows that show no sign of a shift, where shifted values (years in a month column, 1% of its rows in a
 * dirty table) would otherwise widen it. Without such rows, its quantiles.
 */
function rangeWithout(sorted: SortedNumbers, numbers: Float64Array, aside: readonly number[], tail: number): [number, number] {
  const n = sorted.length - aside.length;
  if (aside.length === 0 || n < 1) return [sorted.quantile(tail), sorted.quantile(1 - tail)];
  const beyond = Math.floor(tail * (n - 1));
  // Only the values beyond the bounds the walk can reach matter: as far in as `beyond` values and all of the rows'.
  const reach = Math.min(sorted.length - 1, beyond + aside.length);
  const [lowest, highest] = [sorted.at(reach), sorted.at(sorted.length - 1 - reach)];
  const outer: number[] = [];
  for (const r of aside) if (numbers[r] <= lowest || numbers[r] >= highest) outer.push(numbers[r]);
  const values = Float64Array.from(outer.filter(Number.isFinite)).sort();
  const inward = (start: number, step: 1 | -1): number => {
    let j = step === 1 ? 0 : values.length - 1;
    let kept = 0;
    let i = start;
    for (; i >= 0 && i < sorted.length; i += step) {
      const v = sorted.at(i);
      while (j >= 0 && j < values.length && (step === 1 ? values[j] < v : values[j] > v)) j += step;
      if (j >= 0 && j < values.length && values[j] === v) {
        j += step;
        continue;
      }
      if (kept >= beyond) break;
      kept++;
    }
    return sorted.at(Math.min(sorted.length - 1, Math.max(0, i)));
  };
  return [inward(0, 1), inward(sorted.length - 1, -1)];
}

/**
 * A quick test that a non-empty cell is an ordinary value of its column, without writing it as text: a
 * typed number within its column's range of ordinary values (`rangeOf`: see {@link centralRange}), or a text value
 * whose shape is common there, or of several words in free text (decided once per distinct value).
 */
function ordinaryValues(data: IngestResult, usualIn: (c: number, text: string) => number, rangeOf: (c: number) => [number, number]): (r: number, c: number) => boolean {
  const byColumn = data.columns.map((column, c) => {
    if (isNumeric(column)) {
      const numbers = numericColumn(data, c);
      const [low, high] = rangeOf(c);
      const mask = nullMask(data, c);
      return (r: number) => !mask[r] && numbers[r] >= low && numbers[r] <= high;
    }
    if (TEXT_KINDS.includes(column.kind)) {
      const distinct = distinctValues(data, c);
      // Free text has no pattern to fall outside of: only a single word there (a code, a number) can be foreign.
      const freeText = isFreeText(distinct, data.table.numRows - nullCount(data, c));
      // 0 unknown, 1 ordinary, 2 not.
      const verdicts = new Uint8Array(distinct.size);
      return (r: number) => {
        const id = distinct.ids[r];
        if (id < 0) return false;
        if (verdicts[id] === 0) {
          const text = distinct.text(id);
          verdicts[id] = (freeText && /\S\s/.test(text.trim()) && !foreignEnd(wordEndsOf(data, c), text)) || usualIn(c, text) >= FOREIGN ? 1 : 2;
        }
        return verdicts[id] === 1;
      };
    }
    return () => false;
  });
  return (r, c) => byColumn[c](r);
}

/**
 * The range of a numeric column's ordinary values: its central range without the rows beside an emptied neighbour
 * (rangeWithout), within its far-out fences too: values swapped in from a neighbour leave no gap, and beyond
 * CENTRAL_TAIL of the rows (a dirty table's latitudes in its longitude column) they would stretch the central
 * range over themselves.
 */
function centralRange(data: IngestResult, c: number, aside: readonly number[]): [number, number] {
  const sorted = sortedColumn(data, c);
  const central = rangeWithout(sorted, numericColumn(data, c), aside, CENTRAL_TAIL);
  // (On the log scale for a column of positive numbers: amounts spread over decades keep their tail.)
  const fences = sorted.length && sorted.at(0) > 0 ? farOutFences(data, c, 'log') : farOutFences(data, c);
  return fences[1] > fences[0] ? [Math.max(central[0], fences[0]), Math.min(central[1], fences[1])] : central;
}

/** The rows whose number lies outside [low, high] (present values only), ascending. (A small kernel.) */
function rowsOutside(numbers: Float64Array, mask: Uint8Array, low: number, high: number): number[] {
  const out: number[] = [];
  for (let r = 0; r < numbers.length; r++) if (mask[r] === 0 && (numbers[r] < low || numbers[r] > high)) out.push(r);
  return out;
}

/** How alike two columns' values look (the shares their shapes have in common): shifts between alike columns cannot be seen. */
function overlap(a: Profile, b: Profile): number {
  let shared = 0;
  for (const [shape, share] of a.shapes) shared += Math.min(share, b.shapes.get(shape) ?? 0);
  return shared;
}

const NO_ROWS = new Int32Array(0);
const NO_CATEGORIES = new Set<string>();

/**
 * The rows of two ascending lists of rows (the null rows of columns x and y), ascending, each once, where exactly one
 * of the two cells is empty (null, not an exception, in a column looked at: `lookX`/`lookY` 1 or 0): `r` where x is
 * empty, `~r` where y is. Written into `out`; returns how many. (A small kernel: V8 optimizes it early and cheaply.)
 */
function oneEmptyRows(a: Int32Array, b: Int32Array, maskX: Uint8Array, maskY: Uint8Array, exceptionsX: Uint8Array, exceptionsY: Uint8Array, lookX: number, lookY: number, out: Int32Array): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length || j < b.length) {
    let r: number;
    if (j >= b.length || (i < a.length && a[i] <= b[j])) {
      r = a[i++];
      if (j < b.length && b[j] === r) j++;
    } else r = b[j++];
    const xEmpty = lookX & maskX[r] & (exceptionsX[r] ^ 1);
    const yEmpty = lookY & maskY[r] & (exceptionsY[r] ^ 1);
    if (xEmpty !== yEmpty) out[n++] = xEmpty ? r : ~r;
  }
  return n;
}

/** Which rows of one side of a pair the rule's loop would pass over without a finding (see {@link notSkipped}). */
const enum Skip {
  /** None: the value itself, or an order, may speak. */
  Never,
  /** All of them. */
  Always,
  /** Those `passedOver` tells. */
  WhenOrdinary,
}

/**
 * The first `n` rows of `encoded` (see {@link oneEmptyRows}; columns x and x + 1) that the rule's loop would not
 * pass over without a finding, in order (a loop of its own, for the same reason): `whenXEmpty`/`whenYEmpty` tell
 * which rows of each side it passes over, `passedOver(r, x, to)` tells for a row whose value is in `to`.
 */
function notSkipped(encoded: Int32Array, n: number, x: number, whenXEmpty: Skip, whenYEmpty: Skip, passedOver: (r: number, x: number, to: number) => boolean): Int32Array {
  let kept = 0;
  // (y worked out before the loop: V8 may compile the loop while it runs, before a row of either side came.)
  const y = x + 1;
  for (let i = 0; i < n; i++) {
    const e = encoded[i];
    const skip = e >= 0 ? whenXEmpty : whenYEmpty;
    if (skip === Skip.Always || (skip === Skip.WhenOrdinary && (e >= 0 ? passedOver(e, x, y) : passedOver(~e, x, x)))) continue;
    encoded[kept++] = e;
  }
  return encoded.subarray(0, kept);
}

/**
 * Lists in `pending` (from `count` on) a row of each value not yet judged (verdict 0, then marked 3: pending)
 * among the first `n` rows of `encoded` of one side (`xEmpty` 1: the rows where x is empty, else those where
 * y is), `ids` the value ids of the column holding their values; returns the new count. (Typed arrays only:
 * V8 compiles it once.)
 */
function pendingValues(encoded: Int32Array, n: number, xEmpty: number, ids: Int32Array, verdicts: Uint8Array, pending: Int32Array, count: number): number {
  for (let i = 0; i < n; i++) {
    const e = encoded[i];
    if ((e >= 0 ? 1 : 0) !== xEmpty) continue;
    const id = ids[e >= 0 ? e : ~e];
    if (id < 0 || verdicts[id] !== 0) continue;
    verdicts[id] = 3;
    pending[count++] = e >= 0 ? e : ~e;
  }
  return count;
}

/** The first `n` rows of `encoded` without those of one side (as {@link pendingValues}) whose value's verdict is 1 (passed over); returns how many are left, in order. */
function withoutPassedValues(encoded: Int32Array, n: number, xEmpty: number, ids: Int32Array, verdicts: Uint8Array): number {
  let kept = 0;
  for (let i = 0; i < n; i++) {
    const e = encoded[i];
    if ((e >= 0 ? 1 : 0) === xEmpty) {
      const id = ids[e >= 0 ? e : ~e];
      if (id >= 0 && verdicts[id] === 1) continue;
    }
    encoded[kept++] = e;
  }
  return kept;
}

/** Whether a column's values are told apart by more than their shapes (categories, or numbers in a range). */
const distinctive = (column: Column) => column.categories !== undefined || column.range !== undefined;

/**
 * A split of a merged value "x y" into a value of the left column and one of the right column, if there is
 * one: at its first or its last separator (the neighbour's value is a word at one end: "Lyon FR", "FR Lyon",
 * "Louisville, KY").
 */
function split(text: string, left: Column, right: Column): [string, string] | undefined {
  const cuts = splits(text);
  const ends = cuts.length > 1 ? [cuts[0], cuts[cuts.length - 1]] : cuts;
  return ends.find(([a, b]) => fitsColumn(left, a) && fitsColumn(right, b));
}

/**
 * A split of a rare value of column `here` into a value of `here` and one of its neighbour `home`, where home
 * often has gaps (an empty cell there is no evidence): cut at any separator, the part on here's side is one of
 * its categories or of a shape common there, the other part fits home (one of its categories, or a number in
 * its range, or a shape common there) and is foreign here (not one of its categories; its shape under 1% of
 * here's values), and one side is told by more than shapes (here's categories, or home's categories or range):
 * "Kevin Costner 76" in a director column beside an empty rating, "Historical Fiction Frank Coraci" in a
 * creative type beside an empty director. Returns the parts in column order.
 */
function mergedApart(text: string, here: Column, home: Column, hereIsLeft: boolean): [string, string] | undefined {
  if (!here.categories && !distinctive(home)) return undefined;
  for (const [a, b] of splits(text)) {
    const [mine, theirs] = hereIsLeft ? [a, b] : [b, a];
    if (!fitsColumn(here, mine) || !fitsColumn(home, theirs)) continue;
    if (here.categories?.has(theirs) || usual(here.profile, theirs) >= FOREIGN) continue;
    return [a, b];
  }
  return undefined;
}

/** A share as a percentage, with a decimal under 1% ("0.4%", not "0%"). */
function percent(share: number): string {
  return `${(100 * share).toFixed(share < 0.01 ? 1 : 0)}%`;
}

/** The range of cells c…d of row r (CSV sources: for a fix rewriting both). */
function span(data: IngestResult, r: number, c: number, d: number): TextRange {
  return { start: data.source.cellRange(r, c).start, end: data.source.cellRange(r, d).end };
}

/** Share of a column's values at most this far in a tail that makes a value foreign to it by its range. */
const RANGE_TAIL = 0.005;

/** Values of a sorted column at least `v` (`above`) or at most `v`, as a share of its values. */
function tailShare(sorted: SortedNumbers, v: number, above: boolean): number {
  const share = above ? sorted.length - sorted.rank(v, true) : sorted.rank(v, false);
  return share / Math.max(1, sorted.length);
}

/** How near a value of a column must lie to a number to count as like it there, relative to the number (5%: 97 and 105 are like 100). */
const NEAR = 0.05;

/**
 * The share of numeric column `home`'s values that are `v`, and of `here`'s other values that lie near it
 * (within NEAR of it: a displacement of 100 is no rarity among 97s and 105s, though no car has exactly 100).
 */
function numberShares(v: number, home: SortedNumbers, here: SortedNumbers): [number, number] {
  const reach = Math.abs(v) * NEAR;
  return [home.countWithin(v, v) / Math.max(1, home.length), Math.max(0, here.countWithin(v - reach, v + reach) - 1) / Math.max(1, here.length)];
}

/** A numeric column's values that are at least FOREIGN of its values (from its sorted runs). */
function frequentNumbers(runs: SortedRuns): number[] {
  let total = 0;
  for (let k = 0; k < runs.counts.length; k++) total += runs.counts[k];
  const frequent: number[] = [];
  for (let k = 0; k < runs.counts.length; k++) if (runs.counts[k] >= FOREIGN * total) frequent.push(runs.values[k]);
  return frequent;
}

/**
 * Whether number `v` in numeric column `here` is one of numeric column `home`'s by the value itself, whatever
 * the two columns' shapes (a mote id of 2 in a column of 1s, 20 in a day of the week, rain's 0.0 in a
 * temperature): at least 1% of home's values are `v`, under 5% of here's other values lie near it (a value
 * shifted into many rows of a dirty table), and it is ten times likelier in home.
 */
function numberBelongs(v: number, home: SortedNumbers, here: SortedNumbers): boolean {
  const [there, others] = numberShares(v, home, here);
  return there >= FOREIGN && others < MAX_SHIFTED_SHARE && there >= FIT_RATIO * others;
}

/**
 * Evidence that a number in column `to` of a row is the value of its empty neighbour `from`, the two columns
 * keeping an order on (nearly) every row (min ≤ max, low ≤ high): it breaks orders `to` keeps with the row's
 * other values and keeps every one of from's (low ≤ open ≤ high: a high in the low column is above the open);
 * or, where no order says otherwise, it lies beyond `to`'s values on the side of `from` (under 0.5% of to's
 * values are as high, for a low column) and in the central 90% of from's. Returns, for the pair, a test of
 * row `r` (told whether the value is ordinary in its column) giving the evidence, if any.
 */
function shiftsByOrder(data: IngestResult, orders: OrderFit, pair: NumericOrder, from: number, to: number): (r: number, ordinaryHere: boolean) => string | undefined {
  const values = numericColumn(data, to);
  const besides = [from, to];
  // An ordinary value of its column can only be told by other orders.
  const otherOrders = orders.hasOrders(to, [from]);
  const toIsLow = pair.low === to;
  const sortedTo = sortedColumn(data, to);
  const sortedFrom = sortedColumn(data, from);
  const [fromLow, fromHigh] = [sortedFrom.quantile(0.05), sortedFrom.quantile(0.95)];
  const name = (c: number) => `"${data.columns[c].name}"`;
  return (r, ordinaryHere) => {
    if (ordinaryHere && !otherOrders) return undefined;
    const v = values[r];
    if (!Number.isFinite(v)) return undefined;
    const own = orders.fit(to, r, v, besides);
    const theirs = orders.fit(from, r, v, besides);
    if (theirs.broken > 0) return undefined;
    if (own.broken > 0 && theirs.kept > 0) return `it breaks ${own.broken} of the ${own.broken + own.kept} orders ${name(to)} keeps with this row's other values, and none of the ${theirs.kept} ${name(from)} keeps`;
    if (own.broken > 0 || ordinaryHere || v < fromLow || v > fromHigh || tailShare(sortedTo, v, toIsLow) > RANGE_TAIL) return undefined;
    return `${name(to)} is ${toIsLow ? 'at most' : 'at least'} ${name(from)} on nearly every row, and under ${100 * RANGE_TAIL}% of ${name(to)}'s values are as ${toIsLow ? 'high' : 'low'}`;
  };
}

/** What the swaps told by patterns ask of the check of `column-shift` (see {@link patternSwaps}). */
interface SwapContext {
  data: IngestResult;
  cells: Cells;
  /** Per column, whether it holds words (text). */
  words: boolean[];
  column: (c: number) => Column;
  wordsIn: (c: number) => Words;
  readByValue: (c: number) => boolean;
  ordinary: (r: number, c: number) => boolean;
  rangeOf: (c: number) => [number, number];
  apartFrom: (x: number) => boolean;
  /** Cells reported already (row × columns + column). */
  reported: Set<number>;
  name: (c: number) => string;
  reportSwap: (r: number, x: number, y: number, vx: string, vy: string, explain: (c: number, other: number, value: string, theirs: string) => { message: string; evidence: Evidence }) => void;
}

/**
 * Swaps told by patterns (a function of its own: the rule's check is large, and V8 compiles it whole).
 * Two neighbouring columns whose shapes are apart: a row where each value is unusual in its own column and
 * belongs to the other ("84" in the rating column, "PG-13" in the running time; a latitude in the longitude
 * column and the longitude in the latitude's) holds them swapped; so does one where one value belongs to the other
 * column and the other is foreign to its own, the column it would move to one whose shapes tell little (names:
 * "JSO" in the name column, "Jacksonville-Cherokee County" among codes). The rows walked are those of the side
 * with fewer unusual values (a number outside its column's central range, a rejected cell, a value of a rare
 * shape); the other side is asked row by row.
 */
function patternSwaps({ data, cells, words, column, wordsIn, readByValue, ordinary, rangeOf, apartFrom, reported, name, reportSwap }: SwapContext): void {
  const [rows, columns] = [data.table.numRows, data.columns.length];
  /** Per numeric column, the numbers it holds in FOREIGN of its rows or more: its own, however far out (a zero-inflated column's 0: an invoice of 0.00). */
  const frequentOf = new Map<number, Set<number>>();
  const ownFrequent = (c: number) => {
    let own = frequentOf.get(c);
    if (!own) frequentOf.set(c, (own = new Set(frequentNumbers(sortedRuns(data, c)))));
    return own;
  };
  /** Per column, whether row r's cell holds an unusual value (a rejected cell, a number outside its range but not one it holds often, words of a rare shape); built when first asked. */
  const unusualTests: ((r: number) => boolean)[] = [];
  const unusualAt = (r: number, c: number): boolean => (unusualTests[c] ??= unusualTest(c))(r);
  const unusualTest = (c: number): ((r: number) => boolean) => {
    const mask = cells.masks[c];
    if (isNumeric(data.columns[c])) {
      const numbers = numericColumn(data, c);
      const [low, high] = rangeOf(c);
      const own = ownFrequent(c);
      return (r) => (mask[r] ? cells.rejected(r, c) : (numbers[r] < low || numbers[r] > high) && !own.has(numbers[r]));
    }
    if (words[c]) return (r) => !mask[r] && !ordinary(r, c);
    return (r) => cells.rejected(r, c);
  };
  /**
   * The rows of column c whose value is unusual, where they can be listed without reading a column of words
   * value by value (numbers outside their range, rejected cells: a few per cent of the rows); undefined for words.
   */
  const typedUnusual = new Map<number, number[]>();
  const typedUnusualRows = (c: number): number[] | undefined => {
    if (words[c]) return undefined;
    let found = typedUnusual.get(c);
    if (!found) {
      const own = cells.rejectedRows[c];
      const frequent = isNumeric(data.columns[c]) ? ownFrequent(c) : undefined;
      const outside = frequent ? rowsOutside(numericColumn(data, c), nullMask(data, c), ...rangeOf(c)).filter((r) => !frequent.has(numericColumn(data, c)[r])) : [];
      found = own.length === 0 ? outside : outside.length === 0 ? own : [...outside, ...own].sort((a, b) => a - b);
      typedUnusual.set(c, found);
    }
    return found;
  };
  /** The rows of a column of words (of at most TEXT_VALUES_MAX_DISTINCT values) whose value is unusual; undefined beyond. */
  const wordsUnusual = new Map<number, number[] | undefined>();
  const wordsUnusualRows = (c: number): number[] | undefined => {
    if (wordsUnusual.has(c)) return wordsUnusual.get(c);
    let found: number[] | undefined;
    if (readByValue(c)) {
      const { ids, size } = wordsIn(c).distinct;
      // Each value judged once, on its first row (0 unknown, 1 ordinary, 2 unusual).
      const verdicts = new Uint8Array(size);
      found = [];
      for (let r = 0; r < rows; r++) {
        const id = ids[r];
        if (id < 0) continue;
        if (verdicts[id] === 0) verdicts[id] = ordinary(r, c) ? 1 : 2;
        if (verdicts[id] === 2) found.push(r);
      }
    }
    wordsUnusual.set(c, found);
    return found;
  };
  /** Whether column c is words whose shapes tell little: over LOOSE_SHAPES of its values are of rare shapes. */
  const loose = (c: number) => words[c] && (wordsUnusualRows(c)?.length ?? 0) > LOOSE_SHAPES * column(c).present;
  /** The shorter of two lists of rows (either may be missing). */
  const shorter = (a: number[] | undefined, b: number[] | undefined) => (a && b ? (a.length <= b.length ? a : b) : (a ?? b));
  for (let x = 0; x + 1 < columns; x++) {
    const y = x + 1;
    if (data.columns[x].kind === 'empty' || data.columns[y].kind === 'empty') continue;
    // A side listed without reading words is walked where there is one; two columns of words are read value by value.
    // (A column of more than TEXT_VALUES_MAX_DISTINCT words, free text or ids, is not read so.)
    if ((words[x] && !readByValue(x)) || (words[y] && !readByValue(y))) continue;
    const [typedX, typedY] = [typedUnusualRows(x), typedUnusualRows(y)];
    // (Two columns of words: the one of more values is read only where the other holds unusual values.)
    const wordsWalked = () => {
      const [fewer, more] = wordsIn(x).distinct.size <= wordsIn(y).distinct.size ? [x, y] : [y, x];
      return wordsUnusualRows(fewer)?.length ? shorter(wordsUnusualRows(fewer), wordsUnusualRows(more)) : undefined;
    };
    const walked = typedX || typedY ? shorter(typedX, typedY) : wordsWalked();
    if (!walked?.length) continue;
    const asked = walked === typedX || walked === wordsUnusual.get(x) ? y : x;
    // Rows unusual on both sides first (few: the columns' shapes are compared only where there are some).
    const both = walked.filter((r) => unusualAt(r, asked) && !reported.has(r * columns + x) && !reported.has(r * columns + y));
    if (both.length === 0 || !apartFrom(x)) continue;
    for (const r of both) {
      const [vx, vy] = [cells.text(r, x), cells.text(r, y)];
      // (Told by patterns, the two values' patterns differ: "None" in two columns of sizes is no swap.)
      if (!vx || !vy || shapeOf(vx) === shapeOf(vy)) continue;
      // Each value: belongs to the other column (its pattern), or is foreign to its own beside a loose other column.
      const [strongX, strongY] = [belongs(vx, column(y), column(x)), belongs(vy, column(x), column(y))];
      if (!(strongX || strongY)) continue;
      const weakX = !strongX && loose(y) && usualHere(column(x), vx) < FOREIGN;
      const weakY = !strongY && loose(x) && usualHere(column(y), vy) < FOREIGN;
      if (!((strongX || weakX) && (strongY || weakY))) continue;
      reportSwap(r, x, y, vx, vy, (c, other, value) => {
        const [there, here] = [fitOf(column(other), value), usualHere(column(c), value)];
        const strong = c === x ? strongX : strongY;
        return {
          evidence: { fitsNeighbour: Number(there.toFixed(4)), fitsOwn: Number(here.toFixed(4)), by: 'pattern' },
          message: strong
            ? `"${value}" in column ${name(c)} and "${cells.text(r, other) ?? ''}" in ${name(other)} look swapped: "${value}" is written like ${name(other)}'s values (${percent(there)} of them share its pattern, ${(100 * here).toFixed(1)}% of ${name(c)}'s), and "${cells.text(r, other) ?? ''}" is foreign to ${name(other)}.`
            : `"${value}" in column ${name(c)} and "${cells.text(r, other) ?? ''}" in ${name(other)} look swapped: "${cells.text(r, other) ?? ''}" is written like ${name(c)}'s values, and "${value}" is unlike ${name(c)}'s (${(100 * here).toFixed(1)}% of them share its pattern).`,
        };
      });
    }
  }
}

export const columnShift = defineRule({
  id: 'column-shift',
  title: 'Value in the neighbouring column',
  dimension: 'structure',
  defaultSeverity: 'warning',
  defaultOptions: {},
  description: "A value that belongs to the neighbouring column, which is empty in that row (a shifted or merged field: \"Lyon FR\" in city with country empty), or two neighbours' values swapped (words, numbers that keep an order, or values each written like the other column's).",
  docs: `A field lost or added upstream shifts a row's values by one column: a city lands in the state column,
two fields are glued into one ("Lyon FR" in \`city\`, \`country\` empty), a number sits in the next numeric
column. The row reads as valid data with wrong values in several columns.

Each column's values are described by their patterns (letters, digits and punctuation with run lengths, and
without: value-patterns.ts), learned from the column itself where a shape's share is in doubt (1% to 5%) from the
rows beside no emptied neighbour: shifted values come with their neighbour's empty cell, and in a dirty table
they make their own shape common (codes in 2% of the names); a number within the central 99% of those rows'
values, and within the column's far-out fences (quartiles ± 3 interquartile ranges, of the logarithms for a
column of positive numbers: values swapped in leave no gap to tell them, and latitudes in 1% of a longitude
column would stretch its central 99% over themselves), is an
ordinary value of its column (years in 2% of a month column are not). In a row where one of two neighbouring columns
is empty — in a column at least ${100 * MIN_COMPLETENESS}% complete, where an empty cell is itself unusual (in a dirty table errors of every kind leave gaps) — a value is reported
when it could be a value of the empty neighbour (one of its categories; a number within its range; a date,
however written, in a column of dates; a value it holds in two rows or more; else a
pattern at least 1% of its values share), its pattern is rare in its own column (under 1% of the other
values), and ten times likelier in the neighbour: it was shifted. A shift to the right may go on along the row,
each next cell holding a value of the column before it (also in a column with gaps: a release date in the rating
column of films a fifth of which have no rating); such a run is also told by its second cell where its first
value fits either column, the two columns alike (a home team moved into the away team's column beside the emptied
home team, the away team in the home score's), or it is an ordinary value of its new column (a year in the count
column, the count in the share's; not through words that seldom repeat, codes or names, there). A value whose two ends fit the two
columns ("Lyon" a city, "FR" a country; cut at a space, or a comma, semicolon or bar with or without spaces:
"Louisville, KY" — not at a hyphen or slash, nor at a comma between digits) while the whole is rare in its
column is a merge. In free text (mostly distinct values, mostly of three words or more: titles, notes), whose
whole values are all rare, a value is rare when its first or last word has a shape under 1% of the column's
values of several words have there, and a part of several words whose ends are common there fits: "Big Fish
66432867" in a title column with the takings beside it empty is a merge, "Apollo 13" (13 no takings) is not. Where patterns
cannot tell two columns of words apart (a source "Original Screenplay" in the genre column), the value itself
can: one of at least 1% of the empty neighbour's values, under 5% of its own column's other values and ten
times rarer there is shifted (in a dirty table one category shifted into many rows is no longer rare), as is
one held by two rows or more of a neighbour whose values repeat and whose shapes are apart from its own
column's, under 5% of its column's other values and ten times rarer there (a code among a hundred codes in
the city column: where shifted codes made three letters common there, the shape no longer tells), and a
rare value that splits at such a separator into a frequent value of each column ("Borussia Dortmund Werder
Bremen") is a merge, as is, where the values repeat (a hundred teams, too many for any to be frequent), a
value of one row that splits into values of each held by two rows or more ("MDW Chicago": a code in three
rows and a city). A source that merged the two fields in every row it wrote makes the merge many rows' value
("Louisville, KY" in a third of a catalogue's cities, state empty there): a value that splits into values of
each held by two rows or more is a merge also when it repeats, where nearly all its rows (${100 * MERGED_EMPTY_SHARE}%) have the
neighbour empty while the rows writing its own part alone mostly fill it (the table writes the two fields apart);
so is a value held by two rows or more of the neighbour, whatever its share of the column, that nearly all its rows
hold beside the neighbour's empty cell ("KY" in a fifth of the cities, state empty: a source that moved it over) more
often than chance would place them there (the binomial tail at the share of the rows of the column's own values, none
of the neighbour's, beside its empty cells, times the values tried, at most ${MOVED_CHANCE}: a street recorded twice
without a cross street, where a tenth of the collisions have none, moved nothing);
such a value (or a merge of two
columns' categories) is evidence by itself, so it is looked for also where the emptied column often has gaps
(known values of each: where it is at least ${100 * MIN_MERGE_COMPLETENESS}% filled). So is, where that column is at least
${100 * MIN_MERGE_COMPLETENESS}% filled (a running time known for a third of the films: "PG 103"), a rare value cut at any such separator into a part of its
own column (one of its categories, or a common shape there) and a part foreign to it that fits the neighbour,
one side told by more than shapes ("Kevin Costner 76" in a director column beside an empty critics' rating;
"Historical Fiction Frank Coraci" in a creative type beside an empty director). A shift of several cells is followed along
the row. Numbers of neighbouring columns of one quantity (their values overlap) that keep an order on (nearly)
every row (min ≤ max, start ≤ end, low ≤ high: 97% of the rows holding both values within their columns' far-out
fences, quartiles ± 3 interquartile ranges, most of them not equal) share
their patterns, so there the orders decide: with one of the two empty, the other's number is the empty one's when it breaks orders its column
keeps with the row's other (ordinary) values and none of those the empty column keeps (a high in the low
column is above the open and the close), or, where no order says otherwise, when under 0.5% of its
column's values lie as far on the empty column's side and it is in the central 90% of the empty column's
values (a maximum temperature in the minimum column). Numbers of other neighbouring columns are told by the value
itself where their shapes cannot tell them apart: beside an empty neighbour, a number that is at least 1% of the
neighbour's values, with under 5% of its own column's other values within ${100 * NEAR}% of it and ten times rarer there, is
the neighbour's (6 cylinders in an origin code of 1 to 3, rain's 0.0 in a temperature; a displacement of 100 is
no rarity among 97s and 105s), and a run shifted right goes on from it. The emptied cell is reported too. Columns whose values look alike (two columns of names) are not
compared by pattern, and free text only holds a foreign value when it is one word.

Two neighbouring columns of words, their shapes apart: a row whose two values each are a value of the other
column (both columns' values repeat; held there by 2 rows or more, ten times likelier there than in their own)
holds them swapped ("WA" in city, "Seattle" in state); so does a row where one value is such a value of the other column
and the other is in no other row of its own column of repeated values ("MI" in a column of towns named once
each, "Vanderbilt" in the state column; columns of more than ${TEXT_VALUES_MAX_DISTINCT.toLocaleString('en-US')} distinct values are not read so); both cells are reported, with a fix swapping them back. Two
neighbouring numeric columns that keep an order on all but 3% of their rows (low ≤ high; rows holding both
values within their far-out fences, the quartiles ± 3 interquartile ranges: a dirty table's ×10 and ×1000 slips
break every order of their column, and are errors of their own) hold their values
swapped in a row where each of the two values breaks an order with a third column (the open, the close) and
every order of the two holds with the values exchanged, each then in the central 99% of its new column (a day's
high and low written the wrong way round; one wrong value breaks the orders of its own cell only, and is no
swap). Any two neighbouring columns whose shapes are apart hold a row's values swapped where each value is
unusual in its own column (outside its central range and fences but for a number it holds in 1% of its rows or more —
an invoice total of 0.00 beside a discount of 100 is a waived invoice —, a rejected cell, a rare shape) and its pattern
belongs to the other column, as a shifted value's does ("94" in the rating column, "PG-13" in the running time; a
latitude in the longitude column and that longitude in the latitude's); or where one does and the other, of
another pattern, is foreign to its own column while the column it would move to is words whose shapes tell little
(over ${100 * LOOSE_SHAPES}% of them of rare shapes: "JSO" among airport names, "Jacksonville-Cherokee County" among their codes).

A row shifted with no gap where the shift starts — a name holding an unquoted comma split in two fields, the row's
last field dropped, or a field dropped and the rest moved left — leaves no empty cell to start from. In a row where
two cells or more were reported above, a stretch of its cells each fitting the column before it (shifted right;
after it, shifted left: one of its values, a number within its range, a pattern 1% of its values share; an empty
cell goes on beside a column with gaps), ${MIN_RUN_BELONGING} or more of them and a third of the stretch belonging
there as a shifted value does (rare in its own column, ten times likelier in the neighbour's), holds the row's values
one column along: each of its cells is reported, the numbers among them too (a gross pay in the federal tax column,
the federal tax in the FICA column), with \`by\` \`run\` and the stretch (\`runFrom\`, \`runTo\`) in the evidence.
A value a shift left unchanged (two neighbours holding the same number) is reported with the others.

The evidence: the neighbouring column, that it is empty, and how well the value fits each column (the share
of values with its pattern).

**Fix**: move the value back, or split it (quick fix, CSV files); if the row lost a field, restore it.`,
  check({ data, profile, report }) {
    const columns = data.columns.length;
    const rows = data.table.numRows;
    if (columns < 2 || rows < 20) return;
    // Rejected cells (text in a typed column: often the shifted values themselves) are present, not missing.
    const complete = data.columns.map((column, c) => column.kind !== 'empty' && rows - missingCount(data, c) >= MIN_COMPLETENESS * rows);
    // Columns with gaps, mostly filled: a value merged into a neighbour is looked for there when it tells itself apart.
    const mergeable = data.columns.map((column, c) => column.kind !== 'empty' && !complete[c] && rows - missingCount(data, c) >= MIN_MERGE_COMPLETENESS * rows);
    const known = new Map<number, Column>();
    const column = (c: number) => {
      let k = known.get(c);
      if (!k) {
        k = columnOf(data, c, profileOf(data, c));
        // A value the column holds in two rows or more is one of its values, whatever its shape ("Ticket Agent" among job titles).
        if (!k.categories && words[c] && repeats(c)) k.known = () => knownValues(wordsIn(c));
        k.besideGaps = () => (gapsBeside[c] ??= besideGaps(c));
        known.set(c, k);
      }
      return k;
    };
    const cells = cellsOf(data);
    // The shapes of column c's values in rows where a neighbour otherwise filled is empty (each row once).
    const gapsBeside: BesideGaps[] = [];
    const rowsBeside: number[][] = [];
    /** The rows where a neighbour of column c otherwise filled is empty and c holds a value (each row once). */
    const besideRows = (c: number): number[] => {
      let rows = rowsBeside[c];
      if (rows) return rows;
      rows = rowsBeside[c] = [];
      const left = c > 0 && complete[c - 1];
      for (const d of [c - 1, c + 1]) {
        if (d < 0 || d >= columns || !complete[d]) continue;
        const [mask, exceptions, own] = [cells.masks[d], cells.exceptions[d], cells.masks[c]];
        // (cells.empty, read from the arrays: a few per cent of a large table's rows pass here per column.)
        const emptyLeft = (r: number) => left && cells.masks[c - 1][r] === 1 && cells.exceptions[c - 1][r] === 0;
        for (const r of nullRows(data, d)) if (mask[r] === 1 && exceptions[r] === 0 && own[r] === 0 && !(d > c && emptyLeft(r))) rows.push(r);
      }
      return rows;
    };
    // Their shapes, of at most PROFILE_ROWS of them evenly spread (each counting for the rows it stands for), as the profile is learned.
    const besideGaps = (c: number): BesideGaps => {
      const shapes = new Map<string, number>();
      const rows = besideRows(c);
      const step = Math.max(1, Math.floor(rows.length / PROFILE_ROWS));
      let count = 0;
      for (let i = 0; i < rows.length; i += step) {
        const text = cells.text(rows[i], c);
        if (text === undefined) continue;
        const shape = shapeOf(text);
        shapes.set(shape, (shapes.get(shape) ?? 0) + step);
        count += step;
      }
      return { shapes, rows: count };
    };
    const words = data.columns.map((c) => TEXT_KINDS.includes(c.kind));
    const wordColumns = new Map<number, Words>();
    const wordsIn = (c: number) => {
      let w = wordColumns.get(c);
      if (!w) wordColumns.set(c, (w = wordsOf(data, c)));
      return w;
    };
    const emptyBesides = new Map<string, Int32Array>();
    const emptyBeside = (here: number, from: number) => {
      let counts = emptyBesides.get(`${here}:${from}`);
      if (!counts) emptyBesides.set(`${here}:${from}`, (counts = emptyBesideIds(data, wordsIn(here), from)));
      return counts;
    };
    const textIdsOf = new Map<number, Map<string, number>>();
    const textIds = (c: number) => {
      let ids = textIdsOf.get(c);
      if (!ids) textIdsOf.set(c, (ids = idsByText(wordsIn(c))));
      return ids;
    };
    // Whether a value of `here` can be one of home's frequent values (two columns of words), and whether it is.
    // Whether a text column's values repeat (at most half of its values distinct): known values can tell a merge.
    const repeats = (c: number) => 2 * wordsIn(c).distinct.size <= wordsIn(c).present;
    // Whether a text column's values are few enough to read value by value for a swap (by the profile's count of
    // distinct values where there is one: a column of a million ids is not read so).
    const readByValue = (c: number) => (profile?.columns[c]?.distinct ?? wordsIn(c).distinct.size) <= TEXT_VALUES_MAX_DISTINCT;
    const valuesCan = (home: number, here: number) => words[home] && words[here] && wordsIn(home).frequent.size > 0;
    // Whether a value of `here` can be a known value of home: two columns of words whose values repeat (a value shifted
    // into a column of distinct values, ids or free text, is told by its shape), their shapes apart.
    const knownCan = (home: number, here: number) => words[home] && words[here] && repeats(home) && repeats(here) && apartFrom(Math.min(home, here));
    const inNeighbourByKnown = (r: number, home: number, here: number) => belongsByKnown(r, wordsIn(home), wordsIn(here), column(here).categories ?? NO_CATEGORIES);
    const byValue = (r: number, home: number, here: number) => (valuesCan(home, here) && belongsByValue(r, wordsIn(home), wordsIn(here))) || (knownCan(home, here) && inNeighbourByKnown(r, home, here));
    // The range of each numeric column's ordinary values (built when first asked).
    const ranges = new Map<number, [number, number]>();
    const rangeOf = (c: number) => {
      let range = ranges.get(c);
      if (!range) ranges.set(c, (range = centralRange(data, c, besideRows(c))));
      return range;
    };
    const ordinary = ordinaryValues(data, (c, text) => usualHere(column(c), text), rangeOf);
    const delimiter = data.dialect?.delimiter ?? ',';
    const fixes = data.rangesIn === 'file';
    const name = (c: number) => `"${data.columns[c].name}"`;
    /** The quick fix moving row r's `value` from column `c` back to its empty neighbour `home` (CSV sources only). */
    const moveFix = (r: number, home: number, c: number, value: string): FindingFix[] | undefined =>
      fixes
        ? [{ kind: 'replace', title: `Move "${value}" to ${name(home)}`, range: span(data, r, Math.min(home, c), Math.max(home, c)), newText: home < c ? `${csvField(value, delimiter)}${delimiter}` : `${delimiter}${csvField(value, delimiter)}` }]
        : undefined;
    const reported = new Set<number>();
    const once = (r: number, c: number) => {
      const key = r * columns + c;
      if (reported.has(key)) return false;
      reported.add(key);
      return true;
    };
    /**
     * Reports row r's values `vx`, `vy` of neighbours x, y as swapped: both cells, with a fix writing them back the
     * other way round; `explain` gives each cell's message and the evidence beyond the swap's own.
     */
    const reportSwap = (r: number, x: number, y: number, vx: string, vy: string, explain: (c: number, other: number, value: string, theirs: string) => { message: string; evidence: Evidence }) => {
      const fix: FindingFix[] | undefined = fixes
        ? [{ kind: 'replace', title: `Swap "${vx}" and "${vy}"`, range: span(data, r, x, y), newText: `${csvField(vy, delimiter)}${delimiter}${csvField(vx, delimiter)}` }]
        : undefined;
      for (const [c, other, value, theirs] of [[x, y, vx, vy], [y, x, vy, vx]] as const) {
        once(r, c);
        const { message, evidence } = explain(c, other, value, theirs);
        report({
          row: r,
          columnIndex: c,
          value,
          evidence: { neighbour: data.columns[other].name, neighbourEmpty: false, swapped: true, neighbourValue: theirs, ...evidence },
          message,
          related: [{ row: r, columnIndex: other, message: `${name(other)} holds "${theirs}"` }],
          fixes: fix,
        });
      }
    };
    // Numeric neighbours that keep an order (min ≤ max): a value in one while the other is empty is weighed by
    // the orders and ranges (learned when first needed).
    let orders: OrderFit | undefined;
    const orderOf = (x: number, y: number) => {
      if (!isNumeric(data.columns[x]) || !isNumeric(data.columns[y])) return undefined;
      // Orders of columns equal on most rows tell little of a value moved between them.
      orders ??= new OrderFit(data, numericOrders(data).filter((o) => !o.mostlyEqual));
      return orders.orders.find((o) => (o.low === x && o.high === y) || (o.low === y && o.high === x));
    };
    const tests = new Map<number, (r: number, ordinaryHere: boolean) => string | undefined>();
    /** Reports row r's value of `to` as from's, where the order of the pair says so (after the other evidence found nothing). */
    const reportByOrder = (pair: NumericOrder | undefined, r: number, from: number, to: number) => {
      if (!pair || !orders || !complete[from] || !cells.empty(r, from)) return;
      let test = tests.get(from * columns + to);
      if (!test) tests.set(from * columns + to, (test = shiftsByOrder(data, orders, pair, from, to)));
      const why = test(r, ordinary(r, to));
      if (!why || !once(r, to)) return;
      const value = cells.text(r, to) ?? '';
      report({
        row: r,
        columnIndex: to,
        value,
        evidence: { neighbour: data.columns[from].name, neighbourEmpty: true, by: 'order', order: `${data.columns[pair.low].name} ≤ ${data.columns[pair.high].name}` },
        message: `"${value}" in column ${name(to)} looks like a value of ${name(from)}: ${why}; and ${name(from)} is empty in this row: the row seems shifted.`,
        related: [{ row: r, columnIndex: from, message: `${name(from)} is empty here` }],
        fixes: moveFix(r, from, to, value),
      });
      reportEmptied(r, from, to, value);
    };
    /** Reports row r's empty cell of `from` as the place of `value`, found in `to`. */
    const reportEmptied = (r: number, from: number, to: number, value: string) => {
      if (once(r, from)) report({ row: r, columnIndex: from, evidence: { holder: data.columns[to].name }, message: `Column ${name(from)} is empty in this row; its value seems to be in ${name(to)} ("${value}").` });
    };
    /** The cells of row r shifted right from `to` on: `to`, and each next cell while it holds a value of the column before it. */
    const runFrom = (r: number, to: number): number[] => {
      const shifted = [to];
      for (let z = to + 1; z < columns; z++) {
        const next = cells.text(r, z);
        if (!next || !(((complete[z] || mergeable[z]) && belongs(next, column(z - 1), column(z))) || byValue(r, z - 1, z))) break;
        shifted.push(z);
      }
      return shifted;
    };
    /** Reports row r's `shifted` cells: the first, `text` in `to`, its empty neighbour `from`'s; each next one the column before it's. */
    const reportShifted = (r: number, from: number, to: number, text: string, shifted: readonly number[]) => {
      for (const c of shifted) {
        if (!once(r, c)) continue;
        const home = c === to ? from : c - 1;
        const value = c === to ? text : (cells.text(r, c) ?? '');
        const fix = shifted.length === 1 ? moveFix(r, home, c, value) : undefined;
        // How well the value fits each column: the share of its very value where that decided, else of its pattern.
        const asValue = byValue(r, home, c);
        const [there, here] = asValue ? valueShares(r, wordsIn(home), wordsIn(c)) : [fitOf(column(home), value), usualHere(column(c), value)];
        const how = asValue ? [`are "${value}"`, ` other values`] : ['share its pattern', ''];
        report({
          row: r,
          columnIndex: c,
          value,
          evidence: { neighbour: data.columns[home].name, neighbourEmpty: home === from, fitsNeighbour: Number(there.toFixed(4)), fitsOwn: Number(here.toFixed(4)), by: asValue ? 'value' : 'pattern' },
          message:
            `"${value}" in column ${name(c)} looks like a value of ${name(home)} (${percent(there)} of its values ${how[0]}, ` +
            `${(100 * here).toFixed(1)}% of ${name(c)}'s${how[1]})${home === from ? `, and ${name(home)} is empty in this row` : ''}: the row seems shifted.`,
          related: [{ row: r, columnIndex: home, message: home === from ? `${name(home)} is empty here` : `${name(home)} holds "${cells.text(r, home) ?? ''}"` }],
          fixes: fix,
        });
      }
      reportEmptied(r, from, to, text);
    };
    // Numbers of columns whose values repeat: a value one of the empty neighbour's frequent values and ten times
    // rarer in its own column was shifted, whatever the two columns' shapes. Per pair (from, to): null where it
    // does not apply (a column with gaps, not numbers, an ordered pair: columns of one quantity that keep an
    // order, min ≤ max, are told by their orders; or no value of from is frequent), else to's numbers and the
    // verdict of each of from's frequent values (the only ones that can be told so), decided up front.
    const numberPairs: ({ values: Float64Array; verdicts: Map<number, boolean> } | null | undefined)[] = [];
    const numberPair = (from: number, to: number) => {
      const key = from * columns + to;
      let pair = numberPairs[key];
      if (pair === undefined) {
        const applies = complete[from] && isNumeric(data.columns[from]) && isNumeric(data.columns[to]) && !orderOf(Math.min(from, to), Math.max(from, to));
        const frequent = applies ? frequentNumbers(sortedRuns(data, from)) : [];
        pair = numberPairs[key] = frequent.length ? { values: numericColumn(data, to), verdicts: new Map(frequent.map((v) => [v, numberBelongs(v, sortedColumn(data, from), sortedColumn(data, to))])) } : null;
      }
      return pair;
    };
    const numberOfNeighbour = (r: number, from: number, to: number): boolean => {
      const pair = numberPair(from, to);
      return pair !== null && !cells.masks[to][r] && pair.verdicts.get(pair.values[r]) === true;
    };
    /** Reports row r's number in `to` as a value of its empty neighbour `from` (see {@link numberBelongs}). */
    const reportByNumber = (r: number, from: number, to: number) => {
      if (!once(r, to)) return;
      const value = cells.text(r, to) ?? '';
      const [there, here] = numberShares(numericColumn(data, to)[r], sortedColumn(data, from), sortedColumn(data, to));
      report({
        row: r,
        columnIndex: to,
        value,
        evidence: { neighbour: data.columns[from].name, neighbourEmpty: true, fitsNeighbour: Number(there.toFixed(4)), fitsOwn: Number(here.toFixed(4)), by: 'value' },
        message: `"${value}" in column ${name(to)} looks like a value of ${name(from)} (${percent(there)} of its values are ${value}, ${(100 * here).toFixed(1)}% of ${name(to)}'s other values are within ${100 * NEAR}% of it), and ${name(from)} is empty in this row: the row seems shifted.`,
        related: [{ row: r, columnIndex: from, message: `${name(from)} is empty here` }],
        fixes: moveFix(r, from, to, value),
      });
      reportEmptied(r, from, to, value);
      // A shift to the right may go on along the row (the count that was there in the share's column).
      if (to > from) {
        const run = runFrom(r, to);
        if (run.length > 1) reportShifted(r, from, to, value, run);
      }
    };
    // Two columns of free words (names and cities) share too many shapes for a value to tell where it belongs:
    // one of them must be categories or numbers, or their shapes clearly apart (decided per pair x, x + 1 when first needed).
    const comparable = new Map<number, boolean>();
    const apartFrom = (x: number) => {
      let found = comparable.get(x);
      if (found === undefined) {
        const shared = overlap(column(x).profile, column(x + 1).profile);
        comparable.set(x, (found = !(shared > 0.5 || (shared > 0.1 && !distinctive(column(x)) && !distinctive(column(x + 1))))));
      }
      return found;
    };
    /**
     * Whether the loop below passes over row `r` of pair x, x + 1 without a finding, when `to` holds the value and
     * neither a value of the neighbour nor an order can speak: its value is ordinary in its column, or the two
     * columns look alike, or the value's shape is not rare in its column. (One function for every pair: the
     * kernel calling it always calls the same one.)
     */
    const usualText = (r: number, to: number) => {
      const text = cells.text(r, to);
      return !text || usualHere(column(to), text) >= FOREIGN;
    };
    // A number, date or boolean is written from its value (textsOf): its verdict is kept per value.
    const usualByValue = data.columns.map((c) => (isNumeric(c) || TEMPORAL_KINDS.includes(c.kind) || c.kind === 'boolean' ? new Map<number, boolean>() : undefined));
    const numbersOf: (Float64Array | undefined)[] = [];
    const passedOver = (r: number, x: number, to: number) => {
      if (numberOfNeighbour(r, to === x ? x + 1 : x, to)) return false;
      if (ordinary(r, to) || !apartFrom(x)) return true;
      const verdicts = usualByValue[to];
      if (!verdicts || cells.masks[to][r]) return usualText(r, to);
      const v = (numbersOf[to] ??= numericColumn(data, to))[r];
      let usualValue = verdicts.get(v);
      if (usualValue === undefined) verdicts.set(v, (usualValue = usualText(r, to)));
      return usualValue;
    };
    for (let x = 0; x + 1 < columns; x++) {
      const y = x + 1;
      const ordered = orderOf(x, y);
      // A column otherwise filled makes its empty cell evidence. Where it often has gaps, only a value's own
      // evidence counts (checked below): one of its frequent values in the neighbour, or a merge of the two
      // columns' categories; its empty cells are looked at only when that can be.
      let both: boolean | undefined;
      const categoriesBoth = () => (both ??= words[x] && words[y] && column(x).categories !== undefined && column(y).categories !== undefined);
      // Whether a value can be told by itself (decided once per pair): one of the other column's frequent
      // values, or a merge of a frequent value of each.
      const valueInY = valuesCan(x, y);
      const valueInX = valuesCan(y, x);
      const canMerge = valueInX && valueInY;
      // Two columns of words whose values repeat: a merge of two known values (too few rows to be frequent) can still tell itself.
      const knownMerge = words[x] && words[y] && repeats(x) && repeats(y);
      // Or a known value of the other column, where this one is a category column.
      const [knownInY, knownInX] = [knownCan(x, y), knownCan(y, x)];
      /** Whether row r's value in `to` is a value of the empty neighbour `from` by its very value. */
      const valueInNeighbour = (r: number, from: number, to: number) =>
        ((from === x ? valueInY : valueInX) && belongsByValue(r, wordsIn(from), wordsIn(to))) ||
        ((from === x ? knownInY : knownInX) && inNeighbourByKnown(r, from, to)) ||
        (knownMerge && (complete[from] || mergeable[from]) && movedBesideEmpty(r, wordsIn(from), wordsIn(to), emptyBeside(to, from), emptyBeside(from, to), textIds(from)));
      /** Row r's value in `to` split into values of x and y, where the columns' values can tell a merge. */
      const joinedValue = (r: number, from: number, to: number) =>
        (canMerge ? splitByValue(r, wordsIn(to), wordsIn(x), wordsIn(y)) : undefined) ??
        (knownMerge && (complete[from] || mergeable[from]) ? (splitByKnown(r, wordsIn(to), wordsIn(x), wordsIn(y)) ?? splitBesideEmpty(r, wordsIn(to), wordsIn(x), wordsIn(y), to === x, emptyBeside(to, from), textIds(to))) : undefined);
      const looked = (c: number) => complete[c] || mergeable[c] || (words[x] && words[y] && (wordsIn(c).frequent.size > 0 || categoriesBoth()));
      if (!looked(x) && !looked(y)) continue;
      if (data.columns[x].kind === 'empty' || data.columns[y].kind === 'empty') continue;
      const apart = () => apartFrom(x);
      // Rows where exactly one of the two cells is empty, in a column that is otherwise filled: among the rows
      // whose cell is null in x or in y (a few per cent of the rows), in order.
      const [lookX, lookY] = [looked(x), looked(y)];
      const nullsX = lookX ? nullRows(data, x) : NO_ROWS;
      const nullsY = lookY ? nullRows(data, y) : NO_ROWS;
      const encoded = new Int32Array(nullsX.length + nullsY.length);
      const n = oneEmptyRows(nullsX, nullsY, cells.masks[x], cells.masks[y], cells.exceptions[x], cells.exceptions[y], lookX ? 1 : 0, lookY ? 1 : 0, encoded);
      // The rows the loop below would pass over without a finding (most of them: plain gaps next to an ordinary
      // value) are ruled out first, by small tests V8 optimizes early, so the loop (part of this large function)
      // runs for a few rows only. Only where neither a value of the neighbour (two columns of words) nor an order
      // (numbers) can speak: then a row is passed over when its value is ordinary in its column (or only the
      // value itself could tell, and the column emptied often has gaps), or the two columns look alike.
      const skipWhenEmpty = (from: number, byValue: boolean): Skip => (byValue || ordered || (knownMerge && (complete[from] || mergeable[from])) ? Skip.Never : !complete[from] && !mergeable[from] && !categoriesBoth() ? Skip.Always : Skip.WhenOrdinary);
      const [whenXEmpty, whenYEmpty] = [skipWhenEmpty(x, valueInY || knownInY), skipWhenEmpty(y, valueInX || knownInX)];
      let candidates = notSkipped(encoded, n, x, whenXEmpty, whenYEmpty, passedOver);
      // Where the value itself may tell (two columns of words) and the emptied column is otherwise filled, without an
      // order: the loop passes over a row when its value does not tell and passedOver says so, which for a text
      // column depends on the value alone. Each value is judged once, on its first row, and its rows are ruled out
      // together (a column of codes repeats its values down thousands of rows).
      for (const xEmpty of [1, 0]) {
        const [from, to] = xEmpty ? [x, y] : [y, x];
        if ((xEmpty ? whenXEmpty : whenYEmpty) !== Skip.Never || ordered || !(complete[from] || mergeable[from]) || !words[to]) continue;
        const ids = wordsIn(to).distinct.ids;
        const verdicts = new Uint8Array(wordsIn(to).distinct.size);
        const pending = new Int32Array(candidates.length);
        const count = pendingValues(candidates, candidates.length, xEmpty, ids, verdicts, pending, 0);
        for (let k = 0; k < count; k++) {
          const r = pending[k];
          const tells = valueInNeighbour(r, from, to) || joinedValue(r, from, to) !== undefined;
          verdicts[ids[r]] = !tells && passedOver(r, x, to) ? 1 : 2;
        }
        candidates = candidates.subarray(0, withoutPassedValues(candidates, candidates.length, xEmpty, ids, verdicts));
      }
      for (let i = 0; i < candidates.length; i++) {
        const e = candidates[i];
        const r = e >= 0 ? e : ~e;
        const xEmpty = e >= 0;
        const from = xEmpty ? x : y;
        const to = xEmpty ? y : x;
        // A value of the neighbour by its very value (two columns of words), else by its pattern: an ordinary
        // value of its own column is neither shifted nor merged (the common case: a plain gap).
        const valueOfNeighbour = valueInNeighbour(r, from, to);
        let joined = valueOfNeighbour ? undefined : joinedValue(r, from, to);
        if (!complete[from] && !valueOfNeighbour && !joined) {
          // The neighbour often has gaps: a merged value that tells itself apart, rare in its column, counts.
          const whole = mergeable[from] ? cells.text(r, to) : undefined;
          if (whole && usualHere(column(to), whole) < FOREIGN) joined = mergedApart(whole, column(to), column(from), to === x);
          if (!joined && !categoriesBoth()) continue;
        }
        const byValues = valueOfNeighbour || joined !== undefined;
        if (!byValues && numberOfNeighbour(r, from, to)) {
          reportByNumber(r, from, to);
          continue;
        }
        if (!byValues && (ordinary(r, to) || !apart())) {
          reportByOrder(ordered, r, from, to);
          continue;
        }
        const text = cells.text(r, to);
        if (!text || (!byValues && usualHere(column(to), text) >= FOREIGN)) {
          reportByOrder(ordered, r, from, to);
          continue;
        }
        const emptied = (message: string) => {
          if (once(r, from)) report({ row: r, columnIndex: from, evidence: { holder: data.columns[to].name }, message });
        };
        const merged = valueOfNeighbour ? undefined : (joined ?? split(text, column(x), column(y)));
        if (!complete[from] && !valueOfNeighbour && !merged) continue;
        if (merged) {
          const [left, right] = merged;
          const mine = to === x ? left : right;
          const theirs = to === x ? right : left;
          if (!once(r, to)) continue;
          const fix: FindingFix[] | undefined = fixes
            ? [{ kind: 'replace', title: `Split "${text}" into ${name(x)} and ${name(y)}`, range: span(data, r, x, y), newText: `${csvField(left, delimiter)}${delimiter}${csvField(right, delimiter)}` }]
            : undefined;
          report({
            row: r,
            columnIndex: to,
            value: text,
            evidence: { neighbour: data.columns[from].name, neighbourEmpty: true, ownPart: mine, neighbourPart: theirs },
            message: `"${text}" in column ${name(to)} holds a value of ${name(to)} ("${mine}") and one of ${name(from)} ("${theirs}"), and ${name(from)} is empty in this row: two fields seem merged.`,
            related: [{ row: r, columnIndex: from, message: `${name(from)} is empty here` }],
            fixes: fix,
          });
          emptied(`Column ${name(from)} is empty in this row; its value seems merged into ${name(to)} ("${text}").`);
          continue;
        }
        if (!valueOfNeighbour && !belongs(text, column(from), column(to))) {
          reportByOrder(ordered, r, from, to);
          continue;
        }
        // Shifted: the value belongs to the empty neighbour. A shift to the right may go on along the row.
        reportShifted(r, from, to, text, to === y ? runFrom(r, to) : [to]);
      }
    }
    // A run shifted right whose first value would fit either column (a home team moved into the away team's column
    // beside its emptied cell): the next cell tells it, holding a value of the column before it, foreign to its own
    // (the away team in the home score's column).
    // Only where that is the question: the first two columns look alike, or the first value is an ordinary one of its
    // column (an airport's name among the city names: else it tells by itself; and writing the text of a column's
    // values beside each of its gaps costs a large table's check 6% more). Where the two columns are apart, a run
    // through a column of words that seldom repeat (codes, names, free text: a verdict per value) is not read.
    for (let x = 0; x + 2 < columns; x++) {
      const [y, z] = [x + 1, x + 2];
      if (!complete[x] || !complete[z]) continue;
      const apart = apartFrom(x);
      if (apart && ((words[z] && !repeats(z)) || (words[y] && !repeats(y)))) continue;
      for (const r of nullRows(data, x)) {
        // (The second cell an ordinary value of its own column, the common case, ends it before any text is written.)
        if (!cells.empty(r, x) || ordinary(r, z) || (apart && !ordinary(r, y)) || reported.has(r * columns + y) || reported.has(r * columns + z)) continue;
        const first = cells.text(r, y);
        if (!first || !fitsColumn(column(x), first)) continue;
        // The run goes on to the second cell only where that holds a value of the first's column.
        const run = runFrom(r, y);
        if (run.length > 1) reportShifted(r, x, y, first, run);
      }
    }
    // Two neighbouring columns of words, their shapes apart: a row whose two values each belong to the other column
    // ("WA" in city, "Seattle" in state; both columns' values repeat) holds them swapped, and so does a row where
    // one value belongs to the other column and the other is new to its own column of repeated values ("MI" in a
    // column of towns named once each, "Vanderbilt" in the state column).
    for (let x = 0; x + 1 < columns; x++) {
      const y = x + 1;
      if (!words[x] || !words[y] || !readByValue(x) || !readByValue(y) || !(repeats(x) || repeats(y)) || !apartFrom(x)) continue;
      const [bothRepeat, xRepeats, yRepeats] = [repeats(x) && repeats(y), repeats(x), repeats(y)];
      // Per value id, where both columns repeat; else a value is weighed only in a row where the other column's
      // value is in no other row of it (a column of values held once each is not read value by value).
      const [wordsX, wordsY] = [wordsIn(x), wordsIn(y)];
      const [inY, inX] = bothRepeat ? [belongingIds(wordsX, wordsY), belongingIds(wordsY, wordsX)] : [undefined, undefined];
      if (bothRepeat && !inY && !inX) continue;
      const xInY = (id: number) => (bothRepeat ? inY?.[id] === 1 : belongsByKnownValue(wordsX, wordsY, id));
      const yInX = (id: number) => (bothRepeat ? inX?.[id] === 1 : belongsByKnownValue(wordsY, wordsX, id));
      const [idsX, idsY] = [wordsX.distinct.ids, wordsY.distinct.ids];
      const [countsX, countsY] = [wordsX.distinct.counts, wordsY.distinct.counts];
      for (let r = 0; r < rows; r++) {
        const [idX, idY] = [idsX[r], idsY[r]];
        if (idX < 0 || idY < 0 || reported.has(r * columns + x) || reported.has(r * columns + y)) continue;
        const each = bothRepeat && inY?.[idX] === 1 && inX?.[idY] === 1;
        const xOneSided = !each && yRepeats && countsY[idY] === 1 && xInY(idX);
        const yOneSided = !each && !xOneSided && xRepeats && countsX[idX] === 1 && yInX(idY);
        if (!each && !xOneSided && !yOneSided) continue;
        const xThere = each || xOneSided;
        const [vx, vy] = [wordsX.distinct.text(idX), wordsY.distinct.text(idY)];
        // The value that belongs to the other column, and the one new to its own (one-sided swaps).
        const [known, knownIn, fresh, freshIn] = xThere ? [vx, y, vy, y] : [vy, x, vx, x];
        const [knownShare] = xThere ? valueShares(r, wordsY, wordsX) : valueShares(r, wordsX, wordsY);
        reportSwap(r, x, y, vx, vy, (c, other, value, theirs) => {
          const [there] = valueShares(r, wordsIn(other), wordsIn(c));
          return {
            evidence: { fitsNeighbour: Number(there.toFixed(4)), by: 'value' },
            message: each
              ? `"${value}" in column ${name(c)} and "${theirs}" in ${name(other)} look swapped: each is a value of the other column (${percent(there)} of ${name(other)}'s values are "${value}"), rare in its own.`
              : `"${value}" in column ${name(c)} and "${theirs}" in ${name(other)} look swapped: "${known}" is a value of ${name(knownIn)} (${percent(knownShare)} of its values), rare in ${name(knownIn === x ? y : x)}, and "${fresh}" is in no other row of ${name(freshIn)}.`,
          };
        });
      }
    }
    patternSwaps({ data, cells, words, column, wordsIn, readByValue, ordinary, rangeOf, apartFrom, reported, name, reportSwap });
    // Two neighbouring numeric columns that keep an order on nearly every row (low ≤ high): a row where each value
    // breaks an order with a third column, and every order of the two holds with the values exchanged, holds them swapped.
    for (let x = 0; x + 1 < columns; x++) {
      const y = x + 1;
      const pair = orderOf(x, y);
      if (!pair || !orders) continue;
      const fit = orders;
      const [valuesX, valuesY] = [numericColumn(data, x), numericColumn(data, y)];
      const keepsPair = (vx: number, vy: number) => (pair.low === x ? vx <= vy : vy <= vx);
      if (!keptOnNearlyEveryRow(valuesX, valuesY, farOutFences(data, x), farOutFences(data, y), keepsPair)) continue;
      for (let r = 0; r < rows; r++) {
        const [vx, vy] = [valuesX[r], valuesY[r]];
        // A swap breaks the pair's own order (the values differ), and exchanged they keep it: only such rows are weighed.
        if (!(Number.isFinite(vx) && Number.isFinite(vy)) || keepsPair(vx, vy) || reported.has(r * columns + x) || reported.has(r * columns + y)) continue;
        // Each value breaks an order with the row's other columns (one wrong value breaks the pair's own order,
        // and those of its own cell only), and each is an ordinary one of the column it would move to.
        const [asX, asY] = [fit.fit(x, r, vx, [y]), fit.fit(y, r, vy, [x])];
        if (asX.broken === 0 || asY.broken === 0) continue;
        const [swappedX, swappedY] = [fit.fit(x, r, vy, [y]), fit.fit(y, r, vx, [x])];
        if (swappedX.broken + swappedY.broken > 0 || swappedX.kept + swappedY.kept === 0) continue;
        if (!ordinaryIn(data, x, vy) || !ordinaryIn(data, y, vx)) continue;
        const [low, high] = [name(pair.low), name(pair.high)];
        reportSwap(r, x, y, cells.text(r, x) ?? '', cells.text(r, y) ?? '', (c, other, value, theirs) => ({
          evidence: { by: 'order' },
          message: `"${value}" in column ${name(c)} and "${theirs}" in ${name(other)} look swapped: the table keeps ${low} ≤ ${high} on nearly every row, and this row keeps every order of the two columns only with their values exchanged.`,
        }));
      }
    }
    // A row shifted by a field with no gap where the shift starts (a name holding an unquoted comma split in two, the
    // row's last field dropped): a stretch of its cells each fitting the column before it (or, shifted left, after it),
    // MIN_RUN_BELONGING of them or more and a third of the stretch belonging there (rare in their own column, far
    // likelier in the neighbour's), holds the row's values one column along — its cells that fit either column too
    // (a FICA tax in the retirement column) are as shifted. Only rows with two cells reported already are read.
    const reportedPerRow = new Map<number, number>();
    for (const key of reported) reportedPerRow.set(Math.floor(key / columns), (reportedPerRow.get(Math.floor(key / columns)) ?? 0) + 1);
    for (const [r, count] of reportedPerRow) {
      if (count < 2) continue;
      for (const step of [1, -1]) {
        // Cell z holds the value of column z − step: its value fits there (an empty cell goes on beside a column with gaps).
        const fits = (z: number) => {
          const text = cells.text(r, z);
          return text ? fitsColumn(column(z - step), text) : !complete[z - step];
        };
        const belongsThere = (z: number) => {
          const text = cells.text(r, z);
          return text !== undefined && text !== '' && belongs(text, column(z - step), column(z));
        };
        const [first, last] = step === 1 ? [1, columns - 1] : [0, columns - 2];
        for (let z = first; z <= last; ) {
          if (!fits(z)) {
            z++;
            continue;
          }
          let end = z;
          while (end + 1 <= last && fits(end + 1)) end++;
          const stretch = Array.from({ length: end - z + 1 }, (_, k) => z + k);
          const belonging = stretch.filter(belongsThere).length;
          if (belonging >= MIN_RUN_BELONGING && 3 * belonging >= stretch.length) {
            for (const c of stretch) {
              const value = cells.text(r, c);
              if (!value || !once(r, c)) continue;
              const home = c - step;
              report({
                row: r,
                columnIndex: c,
                value,
                evidence: { neighbour: data.columns[home].name, neighbourEmpty: false, by: 'run', runFrom: data.columns[stretch[0]].name, runTo: data.columns[end].name, belonging },
                message: `"${value}" in column ${name(c)} fits ${name(home)}, as the row's values from ${name(stretch[0])} to ${name(end)} each fit the column ${step === 1 ? 'before' : 'after'} theirs, ${belonging} of them rare in their own: the row seems shifted by a field.`,
                related: [{ row: r, columnIndex: home, message: `${name(home)} holds "${cells.text(r, home) ?? ''}"` }],
              });
            }
          }
          z = end + 1;
        }
      }
    }
  },
});

