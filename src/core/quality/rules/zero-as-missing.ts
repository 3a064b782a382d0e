import { defineRule } from '../rule';
import { isNumeric, numericColumn, sortedColumn } from '../column-values';
import { STRAY_NEGATIVE_SHARE, isolatedBelow } from '../placeholders';
import { farOutFences } from '../numeric-orders';
import { ownedByValue } from '../value-owners';

const measurementName = /(price|cost|budget|revenue|fare|wage|latitude|longitude|area|size|weight|height|length|width|distance|income|salary|mpg|miles|horsepower|displacement|acceleration|bmi|pressure|glucose|insulin|thickness|temperature|mass|volume|m2|sqft)/i;

export const zeroAsMissing = defineRule({
  id: 'zero-as-missing',
  title: 'Zero used as missing',
  dimension: 'accuracy',
  defaultSeverity: 'information',
  defaultOptions: { maxZeroShare: 0.05 },
  description: 'A few exact zeros in a measurement column whose other values are all positive: zero probably stands for "unknown".',
  docs: `A zero weight, price or blood pressure is usually not a measurement but a placeholder for a missing
one (a known defect of datasets such as Pima diabetes or vega's movies). Taken at face value it drags
means and coefficients toward zero.

Reported when the non-zero values are positive (up to 1% of stray negative values aside: lost minus
signs, -999 placeholders, which other rules report; and any number of them beyond the column's far-out fence,
the quartiles less 3 interquartile ranges: in a dirty column of latitudes, longitudes shifted in and lost signs),
zeros are rare (at most \`maxZeroShare\`), and either the
column name suggests a physical or monetary measurement (or a latitude or longitude: places of one
hemisphere, where 0 is the placeholder "Null Island") or zero stands alone below the other values, far
from the smallest of them (at least twice the spread of their lowest 5% and twice the step between their two
smallest values: a price of 0 among prices from 700 up; not a wind speed of 0 among speeds from 0.4 up, nor a
count of 0 among counts from 1 up). Not where another column's values carry the zeros (most of their rows are in values
of it most of whose rows hold 0: violation codes worth no points).

**Fix**: replace the zeros with empty cells (missing) if they mean "unknown".`,
  check({ data, options, report }) {
    data.columns.forEach((column, c) => {
      if (!isNumeric(column)) return;
      // The sorted finite values (shared with the profile) say at once whether the minimum is a zero.
      const sorted = sortedColumn(data, c);
      const negatives = sorted.rank(0, true);
      const zeroCount = sorted.rank(0, false) - negatives;
      if (zeroCount === 0) return;
      // Negative values beyond the column's far-out fence (shifted values, lost signs, -999) are strays however many a
      // dirty column holds; those within it make a signed column, where 0 is a value.
      const [lowFence] = farOutFences(data, c);
      const signed = negatives - Math.min(negatives, sorted.rank(lowFence, true));
      if (signed > STRAY_NEGATIVE_SHARE * sorted.length) return;
      const values = numericColumn(data, c);
      const zeros: number[] = [];
      let present = 0;
      for (let r = 0; r < values.length; r++) {
        const v = values[r];
        if (Number.isNaN(v)) continue;
        present++;
        if (v === 0) zeros.push(r);
      }
      if (zeros.length > present * options.maxZeroShare || present - zeros.length - negatives < 10) return;
      if (!measurementName.test(column.name) && !isolatedBelow(0, sorted.from(negatives + zeroCount))) return;
      // Zeros that another column's values carry (violation codes worth 0 points) are a level of the table.
      if (ownedByValue(data, c, values, [0])) return;
      for (const r of zeros) {
        const others = negatives ? `positive but for ${negatives} stray negative value${negatives > 1 ? 's' : ''}` : 'all positive';
        report({ row: r, columnIndex: c, value: '0', message: `0 in column "${column.name}", whose other values are ${others}: is it a missing value?` });
      }
    });
  },
});
