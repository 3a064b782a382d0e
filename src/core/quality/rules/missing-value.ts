import { defineRule } from '../rule';
import { distinctValues, missingCellLabel, missingCount, nullRows, replaceCellFix, replaceCellFixes } from '../column-values';
import { groupedInteger } from '../../shared/grouped-integer';
import { dependencyFills, unrecordedRows, type DependencyFill } from '../dependency-fill';
import { missingSpellings, spellingCount, spellingsBeside, writtenSeveralWays, type MissingSpellings } from '../missing-spellings';
import { requiredCells, type RequiredBy } from '../required-cells';
import { pendingRows } from '../pending-cells';
import { concentratedEmptyCells, emptyInStepCells, emptyRows, emptyStretchRows, emptyTogetherCells, inapplicableCells, residualConcentratedCells } from '../inapplicable-cells';

export const missingValue = defineRule({
  id: 'missing-value',
  title: 'Missing value',
  dimension: 'completeness',
  defaultSeverity: 'information',
  defaultOptions: { minCompleteness: 0.95, maxMissingShare: 0.5 },
  description: 'A cell is empty or holds an NA token ("NA", "N/A", "null", "-", …) in a mostly complete column; a sparser column gets one finding, its NA tokens where it writes missing values more than one way, and its empty cells where another column\'s value calls for them (a sold date where the status is "Sold").',
  docs: `Models cannot use a missing value as it is: rows are dropped or values imputed, and either choice
changes what the model learns, most of all when values are missing for a reason (not at random).
NA tokens are worse than empty cells: tools that do not know the token read "N/A" as a category or make
a numeric column textual.

Each missing cell is listed only in a column that is at least \`minCompleteness\` complete (95%): there
the field is evidently meant to be filled and each gap is worth a look. A column with more gaps is an
optional field; listing its empty cells one by one would bury the other findings, so it gets one finding
with the share missing (the evidence: \`missing\`, \`rows\`, \`naTokens\`). Columns missing more than
\`maxMissingShare\` of their values are reported once by \`mostly-empty-column\` instead.

Where a sparser column writes its missing values **more than one way** — empty cells beside NA tokens, or two
tokens ("N/A" from one source, "-" from another) — its NA-token cells are listed one by one all the same, each
with the fix that empties it: one missing value spelled several ways is an inconsistency, and tools read the
spellings differently (the evidence: \`emptyCells\`, \`naTokens\`, \`spellings\`). A column that writes them
one way only (all empty, or all "NA" as R writes them) is not.

An empty cell that the table's own dependencies fill is listed in either kind of column, with that value as
the quick fix: where a dependency learned from the table (see dependency-violation) holds for the row's
left-hand value and that group's other rows agree on a value (in two rows or more) — a journal's ISSN given
in its other articles, a flight's departure in its other records — the value was left out, not unknown
(the evidence: \`expected\`, \`expectedRows\`, \`group\`). Two dependencies that fill it differently fill nothing; nor does one where another dependency's group leaves the column
empty in all its other rows (two or more): a living artist's death year, empty in each of the artist's rows, is not
filled from a credit line shared with another artist's objects; nor a group that leaves it empty in 4 rows or more, a
quarter of its rows at least, or, of a dependency of two columns, whose row's value of one of them does (a drug left
empty in 40% of the dental visits: a visit without one, not the drug left out). In a
sparser column, a cell empty in step with another column — both empty in 99% of the rows where either is, in at most
90% of the rows — has nothing to fill: a lab unit at the visits without a lab value.

An empty cell of a sparser column is listed, too, where its row's value of another column calls for it: a column
is filled in 99% or more of the rows (30 at least) holding one value of a text column of at most 20 values (not counting values of a few rows each, 2% of the rows in all:
slips such as "Diary" for "Dairy"), and empty
in at least half of the rows holding the others — a sold date where the status is "Sold", a reason where an order
was cancelled. The field is filled because of that value; the cells left empty there are gaps (the evidence:
\`requiredBy\`, \`requiredValue\`, \`filled\`, \`rows\`; the related place is a row of that value that is filled).

An empty cell another column's value explains is not listed: where a text column has a value (in 20 rows or more)
in whose rows the column is empty in 95% or more, while it is filled in 90% of the other values' rows (those of values
that empty it too aside: no grade on a complaint's inspection nor before a permit) — an engine's displacement where
the fuel is "Electric", a contractor's licence where the contractor is "OWNER/BUILDER" among 300 contractors' names
(of a column of more than 20 values, three such values at most: rows copied in blocks, each copy empty where its
original is, are no kinds of record) — the field has nothing to hold there, and no dependency fills it. A value of the
column itself, or one holding it as words, explains nothing (it was moved or merged there from the empty cell);
column-shift does not take such cells for the place a neighbour's value came from either. Nor are cells listed where
the column is empty in the same rows as another column is empty, or holds 0 — 90% of the fewer such cells of the two,
20 rows at least, or 10 rows or more, however many of their cells that is, where chance would put as many together with
odds under 1e-9 (or 5 rows or more at those odds where they are 90% of each column's empty cells and a column of
remarks, filled in at most a quarter of the table's rows, is filled in 90% of them: nine plots noted as not
harvested, without a grain weight, a yield nor a moisture; unmarked, a few rows emptied alike may be broken records) (19 objects of a catalogue without a height nor a width, airports abroad without a city nor a state:
gaps left one by one in either column do not part them) (or, beside a column's zeros, 90% of them, 5 rows at least: two new precincts without voters have
no turnout, polling place nor zip in their contests' rows), five times as many as chance would put together (a column
empty in most rows is empty beside any gap):
an order not shipped yet has no ship date, carrier nor tracking number; an invoice of 0.00 no payment method; errors empty cells one by one, not in step
(a value shifted out of such a cell is still column-shift's: a film's record missing several fields may also have had
one merged into its neighbour). Nor, in a mostly complete column, are the empty cells of a value of a text column of at most 100 values (22 categories of a catalogue, its brands) whose rows
hold empty cells ten times as often as the other rows (5 at least, a chance under 1e-9 were they spread at random;
values taken one after another, each against the rows of the values not taken; of a column of more than 20 values,
three such values at most): agencies' and the GDS's bookings
leave the guest's country out, a league's source gives no attendance — how those records are kept, where gaps an
error leaves fall anywhere (the other rows' empty cells are still listed). Nor, in a mostly complete column, are the
empty cells of a stretch of the file's first (or last) rows that holds 95% of them or more (20 at least), from its
first row (or to its last) as densely as within it, the stretch at most half the rows, a chance under 1e-9 were they spread at random — running on over the empty cells just past it
that lie as close together as within it (ten times its mean distance): a field recorded only since some time, a
museum's acquisition dates never written for its first decades' objects in a catalogue in accession order (a gap
after the stretch is still listed). Nor, in a mostly complete column, are the empty cells of an entity empty in
every one of its records (two or more) under a dependency of the table on the column: a match's minutes, empty in
both its players' rows, were not recorded for the match, where a slip empties one record and the others fill it
(listed then, with their value). Nor are the empty cells of the newest records, not filled in yet: where a mostly
complete column's last empty cells (3 to 200 of them) crowd into the file's last rows (at most 5% of them) with a chance
under 1e-9 were the column's empty cells spread at random — claims still open with no adjuster assigned, tickets nobody
answered yet, in an export written in the order records came in (pending-cells.ts; gaps before the stretch are still
listed). The same concentration is then looked for among the rows all these leave: a
network's earthquakes whose depth it fixes have no depth error, once the blasts that have none are set aside. And a
value that calls for the column (above) does not call for the empty cells of its rows that another value's rows hold
so concentrated among its own (the earthquakes of that network). All these cells still count in the column's share of
missing values.

**Fix**: fill the value from the source, or leave it empty (the quick fix replaces an NA token with an
empty cell, in JSON Lines with \`null\`) and decide on an imputation in training.`,
  check({ data, options, report, reportCells }) {
    const rows = data.table.numRows;
    // Per column: NA-token text and rejected cells by row (most columns have neither).
    const tokensOf = new Map<number, Map<number, string>>();
    for (const cell of data.naTokenCells) {
      let byRow = tokensOf.get(cell.column);
      if (!byRow) tokensOf.set(cell.column, (byRow = new Map()));
      byRow.set(cell.row, cell.text);
    }
    const rejectedOf = new Map<number, Set<number>>();
    for (const cell of data.rejectedCells) {
      let byRow = rejectedOf.get(cell.column);
      if (!byRow) rejectedOf.set(cell.column, (byRow = new Set()));
      byRow.add(cell.row);
    }
    const emptied = missingCellLabel(data);
    data.columns.forEach((column, c) => {
      const tokens = tokensOf.get(c);
      const rejected = rejectedOf.get(c);
      // An empty cell whose group under a dependency agrees on a value (dependency-fill.ts): that value is the fix.
      const reportFill = (r: number, { text, rows: holding, where, row }: DependencyFill, token: string | undefined) => {
        const fixes = replaceCellFixes(data, r, c, text, `Fill with "${text}" (as in ${holding} rows with ${where})`);
        report({
          row: r,
          columnIndex: c,
          ...(token === undefined ? {} : { value: token }),
          evidence: { expected: text, expectedRows: holding, group: where },
          message: `Missing value in "${column.name}"${token === undefined ? '' : ` written as the NA token "${token}"`}: the other rows with ${where} say "${text}" (${holding} rows).`,
          related: [{ row, columnIndex: c, message: `"${text}" with ${where}` }],
          fixes,
        });
      };
      // An empty cell of a sparse column that its row's value of another column calls for (required-cells.ts).
      const reportRequired = (r: number, { column: k, value, rows: holding, filled, example }: RequiredBy, token: string | undefined) => {
        const other = data.columns[k].name;
        report({
          row: r,
          columnIndex: c,
          ...(token === undefined ? {} : { value: token }),
          evidence: { requiredBy: other, requiredValue: value, filled, rows: holding },
          message: `Missing value in "${column.name}"${token === undefined ? '' : ` written as the NA token "${token}"`}: it is filled in ${groupedInteger(filled)} of the ${groupedInteger(holding)} rows whose "${other}" is "${value}", as this one's is.`,
          related: [{ row: example, columnIndex: c, message: `filled where "${other}" is "${value}"` }],
        });
      };
      const missing = missingCount(data, c);
      if (missing === 0) return;
      // Empty cells another column's value explains (an engine's size where the fuel is electric) are no gaps: not
      // listed (the column's share of missing values still counts them).
      // (Cells empty together matter where cells are listed one by one: a column mostly complete.)
      const dense = missing <= rows * (1 - options.minCompleteness);
      // (In a mostly complete column, also cells empty together, concentrated in a value's rows, or in a stretch of the file.)
      const inapplicable = new Set(dense ? [...emptyTogetherCells(data, c).keys(), ...concentratedEmptyCells(data, c).keys(), ...inapplicableCells(data, c).keys(), ...emptyStretchRows(data, c), ...pendingRows(data, c)] : inapplicableCells(data, c).keys());
      // Then, among the rows those leave, empty cells concentrated in another value's rows (see residualConcentratedCells).
      if (dense) for (const r of residualConcentratedCells(data, c, inapplicable).keys()) inapplicable.add(r);
      const plain = `Missing value in "${column.name}".`;
      const reportToken = (r: number, token: string, otherWays?: MissingSpellings) => {
        const fix = replaceCellFix(data, r, c, null, `Replace "${token}" with ${emptied}`);
        report({
          row: r,
          columnIndex: c,
          value: token,
          ...(otherWays ? { evidence: { emptyCells: otherWays.emptyCells, naTokens: tokens?.size ?? 0, spellings: spellingCount(otherWays) } } : {}),
          message: `Missing value in "${column.name}" written as the NA token "${token}"${otherWays ? `, though the column writes others as ${spellingsBeside(otherWays, token)}: missing values written ${spellingCount(otherWays)} ways` : ''}.`,
          fixes: fix ? [fix] : undefined,
        });
      };
      // In a sparser column missing values are not listed, but where they are written more than one way (empty
      // cells beside NA tokens, or two tokens), its NA tokens are: one missing value spelled two ways.
      const spellings = tokens && missingSpellings(tokens, missing);
      const listTokens = (skip: ReadonlySet<number>) => {
        if (!tokens || !spellings || !writtenSeveralWays(spellings)) return;
        for (const [r, token] of tokens) if (!skip.has(r)) reportToken(r, token.trim(), spellings);
      };
      // The missing cells (rejected ones are text in a typed column, not missing).
      const missingRows = () => nullRows(data, c).filter((r) => !rejected?.has(r) && !inapplicable.has(r));
      // The empty cells another column's value calls for, learned from every empty cell (those explained by another value
      // are what makes the calling value's rows stand out), but for `skip`.
      const calledFor = (skip: ReadonlySet<number>) => {
        const required = requiredCells(data, c, emptyRows(data, c));
        for (const r of required.keys()) if (skip.has(r) || inapplicable.has(r)) required.delete(r);
        // Among the rows of a value that calls for the column, its empty cells concentrated in another value's rows are
        // how those records are kept (a network that fixes an earthquake's depth gives no error of it).
        for (const rows of rowsByReason(required)) {
          const { column: k } = required.get(rows[0])!;
          const ids = distinctValues(data, k).ids;
          const own = ids[rows[0]];
          const outside = new Set<number>();
          for (let r = 0; r < ids.length; r++) if (ids[r] !== own) outside.add(r);
          for (const r of residualConcentratedCells(data, c, outside).keys()) required.delete(r);
        }
        return required;
      };
      if (missing > rows * options.maxMissingShare) {
        const required = calledFor(new Set());
        for (const [r, why] of required) reportRequired(r, why, tokens?.get(r)?.trim());
        return listTokens(new Set([...required.keys(), ...inapplicable.keys()]));
      }
      if (!dense) {
        const naTokens = tokens?.size ?? 0;
        const share = `${((100 * missing) / rows).toFixed(0)}%`;
        // A cell empty in step with another column (a lab unit where no lab value was taken) has nothing to fill.
        const together = emptyInStepCells(data, c);
        const missingHere = missingRows().filter((r) => !together.has(r));
        const fills = dependencyFills(data, c, missingHere);
        // The empty cells another column's value calls for, besides those other rows fill.
        const required = calledFor(new Set(fills.keys()));
        const listed = [fills.size ? `the ${groupedInteger(fills.size)} that other rows fill` : '', required.size ? `the ${groupedInteger(required.size)} that another column's value calls for` : ''].filter(Boolean);
        report({
          row: null,
          columnIndex: c,
          evidence: { missing, rows, naTokens },
          message:
            `Column "${column.name}" is ${share} empty (${groupedInteger(missing)} of ${groupedInteger(rows)} values missing` +
            `${naTokens ? `, ${groupedInteger(naTokens)} written as NA tokens` : ''}): an optional field, its empty cells are not listed one by one` +
            (listed.length ? ` but for ${listed.join(' and ')}.` : '.'),
        });
        for (const [r, fill] of fills) reportFill(r, fill, tokens?.get(r)?.trim());
        for (const [r, why] of required) reportRequired(r, why, tokens?.get(r)?.trim());
        return listTokens(new Set([...fills.keys(), ...required.keys(), ...inapplicable.keys()]));
      }
      const missingHere = missingRows();
      const fills = dependencyFills(data, c, missingHere);
      for (const [r, fill] of fills) reportFill(r, fill, tokens?.get(r)?.trim());
      // Empty in every record of its entity (a match's minutes in both players' rows): not recorded, not left out.
      for (const r of unrecordedRows(data, c, missingHere)) inapplicable.add(r);
      const nulls = fills.size || inapplicable.size ? nullRows(data, c).filter((r) => !fills.has(r) && !inapplicable.has(r)) : nullRows(data, c);
      if (!tokens && !rejected) return reportCells(c, nulls, plain);
      // Empty cells in runs between the NA tokens (reported one by one, with their fix), in row order; rejected cells left out.
      const run: number[] = [];
      for (const r of nulls) {
        if (rejected?.has(r)) continue;
        const token = tokens?.get(r)?.trim();
        if (token === undefined) {
          run.push(r);
          continue;
        }
        reportCells(c, run, plain);
        run.length = 0;
        reportToken(r, token);
      }
      reportCells(c, run, plain);
    });
  },
});

/** The rows of `required`, grouped by the column and value that call for them. */
function rowsByReason(required: ReadonlyMap<number, RequiredBy>): number[][] {
  const groups = new Map<string, number[]>();
  for (const [r, why] of required) {
    const key = `${why.column}\u0000${why.value}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups.values()];
}
