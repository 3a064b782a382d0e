import { defineRule } from '../rule';
import { TEXT_KINDS, TEXT_VALUES_MAX_DISTINCT, distinctValues, isNumeric, replaceCellFixes } from '../column-values';

/** White space repeated between two other characters. */
const REPEATED_INNER = /\S\s{2,}(?=\S)/;
/**
 * A repeated space is a slip where the column's values separate their words with one: at most this share of the
 * distinct values with a space between words repeat one (free text, aligned columns and addresses padded by a form
 * repeat them often).
 */
const MAX_REPEATED_SHARE = 0.02;
/** Distinct values with a space between words a column needs before a repeated one is told apart. */
const MIN_SPACED_VALUES = 20;

/** The value with its inner runs of white space made one space, and trimmed. */
function collapsed(value: string): string {
  return value.trim().replace(/\s{2,}/g, ' ');
}

/**
 * The distinct values (id → the value with one space between words, trimmed) that repeat a space between words,
 * where the column's values separate their words with one (see MAX_REPEATED_SHARE); none in columns of more than
 * TEXT_VALUES_MAX_DISTINCT values.
 */
function repeatedSpaces(distinct: ReturnType<typeof distinctValues>): Map<number, string> {
  const found = new Map<number, string>();
  if (distinct.size > TEXT_VALUES_MAX_DISTINCT) return found;
  let spaced = 0;
  for (let id = 0; id < distinct.size; id++) {
    const value = distinct.text(id);
    if (!/\S\s+\S/.test(value)) continue;
    spaced++;
    if (REPEATED_INNER.test(value)) found.set(id, collapsed(value));
  }
  if (spaced < MIN_SPACED_VALUES || found.size > MAX_REPEATED_SHARE * spaced) found.clear();
  return found;
}

function side(value: string): string {
  const leading = /^\s/.test(value);
  const trailing = /\s$/.test(value);
  return leading && trailing ? 'leading and trailing' : leading ? 'leading' : 'trailing';
}

export const whitespace = defineRule({
  id: 'whitespace',
  title: 'Leading, trailing or repeated white space',
  dimension: 'consistency',
  defaultSeverity: 'warning',
  defaultOptions: {},
  description: 'A value starts or ends with white space, or repeats a space between words where the column separates them with one.',
  docs: `"Paris" and "Paris " are different categories to a model and to every group-by, join and one-hot
encoder; the difference is invisible in most viewers. So are "Stamford  Community College" and "Stamford Community
College": a space typed twice between words is reported where the column separates its words with one space (at
least 20 distinct values with a space between words, at most 2% of them with a repeated one: free text, aligned
columns and padded addresses repeat them often and are left alone; columns of more than 50,000 distinct values are
not read for it). A number with white space around it (" 12.5") is read as the number, and reported where at
most 10% of its column's numbers are written so (more: the source aligns its numbers, as fixed-width exports do,
and none is reported); CSV files.

**Fix**: trim the value, or collapse its repeated spaces (quick fix, or "fix all" for the file); the evidence of a
repeated space holds the value with one (\`fixed\`).`,
  check({ data, report }) {
    // Numbers written with white space around them, in a column whose numbers are written without (listed at ingest).
    for (const cell of data.variantCells) {
      const column = data.columns[cell.column];
      const trimmed = cell.text.trim();
      if (!isNumeric(column) || trimmed === cell.text) continue;
      report({
        row: cell.row,
        columnIndex: cell.column,
        value: cell.text,
        message: `"${cell.text}" in column "${column.name}" has ${side(cell.text)} white space (its other numbers are written without).`,
        fixes: replaceCellFixes(data, cell.row, cell.column, { number: trimmed }, `Trim white space: "${trimmed}"`),
      });
    }
    data.columns.forEach((column, c) => {
      if (!TEXT_KINDS.includes(column.kind)) return;
      // Each distinct value is looked at once; rows are then reported by value id.
      const distinct = distinctValues(data, c);
      const trimmedOf = new Map<number, string>();
      for (const id of distinct.maybeUntrimmedIds()) {
        const value = distinct.text(id);
        if (value.length === 0) continue;
        const trimmed = value.trim();
        if (trimmed === value || trimmed === '') continue;
        trimmedOf.set(id, trimmed);
      }
      const repeated = repeatedSpaces(distinct);
      if (trimmedOf.size === 0 && repeated.size === 0) return;
      const reportCell = (r: number, value: string, trimmed: string | undefined, fixed: string | undefined) => {
        const where = trimmed === undefined ? '' : `${side(value)} white space`;
        const inner = fixed === undefined ? '' : `${where ? ' and ' : ''}a repeated space between words (the column's other values separate their words with one)`;
        const to = fixed ?? trimmed ?? value;
        report({
          row: r,
          columnIndex: c,
          value,
          ...(fixed === undefined ? {} : { evidence: { fixed } }),
          message: `"${value}" in column "${column.name}" has ${where}${inner}.`,
          fixes: replaceCellFixes(data, r, c, to, fixed === undefined ? `Trim white space: "${to}"` : `Collapse white space: "${to}"`),
        });
      };
      const ids = distinct.ids;
      for (let r = 0; r < ids.length; r++) {
        if (ids[r] < 0) continue;
        const trimmed = trimmedOf.get(ids[r]);
        const fixed = repeated.get(ids[r]);
        if (trimmed !== undefined || fixed !== undefined) reportCell(r, distinct.text(ids[r]), trimmed, fixed);
      }
    });
  },
});
