import { defineRule, type RuleOptions } from '../rule';
import { TEMPORAL_KINDS, TEXT_KINDS, distinctValues, isNumeric, looksLikeIdentifier, nullCount, nullMask, numericColumn, sortedColumn, sortedRuns } from '../column-values';
import type { IngestResult } from '../../table/model';
import { cellText, isFreeText } from '../dependencies';
import { namesRowIdentity } from '../../shared/identifier';
import { chanceRepeats } from '../chance-repeats';
import { poissonAtMost } from '../key-pairs';
import { CONTAINED_DEFAULTS, containedPairs, textsHoldingNone, type ContainedPair } from '../contained-texts';

/** When a column counts as a key: see the docs below. */
export type KeyOptions = { uniqueShare: number; namedKeyShare: number; minRows: number };

/** The rule's options from untyped settings (the batched check reads them outside the rule). */
export function keyOptions(options: RuleOptions): KeyOptions {
  return { uniqueShare: Number(options.uniqueShare), namedKeyShare: Number(options.namedKeyShare), minRows: Number(options.minRows) };
}

/** The message of a repeated key (rows numbered from 1 in the file): shared with the batched check. */
export const duplicateKeyMessage = (key: string, column: string, firstRowNumber: number) => `Key "${key}" in column "${column}" already appears in row ${firstRowNumber}.`;

/** The message of a repeated text its own row contradicts (it holds none of the row's `values`), where its other occurrence's row holds them. */
const copiedKeyMessage = (key: string, column: string, otherRowNumber: number, values: string[]) =>
  `Key "${key}" in column "${column}" also appears in row ${otherRowNumber}, whose values it holds; here it holds neither ${values.join(' nor ')} of its row, as the column's texts do: a copy of another row's key.`;

/** The message of a repeated date that is out of its series' order, where its other occurrence is in order. */
const misplacedKeyMessage = (key: string, column: string, otherRowNumber: number) =>
  `Key "${key}" in column "${column}" also appears in row ${otherRowNumber}, where it is in the column's time order; here it is not.`;

/** Share of a date column's steps from one value to the next that go one way for the column to be a series in time order. */
const ORDERED_STEPS = 0.9;

/**
 * For a date or time column whose values follow one another in time order (ORDERED_STEPS of its steps up, or
 * down), whether a row's value lies between those of the rows with values before and after it; undefined for
 * a column in no order.
 */
function inSeriesOrder(values: Float64Array, mask: Uint8Array): ((row: number) => boolean) | undefined {
  let [up, down, previous] = [0, 0, NaN];
  for (let r = 0; r < values.length; r++) {
    if (mask[r]) continue;
    if (values[r] > previous) up++;
    else if (values[r] < previous) down++;
    previous = values[r];
  }
  const sign = up >= ORDERED_STEPS * (up + down) ? 1 : down >= ORDERED_STEPS * (up + down) ? -1 : 0;
  if (sign === 0 || up + down === 0) return undefined;
  const neighbour = (r: number, step: 1 | -1) => {
    for (let k = r + step; k >= 0 && k < values.length; k += step) if (!mask[k]) return sign * values[k];
    return step === 1 ? Infinity : -Infinity;
  };
  return (r) => neighbour(r, -1) <= sign * values[r] && sign * values[r] <= neighbour(r, 1);
}

