/**
 * A text column's values as dependencies compare them: texts that differ only in case, surrounding white space
 * or control characters are one value ("MN", " MN", "mn"), and a placeholder ("N.A.", "(blank)", "xxx") is no
 * value. Other rules report those cells (whitespace, category-variant, encoding-damage, disguised-missing); a
 * dependency that holds for the values they stand for is not broken by them, and a group is not split by them.
 */
import type { IngestResult } from '../table/model';
import { distinctValues, nullCount, type DistinctValues, type ValueCodes } from './column-values';
import { isPlaceholderText } from './placeholders';
import { withoutControlCharacters } from './text-damage';

const memo = new WeakMap<IngestResult, Map<number, ValueCodes>>();

/** The loose form of a text: without control characters and surrounding white space, in lower case; undefined for a placeholder. */
export function looseText(text: string): string | undefined {
  if (isPlaceholderText(text)) return undefined;
  return withoutControlCharacters(text).trim().toLowerCase();
}

/**
 * Ids per row of a text column's values by their loose form (−1 for null and placeholders), numbered in order of
 * first appearance; `codes` itself (the exact values' ids) when no two values share a loose form and none is a
 * placeholder, or when values repeat less than twice on average (names, notes, identifiers: too few rows share
 * a value to make groups; reading each distinct text would cost more than it tells).
 */
export function looseCodes(data: IngestResult, c: number, codes: ValueCodes): ValueCodes {
  let byColumn = memo.get(data);
  if (!byColumn) memo.set(data, (byColumn = new Map()));
  let found = byColumn.get(c);
  if (!found) byColumn.set(c, (found = computeLooseCodes(data, c, codes)));
  return found;
}

function computeLooseCodes(data: IngestResult, c: number, codes: ValueCodes): ValueCodes {
  const distinct = distinctValues(data, c);
  if (distinct.size !== codes.size) return codes;
  if (2 * distinct.size > data.table.numRows - nullCount(data, c)) return withoutRepeatedPlaceholders(distinct, codes);
  const looseIds = new Map<string, number>();
  const toLoose = new Int32Array(codes.size);
  let changed = false;
  for (let id = 0; id < codes.size; id++) {
    const loose = looseText(distinct.text(id));
    if (loose === undefined || loose === '') {
      toLoose[id] = -1;
      changed = true;
      continue;
    }
    let looseId = looseIds.get(loose);
    if (looseId === undefined) looseIds.set(loose, (looseId = looseIds.size));
    else changed = true;
    toLoose[id] = looseId;
  }
  return changed ? remapped(codes, toLoose, looseIds.size) : codes;
}

/** `codes` with each id replaced by what `to` maps it to (−1: no value), `size` ids in all. */
function remapped(codes: ValueCodes, to: Int32Array, size: number): ValueCodes {
  const ids = new Int32Array(codes.ids.length);
  for (let r = 0; r < ids.length; r++) {
    const id = codes.ids[r];
    ids[r] = id < 0 ? -1 : to[id];
  }
  return { ids, size };
}

/**
 * `codes` with the placeholders that repeat set aside (−1): in a column of mostly distinct values (town names) only
 * the values in two rows or more form groups, and a placeholder's rows ("none given", "UNKNOWN") would form one of
 * unrelated rows. Only the repeated values' texts are read.
 */
function withoutRepeatedPlaceholders(distinct: DistinctValues, codes: ValueCodes): ValueCodes {
  let to: Int32Array | undefined;
  for (let id = 0; id < distinct.size; id++) {
    if (distinct.counts[id] >= 2 && isPlaceholderText(distinct.text(id))) (to ??= Int32Array.from({ length: codes.size }, (_, k) => k))[id] = -1;
  }
  return to ? remapped(codes, to, codes.size) : codes;
}
