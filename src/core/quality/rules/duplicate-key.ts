import { defineRule, type RuleOptions } from '../rule';
import { TEXT_KINDS, distinctValues, isNumeric, looksLikeIdentifier, nullCount, nullMask, numericColumn, sortedColumn, sortedRuns } from '../column-values';
import type { IngestResult } from '../../table/model';
import { isFreeText } from '../dependencies';
import { namesRowIdentity } from '../../shared/identifier';
import { chanceRepeats } from '../chance-repeats';
import { poissonAtMost } from '../key-pairs';

/** When a column counts as a key: see the docs below. */
export type KeyOptions = { uniqueShare: number; namedKeyShare: number; minRows: number };

/** The rule's options from untyped settings (the batched check reads them outside the rule). */
export function keyOptions(options: RuleOptions): KeyOptions {
  return { uniqueShare: Number(options.uniqueShare), namedKeyShare: Number(options.namedKeyShare), minRows: Number(options.minRows) };
}

/** The message of a repeated key (rows numbered from 1 in the file): shared with the batched check. */
export const duplicateKeyMessage = (key: string, column: string, firstRowNumber: number) => `Key "${key}" in column "${column}" already appears in row ${firstRowNumber}.`;

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
less than chance); for text, every text of each value's shape (a digit one of 10, a letter one of 26). The
finding sits on the later occurrence and points at the first.

**Fix**: remove the duplicate record, or give it its own id.`,
  check({ data, options, report, rowNumber }) {
    const rows = data.table.numRows;
    for (const c of keyColumns(data, options)) {
      const column = data.columns[c];
      const repeat = (r: number, seen: number, key: string) =>
        report({
          row: r,
          columnIndex: c,
          value: key,
          message: duplicateKeyMessage(key, column.name, rowNumber(seen)),
          related: [{ row: seen, columnIndex: c, message: 'First occurrence' }],
        });
      if (column.kind === 'integer') {
        const mask = nullMask(data, c);
        const values = numericColumn(data, c);
        const first = new Map<number, number>();
        for (let r = 0; r < rows; r++) {
          if (mask[r]) continue;
          const seen = first.get(values[r]);
          if (seen === undefined) first.set(values[r], r);
          else repeat(r, seen, String(values[r]));
        }
      } else {
        const { ids, firstRows, text } = distinctValues(data, c);
        for (let r = 0; r < rows; r++) {
          const id = ids[r];
          if (id >= 0 && firstRows[id] !== r) repeat(r, firstRows[id], text(id));
        }
      }
    }
  },
});

/**
 * The columns the rule treats as keys (integer or text): named like an id with at least `namedKeyShare`
 * of distinct values, or with at least `minRows` rows and `uniqueShare` distinct values. Columns whose
 * values never repeat are left out (nothing to report). Decided from distinct and present counts only.
 */
export function keyColumns(data: IngestResult, options: KeyOptions, withoutRepeats = false): number[] {
  const rows = data.table.numRows;
  const keys: number[] = [];
  data.columns.forEach((column, c) => {
    const numeric = isNumeric(column) && column.kind === 'integer';
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
    // Nor are values that repeat as often as random values would (a phone number of seven digits among 200,000
    // people): the column only looks like a key, unless its name says it is the rows' identity.
    const isKey = looksLikeIdentifier(column.name) ? share >= options.namedKeyShare : present >= options.minRows && share >= options.uniqueShare && (numeric || !isFreeText(distinctValues(data, c), present));
    if (isKey && (namesRowIdentity(column.name) || !repeatsAsByChance(present - distinct, chanceRepeats(data, c, present)))) keys.push(c);
  });
  return keys;
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