export const duplicateKey = defineRule({
  id: 'duplicate-key',
  title: 'Duplicate key',
  dimension: 'uniqueness',
  defaultSeverity: 'error',
  defaultOptions: { uniqueShare: 0.99, namedKeyShare: 0.9, minRows: 50 },
  description: 'A value repeats in a column that identifies rows (named like an id/key, or otherwise almost entirely unique).',
  docs: `An identifier that repeats means two records claim to be the same entity: a duplicated export, a
merge that multiplied rows, or an id reused by mistake. Joins on it multiply rows.

A column counts as a key when its name says so (\`id\`, \`*_id\`, \`key\`, \`uuid\`, …) and at least
\`namedKeyShare\` of its values are distinct (a name-like id that repeats more is a foreign key), or when
at least \`uniqueShare\` of its values are distinct (with at least \`minRows\` rows) and they are not free
text (mostly several words: notes and comments repeat naturally). A column whose values repeat about as
often as random values would (within 3× either way of chance, or a count that chance reaches at least 5% of the
time) is no key either, unless its name says it is the rows' identity (\`id\`, \`*_id\`, \`key\`, \`uuid\`): seven-digit
phone numbers among 200,000 people meet by chance. Chance is measured against the values the column could hold:
for whole numbers, the spacing of its own values around each (ids handed out in order are packed: they repeat far
less than chance); for text, every text of each value's shape (a digit one of 10, a letter one of 26).

A date or time column is a key the same way (a series of one row per day or month: a date written twice is one
period recorded twice), its values spaced in its smallest step (a day in a daily series, a second in a log written
to the second): a series is packed, while events at random times meet as chance says and are no key.

Rows copied whole are duplicate-row's findings and say nothing of whether a column identifies records: a packed
column (far fewer repeats than chance) that is unique among the other rows, and repeats there too, is a key
though the copies bring its distinct share below \`uniqueShare\` (a daily series with 3% of its rows copied and
some days entered twice with another reading). A measurement unique but for the copies (a sales figure, a price)
is no key, even where a record entered twice with another field repeats it: near-duplicate-row reports that. So, in
the test against chance, are repeats in rows that copy the value's first row in all but a quarter of the other
columns (four others at least): a trip sent again with its tip adjusted repeats its drop-off time, and drop-off
times that otherwise meet as chance says are no key.

A key repeated by one thing's records at two times is no duplicate: where each of the two rows holds its own value
of another key that numbers the rows (text or named as an identifier, filled in every row: a deed's instrument
number), they differ in every date both hold, and they agree
on half of their other columns or more — a parcel sold twice, its address, lot and year built alike. (An id reused for
another thing agrees on little; a record copied repeats the other key too; a record entered twice keeps its event's
dates, its entry time aside.)

The finding sits on the later occurrence and points at the first; in a date column in time order (90% of its
steps one way), on the occurrence that is out of order where the other is in order (a year typed wrong that
names a day the series already has), and in a text column whose texts hold their row's other values (an email
holds its person's first and last names, as contained-value learns from the table), on the occurrence whose row it
contradicts — holding none of two or more of them — where the other's row holds them: another person's email
copied into a row, though that row comes first.

**Fix**: remove the duplicate record, or give it its own id.`,
  check({ data, options, report, rowNumber }) {
    const rows = data.table.numRows;
    const keys = keyColumns(data, options);
    // The other keys that number the rows (a deed's instrument number beside a parcel's): text or named as an
    // identifier, filled in every row — not a measurement that happens to be unique.
    const identities = keys.length ? keyColumns(data, options, true).filter((k) => nullCount(data, k) === 0 && (TEXT_KINDS.includes(data.columns[k].kind) || looksLikeIdentifier(data.columns[k].name))) : [];
    for (const c of keys) {
      const column = data.columns[c];
      const reportAt = (r: number, other: number, key: string, message: string, otherMessage: string) =>
        report({ row: r, columnIndex: c, value: key, message, related: [{ row: other, columnIndex: c, message: otherMessage }] });
      const repeat = (r: number, seen: number, key: string) => {
        if (!recordedAgainLater(data, c, identities, r, seen)) reportAt(r, seen, key, duplicateKeyMessage(key, column.name, rowNumber(seen)), 'First occurrence');
      };
      if (column.kind === 'integer' || TEMPORAL_KINDS.includes(column.kind)) {
        const mask = nullMask(data, c);
        const values = numericColumn(data, c);
        const first = new Map<number, number>();
        // In a series in time order, of a date written twice the one out of order is the wrong one.
        const inPlace = TEMPORAL_KINDS.includes(column.kind) ? inSeriesOrder(values, mask) : undefined;
        for (let r = 0; r < rows; r++) {
          if (mask[r]) continue;
          const seen = first.get(values[r]);
          if (seen === undefined) first.set(values[r], r);
          else if (inPlace && inPlace(r) && !inPlace(seen)) {
            const key = cellText(data, seen, c);
            reportAt(seen, r, key, misplacedKeyMessage(key, column.name, rowNumber(r)), 'In order here');
          } else repeat(r, seen, column.kind === 'integer' ? String(values[r]) : cellText(data, r, c));
        }
      } else {
        const { ids, firstRows, text } = distinctValues(data, c);
        // Of a text written twice, the one its own row contradicts is the copy (another person's email): read where a key repeats.
        let contradicted: Map<number, ContainedPair[]> | undefined;
        const copied = new Set<number>();
        for (let r = 0; r < rows; r++) {
          const id = ids[r];
          if (id < 0 || firstRows[id] === r) continue;
          const seen = firstRows[id];
          contradicted ??= textsHoldingNone(containedPairs(data, CONTAINED_DEFAULTS).pairs).get(c) ?? new Map<number, ContainedPair[]>();
          const held = contradicted.get(seen);
          if (held && !contradicted.has(r) && !copied.has(id)) {
            copied.add(id);
            const values = held.map(({ b }) => `"${data.columns[b].name}" ("${cellText(data, seen, b)}")`);
            reportAt(seen, r, text(id), copiedKeyMessage(text(id), column.name, rowNumber(r), values), 'Its own row here');
          } else repeat(r, seen, text(id));
        }
      }
    }
  },
});

