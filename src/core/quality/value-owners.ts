/**
 * What another column says of the rows holding some values of a numeric column (outlier's tail tests, zero-as-missing):
 * whether those rows share one of its values beyond chance (a population of its own), gather in few of its values, or
 * are its values' own (a drug's strength, a violation code's points): a level of the table, not errors in rows picked
 * at random.
 */
import type { IngestResult } from '../table/model';
import { TEXT_KINDS, distinctValues, memo, valueCodes } from './column-values';

/**
 * Whether `says` holds, for some column other than `c` (of two values or more), of its value ids and the rows of
 * column `c` holding one of the values `held`.
 */
function anotherColumnSays(data: IngestResult, c: number, values: Float64Array, held: readonly number[], says: (ids: Int32Array, size: number, rows: readonly number[]) => boolean): boolean {
  const wanted = new Set(held);
  const rows: number[] = [];
  for (let r = 0; r < values.length; r++) if (wanted.has(values[r])) rows.push(r);
  for (let other = 0; other < data.columns.length; other++) {
    if (other === c) continue;
    const { ids, size } = valueCodes(data, other);
    if (size >= 2 && says(ids, size, rows)) return true;
  }
  return false;
}

/** Share of a heap's rows another column's value must hold, and how many times its share elsewhere, to explain the heap. */
const EXPLAINING_SHARE = 0.5;
const EXPLAINING_LIFT = 5;

/** Of `rows`, how many hold each id of `ids` (nulls left out), how many hold one, and the most common id with its rows (−1 and 0 for none). */
export function idTally(ids: Int32Array, rows: readonly number[]): { counts: Map<number, number>; present: number; top: number; topCount: number } {
  const counts = new Map<number, number>();
  let present = 0;
  for (const r of rows) {
    if (ids[r] < 0) continue;
    present++;
    counts.set(ids[r], (counts.get(ids[r]) ?? 0) + 1);
  }
  let [top, topCount] = [-1, 0];
  for (const [id, count] of counts) if (count > topCount) [top, topCount] = [id, count];
  return { counts, present, top, topCount };
}

/**
 * Whether the rows of column `c` holding one of the values `held` mostly share another column's value that the column's other rows
 * seldom hold (EXPLAINING_SHARE of them, EXPLAINING_LIFT times its share in the column): a population of its own
 * (a territory's places geocoded to one point share their state), not rows an error picked at random.
 */
export function sharedByRows(data: IngestResult, c: number, values: Float64Array, held: readonly number[]): boolean {
  return anotherColumnSays(data, c, values, held, (ids, _, rows) => {
    const { present, top, topCount } = idTally(ids, rows);
    if (present === 0) return false;
    if (topCount < EXPLAINING_SHARE * present || topCount < 3) return false;
    let inColumn = 0;
    let presentInColumn = 0;
    for (let r = 0; r < ids.length; r++) {
      if (ids[r] < 0) continue;
      presentInColumn++;
      if (ids[r] === top) inColumn++;
    }
    return topCount / present >= EXPLAINING_LIFT * (inColumn / presentInColumn);
  });
}

/** Share of its rows in which another column's value holds a value for the value to be that value's own. */
const OWNED_SHARE = 0.5;
/**
 * Share of all the rows holding the values that must be in the values owning them (where the other column is empty,
 * a row is in none): a level of the table is its owners' nearly everywhere. 80 hours of overtime in 5 stubs, 3 of
 * them shifted rows whose note holds the payment method, is no level that note owns.
 */
const OWNED_ROWS_SHARE = 0.8;
/** Rows holding the values that one value of the other column needs to own them. */
const OWNED_MIN_GROUP_ROWS = 3;

/**
 * Whether the values `held` are another column's values' own: nearly all their rows (OWNED_ROWS_SHARE, counting rows
 * where that column is empty) are in values of it (three rows each at least) most of whose rows (OWNED_SHARE) hold one of them — a drug's strength of 10,000 mg where
 * the other drugs' lie below 1,000; 10 points, which three violation codes carry — a level of the table, not an error
 * in rows picked at random (nor a placeholder one source wrote into some of its rows: that source's other rows hold
 * other values).
 */
export function ownedByValue(data: IngestResult, c: number, values: Float64Array, held: readonly number[]): boolean {
  return anotherColumnSays(data, c, values, held, (ids, size, rows) => {
    const counts = new Int32Array(size);
    let present = 0;
    for (const r of rows) {
      if (ids[r] < 0) continue;
      present++;
      counts[ids[r]]++;
    }
    if (present < OWNED_MIN_GROUP_ROWS) return false;
    const inGroup = new Int32Array(size);
    for (let r = 0; r < ids.length; r++) if (ids[r] >= 0 && counts[ids[r]] > 0) inGroup[ids[r]]++;
    // The rows of the values that own the numbers: several codes may each carry the same points (10 for three codes).
    let owned = 0;
    for (let id = 0; id < size; id++) if (counts[id] >= OWNED_MIN_GROUP_ROWS && counts[id] >= OWNED_SHARE * inGroup[id]) owned += counts[id];
    return owned >= OWNED_ROWS_SHARE * rows.length;
  });
}

/**
 * Whether the rows of column `c` holding one of `held` are all the rows of one value of another column that hold a
 * number in `c`, and no other rows: LPG's six prices around 110 among petrol's from 170 — every row of that fuel and
 * only those — are a population of the table's own, however few; an error's rows fall in values whose other rows are
 * ordinary.
 */
