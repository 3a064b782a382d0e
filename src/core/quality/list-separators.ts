/**
 * Lists in a text column: most of its values are lists of items written with one separator ("Tom Hanks, Meg
 * Ryan", genres "Action|Drama"). Learned per column: that separator, and the values that write their items with
 * another one ("Tom Hanks; Meg Ryan"), as a second catalogue merged into the table writes them.
 */
import type { IngestResult } from '../table/model';
import { distinctValues, memo } from './column-values';

/** Separators between the items of a list, longest first (so " | " is told before "|"). */
const LIST_SEPARATORS = [' | ', ' / ', '; ', ', ', '|', ';', ','] as const;
export type ListSeparator = (typeof LIST_SEPARATORS)[number];

/** Share of a column's rows whose values must be lists written with one separator for the column to be a column of lists. */
export const LIST_SHARE = 0.5;
/** Rows a column needs (values with the separator) before its separator says anything. */
export const LIST_MIN_ROWS = 20;
/**
 * Share of the items of a column's lists that must recur (be an item of two lists or more): a catalogue's lists
 * name actors, genres or tags again and again, while the clauses of free text ("It rained, then it cleared") do
 * not.
 */
export const RECURRING_ITEMS = 0.2;
/** Rows of a first even sample: a column where fewer than LIST_SHARE of them are lists is not read further. */
const SAMPLE_ROWS = 200;

/** The items of `text` cut at `separator` (trimmed), when it is a list of two or more items that each hold a letter. */
function itemsOf(text: string, separator: ListSeparator): string[] | undefined {
  if (!text.includes(separator)) return undefined;
  const items = text.split(separator).map((item) => item.trim());
  return items.length >= 2 && items.every((item) => /\p{L}/u.test(item)) ? items : undefined;
}

/** The separator a value writes its items with (the first of LIST_SEPARATORS that cuts it into a list), if any. */
export function listSeparatorOf(text: string): ListSeparator | undefined {
  return LIST_SEPARATORS.find((separator) => itemsOf(text, separator) !== undefined);
}

/** A text column of lists: its separator, and the values that write their items with another one. */
export interface ListColumn {
  separator: ListSeparator;
  /** Rows whose value is a list written with `separator`, and the column's non-null rows. */
  rows: number;
  present: number;
  /** A value written with `separator` (for messages). */
  example: string;
  /** Distinct value ids (distinctValues) written with another separator: that separator and the value written the column's way. */
  otherSeparator: Map<number, { separator: ListSeparator; fixed: string }>;
}

/**
 * The lists of a text column, when at least LIST_SHARE of its non-null rows (and LIST_MIN_ROWS) are lists written
 * with one separator; computed once per table and column.
 */
export function listColumn(data: IngestResult, column: number): ListColumn | undefined {
  return memo(data, `list-column:${column}`, () => learn(data, column));
}

/** Whether RECURRING_ITEMS of the items of the lists (`itemsOfId` of each distinct value, undefined if not a list) are in two lists or more. */
function itemsRecur(size: number, itemsOfId: (id: number) => string[] | undefined): boolean {
  const lists = new Map<string, number>();
  let items = 0;
  for (let id = 0; id < size; id++) {
    for (const item of itemsOfId(id) ?? []) {
      const key = item.toLowerCase();
      lists.set(key, (lists.get(key) ?? 0) + 1);
      items++;
    }
  }
  let recurring = 0;
  for (const n of lists.values()) if (n >= 2) recurring += n;
  return recurring >= RECURRING_ITEMS * items;
}

function learn(data: IngestResult, column: number): ListColumn | undefined {
  const distinct = distinctValues(data, column);
  const ids = distinct.ids;
  const step = Math.max(1, Math.floor(ids.length / SAMPLE_ROWS));
  let sampled = 0;
  let lists = 0;
  for (let r = 0; r < ids.length; r += step) {
    if (ids[r] < 0) continue;
    sampled++;
    if (listSeparatorOf(distinct.text(ids[r])) !== undefined) lists++;
  }
  if (sampled === 0 || lists < LIST_SHARE * sampled) return undefined;
  const separators: (ListSeparator | undefined)[] = [];
  const rowsOf = new Map<ListSeparator, number>();
  let present = 0;
  for (let id = 0; id < distinct.size; id++) {
    const separator = listSeparatorOf(distinct.text(id));
    separators.push(separator);
    present += distinct.counts[id];
    if (separator) rowsOf.set(separator, (rowsOf.get(separator) ?? 0) + distinct.counts[id]);
  }
  let separator: ListSeparator | undefined;
  for (const [candidate, rows] of rowsOf) if (separator === undefined || rows > rowsOf.get(separator)!) separator = candidate;
  if (separator === undefined) return undefined;
  const rows = rowsOf.get(separator)!;
  if (rows < LIST_MIN_ROWS || rows < LIST_SHARE * present || !itemsRecur(distinct.size, (id) => (separators[id] === separator ? itemsOf(distinct.text(id), separator) : undefined))) return undefined;
  const found: ListColumn = { separator, rows, present, example: '', otherSeparator: new Map() };
  separators.forEach((own, id) => {
    if (own === separator) {
      found.example ||= distinct.text(id);
      return;
    }
    // A value that holds the column's separator too is one item written with its own punctuation, not a list written otherwise.
    const text = distinct.text(id);
    if (own === undefined || text.includes(separator.trim())) return;
    found.otherSeparator.set(id, { separator: own, fixed: itemsOf(text, own)!.join(separator) });
  });
  return found;
}
