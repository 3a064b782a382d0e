/** duration-mismatch: a number that counts the time between two dates of its row (minutes taken, days of a stay) and does not. */
import { defineRule } from '../rule';
import { cellText } from '../dependencies';
import { replaceCellFixes } from '../column-values';
import { countsOff, elapsedTimes } from '../elapsed-times';
import { dateGaps } from '../date-gaps';
import { groupedInteger } from '../../shared/grouped-integer';
import { shownNumber } from '../../shared/shown-number';

export const durationMismatch = defineRule({
  id: 'duration-mismatch',
  title: 'Duration that is not the time between its dates',
  dimension: 'consistency',
  defaultSeverity: 'warning',
  defaultOptions: {},
  description: 'A number that counts the time between two dates of its row in the other rows (minutes between a start and an end, days of a stay) and does not in this one.',
  docs: `Tables of events often keep a duration beside the times it runs between: the minutes a survey took beside its
start and end, a stay's days beside its admission and discharge, a trip's seconds. The duration is computed once, or
typed, and drifts from its dates: a slip of a digit, a duration ×10, a unit confused, a date corrected without it.

Learned from the table itself (elapsed-times.ts): a numeric column counts the time from one date (or timestamp)
column to another in a unit — seconds, minutes, hours, days or weeks — when, on 80% of the 30 rows or more holding
the three values, it lies within one unit of the time between them (rounded or cut to whole units), and three times
as often as with the numbers shuffled over the rows. A row where it lies further is reported on the number, with the
time its dates give (quick fix, cleaning step) — unless the row's two dates lie far apart from each other by the
table's other rows (gap-outlier's, broken-order's: a date is the wrong cell there, and the number may be right).

The evidence: the two date columns and their values, the unit, the time the dates give (\`expected\`), and how many
rows keep the relation.

**Fix**: correct the number (the quick fix writes the time the dates give) or, if it is right, a date.`,
  check({ data, report, isIgnored }) {
    const far = dateGaps(data).far;
    for (const relation of elapsedTimes(data)) {
      if (isIgnored(relation.count)) continue;
      const [name, fromName, toName] = [relation.count, relation.from, relation.to].map((c) => data.columns[c].name);
      for (const { row: r, expected } of countsOff(data, relation)) {
        // A date far from the other (by the table's gaps between them) is the wrong cell: the number is no evidence against itself.
        if (far.get(r)?.some(({ gap }) => [gap.from, gap.to].includes(relation.from) && [gap.from, gap.to].includes(relation.to))) continue;
        // A date before the one it follows (a row breaking the order the relation counts forward) is a date's error too.
        if (expected < 0) continue;
        const value = cellText(data, r, relation.count);
        const [from, to] = [cellText(data, r, relation.from), cellText(data, r, relation.to)];
        const time = String(Number(expected.toFixed(data.columns[relation.count].kind === 'integer' ? 0 : 2)));
        report({
          row: r,
          columnIndex: relation.count,
          value,
          evidence: { from: fromName, fromValue: from, to: toName, toValue: to, unit: relation.unit.name, expected: time, holdingRows: relation.holding, rows: relation.rows },
          message:
            `${value} in column "${name}" is not the ${relation.unit.name} from ${fromName} (${from}) to ${toName} (${to}) of this row, ${shownNumber(Number(time))}, ` +
            `as ${name} counts them in ${groupedInteger(relation.holding)} of the ${groupedInteger(relation.rows)} rows holding all three.`,
          related: [
            { row: r, columnIndex: relation.from, message: `${fromName} ${from}` },
            { row: r, columnIndex: relation.to, message: `${toName} ${to}` },
          ],
          fixes: replaceCellFixes(data, r, relation.count, time, `Replace with ${time} (the ${relation.unit.name} from ${fromName} to ${toName})`),
        });
      }
    }
  },
});
