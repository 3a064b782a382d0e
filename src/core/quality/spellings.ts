/**
 * The spelling a group of one category's spellings unifies to (category-variant's fix, the cleaning step that
 * unifies them): written the column's way of writing letters where it has one ("Seattle" in a column of mixed case,
 * though a second source wrote "SEATTLE" in more rows), then the most rows once white space is tidied ("Seattle" and
 * "Seattle   " count together), then written tidy (padding is never the fix), then the most rows as written, then
 * the first in code-point order.
 */
import { categoryKey } from './category-key';
import { letterCaseOf, wayOfWriting, type LetterCase } from './letter-case';

/** A value with its white space tidied: none at its ends, one space between words. */
const tidied = (value: string) => value.replace(/\s+/g, ' ').trim();

/** Whether rank `a` is above rank `b` (compared element by element, the first difference deciding). */
function ranksAbove(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] > b[i];
  return false;
}

/** A column's way of writing letters from its values and their rows (see letter-case.ts). */
export function wayOfValues<T>(values: Iterable<T>, text: (value: T) => string, rows: (value: T) => number): LetterCase | undefined {
  const byCase = new Map<LetterCase, number>();
  let present = 0;
  for (const value of values) {
    const n = rows(value);
    present += n;
    const letterCase = letterCaseOf(text(value));
    if (letterCase) byCase.set(letterCase, (byCase.get(letterCase) ?? 0) + n);
  }
  return wayOfWriting(byCase, present);
}

/** Per category key (category-key.ts), the value its spellings unify to, of `values` with their text and rows. */
export function unifiedSpellings<T>(values: readonly T[], text: (value: T) => string, rows: (value: T) => number, way: LetterCase | undefined): Map<string, T> {
  const tidyRows = new Map<string, number>();
  for (const value of values) {
    const tidy = tidied(text(value));
    tidyRows.set(tidy, (tidyRows.get(tidy) ?? 0) + rows(value));
  }
  const best = new Map<string, { value: T; rank: number[]; written: string }>();
  for (const value of values) {
    const written = text(value);
    const tidy = tidied(written);
    const rank = [way !== undefined && letterCaseOf(written) === way ? 1 : 0, tidyRows.get(tidy) ?? 0, written === tidy ? 1 : 0, rows(value)];
    const key = categoryKey(written);
    const current = best.get(key);
    if (!current || ranksAbove(rank, current.rank) || (!ranksAbove(current.rank, rank) && written < current.written)) best.set(key, { value, rank, written });
  }
  return new Map([...best].map(([key, { value }]) => [key, value]));
}
