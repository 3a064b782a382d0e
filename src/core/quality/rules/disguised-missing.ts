import { defineRule } from '../rule';
import { TEXT_KINDS, distinctValues, finiteStats, isNumeric, missingCellLabel, numericColumn, nullCount, nullMask, replaceCellFixes, settledValueCount } from '../column-values';
import { MAX_PLACEHOLDER_LENGTH, isAnswerWord, isPlaceholderText } from '../placeholders';
import { looksLikeIdentifier } from '../../shared/identifier';
import type { IngestResult } from '../../table/model';
import { STATE_ELSEWHERE, STATE_ROWS, rowInStateRange, stateRangeOf, type StateRange } from '../state-ranges';

/** Largest share of a column's values a placeholder may fill to be reported cell by cell (more is one of its levels). */
const MAX_SHARE = 0.1;
/**
 * Where a column writes missing values as empty cells (EMPTY_SHARE of its rows at least), a word that is also an answer
 * ("None", "Not applicable") filling more than ANSWER_SHARE of its values is one of its levels: an education "None"
 * beside empty cells for the children not asked.
 */
const EMPTY_SHARE = 0.01;
const ANSWER_SHARE = 0.02;
/** Values a column of categories holds, at most (slips aside), for a placeholder in over ANSWER_SHARE of it to be one of them. */
const MAX_LEVELS = 20;

/**
 * Share of a placeholder's rows (STATE_ROWS at least) holding one number, for the number to say what it means: most of
 * them, slips in a few aside (17 of 19 price changes "NONE" at a change of 0, two of them keyed wrong).
 */
const STATE_SHARE = 0.85;

/**
 * The numeric column (not an identifier) one of whose values the rows of value `id` of column `c` hold (STATE_SHARE of
 * them, STATE_ROWS or more), while the other rows seldom do (STATE_ELSEWHERE): the word names a state the numbers
 * record — an occupancy "EMPTY" exactly where the passenger load is 0 — not a missing value. −1 where none.
 */
function numberItNames(data: IngestResult, c: number, id: number): number {
  const ids = distinctValues(data, c).ids;
  return data.columns.findIndex((column, k) => {
    if (k === c || !isNumeric(column) || looksLikeIdentifier(column.name)) return false;
    const values = numericColumn(data, k);
    const counts = new Map<number, number>();
    let own = 0;
    for (let r = 0; r < ids.length; r++) {
      if (ids[r] !== id || Number.isNaN(values[r])) continue;
      own++;
      counts.set(values[r], (counts.get(values[r]) ?? 0) + 1);
    }
    const [value, held] = [...counts].reduce((best, entry) => (entry[1] > best[1] ? entry : best), [NaN, 0]);
    if (own < STATE_ROWS || held < STATE_SHARE * own) return false;
    let [others, elsewhere] = [0, 0];
    for (let r = 0; r < ids.length; r++) {
      if (ids[r] === id || Number.isNaN(values[r])) continue;
      others++;
      if (values[r] === value) elsewhere++;
    }
    return elsewhere <= STATE_ELSEWHERE * others;
  });
}

