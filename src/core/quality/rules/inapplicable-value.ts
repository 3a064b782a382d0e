/** inapplicable-value: a cell filled where its row's value of another column leaves the column empty in every other row. */
import { defineRule } from '../rule';
import { cellText, contradictedCell } from '../dependencies';
import { missingCellLabel, replaceCellFixes } from '../column-values';
import { misplacedCells } from '../inapplicable-cells';
import { columnsOfOtherKind } from '../row-kind';
import { groupedInteger } from '../../shared/grouped-integer';

export const inapplicableValue = defineRule({
  id: 'inapplicable-value',
  title: 'Value where the row calls for none',
  dimension: 'consistency',
  defaultSeverity: 'warning',
  defaultOptions: {},
  description: 'A cell filled where its row\'s value of another column leaves the column empty in every other row: a cancellation date on a stay checked out, a grade on a complaint\'s inspection.',
  docs: `Many fields apply to some records only: a cancellation date to cancelled bookings, a grade to graded inspections,
a settlement date to closed claims. The systems that export them leave the field empty elsewhere — but a record
whose status changed without the field being cleared, a value typed into the wrong row, or a status set wrongly
leaves a value where the row calls for none, and both cannot be right.

Learned from the table itself (inapplicable-cells.ts): a text column of at most 20 values (not counting values of a few
rows each, 2% of the rows in all: slips such as "Hardwre") has a value (in 30 rows or
more) in whose rows the column is empty in all but 3%, while another of its values fills it (in 90% of its rows, 30
or more). The filled cells in the rows of the first value are reported, on the filled cell, with the row's value that
leaves it empty as related information — unless the rows of that value sharing the row's value of another text column
of at most 20 values fill it (90% of them, 3 rows at least): the row is of a kind that holds it there (a withdrawal
graded "W" in the term still under way, where the term's other enrolments have no grade yet; motor claims whose cover
was typed as a home's, which name their vehicles: the cover is the error), or a dependency learned from
the table contradicts the value that leaves it empty (a urine specimen for a blood test, whose unit is given: the
specimen is wrong, see dependency-violation) — a dependency from a column other than those filled where the row's
values leave them empty (a settlement date says its claim is closed: it is a cell in question). A value of the column
itself, or holding one, leaves nothing empty (it was moved or merged there from the cell). Nor do the filled cells a
number of the row sets apart (5 or more): beyond the value 90% of them reach in another numeric column, the rows of the
emptying value fill the column (90% of them) — a delay code on flights that arrived on time but left 15 minutes late
or more, where every on-time flight that left that late has one; a code on an on-time flight that left on time is still
reported. Nor, in a column of remarks (text filled in a quarter of the rows at most), a note of several words that no row of the
filling value writes: a remark written now and then wherever it applies (an air-quality reading's note "Site visit – no
intervention" on a valid hour, where every calibration hour has its own note); a calibration's note on a valid hour still is.

The evidence: the column and value that leave the column empty, their rows and filled rows, and the value that fills
it with its rows and filled rows.

Where the row's other cells that the two values decide (columns filled in all but 3% of one value's rows and empty in
all but 3% of the other's) are all as the filling value's rows keep them, one of them at least empty where the row's
own value fills it — a call with a roaming country and no cell tower, marked "N" for roaming where roaming calls have a
country and no tower — or where two cells at least, the reported one among them, are filled where the row's value
leaves them empty and none says otherwise (a roaming call with a cell tower and its region: one value written wrong
mends the row, where the cells would be two slips alike) — the row's value is the one wrong cell (one filled cell
alone votes for nothing: a cell filled where it does not belong is as often the slip as the status): it is reported instead (once per row), with the filling value as quick fix and the
columns that say so in the evidence (\`otherColumns\`).

**Fix**: empty the cell (the quick fix), or, if the value is right, correct the row's other value (the status).`,
  check({ data, report, isIgnored }) {
    const emptied = missingCellLabel(data);
    // Rows whose value that leaves a column empty was reported as the wrong cell (once per row and column).
    const wrongKinds = new Set<string>();
    data.columns.forEach((column, c) => {
      if (isIgnored(c)) return;
      for (const [r, why] of misplacedCells(data, c)) {
        // Where a dependency of the table contradicts the row's value that leaves the column empty (a urine specimen for a
        // blood test, whose unit is given), that value is the wrong cell, and dependency-violation's — by a column other
        // than those filled where this row's values leave them empty (a settlement date says its claim is closed: it is a
        // cell in question).
        if (contradictedCell(data, r, why.column, (k) => k === c || misplacedCells(data, k).has(r))) continue;
        const [by, value] = [data.columns[why.column].name, cellText(data, r, c)];
        // The row's other cells that the two values decide are as the filling value keeps them (a country and no cell
        // tower: a roaming call marked "N"): the row's value is the one wrong cell.
        const otherKind = columnsOfOtherKind(data, r, why.column, why.fillingValue, c);
        if (otherKind) {
          const key = `${r}:${why.column}`;
          if (wrongKinds.has(key) || isIgnored(why.column)) continue;
          wrongKinds.add(key);
          const state = (d: number) => `"${data.columns[d].name}" ${cellText(data, r, d) === '' ? 'empty' : 'filled'}`;
          const own = cellText(data, r, why.column);
          report({
            row: r,
            columnIndex: why.column,
            value: own,
            evidence: { column: column.name, fillingValue: why.fillingValue, otherColumns: otherKind.map((d) => data.columns[d].name).join(', ') },
            message:
              `"${own}" in column "${by}" disagrees with its row: "${column.name}" is filled, and ${otherKind.map(state).join(', ')}, as in the rows whose "${by}" is "${why.fillingValue}" ` +
              `("${column.name}" filled in ${groupedInteger(why.fillingFilled)} of ${groupedInteger(why.fillingRows)}), not in those whose "${by}" is "${why.value}" (empty in ${groupedInteger(why.rows - why.filled)} of ${groupedInteger(why.rows)}).`,
            related: [
              { row: r, columnIndex: c, message: `${column.name} "${value}"` },
              { row: why.example, columnIndex: why.column, message: `a row whose "${column.name}" is filled` },
            ],
            fixes: replaceCellFixes(data, r, why.column, why.fillingValue, `Replace with "${why.fillingValue}"`),
          });
          continue;
        }
        report({
          row: r,
          columnIndex: c,
          value,
          evidence: { by, byValue: why.value, rows: why.rows, filled: why.filled, filling: why.fillingValue, fillingRows: why.fillingRows, fillingFilled: why.fillingFilled },
          message:
            `"${value}" in column "${column.name}" where "${by}" is "${why.value}": the column is empty in ${groupedInteger(why.rows - why.filled)} of the ${groupedInteger(why.rows)} rows whose "${by}" is "${why.value}", ` +
            `and filled in ${groupedInteger(why.fillingFilled)} of the ${groupedInteger(why.fillingRows)} rows where it is "${why.fillingValue}".`,
          related: [
            { row: r, columnIndex: why.column, message: `${by} "${why.value}"` },
            { row: why.example, columnIndex: c, message: `filled where "${by}" is "${why.fillingValue}"` },
          ],
          fixes: replaceCellFixes(data, r, c, null, `Replace with ${emptied}`),
        });
      }
    });
  },
});
