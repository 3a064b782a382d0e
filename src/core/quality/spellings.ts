/**
 * The spelling a group of one category's spellings unifies to (category-variant's fix, the cleaning step that
 * unifies them): written the column's way of writing letters where it has one ("Seattle" in a column of mixed case,
 * though a second source wrote "SEATTLE" in more rows), then the most rows once white space is tidied ("Seattle" and
 * "Seattle   " count together), then written tidy (padding is never the fix), then the most rows as written, then
 * the first in code-point order. A spelling in nearly all of its category's rows (OWN_WAY_SHARE, OWN_WAY_ROWS) is that
 * value's own way whatever the column's: "SAP SE" in 167 rows beside "Sap Se" in 2 is a name in capitals, the
 * other its variant.
 */
import { categoryKey } from './category-key';
import { letterCaseOf, wayOfWriting, type LetterCase } from './letter-case';

/** Share of its category's rows (white space tidied) a spelling must hold to be the value's own way, in OWN_WAY_ROWS rows at least. */
const OWN_WAY_SHARE = 0.95;
const OWN_WAY_ROWS = 20;

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
  const keyRows = new Map<string, number>();
  for (const value of values) {
    const tidy = tidied(text(value));
    tidyRows.set(tidy, (tidyRows.get(tidy) ?? 0) + rows(value));
    const key = categoryKey(text(value));
    keyRows.set(key, (keyRows.get(key) ?? 0) + rows(value));
  }
  const best = new Map<string, { value: T; rank: number[]; written: string }>();
  for (const value of values) {
    const written = text(value);
    const tidy = tidied(written);
    const key = categoryKey(written);
    const spellingRows = tidyRows.get(tidy) ?? 0;
    const ownWay = spellingRows >= OWN_WAY_ROWS && spellingRows >= OWN_WAY_SHARE * (keyRows.get(key) ?? 0);
    const rank = [ownWay || (way !== undefined && letterCaseOf(written) === way) ? 1 : 0, spellingRows, written === tidy ? 1 : 0, rows(value)];
    const current = best.get(key);
    if (!current || ranksAbove(rank, current.rank) || (!ranksAbove(current.rank, rank) && written < current.written)) best.set(key, { value, rank, written });
  }
  return new Map([...best].map(([key, { value }]) => [key, value]));
}
