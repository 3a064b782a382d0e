/**
 * Lists in a text column: most of its values are lists of items written with one separator ("Tom Hanks, Meg
 * Ryan", genres "Action|Drama"). Learned per column: that separator, and the values that write their items with
 * another one ("Tom Hanks; Meg Ryan"), as a second catalogue merged into the table writes them.
 */
import type { IngestResult } from '../table/model';
import { TEXT_VALUES_MAX_DISTINCT, distinctValues, memo } from './column-values';

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
/**
 * Rows of an even sample that decides whether a column holds lists, their separator, and whether their items recur:
 * free text with commas (a column of notes, 800,000 values) is told there, not after a pass over all its values.
 */
const SAMPLE_ROWS = 2_000;

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

/** Whether RECURRING_ITEMS of the items of `lists` are in two lists or more. */
function itemsRecur(lists: readonly string[][]): boolean {
  const seen = new Map<string, number>();
  let items = 0;
  for (const list of lists) {
    for (const item of list) {
      const key = item.toLowerCase();
      seen.set(key, (seen.get(key) ?? 0) + 1);
      items++;
    }
  }
  let recurring = 0;
  for (const n of seen.values()) if (n >= 2) recurring += n;
  return recurring >= RECURRING_ITEMS * items;
}

/** The separator of most lists in an even sample of the column's rows, when they are LIST_SHARE of its rows and their items recur. */
function sampledSeparator(data: IngestResult, column: number): ListSeparator | undefined {
  const distinct = distinctValues(data, column);
  const ids = distinct.ids;
  const step = Math.max(1, Math.floor(ids.length / SAMPLE_ROWS));
  const separatorOfId = new Map<number, ListSeparator | undefined>();
  const rowsOf = new Map<ListSeparator, number>();
  let sampled = 0;
  for (let r = 0; r < ids.length; r += step) {
    const id = ids[r];
    if (id < 0) continue;
    sampled++;
    if (!separatorOfId.has(id)) separatorOfId.set(id, listSeparatorOf(distinct.text(id)));
    const separator = separatorOfId.get(id);
    if (separator) rowsOf.set(separator, (rowsOf.get(separator) ?? 0) + 1);
  }
  let best: ListSeparator | undefined;
  for (const [separator, n] of rowsOf) if (best === undefined || n > rowsOf.get(best)!) best = separator;
  if (best === undefined || rowsOf.get(best)! < LIST_SHARE * sampled) return undefined;
  const lists: string[][] = [];
  for (const [id, separator] of separatorOfId) if (separator === best) lists.push(itemsOf(distinct.text(id), best)!);
  return itemsRecur(lists) ? best : undefined;
}

/** A text column of lists: its separator, and the values that write their items with another one. */
export interface ListColumn {
  separator: ListSeparator;
  /** Rows whose value holds `separator`, and the column's non-null rows. */
  rows: number;
  present: number;
  /** A value written with `separator` (for messages). */
  example: string;
  /** Distinct value ids (distinctValues) written with another separator: that separator and the value written the column's way. */
  otherSeparator: Map<number, { separator: ListSeparator; fixed: string }>;
}

/**
 * The lists of a text column, when an even sample says it holds lists of recurring items and at least LIST_SHARE of
 * its non-null rows (and LIST_MIN_ROWS) hold their separator; computed once per table and column.
 */
export function listColumn(data: IngestResult, column: number): ListColumn | undefined {
  return memo(data, `list-column:${column}`, () => learn(data, column));
}

/** Columns with more distinct values than this are not read as lists (reading every value's text costs too much). */
export const LIST_MAX_DISTINCT = TEXT_VALUES_MAX_DISTINCT;

function learn(data: IngestResult, column: number): ListColumn | undefined {
  const distinct = distinctValues(data, column);
  if (distinct.size > LIST_MAX_DISTINCT) return undefined;
  const separator = sampledSeparator(data, column);
  if (separator === undefined) return undefined;
  const found: ListColumn = { separator, rows: 0, present: 0, example: '', otherSeparator: new Map() };
  for (let id = 0; id < distinct.size; id++) {
    const text = distinct.text(id);
    found.present += distinct.counts[id];
    if (text.includes(separator)) {
      found.rows += distinct.counts[id];
      found.example ||= text;
      continue;
    }
    // A value that holds the column's separator's mark too is one item written with its own punctuation, not a list written otherwise.
    const own = text.includes(separator.trim()) ? undefined : listSeparatorOf(text);
    if (own !== undefined) found.otherSeparator.set(id, { separator: own, fixed: itemsOf(text, own)!.join(separator) });
  }
  return found.rows >= LIST_MIN_ROWS && found.rows >= LIST_SHARE * found.present ? found : undefined;
}
