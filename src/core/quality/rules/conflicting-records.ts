import { ownedByRowValue } from '../set-apart';
import { defineRule } from '../rule';
import { cellText, dependenciesOf, disagreeingGroups, isEntityColumn, medianGroupRows, type Dependency } from '../dependencies';
import { prefixConsensus, type PrefixConsensus } from '../code-prefixes';
import { NUMERIC_KINDS, TEMPORAL_KINDS, TEXT_KINDS, numericColumn, valueCodes } from '../column-values';
import { withinDrift } from '../drifting-values';
import { cellsOf } from '../row-hashes';
import { fitsListedTime } from '../series';
import { farOutFences } from '../numeric-orders';
import { columnPatterns, patternOf } from '../value-patterns';
import type { IngestResult } from '../../table/model';
import { DependencyEvidence, dependencyName, lhsGroupsName, lhsValues, sameLoosely } from './dependency-violation';
import { duplicateKey, keyColumns, keyOptions } from './duplicate-key';

/**
 * Of two records of one code that disagree on column B (`dep`'s right side), the odd one: the codes sharing its leading
 * characters hold the other record's value (prefixConsensus), not its own. `vouchedBy`: a column the odd record's value of
 * B determines (a dependency B → C of the table) whose value in the row is what B's rows say — the row's values agree
 * with each other, and its code is what is wrong (a listing in Eugene, OR under a zip of Boise).
 */
function oddRecord(data: IngestResult, dep: Dependency, a: number, b: number): { row: number; byPrefix: PrefixConsensus; vouchedBy?: number } | undefined {
  const [key, c] = [dep.lhs[0], dep.rhs];
  const values = valueCodes(data, c);
  const byPrefix = prefixConsensus(data, key, c, values, a, [a, b]);
  if (!byPrefix) return undefined;
  const [holdsA, holdsB] = [values.ids[a] === byPrefix.value, values.ids[b] === byPrefix.value];
  if (holdsA === holdsB) return undefined;
  const row = holdsA ? b : a;
  const vouching = dependenciesOf(data).find((d) => d.lhs.length === 1 && d.lhs[0] === c && !d.prefix && !d.entity && d.rhs !== key && vouches(data, d, row));
  return { row, byPrefix, ...(vouching ? { vouchedBy: vouching.rhs } : {}) };
}

/** Whether row `r`'s value of `dep`'s right side is what the other rows of its group say (VOUCHING_ROWS of them at least). */
function vouches(data: IngestResult, dep: Dependency, r: number): boolean {
  const scan = disagreeingGroups(data, dep);
  const group = scan.lhs[r];
  const consensus = group >= 0 ? scan.consensusOf(group) : undefined;
  return consensus !== undefined && consensus.count >= VOUCHING_ROWS && valueCodes(data, dep.rhs).ids[consensus.row] === valueCodes(data, dep.rhs).ids[r];
}

/** Rows of a value's group that must agree for it to vouch for another value of the row. */
const VOUCHING_ROWS = 3;

/** Share of a text column's values a form must hold, at least, for a value of it to be ordinary (see ordinaryAt). */
const ORDINARY_FORM_SHARE = 0.02;

/**
 * Whether row `r`'s value of column `c` is an ordinary one of its column: a number or date within the column's far-out
 * fences (quartiles ± 3 interquartile ranges), a text of a form (value-patterns.ts) that 2% of the column's values
 * hold; undefined where that says nothing (free text, an empty cell).
 */
function ordinaryAt(data: IngestResult, c: number, r: number): boolean | undefined {
  const kind = data.columns[c].kind;
  if (NUMERIC_KINDS.includes(kind) || TEMPORAL_KINDS.includes(kind)) {
    const value = numericColumn(data, c)[r];
    if (!Number.isFinite(value)) return undefined;
    const [low, high] = farOutFences(data, c);
    return value >= low && value <= high;
  }
  if (!TEXT_KINDS.includes(kind)) return undefined;
  const patterns = columnPatterns(data, c);
  const text = cellText(data, r, c);
  if (patterns.freeText || text === '') return undefined;
  return (patterns.levels.form.rows.get(patternOf(text).form) ?? 0) >= ORDINARY_FORM_SHARE * patterns.present;
}

/** Rows, at most, holding a record's value for it to be the rare one of two (a slip), and how many times as many rows the other's must have. */
const RARE_ROWS = 2;
const COMMON_TIMES = 10;

/**
 * Whether rows a and b differ in a column that, with dep's left side, determines its right side (an order and a line's
 * received date its refund date): a dependency of the table of two columns.
 */
function differIn(data: IngestResult, dependencies: readonly Dependency[], dep: Dependency, a: number, b: number): boolean {
  return dependencies.some((other) => {
    if (other.rhs !== dep.rhs || other.prefix || other.lhs.length !== 2 || !other.lhs.includes(dep.lhs[0])) return false;
    const ids = valueCodes(data, other.lhs[0] === dep.lhs[0] ? other.lhs[1] : other.lhs[0]).ids;
    return ids[a] !== ids[b];
  });
}

