/** mixed-list-separator: a list written with another separator than most lists of its column ("A; B" among "A, B"). */
import { defineRule } from '../rule';
import { TEXT_KINDS, distinctValues, eachMappedRow, replaceCellFixes } from '../column-values';
import { LIST_MAX_DISTINCT, LIST_MIN_ROWS, LIST_SHARE, RECURRING_ITEMS, listColumn } from '../list-separators';

/** A separator as a message shows it. */
const shown = (separator: string) => `"${separator}"`;

export const mixedListSeparator = defineRule({
  id: 'mixed-list-separator',
  title: 'Lists written with several separators',
  dimension: 'consistency',
  defaultSeverity: 'warning',
  acceptsValues: true,
  defaultOptions: {},
  description: 'A list whose items are separated another way than the lists of the rest of its column ("Tom Hanks; Meg Ryan" among "Tom Hanks, Meg Ryan", "Action|Drama" among "Action, Drama").',
  docs: `Catalogues merged from several sources write lists their own way: one separates a film's actors with
commas, another with semicolons; one writes genres "Action|Drama", another "Action, Drama". Splitting the column
into its items (to count actors, or one-hot encode genres) then leaves whole lists as single items.

A text column is a column of lists when at least ${LIST_SHARE * 100}% of its rows (and ${LIST_MIN_ROWS}) are lists written with
one separator — two items or more, each with a letter, separated by \`, \`, \`; \`, \` | \`, \` / \`, \`,\`, \`;\` or \`|\` —
and their items recur (at least ${RECURRING_ITEMS * 100}% of the items are in two lists or more: actors, genres, tags do, the
clauses of free text do not). A value that is a list written with another of those separators, and without the
column's, is reported with the column's separator and an example. A value holding the column's separator too
is left alone (an item may hold other punctuation). Whether a column holds lists, their separator and whether
their items recur are told on an even sample of 2,000 rows; columns with more than
${LIST_MAX_DISTINCT.toLocaleString('en-US')} distinct values are not read.

**Fix**: write the items with the column's separator (quick fix and cleaning step). If the separator is right
for this value, accept it.`,
  check({ data, report, isIgnored, isAccepted }) {
    data.columns.forEach((column, c) => {
      if (!TEXT_KINDS.includes(column.kind) || isIgnored(c)) return;
      const lists = listColumn(data, c);
      if (!lists || lists.otherSeparator.size === 0) return;
      const distinct = distinctValues(data, c);
      const share = Math.floor((100 * lists.rows) / lists.present);
      eachMappedRow(distinct, lists.otherSeparator, (r, id, other) => {
        const value = distinct.text(id);
        if (isAccepted(c, value)) return;
        report({
          row: r,
          columnIndex: c,
          value,
          evidence: { separator: other.separator, columnSeparator: lists.separator, columnShare: lists.rows / lists.present, example: lists.example, fixed: other.fixed },
          message: `"${value}" separates its items with ${shown(other.separator)}, unlike ${share}% of column "${column.name}", whose lists use ${shown(lists.separator)} (like "${lists.example}").`,
          fixes: replaceCellFixes(data, r, c, other.fixed, `Separate with ${shown(lists.separator)}: "${other.fixed}"`),
        });
      });
    });
  },
});