/** Share of the other columns (not dates, not the rows' own numbers) two records of one thing at two times agree on, at least. */
const SAME_THING_SHARE = 0.5;

/**
 * Whether rows r and `seen`, holding one key of column c, are one thing's records at two times, not a key repeated:
 * each holds its own value of another key that numbers the rows (`identities`: a deed's instrument number), the two
 * differ in every date both hold, and they agree on SAME_THING_SHARE of their other columns — a parcel sold twice, its
 * address, lot and year built alike. (An id reused for another thing agrees on little; a record copied repeats the
 * rows' own number too; a record entered twice keeps its event's dates.)
 */
function recordedAgainLater(data: IngestResult, c: number, identities: readonly number[], r: number, seen: number): boolean {
  if (!identities.some((k) => k !== c && cellText(data, r, k) !== cellText(data, seen, k))) return false;
  let [dates, datesDiffering, compared, agreeing] = [0, 0, 0, 0];
  data.columns.forEach((column, k) => {
    if (k === c || identities.includes(k)) return;
    const [a, b] = [cellText(data, r, k), cellText(data, seen, k)];
    if (TEMPORAL_KINDS.includes(column.kind)) {
      if (a === '' || b === '') return;
      dates++;
      if (a !== b) datesDiffering++;
      return;
    }
    compared++;
    if (a === b) agreeing++;
  });
  // Each record's dates are its own; a record entered twice keeps its event's dates (a booking's arrival and
  // cancellation), only the time it was entered differs.
  return dates > 0 && datesDiffering === dates && compared > 0 && agreeing >= SAME_THING_SHARE * compared;
}

/**
 * The columns the rule treats as keys (integer or text): named like an id with at least `namedKeyShare`
 * of distinct values, or with at least `minRows` rows and `uniqueShare` distinct values. Columns whose
 * values never repeat are left out (nothing to report). Decided from distinct and present counts only.
 */
export function keyColumns(data: IngestResult, options: KeyOptions, withoutRepeats = false): number[] {
  const rows = data.table.numRows;
  const keys: number[] = [];
  data.columns.forEach((column, c) => {
    const numeric = (isNumeric(column) && column.kind === 'integer') || TEMPORAL_KINDS.includes(column.kind);
    if (!numeric && !TEXT_KINDS.includes(column.kind)) return;
    const present = rows - nullCount(data, c);
    const distinct = numeric ? distinctNumbers(data, c) : distinctValues(data, c).size;
    if (distinct === present) {
      if (withoutRepeats && present > 0 && (looksLikeIdentifier(column.name) || present >= options.minRows)) keys.push(c);
      return; // no repeats
    }
    // A column named like an id that repeats a lot is a foreign key (customer_id in orders), not a key; free
    // text (notes, comments: words apart) is mostly unique but repeats naturally ("Fine.", "Left at door").
    const share = distinct / present;
    const unique = (records: number) => records >= options.minRows && distinct >= options.uniqueShare * records && (numeric || !isFreeText(distinctValues(data, c), present));
    let isKey = looksLikeIdentifier(column.name) ? share >= options.namedKeyShare : unique(present);
    let repeats = present - distinct;
    // The repeats chance would give (computed once, where a test needs them).
    let byChance: number | undefined;
    const chance = () => (byChance ??= chanceRepeats(data, c, present));
    // Whole rows copied (duplicate-row's) repeat every column: they say nothing of whether a column identifies
    // records. A column unique among the other rows, repeating there too, and packed as keys are (far fewer
    // repeats than chance: one row per day, ids handed out in order) is a key — a daily series with some days
    // entered twice beside rows copied whole. (A measurement's values meet more often than chance only where
    // records were copied: near-duplicate-row's.)
    if (!isKey && !looksLikeIdentifier(column.name) && share >= COPIES_MIN_SHARE) {
      const records = present - copiedRepeats(data, c, 0);
      if (records > distinct && records < present && unique(records) && records - distinct < chance() / CHANCE_FACTOR) {
        [isKey, repeats] = [true, records - distinct];
      }
    }
    // Nor are values that repeat as often as random values would (a phone number of seven digits among 200,000
    // people): the column only looks like a key, unless its name says it is the rows' identity. Repeats in rows that
    // copy the value's first row in all but a few columns (records sent twice) are left out: a trip's drop-off time
    // repeats where the trip was sent again, and as chance says elsewhere.
    if (isKey && (namesRowIdentity(column.name) || !repeatsAsByChance(repeats - copiedRepeats(data, c, NEAR_COPY_SHARE), chance()))) keys.push(c);
  });
  return keys;
}

