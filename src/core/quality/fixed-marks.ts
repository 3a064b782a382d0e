/**
 * Marks a text column writes the same number of times in nearly every value — an email's "@", a URL's "://", the
 * comma of "Last, First" — though its values vary too freely in their letters and digits for a form or a shape to
 * dominate; and the values that write such a mark another number of times ("wclark.gmail.com", "a@@b.com") or hold
 * white space where no other value does ("joj752 @sky.com"). Read by pattern-mismatch.
 */
import type { DistinctValues } from './column-values';
import { isPlaceholderText } from './placeholders';

/** A mark (neither letter, digit nor white space) and the number of times nearly every value writes it. */
export interface FixedMark {
  mark: string;
  count: number;
  /** Share of the column's rows whose value writes it `count` times. */
  share: number;
  example: string;
}

/** A value that breaks the column's fixed marks: the first it breaks, and how many times it writes it (for white space, the mark is " "). */
export interface MarkBreak {
  mark: FixedMark;
  written: number;
}

/** Share of the rows whose value must write a mark the same number of times for it to be fixed. */
const FIXED_SHARE = 0.99;
/** Distinct values that must write a mark its fixed number of times (a pattern of many values, not one frequent category). */
const MIN_VALUES = 10;
/** Distinct values looked at first to find fixed marks (evenly spread ids), before every value is read. */
const SAMPLE_VALUES = 10_000;
/** Marks that part a value (not letters, digits, white space, nor brackets and quotes, which enclose a note: "Protesters (Belarus)"). */
const MARK = /[^\p{L}\p{N}\s\p{Ps}\p{Pe}\p{Pi}\p{Pf}"']/u;
const INNER_SPACE = /\S\s+\S/;

function marksOf(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const ch of text) if (MARK.test(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  return counts;
}

/** Of the ids given, the marks written the same number of times (1 or more) in FIXED_SHARE of their rows, by MIN_VALUES values at least. */
function marksFixedIn(distinct: DistinctValues, ids: Iterable<number>): FixedMark[] {
  // Per mark, rows and values per count written (0 where a value does not write it).
  const tally = new Map<string, Map<number, { rows: number; values: number; example: number }>>();
  let present = 0;
  for (const id of ids) {
    present += distinct.counts[id];
    for (const [mark, count] of marksOf(distinct.text(id))) {
      let byCount = tally.get(mark);
      if (!byCount) tally.set(mark, (byCount = new Map()));
      const entry = byCount.get(count) ?? { rows: 0, values: 0, example: id };
      entry.rows += distinct.counts[id];
      entry.values++;
      byCount.set(count, entry);
    }
  }
  const fixed: FixedMark[] = [];
  for (const [mark, byCount] of tally) {
    for (const [count, entry] of byCount) {
      if (entry.rows >= FIXED_SHARE * present && entry.values >= MIN_VALUES) fixed.push({ mark, count, share: entry.rows / present, example: distinct.text(entry.example) });
    }
  }
  return fixed;
}

/**
 * The column's fixed marks (each written the same number of times in FIXED_SHARE of its rows) and its values that
 * break one — the mark written fewer times, or more with the mark doubled ("a@@b.com"), or white space inside a value
 * where `minShare` of the rows hold none — in at most `maxShare` of the rows (a second way of writing the column held
 * by more is no slip). Placeholders are disguised-missing's.
 */
export function markBreaks(distinct: DistinctValues, options: { minShare: number; maxShare: number; minRows: number }): Map<number, MarkBreak> {
  const breaks = new Map<number, MarkBreak>();
  const step = Math.max(1, Math.ceil(distinct.size / SAMPLE_VALUES));
  const sampled = function* () {
    for (let id = 0; id < distinct.size; id += step) yield id;
  };
  const all = function* () {
    for (let id = 0; id < distinct.size; id++) yield id;
  };
  if (marksFixedIn(distinct, sampled()).length === 0) return breaks;
  const fixed = marksFixedIn(distinct, all());
  if (fixed.length === 0) return breaks;
  let present = 0;
  let spaced = 0;
  const rowsByBreak = new Map<string, number>();
  const found = new Map<number, MarkBreak>();
  for (let id = 0; id < distinct.size; id++) {
    const rows = distinct.counts[id];
    present += rows;
    const text = distinct.text(id);
    if (isPlaceholderText(text)) continue;
    const marks = marksOf(text);
    // Fewer times than the column (a separator lost), or more where it is doubled (a key struck twice): more times
    // apart may be the column's own ("a@mail.co.uk" among "a@mail.com").
    const broken = fixed.find((f) => {
      const written = marks.get(f.mark) ?? 0;
      return written < f.count || (written > f.count && text.includes(f.mark + f.mark));
    });
    if (broken) {
      const written = marks.get(broken.mark) ?? 0;
      found.set(id, { mark: broken, written });
      const key = `${broken.mark}\u0000${written}`;
      rowsByBreak.set(key, (rowsByBreak.get(key) ?? 0) + rows);
    } else if (INNER_SPACE.test(text.trim())) {
      spaced += rows;
      found.set(id, { mark: { mark: ' ', count: 0, share: 0, example: fixed[0].example }, written: 1 });
    }
  }
  if (present < options.minRows) return breaks;
  for (const [id, b] of found) {
    if (b.mark.mark === ' ') {
      if (spaced <= options.maxShare * present && present - spaced >= options.minShare * present) breaks.set(id, { mark: { ...b.mark, share: (present - spaced) / present }, written: b.written });
    } else if ((rowsByBreak.get(`${b.mark.mark}\u0000${b.written}`) ?? 0) <= options.maxShare * present) breaks.set(id, b);
  }
  return breaks;
}
