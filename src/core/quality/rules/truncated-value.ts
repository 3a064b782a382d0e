/** truncated-value: a text cut short at a field's width ("Livingston Munic" among "… Municipal"). */
import { defineRule } from '../rule';
import { TEXT_KINDS, distinctValues, eachMappedRow, replaceCellFixes } from '../column-values';
import { BACKGROUND_VALUES, CUT_CONCENTRATION, CUT_MAX_DISTINCT, CUT_MIN_ROWS, CUT_MIN_VALUES, ENDING_ODDS, FIX_SHARE, MAX_WIDTHS, MIN_COMPLETION_ROWS, MIN_WIDTH, NEIGHBOUR_LENGTHS, cutValues } from '../cut-values';

export const truncatedValue = defineRule({
  id: 'truncated-value',
  title: 'Value cut short',
  dimension: 'accuracy',
  defaultSeverity: 'warning',
  acceptsValues: true,
  defaultOptions: {},
  description: 'A text cut inside a word: at a fixed width ("Livingston Munic"), where the column\'s values ending inside a word gather at that one length, or anywhere, where longer values of the column go on from it ("New hire - partial p").',
  docs: `Systems that keep a text in a field of fixed width (a form, a legacy database, a fixed-width export) cut every
longer value at that width: "Livingston Municipal" becomes "Livingston Munic". Merged with data from other sources,
the cut values are new categories to a model, never match in a join, and the lost words are gone.

A value is taken as cut where it ends inside a word — its last word (after a space or a mark that parts words) is
written nowhere in the table but last (a word of one or two letters: nowhere in its column, as other columns write
initials), and begins words the column writes, in ${MIN_COMPLETION_ROWS} rows or more (or in a longer value
beginning with the whole value) and in as many rows as the word itself — and where such values gather at one length
of ${MIN_WIDTH} characters or more: ${CUT_MIN_VALUES} distinct values or more, their share of the values of that length ${CUT_CONCENTRATION} times their share
among the values up to ${NEIGHBOUR_LENGTHS} characters shorter or longer (where fewer than ${BACKGROUND_VALUES} values are around, the
column's other lengths make up the rest): the field's width, at most ${MAX_WIDTHS} per column. Short forms a
column writes ("St", "Blvd") are words of it; an odd value ending in a rare word is not at one length; and the width is
told only by values whose last two letters are not those of a word's end (found at the ends of the column's words
less than ${ENDING_ODDS} times as often as inside them: "Wilmingt" tells, "Lincoln" beside "Lincolnton" does not), so whole
names that begin longer ones make no width; a cut word of one letter begins some word of nearly any column, so only a longer value
beginning with the whole value tells it ("SPAY-C" for a cat's spaying beside "DENT-CLN" is a code, not a cut); and a word cut at a width ends values of that length only, so a word
ending values of several lengths is written whole ("Avenue C" after house numbers of two and three digits). The evidence: the \`width\`, the cut \`word\` and the \`completion\` the
column writes most (with its \`completionRows\`), the rows ending inside a word at that width (\`cutRows\`), and the
value in full (\`fixed\`) where one value of the column beginning so holds ${FIX_SHARE * 100}% of their rows, or one completion of the
word does. Values cut between two words ("Meadow" for "Meadow Lake") cannot be told and are not reported. Text
columns of at least ${CUT_MIN_ROWS} values and at most ${CUT_MAX_DISTINCT.toLocaleString('en-US')} distinct ones are read, but
not columns of codes (90% of their distinct values written with a digit and without white space): the short last
part of "URB-APP-6407-L" is a size, not a word cut short. Nor is a value written whole in one of the column's
formats: ${CUT_MIN_VALUES} values or more have its shape (capitals, small letters and digits each as one sign, other
characters as themselves) and no longer value begins with that shape — "LN-984-AD" among French number plates, though
Spanish plates end in three letters; a value cut at a width has the shape of the beginning of longer values.

A text cut at any length (a note copied short, a field truncated by hand) is told without a width where it is the
beginning of longer values of the column: a value of several words ending inside a word as above, held by no more rows
than the longer values beginning with it that go on inside that word — "New hire - partial p" beside "New hire -
partial period", "Low miles for the y" beside notes beginning "Low miles for the year.". A name of one word that
begins a longer one ("Lincoln", "Lincolnton") is no such cut. The evidence then has no \`width\`.

**Fix**: take the value in full from its source; the quick fix and the cleaning step write the value in full where
the column tells it. If the value is right as it is, accept it.`,
  check({ data, report, isIgnored, isAccepted }) {
    data.columns.forEach((column, c) => {
      if (!TEXT_KINDS.includes(column.kind) || isIgnored(c)) return;
      const cut = cutValues(data, c);
      if (!cut) return;
      const distinct = distinctValues(data, c);
      eachMappedRow(distinct, cut.cuts, (r, id, how) => {
        const value = distinct.text(id);
        if (isAccepted(c, value)) return;
        const width = distinct.codePoints(id);
        const cutRows = cut.widths.get(width) ?? 0;
        const inFull = how.fixed === undefined ? '' : `; in full, "${how.fixed}"`;
        report({
          row: r,
          columnIndex: c,
          value,
          evidence: { ...(how.atWidth ? { width, cutRows } : {}), word: how.word, completion: how.completion, completionRows: how.completionRows, ...(how.fixed === undefined ? {} : { fixed: how.fixed }) },
          message: how.atWidth
            ? `"${value}" in column "${column.name}" looks cut short at ${width} characters: "${how.word}" is no word of the column, which writes "${how.completion}" (${how.completionRows} rows), ` +
              `and ${cutRows} of its rows hold values that end inside a word at exactly ${width} characters${inFull}.`
            : `"${value}" in column "${column.name}" looks cut short: "${how.word}" is no word of the column, which writes "${how.completion}" (${how.completionRows} rows), ` +
              `and longer values of the column begin with the whole of it${inFull}.`,
          fixes: how.fixed === undefined ? undefined : replaceCellFixes(data, r, c, how.fixed, `Replace with "${how.fixed}"`),
        });
      });
    });
  },
});