/** Distinct share below which a column is not searched for copied rows (a column of categories is no key anyway). */
const COPIES_MIN_SHARE = 0.5;

/** Share of a row's other columns, at most, that may differ from another row's for it to be that record sent again, and how many other columns that needs. */
const NEAR_COPY_SHARE = 0.25;
const MIN_NEAR_COPY_COLUMNS = 4;

/**
 * How many of column `c`'s repeated values sit in rows that copy the row where the value first appears in every
 * column but `differing` of the others (a share of them, MIN_NEAR_COPY_COLUMNS at least): with 0, records copied
 * whole, which duplicate-row reports.
 */
function copiedRepeats(data: IngestResult, c: number, differing: number): number {
  const rows = data.table.numRows;
  const firstOf = firstRowsOf(data, c);
  const columns = data.columns.map((column, k): { ids: Int32Array } | { numbers: Float64Array; mask: Uint8Array } =>
    TEXT_KINDS.includes(column.kind) || column.kind === 'empty' || column.kind === 'other'
      ? { ids: distinctValues(data, k).ids }
      : { numbers: numericColumn(data, k), mask: nullMask(data, k) },
  );
  // Near copies are told by the other columns, enough of them (a table of one column copies every repeat).
  const others = differing > 0 ? columns.filter((_, k) => k !== c) : columns;
  if (differing > 0 && others.length < MIN_NEAR_COPY_COLUMNS) return 0;
  const allowed = Math.floor(differing * others.length);
  const same = (a: number, b: number) => {
    let differ = 0;
    for (const k of others) {
      const equal = 'ids' in k ? k.ids[a] === k.ids[b] : k.mask[a] === k.mask[b] && (k.mask[a] === 1 || Object.is(k.numbers[a], k.numbers[b]));
      if (!equal && ++differ > allowed) return false;
    }
    return true;
  };
  let copies = 0;
  for (let r = 0; r < rows; r++) {
    const first = firstOf(r);
    if (first >= 0 && first !== r && same(first, r)) copies++;
  }
  return copies;
}

/** Per row, the first row holding its value in column `c` (−1 for an empty cell). */
function firstRowsOf(data: IngestResult, c: number): (row: number) => number {
  if (TEXT_KINDS.includes(data.columns[c].kind)) {
    const { ids, firstRows } = distinctValues(data, c);
    return (r) => (ids[r] < 0 ? -1 : firstRows[ids[r]]);
  }
  const mask = nullMask(data, c);
  const values = numericColumn(data, c);
  const first = new Map<number, number>();
  const firstRows = new Int32Array(values.length).fill(-1);
  for (let r = 0; r < values.length; r++) {
    if (mask[r]) continue;
    const seen = first.get(values[r]);
    if (seen === undefined) first.set(values[r], r);
    firstRows[r] = seen ?? r;
  }
  return (r) => firstRows[r];
}

/** Distinct non-null values of a numeric column, as a Map would count them (−0 = 0, one NaN). */
function distinctNumbers(data: IngestResult, c: number): number {
  let distinct = sortedRuns(data, c).values.length;
  if (sortedColumn(data, c).length < data.table.numRows - nullCount(data, c)) {
    const mask = nullMask(data, c);
    const values = numericColumn(data, c);
    const nonFinite = new Set<number>();
    for (let r = 0; r < values.length; r++) if (!mask[r] && !Number.isFinite(values[r])) nonFinite.add(values[r]);
    distinct += nonFinite.size;
  }
  return distinct;
}

/** Repeats within this factor of chance's (either way) are as many as chance gives. */
const CHANCE_FACTOR = 3;
/** Fewer repeats than chance's are still chance's when a Poisson count of chance's mean reaches them this often. */
const CHANCE_ALPHA = 0.05;

/**
 * Whether a column's `repeats` are what `expected` (the repeats of random values, see chance-repeats.ts) says:
 * a column of random values (seven-digit phone numbers) that only looks like a key. A key's repeats are far
 * fewer (ids handed out one by one never meet) or more (records copied) than that.
 */
function repeatsAsByChance(repeats: number, expected: number): boolean {
  if (repeats < expected / CHANCE_FACTOR) return false;
  return repeats <= CHANCE_FACTOR * expected || 1 - poissonAtMost(repeats - 1, expected) >= CHANCE_ALPHA;
}
