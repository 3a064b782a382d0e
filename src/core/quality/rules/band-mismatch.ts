/** band-mismatch: a label whose row's number lies in the band of numbers another of its values holds. */
import { defineRule } from '../rule';
import { cellText } from '../dependencies';
import { distinctValues, replaceCellFixes } from '../column-values';
import { bandBreaks } from '../bands';
import { groupedInteger } from '../../shared/grouped-integer';

export const bandMismatch = defineRule({
  id: 'band-mismatch',
  title: 'Label outside its number\'s band',
  dimension: 'consistency',
  defaultSeverity: 'warning',
  defaultOptions: {},
  description: 'A label whose row\'s number lies in the band of numbers that another of its values holds in every other row (an air-quality category "Good" for a PM2.5 of 10.4, where 9.1 to 35.4 is "Moderate").',
  docs: `Tables keep a category beside the number it was cut from: an air-quality category beside the PM2.5 reading, a
letter grade beside the score, a size band beside the weight, a risk class beside the score. Set by hand, or by an
older version of the cut-offs, the category drifts from its number.

Learned from the table itself (bands.ts): a text column of 2 to 12 values and a numeric column (20 distinct numbers
at least, not an identifier; no dependency of equal numbers already saying the label, which dependency-violation
checks) where, the rows (100 at least, an even sample of 20,000 at most) sorted by the number, each row holds the label
that 6 of its 8 neighbours hold — all but 2% of the rows, and a tenth at most of the rows that would not with the
labels shuffled — and the rows that do make one run per value: a band of numbers, two of them at least with 5 rows,
no two touching. A row whose number lies inside another value's band (from its lowest to its highest number) is
reported on the label, with that band's value as the quick fix; a number in the gap between two bands says nothing.
A label banded by two numbers (a status cut from the availability, whose downtime in hours only follows it as the
daylight varies) is reported once, and not where the other number lies in the band of the row's own label: that
number says the label.
More such rows in the whole table than 2% of it: no bands, nothing reported.

The evidence: the number, the band (its value, lowest and highest number, rows in the sample).

**Fix**: correct the label (the quick fix), or the number if the label is right.`,
  check({ data, report, isIgnored }) {
    for (const { banded, row, band } of bandBreaks(data)) {
      if (isIgnored(banded.label)) continue;
      const [labelName, numberName] = [banded.label, banded.number].map((c) => data.columns[c].name);
      const value = cellText(data, row, banded.label);
      const number = cellText(data, row, banded.number);
      const expected = distinctValues(data, banded.label).text(band.id);
      report({
        row,
        columnIndex: banded.label,
        value,
        evidence: { number: numberName, numberValue: number, expected, bandLow: band.low, bandHigh: band.high, bandRows: band.rows },
        message:
          `"${value}" in column "${labelName}" where ${numberName} is ${number}: the rows with ${numberName} from ${band.low} to ${band.high} are "${expected}" ` +
          `(${groupedInteger(band.rows)} rows of ${groupedInteger(banded.rows)} looked at).`,
        related: [{ row, columnIndex: banded.number, message: `${numberName} ${number}` }],
        fixes: replaceCellFixes(data, row, banded.label, expected, `Replace with "${expected}"`),
      });
    }
  },
});
