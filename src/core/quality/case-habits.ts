/**
 * A way of writing letters that is a habit of some rows: the sites of a clinical trial that type their verbatim terms in
 * capitals ("NAUSEA" in every row of the Polish and Hungarian sites, "Nausea" elsewhere). Learned per text column from
 * another column of few values (a site, a country, a source) whose values each write the column one way: in the rows of
 * the habit's values nearly always in that case, in the others' seldom. A cell written so in such a row is the habit of
 * its source, not a variant typed once; the same spelling in another source's row still is one.
 */
import type { IngestResult } from '../table/model';
import { TEXT_KINDS, distinctValues, memo, valueCodes } from './column-values';
import { caseOfLetters, letterCaseOf, type LetterCase } from './letter-case';

/** Values a context column may have (a site, a country, a source; not names or keys). */
const MAX_CONTEXT_VALUES = 50;
/** Rows of a context value, with a case in the column, for its way of writing to count. */
const MIN_VALUE_ROWS = 5;
/** Share of a habit value's rows written in the habit's case, at least. */
const HABIT_SHARE = 0.9;
/** Share of the other values' rows written in that case, at most (slips of the other sources). */
const STRAY_SHARE = 0.1;
/** Rows the habit's values must hold together for a habit to be told from chance. */
const MIN_HABIT_ROWS = 20;

/** A case that the rows of some values of another column write a text column in. */
export interface CaseHabit {
  letterCase: LetterCase;
  context: number;
  /** Per row: whether its context value writes the column in that case. */
  habitRows: Uint8Array;
}

/** The habits of a text column (computed once per column). */
export function caseHabits(data: IngestResult, column: number): CaseHabit[] {
  return memo(data, `case-habits:${column}`, () => {
    if (!TEXT_KINDS.includes(data.columns[column].kind)) return [];
    const distinct = distinctValues(data, column);
    const caseOfId: (LetterCase | undefined)[] = Array.from({ length: distinct.size }, (_, id) => letterCaseOf(distinct.text(id).trim()));
    const ids = distinct.ids;
    const found: CaseHabit[] = [];
    for (const letterCase of ['capitals', 'small letters'] as const) {
      for (let context = 0; context < data.columns.length; context++) {
        if (context === column) continue;
        const codes = valueCodes(data, context);
        if (codes.size < 2 || codes.size > MAX_CONTEXT_VALUES) continue;
        const [rows, inCase] = [new Int32Array(codes.size), new Int32Array(codes.size)];
        for (let r = 0; r < ids.length; r++) {
          const [id, code] = [ids[r], codes.ids[r]];
          if (id < 0 || code < 0 || caseOfId[id] === undefined) continue;
          rows[code]++;
          if (caseOfId[id] === letterCase) inCase[code]++;
        }
        const habit = new Uint8Array(codes.size);
        let [habitRows, otherRows, otherInCase] = [0, 0, 0];
        for (let code = 0; code < codes.size; code++) {
          if (rows[code] >= MIN_VALUE_ROWS && inCase[code] >= HABIT_SHARE * rows[code]) {
            habit[code] = 1;
            habitRows += rows[code];
          } else {
            otherRows += rows[code];
            otherInCase += inCase[code];
          }
        }
        if (habitRows < MIN_HABIT_ROWS || otherRows < MIN_HABIT_ROWS || otherInCase > STRAY_SHARE * otherRows) continue;
        const habitRowsMask = new Uint8Array(ids.length);
        for (let r = 0; r < ids.length; r++) if (codes.ids[r] >= 0 && habit[codes.ids[r]]) habitRowsMask[r] = 1;
        found.push({ letterCase, context, habitRows: habitRowsMask });
        break;
      }
    }
    return found;
  });
}

/** Letters of a case a cell needs for its case to be its source's habit ("FLU", "TEMP 38.1°C" in capitals). */
const MIN_CELL_LETTERS = 2;

/** Whether row r's cell of `column` is written in the case its row's source writes the column in. */
export function writtenByHabit(data: IngestResult, column: number, r: number, text: string): boolean {
  const letterCase = caseOfLetters(text, MIN_CELL_LETTERS);
  return letterCase !== undefined && caseHabits(data, column).some((habit) => habit.letterCase === letterCase && habit.habitRows[r] === 1);
}
