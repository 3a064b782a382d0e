/** abbreviated-value: a category written as its first letters in a column of words ("M" among "Male" and "Female"). */
import { defineRule } from '../rule';
import { eachMappedRow, replaceCellFixes } from '../column-values';
import { categoryKey } from '../category-key';
import { LETTERS, MAX_CODE_LENGTH, MAX_DISTINCT, WORDS, abbreviates, eachVocabulary } from './spelled-out-code';
import { rowsApart } from '../set-apart';

/** Words are at least this long ("Male"); shorter values may be codes themselves ("Eng"). */
const MIN_WORD_LENGTH = 4;
/** Letters a code leaves out of its word at least: one lost letter ("Non" for "None") is a slip, for typo. */
const MIN_LEFT_OUT = 2;
/** The initials of a value of two words or more ("cc" of "credit card"), else undefined. */
function initialsOf(key: string): string | undefined {
  const words = key.split(' ');
  return words.length >= 2 ? words.map((word) => word[0]).join('') : undefined;
}

/** A word is the column's way of writing its value when it is in at least this many times the rows of its code. */
const WORD_OVER_CODE = 2;

export const abbreviatedValue = defineRule({
  id: 'abbreviated-value',
  title: 'Value written as its code',
  dimension: 'consistency',
  defaultSeverity: 'warning',
  acceptsValues: true,
  defaultOptions: { minShare: 0.6, maxShare: 0.02, minRows: 20 },
  description: 'A category written as its first letters or initials in a column of words: "M" among "Male" and "Female", "Eng" among "English" and "French", "CC" among "Credit Card" and "PayPal".',
  docs: `A column of words ("Male"/"Female", "English"/"French", "Monday"…"Sunday") sometimes receives values
from a source or form that writes codes: "M", "Eng", "Mon". It is one more category to a model and to a
group-by, although it means the same as its word. The reverse of spelled-out-code.

A column is a column of words when its words — values of letters and spaces of ${MIN_WORD_LENGTH} characters or
more, each in more than \`maxShare\` of the rows — cover at least \`minShare\` of its values (at least \`minRows\`
values, at most ${MAX_DISTINCT} distinct). A value of letters only, at most ${MAX_CODE_LENGTH} long, and shorter,
that begins exactly one of those words (case aside) and leaves out ${MIN_LEFT_OUT} letters of it or more is
reported with that word when the word is in at least ${WORD_OVER_CODE} times its rows: the column writes it in full
(one letter lost, "Non" for "None", is a slip: typo's). Two-letter values are not matched, since they are as often
initials ("NY" for "New York") as first letters ("Ca"); a column of first names, whose names are each rare, is no
column of words. A value that begins none of the words may be the initials of exactly one value of two words or
more ("CC" for "Credit Card", "NY" for "New York", at most ${MAX_CODE_LENGTH} letters), reported the same way. A value
whose rows stand apart from the word's in another column (a text column of 2 to 50 values whose most common value among
the one's rows is rarer among the other's than chance allows, as category-variant tells names of two languages) is a
value of its own: "Wood" of carvings beside "Woodcut" of prints.

**Fix**: replace the value with the word (quick fix). If the code is meant as a value of its own, accept it.`,
  check({ data, options, report, isIgnored, isAccepted }) {
    eachVocabulary(data, options.minRows, isIgnored, (c, column, { distinct, present }) => {
      const { counts } = distinct;
      // The column's words: frequent values of words, each at least MIN_WORD_LENGTH long.
      let worded = 0;
      const words: { key: string; id: number }[] = [];
      for (let id = 0; id < distinct.size; id++) {
        const text = distinct.text(id).trim();
        if (counts[id] <= options.maxShare * present || text.length < MIN_WORD_LENGTH || !WORDS.test(text)) continue;
        worded += counts[id];
        words.push({ key: categoryKey(text), id });
      }
      if (worded < options.minShare * present || words.length < 2) return;
      const wordOf = new Map<number, { word: number; initials: boolean }>();
      for (let id = 0; id < distinct.size; id++) {
        const text = distinct.text(id).trim();
        if (text.length > MAX_CODE_LENGTH || !LETTERS.test(text) || isAccepted(c, distinct.text(id))) continue;
        const key = categoryKey(text);
        const begun = words.filter((word) => abbreviates(key, word.key));
        if (begun.length === 1 && begun[0].key.length - key.length < MIN_LEFT_OUT) continue;
        // Else the initials of a value of several words ("CC" for "Credit Card", "NY" for "New York").
        const matches = begun.length > 0 ? begun : words.filter((word) => initialsOf(word.key) === key);
        // A value whose rows stand apart from the word's in another column is a value of its own ("Wood" of carvings
        // beside "Woodcut" of prints), not the word written short by another source.
        if (matches.length === 1 && counts[matches[0].id] >= WORD_OVER_CODE * counts[id] && !rowsApart(data, c, id, matches[0].id)) wordOf.set(id, { word: matches[0].id, initials: begun.length === 0 });
      }
      if (wordOf.size === 0) return;
      const share = Math.floor((worded / present) * 100);
      eachMappedRow(distinct, wordOf, (r, id, { word: wordId, initials }) => {
        const value = distinct.text(id);
        const word = distinct.text(wordId);
        report({
          row: r,
          columnIndex: c,
          value,
          evidence: { full: word, fullRows: counts[wordId], wordShare: worded / present },
          message: `"${value}" in column "${column.name}" looks like "${word}" written as ${initials ? 'its initials' : 'its first letters'}: ${share}% of the column are words, and ${counts[wordId]} rows write "${word}".`,
          fixes: replaceCellFixes(data, r, c, word, `Replace with "${word}"`),
        });
      });
    });
  },
});
