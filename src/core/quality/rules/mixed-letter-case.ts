/** mixed-letter-case: a text written in capitals (or small letters) in a column that writes its letters otherwise. */
import { defineRule } from '../rule';
import { distinctValues, eachMappedRow, replaceCellFixes } from '../column-values';
import { CASED_SHARE, CASE_DOMINANT_SHARE, CASE_KNOWN_WORDS, CASE_LONG_WORD, CASE_MAX_DISTINCT, CASE_MIN_LETTERS, CASE_MIN_ROWS, MIXED_CASE_SHARE, codeCase, columnCase } from '../letter-case';
import { CATEGORY_MAX_DISTINCT } from '../category-key';

export const mixedLetterCase = defineRule({
  id: 'mixed-letter-case',
  title: 'Value in another letter case',
  dimension: 'consistency',
  defaultSeverity: 'warning',
  acceptsValues: true,
  defaultOptions: {},
  description: 'A text written in capitals or in small letters in a column that writes its letters otherwise ("THE GODFATHER" among titles in mixed case, "sku-100049" among codes in capitals).',
  docs: `Sources write letters their own way: one catalogue writes titles "The Godfather", another "THE GODFATHER"; an
older registry writes names in capitals. Merged, the same name is two values to a join, a group-by or a model
that reads words, and the table shows where each row came from.

A text column has a way of writing its letters when at least ${CASE_DOMINANT_SHARE * 100}% of its rows (of values with ${CASE_MIN_LETTERS} letters of
a case or more; at least ${CASE_MIN_ROWS} rows, and ${CASED_SHARE * 100}% of the column's: a column of numbers or codes has no way) write them one way: in capitals, in small letters or in mixed case — and
mixed case is its way wherever more than ${MIXED_CASE_SHARE * 100}% of the rows write it: capitals and small letters lose what mixed
case tells, so a column written in mixed case in most rows was written so at its source, and a second source wrote
the rest in capitals, however many of them (the mixed-case rows give each word's form for the fix). Only texts
of words are read — letters and digits parted by spaces and the marks of names and titles; not addresses, paths
or codes ("http://…/Site/", "RFE/RL", "D18-A3 9*9"), nor words with a mark inside ("TUT.BY"), whose case belongs to
them. A value written another way is reported with the column's way and the value as the column writes it (each
word in the form the column writes it in most, the first word of a value apart, where it writes every word of it;
in capitals or small letters, the whole value so). Only values whose words (of three letters or more) the column
writes elsewhere, the other way, or that are of ${CASE_LONG_WORD} letters or more, in at least ${CASE_KNOWN_WORDS * 100}% of them — two such
words, or one of ${CASE_LONG_WORD} letters — count: "NASA" or "WALL-E" among titles is a name of its own. A capital first
letter among values in small letters ("Friable" among "friable", "loose") is how sentences begin, not another way, and
a value in small letters whose every word the column writes so ("3rd row seating.") has no capital to begin with;
a column of prose (notes, comments: half of its rows hold sentences, of two words or more ending in ".", "!" or "?") is not read, as its
case is each writer's ("TOW PACKAGE." among sellers' notes);
a placeholder ("NOT AVAILABLE") is disguised-missing's; a value written so in several rows and no other way is how
that name is written ("KEROPETROL" among brands); and a value that is another value of the column in another case
is category-variant's, in a column of at most ${CATEGORY_MAX_DISTINCT.toLocaleString('en-US')} distinct values (which it reads by default). Columns
with more than ${CASE_MAX_DISTINCT.toLocaleString('en-US')} distinct values are not read.

A column of codes — one token of letters and digits each ("SKU-100049", "B-737-300", a hash) — has a way too,
however few letters each code holds: where ${CASE_DOMINANT_SHARE * 100}% of its codes with letters (at least ${CASE_MIN_ROWS} rows, ${CASED_SHARE * 100}% of the
column's) write them in capitals, or in small letters, a code written all in the other case ("sku-100049") is
reported, with the code as the column writes it. Mixed case is no way for codes (identifiers such as "aZ3x" carry
meaning in it); a code counts only where each run of its letters is one the column's other codes hold ("SKU", not a
new prefix), and where it is in one row or its other spelling is in the column.

**Fix**: write the value as the column does (quick fix and cleaning step). If the value is right as it is, accept it.`,
  check({ data, report, isIgnored, isAccepted }) {
    data.columns.forEach((column, c) => {
      if (isIgnored(c)) return;
      const learned = columnCase(data, c) ?? codeCase(data, c);
      if (!learned || learned.other.size === 0) return;
      const distinct = distinctValues(data, c);
      const share = Math.floor(100 * learned.share);
      eachMappedRow(distinct, learned.other, (r, id, other) => {
        const value = distinct.text(id);
        if (isAccepted(c, value)) return;
        report({
          row: r,
          columnIndex: c,
          value,
          evidence: { letterCase: other.letterCase, columnCase: learned.letterCase, columnShare: learned.share, ...(other.fixed === undefined ? {} : { fixed: other.fixed }) },
          message: `"${value}" is written in ${other.letterCase}, unlike ${share}% of column "${column.name}", which writes its letters in ${learned.letterCase}${other.fixed === undefined ? '' : ` ("${other.fixed}")`}.`,
          fixes: other.fixed === undefined ? undefined : replaceCellFixes(data, r, c, other.fixed, `Write as the column does: "${other.fixed}"`),
        });
      });
    });
  },
});
