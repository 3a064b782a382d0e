/** ratio-outlier: a row whose two proportional measures stand in a ratio far from the other rows' (a book of 256 pages weighing 6 g). */
import { defineRule } from '../rule';
import { cellText } from '../dependencies';
import { ratioCulprit, ratioGaps } from '../ratio-gaps';
import { groupedInteger } from '../../shared/grouped-integer';
import { shownNumber } from '../../shared/shown-number';

/** A ratio as the message writes it: three significant digits. */
const ratioText = (ratio: number) => shownNumber(Number(ratio.toPrecision(3)));

export const ratioOutlier = defineRule({
  id: 'ratio-outlier',
  title: 'Ratio of two measures far from the other rows\'',
  dimension: 'accuracy',
  defaultSeverity: 'warning',
  defaultOptions: {},
  description: 'Two measures of a row that grow together (a book\'s weight and its pages, a dose and a tablet\'s strength) in a ratio far beyond the other rows\': one of them in another unit or slipped.',
  docs: `Tables hold measures of one thing that grow together: a book's weight and its pages, a dose and the strength of
the tablet it is taken in, a parcel's volume and its weight. Their ratio is a property of the thing — grams a page,
tablets a dose — and keeps within a narrow range where the measures span decades. A number written in another unit
(a weight in ounces, a dose in micrograms) or slipped by a power of ten keeps its column's range, so the column's
outliers miss it; its ratio to its partner does not.

Learned from the table itself (ratio-gaps.ts): two columns of positive numbers (99% of them; measures: not
identifiers nor whole numbers nearly all distinct, which are codes, 10 distinct values at least) are proportional when, on 50 rows or more holding both, the central 90% of their log ratios
spans at most 0.35 of the central 90% of either column's logs (a price and a weight only tend to grow together: their
ratio spreads nearly as widely as they do). The log ratios are tested as a numeric column is by outlier (its tests
robust to the shape of a tail, at its default \`alpha\`): a ratio far beyond the others' (0.02 g a page where books
weigh 0.7 to 1.5) marks a wrong number. Which one: the column in more of the row's far ratios than any other (a
weight in ounces is far from its pages and from its height); of one far ratio, the value further into its own
column's tail on the side the ratio says (a ratio too large: the numerator high among its column's, or the
denominator low). Far ratios of one value of a text column in a run of its rows — 10 or more, with at most 5% as many
of its other rows between them — are a regime of that entity, not slips: a ticker's adjusted closes before its split,
a ratio that changed at a date and held since.

The evidence: the other column and its value, the row's ratio, the central 90% of the ratios and their median, and
how many rows hold both.

**Fix**: correct the wrong number from the source (often a unit: ounces for grams, micrograms for milligrams).`,
  check({ data, report, isIgnored }) {
    const { far } = ratioGaps(data);
    if (far.size === 0) return;
    const name = (c: number) => data.columns[c].name;
    for (const [r, ratios] of [...far].sort((x, y) => x[0] - y[0])) {
      const c = ratioCulprit(data, r);
      if (c === undefined || isIgnored(c)) continue;
      // The far ratio that names the wrong number (the first, where it is in several).
      const found = ratios.find(({ pair }) => pair.numerator === c || pair.denominator === c);
      if (!found) continue;
      const { pair, value: ratio } = found;
      const other = c === pair.numerator ? pair.denominator : pair.numerator;
      const [value, otherValue] = [cellText(data, r, c), cellText(data, r, other)];
      const of = `${name(pair.numerator)} / ${name(pair.denominator)}`;
      report({
        row: r,
        columnIndex: c,
        value,
        evidence: { other: name(other), otherValue, ratio: Number(ratio.toPrecision(4)), centralRatios: `${ratioText(pair.low)} to ${ratioText(pair.high)}`, medianRatio: Number(pair.median.toPrecision(4)), rows: pair.rows },
        message:
          `${value} in column "${name(c)}" stands to ${name(other)} (${otherValue}) in this row as ${of} = ${ratioText(ratio)}, ` +
          `where ${of} lies from ${ratioText(pair.low)} to ${ratioText(pair.high)} in 90% of the ${groupedInteger(pair.rows)} rows holding both (median ${ratioText(pair.median)}): a unit, or a slip?`,
        related: [{ row: r, columnIndex: other, message: `${name(other)} ${otherValue}` }],
      });
    }
  },
});
