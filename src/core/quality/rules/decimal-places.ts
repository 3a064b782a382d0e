import { defineRule } from '../rule';
import { cellSourceText } from '../column-values';
import { writtenDecimalsOf } from '../written-decimals';

export const decimalPlaces = defineRule({
  id: 'decimal-places',
  title: 'Number written with other decimals',
  dimension: 'consistency',
  defaultSeverity: 'warning',
  acceptsValues: true,
  defaultOptions: {},
  description: 'A number written with other decimals than every other number of its column ("2100" among heights written "210.0", "32.7"): a value in another unit, or from another source.',
  docs: `A system that writes a measure writes every value with the same decimals, trailing zeros included: heights to the
tenth of a centimetre ("210.0", "32.7"), amounts to the cent ("12.50"). A value written with other decimals came
another way: a height in millimetres ("2100") or in inches ("12.87"), a total keyed by hand, a value pasted from
another file. As a number it often looks plausible, so the outlier rules miss it.

Learned from the column as written in the file (written-decimals.ts): a column of plain decimal numbers (no unit,
currency or grouping; CSV and JSON Lines) whose sampled cells (500, evenly spread, 50 numbers at least) write one count
of decimals, one or more, in 99% of them; every cell written with another count is reported, where they are at most 1%
of the column's numbers (more is a column written with several precisions) once the cells of a kind are set aside: those
of a value of a text column (of at most 100 values) that is written otherwise in half of its rows or more (3 at least)
are that value's way, not slips — amounts in yen, without cents, among amounts in euros. Only the cells whose number cannot tell are read back from the
file: whole numbers (2100 and 210.0 are both whole); 12.87 needs two decimals whatever, and a number that needs some
decimals but fewer than the column writes is taken as written with its trailing zeros (12.5 as "12.50": were it written
"12.5", only a zero would differ).

The evidence: the decimals the cell writes, the column's, and how many of its numbers write them; a related place is a
cell written as the column writes.

**Fix**: check the value's unit and source; accept it where the column's precision differs for a reason.`,
  check({ data, report, isAccepted, isIgnored }) {
    data.columns.forEach((column, c) => {
      if (isIgnored(c)) return;
      const written = writtenDecimalsOf(data, c);
      if (!written) return;
      const { decimals, numbers, others, example } = written;
      const sample = cellSourceText(data, example, c)?.trim() ?? '';
      for (const [r, count] of others) {
        const text = cellSourceText(data, r, c)?.trim() ?? '';
        if (isAccepted(c, text)) continue;
        report({
          row: r,
          columnIndex: c,
          value: text,
          evidence: { decimals: count, columnDecimals: decimals, numbers, writtenSo: numbers - others.size },
          message:
            `"${text}" in column "${column.name}" is written with ${count} decimal${count === 1 ? '' : 's'}, where the column writes ${decimals} ` +
            `(${(numbers - others.size).toLocaleString('en-US')} of its ${numbers.toLocaleString('en-US')} numbers, like "${sample}"): a value in another unit, or from another source?`,
          related: [{ row: example, columnIndex: c, message: `Written as the column writes: "${sample}"` }],
        });
      }
    });
  },
});
