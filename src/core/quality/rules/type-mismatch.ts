import { defineRule } from '../rule';
import { looksLikeOtherDate } from './mixed-date-format';
import { isNumberInOtherUnit } from './number-format';
import { sortedRuns } from '../column-values';

/** A number written as a limit: "<0.5", "> 1000", "<=6". */
const CENSORED = /^\s*[<>]=?\s*[-+]?(\d+\.?\d*|\.\d+)\s*$/;
/** Rows, at least, writing one limit for it to be the column's way of writing values beyond it. */
const MIN_LIMIT_ROWS = 2;

/** A code of digits and letters: "45X", "N1", "7B" (no white space, a digit, at most 8 characters). */
const ALPHANUMERIC_CODE = /^(?=[^\s]*\d)[0-9A-Za-z-]{1,8}$/;
/** Distinct numbers, at most, of a column of codes (routes 7, 12 and 31). */
const MAX_CODES = 20;
/** Share of the rows, at least, a code written with letters must hold to be one of the column's codes. */
const MIN_CODE_SHARE = 0.01;

export const typeMismatch = defineRule({
  id: 'type-mismatch',
  title: 'Value of the wrong type',
  dimension: 'consistency',
  defaultSeverity: 'warning',
  defaultOptions: {},
  description: 'A cell does not fit its column\'s type (text in a numeric column, a non-date in a date column).',
  docs: `One stray value ("about 250k" in a price column) turns a whole numeric column into text for most
readers, or becomes a NaN that silently drops the row.

**Fix**: correct the value, or leave the cell empty. Dataset Inspector infers a column's type from the
values most of its cells share (at least 90% of the non-missing ones) and reports the others. A column of whole
numbers stays one of integers while at most 1% of its numbers other than 0 and 1 have a fraction (zeros and ones say
nothing of a measure's decimals: a dividend of 0 on most days, a split ratio of 1): those are slips ("3.5" children),
reported here; more are decimals the quantity needs (a dose of 2.5 mg among doses of 5 and 10 mg), and the
column is read as decimals, as every number reader does. A number written as a limit ("<0.5", "> 1000") in two rows
or more of a numeric column is a value beyond what was measured (a laboratory result below its detection limit), the
column's way of writing it: not reported. Nor is a code of digits and letters ("45X", "N1") in 1% of the rows or more
of a column of whole numbers that holds 20 distinct numbers at most: one of its codes (routes 7, 12, 31 and 45X).`,
  check({ data, report }) {
    // Per column, how many of its rejected cells write each limit ("<0.5").
    const limitKey = (cell: { column: number; text: string }) => `${cell.column}:${cell.text.trim()}`;
    const limits = new Map<string, number>();
    for (const cell of data.rejectedCells) if (CENSORED.test(cell.text)) limits.set(limitKey(cell), (limits.get(limitKey(cell)) ?? 0) + 1);
    // Per column of few numbers (codes), how many of its rejected cells write each code of digits and letters ("45X").
    const codes = new Map<string, number>();
    for (const cell of data.rejectedCells) if (ALPHANUMERIC_CODE.test(cell.text.trim())) codes.set(limitKey(cell), (codes.get(limitKey(cell)) ?? 0) + 1);
    for (const cell of data.rejectedCells) {
      const column = data.columns[cell.column];
      if ((column.kind === 'date' || column.kind === 'timestamp') && looksLikeOtherDate(cell.text, column)) continue;
      if ((column.kind === 'integer' || column.kind === 'float') && isNumberInOtherUnit(cell.text, column)) continue;
      // A measurement beyond what the method reads, written as its limit ("<0.5" below a detection limit), in several
      // rows: the column's way of writing it, no slip.
      if ((column.kind === 'integer' || column.kind === 'float') && (limits.get(limitKey(cell)) ?? 0) >= MIN_LIMIT_ROWS) continue;
      // A code of digits and letters among codes of digits ("45X" beside routes 7, 12 and 31), in 1% of the rows or more:
      // one of the column's codes, not a stray.
      if (column.kind === 'integer' && (codes.get(limitKey(cell)) ?? 0) >= MIN_CODE_SHARE * data.table.numRows && sortedRuns(data, cell.column).values.length <= MAX_CODES) continue;
      report({
        row: cell.row,
        columnIndex: cell.column,
        value: cell.text,
        message: `"${cell.text}" is not ${column.kind === 'integer' ? 'an integer' : column.kind === 'float' ? 'a number' : `a ${column.kind}`} like the rest of column "${column.name}".`,
      });
    }
  },
});
