/** date-part-mismatch: a year (month, day) column that is not the year of its row's date, where every other row's is. */
import { defineRule } from '../rule';
import { cellText } from '../dependencies';
import { numericColumn, replaceCellFixes, sortedColumn } from '../column-values';
import { fitsListedTime } from '../series';
import type { IngestResult } from '../../table/model';
import { datePartRelations, partValues, rowsDiffering, writtenPart, type DatePartRelation } from '../date-parts';
import { groupedInteger } from '../../shared/grouped-integer';

/** Why a differing row's date, not its number, is the wrong cell. */
type DateBlame = 'part' | 'order' | 'edge';

/**
 * The cell of row `r`, differing, that is wrong: the number where it lies outside the numbers of the rows that agree
 * (2041 among model years 2008–2025); the date (with why) where its part does (a registration in 1970), where the date
 * lies out of place in a table listed in time order (a collision dated the day before its neighbours) or outside its
 * column's 1st to 99th percentiles (a year 2042 among collisions of 2024: its weekday is what the day's should be);
 * else the number — the date carries its own checks (its format, its order with the row's other dates), a number
 * typed beside it none.
 */
function wrongCell(data: IngestResult, relation: DatePartRelation, r: number, value: number, part: number): 'number' | DateBlame {
  const [low, high] = relation.numbers;
  if (value < low || value > high) return 'number';
  if (part < low || part > high) return 'part';
  if (fitsListedTime(data, relation.date, r) === false) return 'order';
  const dates = sortedColumn(data, relation.date);
  const ms = numericColumn(data, relation.date)[r];
  return ms < dates.quantile(EDGE_QUANTILE) || ms > dates.quantile(1 - EDGE_QUANTILE) ? 'edge' : 'number';
}

/** Share of a date column's dates below (and above) the dates a differing row's date must lie within for its number to be blamed. */
const EDGE_QUANTILE = 0.01;

/** The end of the message on a date blamed, saying why (see wrongCell). */
function whyTheDate(blamed: DateBlame, relation: DatePartRelation, part: number): string {
  if (blamed === 'part') return `its ${relation.part}, ${part}, lies outside the ${relation.part}s of those rows (${relation.numbers[0]}–${relation.numbers[1]})`;
  if (blamed === 'order') return 'it lies out of place among the dates of the rows around it, which are listed in time order';
  return `it lies beyond ${100 - 100 * EDGE_QUANTILE}% of the column's dates`;
}

export const datePartMismatch = defineRule({
  id: 'date-part-mismatch',
  title: 'Year that is not its date\'s',
  dimension: 'consistency',
  defaultSeverity: 'warning',
  defaultOptions: {},
  description: 'A whole-number column that holds the year (month, day) of a date column on every other row, but not on this one: a model year of 2041 beside a registration in 2014; a weekday name that is not its date\'s.',
  docs: `Tables keep a date and a part of it side by side: a car's model year and its first registration, a year, month and
day split from the date for a pivot table. Typed or copied separately, they drift apart — two digits of a year
swapped (2041 for 2014), a date from another row, a placeholder date (1970-01-01) beside the real year.

Learned from the table itself (date-parts.ts): a whole-number column, its values within a year's (1000–3000), a
month's or a day's range, equals that part of a date column's dates on at least 95% of the rows holding both (30 or
more), and ten times as often as with its numbers shuffled over the rows; so does a text column of weekday names
(English, in full or their first three letters, in 95% of its rows: a collision's "Tuesday" beside its date), three
times as often (shuffled weekdays agree one time in seven), its fix written as the column writes its names. Each other row is reported once: on the
number where it lies outside the numbers of the agreeing rows (2041 where they span 2008–2025), on the date where
its part does (a registration in 1970), where it lies out of place in a table listed in time order (a collision dated
the day before its neighbours) or outside its column's 1st to 99th percentiles (a year 2042 among collisions of 2024),
else on the number, with the part the date gives as the quick fix.

The evidence: the date column and the row's date, the number, how many rows agree and, on a number, the part the
date gives (\`expected\`); on a date, why it is blamed (\`blamedFor\`: \`part\`, \`order\` or \`edge\`), which its message says.

**Fix**: correct the number (the quick fix writes the date's part) or, if the number is right, the date.`,
  check({ data, report, isIgnored }) {
    for (const relation of datePartRelations(data)) {
      const [numberName, dateName] = [data.columns[relation.number].name, data.columns[relation.date].name];
      const agreeing = `as in ${groupedInteger(relation.equal)} of the ${groupedInteger(relation.rows)} rows holding both`;
      const numbers = partValues(data, relation);
      for (const { row: r, part } of rowsDiffering(data, relation)) {
        const [value, date] = [cellText(data, r, relation.number), cellText(data, r, relation.date)];
        const evidence = { part: relation.part, date: dateName, dateValue: date, number: numberName, numberValue: value, equalRows: relation.equal, rows: relation.rows };
        const blamed = wrongCell(data, relation, r, numbers[r], part);
        if (blamed === 'number') {
          if (isIgnored(relation.number)) continue;
          const expected = writtenPart(relation.part, part, value);
          report({
            row: r,
            columnIndex: relation.number,
            value,
            evidence: { ...evidence, expected },
            message: `${value} in column "${numberName}" is not the ${relation.part} of ${dateName} ${date} in this row (${expected}), though "${numberName}" is the ${relation.part} of "${dateName}" ${agreeing}.`,
            related: [{ row: r, columnIndex: relation.date, message: `${dateName} ${date}` }],
            fixes: replaceCellFixes(data, r, relation.number, expected, `Replace with ${expected} (the ${relation.part} of ${dateName} ${date})`),
          });
        } else {
          if (isIgnored(relation.date)) continue;
          report({
            row: r,
            columnIndex: relation.date,
            value: date,
            evidence: { ...evidence, blamedFor: blamed },
            message: `${date} in column "${dateName}" is not in the ${relation.part} ${value} that "${numberName}" gives in this row, though "${numberName}" is the ${relation.part} of "${dateName}" ${agreeing}; and ${whyTheDate(blamed, relation, part)}.`,
            related: [{ row: r, columnIndex: relation.number, message: `${numberName} ${value}` }],
          });
        }
      }
    }
  },
});
