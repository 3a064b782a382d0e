/** elapsed-years-mismatch: an age (or years of service) that is not the whole years since its row's date, as every other row counts them. */
import { defineRule } from '../rule';
import { cellText } from '../dependencies';
import { numericColumn, replaceCellFixes } from '../column-values';
import { MIN_YEARS_OFF, elapsedYears, expectedYears, referenceMonth, rowsOff } from '../elapsed-years';
import { groupedInteger } from '../../shared/grouped-integer';

export const elapsedYearsMismatch = defineRule({
  id: 'elapsed-years-mismatch',
  title: 'Years since a date that do not add up',
  dimension: 'consistency',
  defaultSeverity: 'warning',
  defaultOptions: {},
  description: 'An age (or years of service) that is not the whole years since its row\'s birth date (or hire date), as the other rows count them up to one day.',
  docs: `Tables that keep a date often keep a count of years since it: an age beside a birth date, years of service beside a
hire date. Both are written by hand or computed once and copied, so they drift apart: an age typed 43 for 34, a birth
date of another person, an age left from an earlier year.

Learned from the table itself (elapsed-years.ts): a whole-number column whose central 95% of values lie from 0 to
150 counts the years since a date column's dates when, on at least 80% of the rows holding both (30 or more), the date
plus the count lands within one year — the day the ages were counted — and ten times as often as with the counts
shuffled over the rows. A row whose count lands ${MIN_YEARS_OFF} years or more outside that year is reported, on the
count, with the years its date gives (an age one year off may be a birthday the count did not see yet: not reported).
A date in the future is future-date's.

The evidence: the date column and the row's date, the years it gives (\`expected\`), how far off the count is, and how
many rows keep the relation.

**Fix**: correct the count (the quick fix writes the years the date gives) or, if the count is right, the date.`,
  check({ data, report, isIgnored, now }) {
    const nowMs = now.getTime();
    for (const relation of elapsedYears(data)) {
      if (isIgnored(relation.years)) continue;
      const [yearsName, dateName] = [data.columns[relation.years].name, data.columns[relation.date].name];
      const dates = numericColumn(data, relation.date);
      const reference = referenceMonth(relation);
      for (const { row: r, off } of rowsOff(data, relation, MIN_YEARS_OFF)) {
        if (dates[r] > nowMs) continue;
        const value = cellText(data, r, relation.years);
        const date = cellText(data, r, relation.date);
        const expected = String(expectedYears(data, relation, r));
        report({
          row: r,
          columnIndex: relation.years,
          value,
          evidence: { date: dateName, dateValue: date, expected, yearsOff: Math.round(off), holdingRows: relation.holding, rows: relation.rows },
          message:
            `${value} in column "${yearsName}" is not the years since ${dateName} ${date} of this row (${expected}), as ${yearsName} counts them from ${dateName} ` +
            `to ${reference} in ${groupedInteger(relation.holding)} of the ${groupedInteger(relation.rows)} rows holding both.`,
          related: [{ row: r, columnIndex: relation.date, message: `${dateName} ${date}` }],
          fixes: replaceCellFixes(data, r, relation.years, expected, `Replace with ${expected} (the years since ${dateName} ${date})`),
        });
      }
    }
  },
});
