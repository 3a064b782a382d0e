/** reversed-range: a range that ends below its start ("285-1", "300-285") in a column of ranges that ascend. */
import { defineRule } from '../rule';
import { TEXT_KINDS, distinctValues, nullCount, replaceCellFixes } from '../column-values';
import { samplePatterns } from '../value-patterns';

/** A range of two whole numbers: "285-301", "12 – 18" (hyphen, en or em dash). */
const RANGE = /^\s*(\d{1,9})\s*[-–—]\s*(\d{1,9})\s*$/;

/** The value-pattern form of a range (value-patterns.ts: digit runs as "9", white space as one space). */
const RANGE_FORM = /^9 ?[-–—] ?9$/;

/**
 * How far below \`minShare\` a sample's share of ranges may fall before the column is passed over unread: a
 * column of 95% ranges gives a sample of 10,000 rows under 90% about never (23 standard deviations).
 */
const SAMPLE_MARGIN = 0.05;

/** Ranges a column needs before its order says anything. */
const MIN_RANGES = 20;

/** A range as written: its start and end, and the separator between them as written. */
interface Range {
  start: string;
  end: string;
  between: string;
}

/** A range of `text`, if it is one; numbers with a leading zero are parts of a code ("555-0123"), not a range. */
function rangeOf(text: string): Range | undefined {
  const m = RANGE.exec(text);
  if (!m) return undefined;
  const [, start, end] = m;
  if ((start.length > 1 && start.startsWith('0')) || (end.length > 1 && end.startsWith('0'))) return undefined;
  const between = text.trim().slice(start.length, text.trim().length - end.length);
  return { start, end, between };
}

/**
 * The end a range written short means: its digits replace the start's last ones, the next such number at or
 * above the start ("285-91" and "285-1" are 285–291; "1098-102" is 1098–1102). Undefined when the end has as
 * many digits as the start or more (then it is no short form).
 */
export function expandedEnd(start: string, end: string): string | undefined {
  if (end.length >= start.length) return undefined;
  const cut = 10 ** end.length;
  const base = Math.floor(Number(start) / cut) * cut;
  let full = base + Number(end);
  if (full < Number(start)) full += cut;
  return String(full);
}

export const reversedRange = defineRule({
  id: 'reversed-range',
  title: 'Range ending below its start',
  dimension: 'consistency',
  defaultSeverity: 'warning',
  acceptsValues: true,
  defaultOptions: { minShare: 0.95 },
  description: 'A range whose end is below its start ("285-1", "300-285") in a column whose ranges ascend.',
  docs: `Page ranges, age bands and year spans are written "start-end". Where a column's values are such ranges and
they ascend, one that ends below its start is a range written short ("285-91" for 285–291, as bibliographies
abbreviate), whose end a reader or a program takes for page 91, or two numbers swapped ("300-285").

In a text column whose values are nearly all (\`minShare\`, 95%) ranges of two whole numbers joined by a hyphen or
a dash (a number with a leading zero is part of a code, "555-0123", not a range), at least ${MIN_RANGES} of them, and whose ranges nearly all (\`minShare\`) end at or above their start, each
range that ends below its start is reported (a column of years and months, "2020-12", or of match scores,
"3-1", does not ascend, and is left alone).

The evidence: the start and the end, and the share of the column's ranges that ascend.

**Fix**: a short end is written in full ("285-91" → "285-291": its digits replace the start's last ones, the
next such number at or above the start); a reversed range is swapped ("300-285" → "285-300").`,
  check({ data, options, report, isIgnored, isAccepted }) {
    data.columns.forEach((column, c) => {
      if (!TEXT_KINDS.includes(column.kind) || isIgnored(c)) return;
      // The patterns of a sample of the column's values (shared with pattern-mismatch) first: a column that is
      // not nearly all ranges is not read value by value.
      const sample = samplePatterns(data, c);
      if (sample.freeText) return;
      let rangeForms = 0;
      for (const [form, rows] of sample.levels.form.rows) if (RANGE_FORM.test(form)) rangeForms += rows;
      if (rangeForms < (options.minShare - (sample.sampled ? SAMPLE_MARGIN : 0)) * sample.present) return;
      const distinct = distinctValues(data, c);
      const present = data.table.numRows - nullCount(data, c);
      let ranges = 0;
      let ascending = 0;
      const reversed = new Map<number, Range>();
      for (let id = 0; id < distinct.size; id++) {
        const range = rangeOf(distinct.text(id));
        if (!range) continue;
        const rows = distinct.counts[id];
        ranges += rows;
        if (Number(range.end) >= Number(range.start)) ascending += rows;
        else reversed.set(id, range);
      }
      if (reversed.size === 0 || ranges < MIN_RANGES || ranges < options.minShare * present || ascending < options.minShare * ranges) return;
      const share = Math.floor((100 * ascending) / ranges);
      for (let r = 0; r < distinct.ids.length; r++) {
        const range = distinct.ids[r] < 0 ? undefined : reversed.get(distinct.ids[r]);
        if (!range) continue;
        const value = distinct.text(distinct.ids[r]);
        if (isAccepted(c, value)) continue;
        const full = expandedEnd(range.start, range.end);
        const fixed = full === undefined ? `${range.end}${range.between}${range.start}` : `${range.start}${range.between}${full}`;
        report({
          row: r,
          columnIndex: c,
          value,
          evidence: { start: Number(range.start), end: Number(range.end), ascendingShare: share / 100, fixed },
          message:
            `"${value}" in column "${column.name}" ends below its start, where ${share}% of the column's ranges ascend: ` +
            (full === undefined ? `"${fixed}" swapped?` : `"${fixed}" written short?`),
          fixes: replaceCellFixes(data, r, c, fixed, `Replace with "${fixed}"`),
        });
      }
    });
  },
});