export const conflictingRecords = defineRule({
  id: 'conflicting-records',
  title: 'Conflicting records',
  dimension: 'consistency',
  defaultSeverity: 'warning',
  acceptsValues: true,
  defaultOptions: {},
  description: 'Two rows of one entity (the same train number, the same product code) disagree on a value that the table otherwise keeps per entity.',
  docs: `Tables merged from several sources record an entity more than once: a train number with its
scheduled departure from two timetables, a product from two catalogues. Where the table keeps a value per
entity almost everywhere (a dependency learned from the data, as for dependency-violation) but the two
records of one entity disagree, at least one of them is wrong, and with two rows no majority says which.
Both cells are reported, each pointing at the other — unless one value is held by its column in one or two rows and
the other in ten times as many ("drlivered" beside "delivered", a discount of "0.1" beside "10" percent: the rare one is
the slip, and only it is reported), or one value is an ordinary one of its column and the other is not (a number or
date beyond the column's far-out fences, quartiles ± 3 interquartile ranges; a text of a form that under 2% of the
column's values hold: minutes "999" beside "169", a score "207" shifted in from the next column), or, of a date
column the rows are listed by, one lies among its neighbouring rows' dates (those around both records) and the other
out of place (a day and month exchanged): only the other is reported; or the entity is a code of one width (a zip code) whose
leading characters say which: where a clear majority (three quarters, three rows or more) of the other rows of the
longest prefix it shares with other codes hold one record's value and not the other's (the zips starting 8370 say
Boise), the other record is the odd one and only it is reported. On its code where its value vouches for another of
its row's values through a dependency of the table (its city "Eugene" is what its state "OR" says, city → state: the
row is of Eugene, filed under a zip of Boise), else on its value.

Only dependencies of one identifying column (text — not clock times such as a runner's split "2:46:28", which measure —, or an integer named like an id) whose entities are mostly
recorded about twice (the median group has at most three rows) are used: in larger groups the majority decides, and dependency-violation reports the minority value. A
value another dependency explains, a value accepted as fine, and a case or white-space variant are not
reported, nor are two numbers the entity's records move a little (an age at each admission, a year on at the next):
where at least 80% of the entities whose records disagree (five or more) differ by at most 5% of the column's
interquartile range, two records that close are drift, not a conflict (drifting-values.ts). Columns that identify rows (the keys duplicate-key checks) are left to duplicate-key, which
reports the repeated key itself.

The evidence: the dependency, the entity, both values; where the codes' prefix decided, the prefix and its rows
holding the other value (and the column that vouches for the odd record's value).

Two records are no conflict where one's value is what every row of another of its values holds, across entities (a
clearance product's fixed markdown on an order whose other line carries its coupon; see dependency-violation), nor
where they differ in a column that, with the entity, determines the value (a dependency of the table of two columns:
an order's two lines, one sent back and refunded days later, one refunded the day it was asked for, where order +
received date → refund date).

**Fix**: keep the right value in both rows (or remove the duplicate record).`,
  check({ data, report, isAccepted, rowNumber }) {
    const dependencies = dependenciesOf(data);
    if (dependencies.length === 0) return;
    const keys = new Set(keyColumns(data, keyOptions(duplicateKey.defaultOptions)));
    const evidence = new DependencyEvidence(data, dependencies);
    const reported = new Set<number>();
    for (const dep of dependencies) {
      // An entity: one identifying column (a code, a name, a number), not a combination of measurements.
      // An entity recorded by several sources (dep.entity) is judged by its records' majority (dependency-violation).
      if (dep.entity || dep.prefix || !isEntityColumn(data, dep.lhs) || keys.has(dep.lhs[0]) || medianGroupRows(data, dep) > 3) continue;
      const c = dep.rhs;
      for (const group of disagreeingGroups(data, dep).groups) {
        if (group.size !== 2) continue;
        const [a, b] = group.counts.map(([id]) => group.rowsOf(id)[0]).sort((x, y) => x - y);
        const [textA, textB] = [cellText(data, a, c), cellText(data, b, c)];
        if (sameLoosely(textA, textB) || isAccepted(c, textA) || isAccepted(c, textB)) continue;
        // A value every row of another of its row's values holds, across entities (a clearance product's fixed markdown
        // on an order whose other line carries its coupon): the records differ in what they are of, not in error.
        if (ownedByRowValue(data, a, c, dep.lhs[0], dep.lhs) || ownedByRowValue(data, b, c, dep.lhs[0], dep.lhs)) continue;
        // Records that differ in a column which, with the entity, determines the value (an order's lines, one sent back
        // and one not: order + received date → refund date) are records of two things, not one recorded twice.
        if (differIn(data, dependencies, dep, a, b)) continue;
        // A number the entity's records move a little (an age at each admission): a year apart is no conflict.
        if (withinDrift(data, dep, a, b)) continue;
        const entity = lhsValues(data, dep, a);
        // Codes whose leading characters say the value (the zips starting 837 say Boise): the record that disagrees with
        // them is the odd one; its code is what is wrong where another of its values vouches for its own (Eugene, OR).
        const odd = oddRecord(data, dep, a, b);
        if (odd) {
          const { row, byPrefix, vouchedBy } = odd;
          const [text, otherText] = row === a ? [textA, textB] : [textB, textA];
          const cell = (vouchedBy === undefined ? c : dep.lhs[0]) + row * data.columns.length;
          if (reported.has(cell)) continue;
          reported.add(cell);
          const key = data.columns[dep.lhs[0]].name;
          const prefixSays = `the ${key} values starting "${byPrefix.prefix}" say "${otherText}" (${byPrefix.rows} of their ${byPrefix.of} other rows)`;
          if (vouchedBy === undefined) {
            report({
              row,
              columnIndex: c,
              value: text,
              evidence: { dependency: dependencyName(data, dep), entity, other: otherText, otherRow: rowNumber(row === a ? b : a), prefix: byPrefix.prefix, prefixRows: byPrefix.rows },
              message: `Two records of ${entity} disagree on "${data.columns[c].name}": "${text}" here, "${otherText}" in the other, as ${prefixSays}.`,
              related: [{ row: row === a ? b : a, columnIndex: c, message: `The other record of ${entity}: "${otherText}"` }],
            });
          } else {
            const code = cellText(data, row, dep.lhs[0]);
            const [vouching, vouchingValue] = [data.columns[vouchedBy].name, cellText(data, row, vouchedBy)];
            report({
              row,
              columnIndex: dep.lhs[0],
              value: code,
              evidence: { dependency: dependencyName(data, dep), entity, other: otherText, otherRow: rowNumber(row === a ? b : a), prefix: byPrefix.prefix, prefixRows: byPrefix.rows, vouchedBy: vouching },
              message:
                `"${code}" in column "${key}" looks wrong: the other record of ${entity} and ${prefixSays}, ` +
                `while this row's ${data.columns[c].name} "${text}" is what its ${vouching} "${vouchingValue}" says (${data.columns[c].name} → ${vouching}).`,
              related: [{ row: row === a ? b : a, columnIndex: c, message: `The other record of ${entity}: "${otherText}"` }],
            });
          }
          continue;
        }
        // A value another dependency explains is the right one: only the other is reported then. So is a value its
        // column holds in many rows beside one it holds in a row or two ("delivered" and "drlivered", a discount of
        // "10" percent and "0.1"): the rare one is the slip.
        const { rowsOf } = cellsOf(data, c);
        const [rowsA, rowsB] = [rowsOf(a), rowsOf(b)];
        const commonA = rowsB <= RARE_ROWS && rowsA >= COMMON_TIMES * rowsB;
        const commonB = rowsA <= RARE_ROWS && rowsB >= COMMON_TIMES * rowsA;
        // Of two dates of a column the rows are listed by, the one among its neighbouring rows' is right where the other
        // lies out of place; of two values, an ordinary one of the column where the other is not (minutes "169" and
        // "999", a score and "207" shifted in from the next column).
        const [fitsA, fitsB] = [fitsListedTime(data, c, a, [a, b]), fitsListedTime(data, c, b, [a, b])];
        const [ordinaryA, ordinaryB] = [ordinaryAt(data, c, a), ordinaryAt(data, c, b)];
        const aloneRight = (own: boolean | undefined, other: boolean | undefined) => own === true && other === false;
        const explainedA = commonA || aloneRight(fitsA, fitsB) || aloneRight(ordinaryA, ordinaryB) || evidence.explained(dep, a);
        const explainedB = commonB || aloneRight(fitsB, fitsA) || aloneRight(ordinaryB, ordinaryA) || evidence.explained(dep, b);
        if (explainedA && explainedB) continue;
        for (const [row, text, other, otherText, explained] of [
          [a, textA, b, textB, explainedA],
          [b, textB, a, textA, explainedB],
        ] as const) {
          const key = row * data.columns.length + c;
          if (explained || reported.has(key)) continue;
          reported.add(key);
          report({
            row,
            columnIndex: c,
            value: text,
            evidence: { dependency: dependencyName(data, dep), entity, other: otherText, otherRow: rowNumber(other) },
            message:
              `Two records of ${entity} disagree on "${data.columns[c].name}": "${text}" here, "${otherText}" in the other ` +
              `(${dependencyName(data, dep)} holds in ${(100 * dep.agreeing).toFixed(0)}% of ${lhsGroupsName(data, dep)}).`,
            related: [{ row: other, columnIndex: c, message: `The other record of ${entity}: "${otherText}"` }],
          });
        }
      }
    }
  },
});