export function aloneInValue(data: IngestResult, c: number, values: Float64Array, held: readonly number[]): boolean {
  return anotherColumnSays(data, c, values, held, (ids, _, rows) => {
    if (rows.length === 0) return false;
    const own = ids[rows[0]];
    if (own < 0 || rows.some((r) => ids[r] !== own)) return false;
    let holding = 0;
    for (let r = 0; r < ids.length; r++) if (ids[r] === own && !Number.isNaN(values[r])) holding++;
    return holding === rows.length;
  });
}

/** Part of the distinct values random rows would hold in another column below which a block's rows hold few of them. */
const CONCENTRATED_PART = 0.5;
/** Distinct values random rows would hold in a column before the column can say the rows share something. */
const MIN_EXPECTED_DISTINCT = 3;

/**
 * Whether the rows of column `c` holding one of `held` gather in few values of another column: fewer than
 * CONCENTRATED_PART of the distinct values as many rows drawn at random would hold there (Σ over its values of
 * 1 − (1 − share)^rows; at least MIN_EXPECTED_DISTINCT of them). Southern places' latitudes come from three states
 * where random rows would come from twenty: a population of its own, not rows a unit mix-up picked at random.
 */
export function concentratedRows(data: IngestResult, c: number, values: Float64Array, held: readonly number[]): boolean {
  return anotherColumnSays(data, c, values, held, (ids, size, rows) => {
    const inRows = new Set<number>();
    let present = 0;
    for (const r of rows) {
      if (ids[r] < 0) continue;
      present++;
      inRows.add(ids[r]);
    }
    if (present === 0) return false;
    const counts = new Int32Array(size);
    let total = 0;
    for (let r = 0; r < ids.length; r++) {
      if (ids[r] < 0) continue;
      counts[ids[r]]++;
      total++;
    }
    let expected = 0;
    for (const count of counts) expected += 1 - (1 - count / total) ** present;
    return expected >= MIN_EXPECTED_DISTINCT && inRows.size < CONCENTRATED_PART * expected;
  });
}

/** Rows a value must hold, and the share of them and of the other column's value's rows each must hold, to be that value's own spelling. */
const OWN_SPELLING_ROWS = 3;
const OWN_SPELLING_SHARE = 0.9;

/** Rows per value id of a column (memoized per table). */
export function rowsPerValue(data: IngestResult, column: number): Int32Array {
  return memo(data, `rows-per-value:${column}`, () => {
    const { ids, size } = valueCodes(data, column);
    const counts = new Int32Array(size);
    for (let r = 0; r < ids.length; r++) if (ids[r] >= 0) counts[ids[r]]++;
    return counts;
  });
}

/** The distinct texts of a text column (memoized per table). */
function textsOf(data: IngestResult, column: number): Set<string> {
  return memo(data, `texts:${column}`, () => {
    const distinct = distinctValues(data, column);
    const texts = new Set<string>();
    for (let id = 0; id < distinct.size; id++) texts.add(distinct.text(id));
    return texts;
  });
}

/**
 * Whether the rows holding one value of column `c` (`rows`, OWN_SPELLING_ROWS at least) are the rows of one value of
 * another column, nearly both ways (OWN_SPELLING_SHARE of each): an entity's own way of writing it — a dentist's
 * licence "DDS038287" among "MD022718", a combined strength "24-26 mg" of the one drug that has it — not a slip in
 * rows picked at random, whose entity's other rows write the value as the column does. Not where either value is one
 * the other column writes: a currency "GBP" in the country column beside "GB" in the currency column is a swap of
 * the two cells, whose rows hold the pair alone.
 */
export function ownSpelling(data: IngestResult, c: number, rows: readonly number[]): boolean {
  if (rows.length < OWN_SPELLING_ROWS) return false;
  const ownText = TEXT_KINDS.includes(data.columns[c].kind) ? distinctValues(data, c).text(distinctValues(data, c).ids[rows[0]]) : undefined;
  for (let other = 0; other < data.columns.length; other++) {
    if (other === c) continue;
    const { ids, size } = valueCodes(data, other);
    // (A column of two values, a flag, says nothing of an entity; one of a value per row cannot hold a value's rows.)
    if (size < 3 || size >= ids.length) continue;
    const tally = new Map<number, number>();
    for (const r of rows) if (ids[r] >= 0) tally.set(ids[r], (tally.get(ids[r]) ?? 0) + 1);
    let [top, topRows] = [-1, 0];
    for (const [id, n] of tally) if (n > topRows) [top, topRows] = [id, n];
    if (top < 0 || topRows < OWN_SPELLING_SHARE * rows.length || topRows < OWN_SPELLING_SHARE * rowsPerValue(data, other)[top]) continue;
    const swapped = ownText !== undefined && TEXT_KINDS.includes(data.columns[other].kind) && (textsOf(data, other).has(ownText) || textsOf(data, c).has(distinctValues(data, other).text(top)));
    if (!swapped) return true;
  }
  return false;
}

/**
 * Whether each row of column `c` holding one of `held` lies next to another such row in the file (the row before or
 * after it): runs of neighbouring rows, as an episode writes them (a trip's stops one after another), where an error
 * picks rows at random.
 */
export function neighbouringRows(values: Float64Array, held: readonly number[]): boolean {
  const wanted = new Set(held);
  const holds = (r: number) => r >= 0 && r < values.length && wanted.has(values[r]);
  for (let r = 0; r < values.length; r++) if (holds(r) && !holds(r - 1) && !holds(r + 1)) return false;
  return true;
}
