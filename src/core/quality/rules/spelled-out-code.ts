/** spelled-out-code: a category written out in full in a column of short codes ("Male" among "M" and "F"). */
import { defineRule } from '../rule';
import { TEXT_KINDS, distinctValues, eachMappedRow, replaceCellFixes, type DistinctValues } from '../column-values';
import type { ColumnInfo, IngestResult } from '../../table/model';
import { categoryKey } from '../category-key';
import { rowInStateRange, stateRangeOf, type StateRange } from '../state-ranges';

/** Codes are letters only, at most this long ("M", "eng", "RUB"). */
export const MAX_CODE_LENGTH = 4;
/** Columns with more distinct values than this hold free text or names, not codes. */
export const MAX_DISTINCT = 1000;

export const LETTERS = /^\p{L}+$/u;
export const WORDS = /^\p{L}+(?: \p{L}+)*$/u;

/**
 * Whether `code` is the first letters of `written` ("eng" of "english", "m" of "male"). Two-letter codes are
 * not matched: they are as often initials ("NY", "NC") as first letters ("CA"), so "Nevada" cannot be told
 * from "NE".
 */
export function abbreviates(code: string, written: string): boolean {
  return code.length !== 2 && written.length > code.length && written.startsWith(code);
}

/**
 * A text column's distinct values and its rows with a value, where it can be a vocabulary of codes or words (at
 * most MAX_DISTINCT distinct values, at least `minRows` rows): what spelled-out-code and abbreviated-value read.
 */
function vocabularyOf(data: IngestResult, c: number, minRows: number): { distinct: DistinctValues; present: number } | undefined {
  const distinct = distinctValues(data, c);
  if (distinct.size > MAX_DISTINCT) return undefined;
  let present = 0;
  for (let id = 0; id < distinct.size; id++) if (distinct.text(id).trim() !== '') present += distinct.counts[id];
  return present < minRows ? undefined : { distinct, present };
}

/**
 * Visits each text column that can be a vocabulary ({@link vocabularyOf}) and is not ignored, with its distinct
 * values and its rows with a value: the columns spelled-out-code, abbreviated-value and name-variant read.
 */
export function eachVocabulary(
  data: IngestResult,
  minRows: number,
  isIgnored: (column: number) => boolean,
  visit: (c: number, column: ColumnInfo, vocabulary: { distinct: DistinctValues; present: number }) => void,
): void {
  data.columns.forEach((column, c) => {
    if (!TEXT_KINDS.includes(column.kind) || isIgnored(c)) return;
    const vocabulary = vocabularyOf(data, c, minRows);
    if (vocabulary) visit(c, column, vocabulary);
  });
}

export const spelledOutCode = defineRule({
  id: 'spelled-out-code',
  title: 'Code written out in full',
  dimension: 'consistency',
  defaultSeverity: 'warning',
  acceptsValues: true,
  defaultOptions: { minShare: 0.95, maxShare: 0.02, minRows: 20 },
  description: 'A value written out in full in a column of short codes: "Male" among "M" and "F", "English" among "eng" and "fre".',
  docs: `A column of short codes ("M"/"F", "eng"/"fre"/"ger", "S"/"M"/"L") sometimes receives a value written out
in full by another source or form: "Male", "English", "Large". It is one more category to a model and to a
group-by, although it means the same as its code.

A column is a column of codes when its codes — values of letters only, at most ${MAX_CODE_LENGTH} long, each
in more than \`maxShare\` of the rows — cover at least \`minShare\` of its values (at least \`minRows\` values, at
most ${MAX_DISTINCT} distinct). A rare value of words (at most \`maxShare\` of the values), longer than every
code, that begins with exactly one of the codes is reported with that code — not the code written twice or more ("HH", a
critical high beside "H": a code of its own), nor, in the rows whose numbers lie where the word's rows do, a word whose
rows (5 or more) lie in a range of a numeric column (but 5% at each end) that holds 5% of the other rows at most: a
start wave "Elite" beside waves "A" to "E", exactly where the places are the first, names a group of its own. Two-letter codes are not matched,
since they are as often initials ("NY") as first letters ("CA").

**Fix**: replace the value with its code (quick fix). If the written-out value is meant, accept it.`,
  check({ data, options, report, isIgnored, isAccepted }) {
    eachVocabulary(data, options.minRows, isIgnored, (c, column, { distinct, present }) => {
      const { counts } = distinct;
      // The column's codes: short words of letters, each more than a rare value.
      let coded = 0;
      let codeLength = 0;
      const codes: { key: string; id: number }[] = [];
      for (let id = 0; id < distinct.size; id++) {
        const text = distinct.text(id).trim();
        if (counts[id] <= options.maxShare * present || text.length > MAX_CODE_LENGTH || !LETTERS.test(text)) continue;
        coded += counts[id];
        codeLength = Math.max(codeLength, text.length);
        codes.push({ key: categoryKey(text), id });
      }
      if (coded < options.minShare * present || codes.length < 2) return;
      const codeOf = new Map<number, number>();
      for (let id = 0; id < distinct.size; id++) {
        const text = distinct.text(id).trim();
        if (counts[id] > options.maxShare * present || text.length <= codeLength || !WORDS.test(text) || isAccepted(c, distinct.text(id))) continue;
        const key = categoryKey(text);
        const matches = codes.filter((code) => abbreviates(code.key, key));
        // A code written twice or more is a code of its own ("HH", a critical high beside "H"), no word.
        if (matches.length === 1 && key !== matches[0].key.repeat(key.length / matches[0].key.length)) codeOf.set(id, matches[0].id);
      }
      if (codeOf.size === 0) return;
      // A word whose rows lie in a range of a numeric column the other rows seldom reach (a start wave "Elite" where the
      // places are the first) names a group of its own, not its code written out: its cells in that range are left.
      const statedBy = new Map<number, StateRange>();
      for (const id of codeOf.keys()) {
        const range = stateRangeOf(data, c, (v) => v === id);
        if (range) statedBy.set(id, range);
      }
      eachMappedRow(distinct, codeOf, (r, id, codeId) => {
        const range = statedBy.get(id);
        if (range && rowInStateRange(data, range, r)) return;
        const value = distinct.text(id);
        const code = distinct.text(codeId);
        report({
          row: r,
          columnIndex: c,
          value,
          evidence: { code, codeRows: counts[codeId], codedShare: coded / present },
          message: `"${value}" in column "${column.name}" looks like the code "${code}" written out: ${Math.floor((coded / present) * 100)}% of the column are short codes, and ${counts[codeId]} rows write "${code}".`,
          fixes: replaceCellFixes(data, r, c, code, `Replace with the code "${code}"`),
        });
      });
    });
  },
});
