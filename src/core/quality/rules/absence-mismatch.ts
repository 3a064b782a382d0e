/** absence-mismatch: a cell that holds nothing where the columns that hold nothing with it hold something, or the reverse. */
import { defineRule } from '../rule';
import { absenceBreaks, TOGETHER_SHARE } from '../absent-together';
import { cellSourceText } from '../column-values';
import { groupedInteger } from '../../shared/grouped-integer';

export const absenceMismatch = defineRule({
  id: 'absence-mismatch',
  title: 'Nothing where its columns hold something',
  dimension: 'consistency',
  defaultSeverity: 'warning',
  defaultOptions: {},
  description: 'A cell that is 0 or empty where the columns that are 0 or empty in the same rows hold something (an order count of 0 beside a lifetime value and a last order date), or holds something where they hold nothing.',
  docs: `Some columns hold nothing in the same rows because of what the record is: a customer who never ordered has an
order count of 0, a lifetime value of 0 and no last order date; a trip not taken has no fare, no distance and no
drop-off. A row where one of them says otherwise than the others — an order count of 0 beside a lifetime value and a
last order date, a last order date left empty beside 7 orders — holds a wrong cell: a count not updated, a date
lost in an export.

Learned from the table: a column holds nothing in a row where its number is 0 or its cell is empty (numbers, dates
and text; not identifiers), in 30 rows at least and at most 60% of them; two columns hold nothing together where
both do in ${100 * TOGETHER_SHARE}% of the rows where either does, and five times as often as chance would have them.
Three columns or more, each pair of them together, make a group. A cell is reported where it alone in its group
holds nothing and the others (two or more) hold something, or it alone holds something where the others hold nothing:
the others outvote it. Of two columns, neither outvotes the other, and nothing is reported; nor where one column
breaks its group one way in more than 1% of the rows where the group holds nothing — a score of 0 on inspections
with a violation of no points is a kind of record, not slips. A cell holding text its typed column could not read (an
impossible date) holds something.

The evidence: the group's other columns and the rows where the whole group holds nothing. Related places: the
row's cells of the other columns.

**Fix**: correct the cell (a count, a date, an amount), or the others if they are wrong.`,
  check({ data, report, isIgnored }) {
    for (const found of absenceBreaks(data)) {
      if (isIgnored(found.column)) continue;
      const name = (c: number) => data.columns[c].name;
      const value = cellSourceText(data, found.row, found.column) ?? '';
      const others = found.others.map((c) => `"${name(c)}"`).join(', ');
      report({
        row: found.row,
        columnIndex: found.column,
        value,
        evidence: { others: found.others.map(name).join(', '), holdsNothing: found.holdsNothing, togetherRows: found.togetherRows },
        message: found.holdsNothing
          ? `${value === '' ? 'An empty cell' : `"${value}"`} in column "${name(found.column)}" holds nothing (0 or empty) where ${others} hold something; they hold nothing with it in ${groupedInteger(found.togetherRows)} rows.`
          : `"${value}" in column "${name(found.column)}" holds something where ${others} hold nothing (0 or empty), as they do with it in ${groupedInteger(found.togetherRows)} rows.`,
        related: found.others.map((c) => ({ row: found.row, columnIndex: c, message: `${name(c)}` })),
      });
    }
  },
});