export const disguisedMissing = defineRule({
  id: 'disguised-missing',
  title: 'Missing value in disguise',
  dimension: 'completeness',
  defaultSeverity: 'warning',
  acceptsValues: true,
  defaultOptions: {},
  description: 'A value that stands for "missing" without being empty: "unknown", "N.A.", "not available", "TBD", a cell of white space, NaN in a numeric column.',
  docs: `Missing values are often written as words the reader does not take for missing: "unknown", "N.A.",
"not available", "none given", "TBD", "xxx", a lone space. A model then learns a category "unknown" (or a
text column that should be a category), and completeness checks count the cell as filled.

Reported in text columns for placeholder words (compared without case, spaces and punctuation) that fill at
most 10% of the column's values (a placeholder that fills more is one of the column's levels, such as a real
"None" answer; so is "None" or "Not applicable" filling more than 2% in a column that writes its missing values as
empty cells, 1% of its rows at least: an education "None" beside the empty cells of children not asked; and so is any
placeholder filling more than 2% of a column of at most 20 values, slips aside, that leaves no cell empty: a sex
"Unknown" beside four others is the column's one way of saying it is not known) — not a word whose rows (5 or more) hold one value of a numeric column in 85% of them (slips in a few aside) where the
other rows seldom do (5% at most): a bus's occupancy "EMPTY" exactly where its passenger load is 0, a price change "NONE"
where it is 0, names a state the numbers record —, nor, in the rows whose numbers lie where the word's rows do (their range but 5% at each end, or beyond the other
rows' on that side), a word whose rows' numbers lie in a range that holds 5% of the other rows at most: an adverse
event's action "Not applicable" exactly where it began after the last dose (day 366 on) names a state; the same word
on an event during dosing is still reported —, and for cells of white space only; in numeric columns for NaN values. Numbers used as
placeholders are reported by sentinel-value (-999, 9999, -1 below non-negative values) and zero-as-missing.

**Fix**: the quick fix replaces the placeholder with an empty cell (in JSON Lines with \`null\`). If it is
a real value in this column (an answer "Unknown" to a question), accept it.

In a file checked in batches, each batch is checked on its own.`,
  check({ data, report, isIgnored, isAccepted }) {
    const emptyTitle = `Replace with ${missingCellLabel(data)}`;
    data.columns.forEach((column, c) => {
      if (isIgnored(c)) return;
      if (isNumeric(column) && column.kind === 'float') {
        if (finiteStats(data, c).nonFinite === 0) return;
        const values = numericColumn(data, c);
        const mask = nullMask(data, c);
        for (let r = 0; r < values.length; r++) {
          if (mask[r] || !Number.isNaN(values[r])) continue;
          report({
            row: r,
            columnIndex: c,
            value: 'NaN',
            message: `NaN in column "${column.name}": a missing value written as a number.`,
            fixes: replaceCellFixes(data, r, c, null, emptyTitle),
          });
        }
        return;
      }
      if (!TEXT_KINDS.includes(column.kind)) return;
      const distinct = distinctValues(data, c);
      const present = distinct.counts.reduce((a, b) => a + b, 0);
      const emptyCells = nullCount(data, c) >= EMPTY_SHARE * data.table.numRows;
      const placeholders = new Map<number, string>();
      const statedBy = new Map<number, StateRange>();
      for (let id = 0; id < distinct.size; id++) {
        if (distinct.codePoints(id) > MAX_PLACEHOLDER_LENGTH) continue;
        const text = distinct.text(id);
        if (!isPlaceholderText(text) || isAccepted(c, text)) continue;
        const blank = text.trim() === '';
        if (!blank && distinct.counts[id] > MAX_SHARE * present) continue;
        if (!blank && emptyCells && distinct.counts[id] > ANSWER_SHARE * present && isAnswerWord(text)) continue;
        // A word the row's numbers say too (an occupancy "EMPTY" where the load is 0) is a state, not a missing value.
        if (!blank && numberItNames(data, c, id) >= 0) continue;
        // A word whose rows' numbers lie in a range the others' seldom do (an action "Not applicable" after the last
        // dose's day) names a state: its cells within the range are not reported.
        const range = blank ? undefined : stateRangeOf(data, c, (v) => v === id);
        if (range) statedBy.set(id, range);
        // Else, in a column of few values that leaves no cell empty, a placeholder in over 2% of its rows is one of them
        // (a sex "Unknown" beside four others): the column's one way of saying it is not known.
        else if (!blank && !emptyCells && distinct.counts[id] > ANSWER_SHARE * present && settledValueCount(data, c) <= MAX_LEVELS) continue;
        placeholders.set(id, blank ? `"${text}" (white space only) in column "${column.name}" is a missing value.` : `"${text}" in column "${column.name}" stands for a missing value (${distinct.counts[id]} of ${present} values).`);
      }
      if (placeholders.size === 0) return;
      const ids = distinct.ids;
      for (let r = 0; r < ids.length; r++) {
        const message = ids[r] < 0 ? undefined : placeholders.get(ids[r]);
        if (message === undefined) continue;
        const range = statedBy.get(ids[r]);
        if (range && rowInStateRange(data, range, r)) continue;
        report({
          row: r,
          columnIndex: c,
          value: distinct.text(ids[r]),
          message,
          fixes: replaceCellFixes(data, r, c, null, emptyTitle),
        });
      }
    });
  },
});
