/**
 * Values cut short: a source that keeps a text in a field of fixed width cuts every longer value at that width
 * ("Livingston Municipal" → "Livingston Munic"). Learned per text column from its own values: a value that ends
 * inside a word — its last word is written nowhere in the table but last, and begins words the column writes — is a
 * cut where such values gather at one length, far more often than at the lengths around it (the field's width).
 * Words a column merely writes short ("St", "Dr") are words of it, in many rows; an odd value here and there is not
 * at one length; a whole name that begins a longer one ("Lincoln", "Lincolnton") ends as the column's words end.
 */
import type { DistinctValues } from '../profile/facts/distinct-values';
import type { IngestResult } from '../table/model';
import { TEXT_KINDS, TEXT_VALUES_MAX_DISTINCT, distinctValues, memo } from './column-values';
import { countSorted } from '../shared/count-sorted';
import { holdsCodes } from './value-patterns';

/** Rows a column needs before its lengths say anything. */
export const CUT_MIN_ROWS = 50;
/** Distinct values of a column read at most: beyond, the column (free text, keys) is not read. */
export const CUT_MAX_DISTINCT = TEXT_VALUES_MAX_DISTINCT;
/** Distinct values cut at one width at least (one or two odd values prove no width). */
export const CUT_MIN_VALUES = 4;
/** How many times the share of values ending inside a word at the lengths around it their share at a width is. */
export const CUT_CONCENTRATION = 5;
/** The lengths a width is compared with: this many on either side. */
export const NEIGHBOUR_LENGTHS = 3;
/**
 * The words beginning a value's last word must be written in at least this many rows (or in a longer value that
 * begins with the whole value), and in as many rows as the word itself.
 */
export const MIN_COMPLETION_ROWS = 2;
/** The narrowest width a field is taken to have. */
export const MIN_WIDTH = 5;
/** How many times likelier at a word's end than inside a word a word's last two letters are when it ends as words do. */
export const ENDING_ODDS = 2;
/** Values the share around a width is judged on at least (made up from the column's other lengths where fewer are around). */
export const BACKGROUND_VALUES = 20;
/** At most this many widths per column (sources of several widths). */
export const MAX_WIDTHS = 2;
/** A completion is the fix when it is written in this share of the rows of every completion. */
export const FIX_SHARE = 0.9;

/** The letters a value ends with, after no letter (its last word, when it ends inside one). */
const LAST_WORD = /(?<!\p{L})\p{L}+$/u;
/**
 * A value's last word as a cut one is read: after white space or punctuation that parts words ("Ashland/Li",
 * "Middlesboro-Bell Co", "R. Madri"), or alone; not after a damaged character ("Juvent\uFFFDs") or an apostrophe.
 */
const CUT_WORD = /(?:^|[\s\-/.,&(])(\p{L}+)$/u;
const WORDS = /\p{L}+/gu;

export interface CutValue {
  /** The word the value ends in, cut ("Munic"). */
  word: string;
  /** The column's most written word beginning with it ("Municipal"), and its rows. */
  completion: string;
  completionRows: number;
  /** The value as the column writes it in full, when one completion stands out (else undefined). */
  fixed?: string;
  /** Cut at a field's width (see CutColumn.widths); else cut anywhere, a value of the column going on from it (see prefixCut). */
  atWidth: boolean;
}

export interface CutColumn {
  /** Field widths found (code points), with the rows of values ending inside a word at each. */
  widths: Map<number, number>;
  /** Value id → how it was cut. */
  cuts: Map<number, CutValue>;
}

/** Rows per word of the column (a word counted once per value), and the words sorted for prefix search. */
interface Vocabulary {
  rows: Map<string, number>;
  sorted: string[];
  /** The words written before the end of a value (a word cut short is always its last). */
  inner: Set<string>;
}

/** A text column's words (once per table), or undefined where it has more than CUT_MAX_DISTINCT distinct values or is no text column. */
function vocabularyOf(data: IngestResult, column: number): Vocabulary | undefined {
  if (!TEXT_KINDS.includes(data.columns[column].kind)) return undefined;
  const distinct = distinctValues(data, column);
  if (distinct.size > CUT_MAX_DISTINCT) return undefined;
  return memo(data, `cut-values:words:${column}`, () => {
    const rows = new Map<string, number>();
    const inner = new Set<string>();
    for (let id = 0; id < distinct.size; id++) {
      const text = distinct.text(id);
      const words = text.match(WORDS) ?? [];
      for (const word of new Set(words)) rows.set(word, (rows.get(word) ?? 0) + distinct.counts[id]);
      const last = LAST_WORD.exec(text)?.[0];
      for (let i = 0; i < words.length - (last === undefined ? 0 : 1); i++) inner.add(words[i]);
    }
    return { rows, sorted: [...rows.keys()].sort(), inner };
  });
}

/** Words this short are initials in any column of names ("George P. Cosmatos"): only their own column's count. */
const INITIAL_LENGTH = 2;

/**
 * Whether a text column of the table writes `word` before the end of a value ("Spring" in "Big Spring Airport"): a
 * word of the table, not a cut one (a cut word is always a value's last; a source that cuts one column may cut its
 * neighbour too, where the cut word is again last). A word of one or two letters counts only in its own column
 * ("Walt Disney P" among distributors is cut, though directors are written "George P. Cosmatos").
 */
function innerWordOfTable(data: IngestResult, column: number, word: string): boolean {
  if (word.length <= INITIAL_LENGTH) return vocabularyOf(data, column)?.inner.has(word) ?? false;
  return data.columns.some((_, c) => vocabularyOf(data, c)?.inner.has(word) ?? false);
}

/** The sorted strings that begin with `prefix` and are longer. */
function* longerWith(sorted: readonly string[], prefix: string): Generator<string> {
  for (let i = countSorted(sorted, prefix, true); i < sorted.length && sorted[i].startsWith(prefix); i++) if (sorted[i] !== prefix) yield sorted[i];
}

/** The words beginning with `word` (longer) and their rows, and the most written of them. */
function completionsOf(vocabulary: Vocabulary, word: string): { rows: number; best: string; bestRows: number } {
  let [rows, best, bestRows] = [0, '', 0];
  for (const longer of longerWith(vocabulary.sorted, word)) {
    const n = vocabulary.rows.get(longer) ?? 0;
    rows += n;
    if (n > bestRows) [best, bestRows] = [longer, n];
  }
  return { rows, best, bestRows };
}

/** The values of the column sorted, and the rows of each (for the values a cut one begins). */
interface Values {
  sorted: string[];
  rows: Map<string, number>;
}

function valuesOf(distinct: DistinctValues): Values {
  const sorted: string[] = [];
  const rows = new Map<string, number>();
  for (let id = 0; id < distinct.size; id++) {
    const text = distinct.text(id);
    sorted.push(text);
    rows.set(text, distinct.counts[id]);
  }
  return { sorted: sorted.sort(), rows };
}

/** Of the column's values, the one (by rows) that `text` begins, when it holds FIX_SHARE of the rows of all such values. */
function fullValueOf(values: Values, text: string): string | undefined {
  let [all, best, bestRows] = [0, '', 0];
  for (const longer of longerWith(values.sorted, text)) {
    const n = values.rows.get(longer) ?? 0;
    all += n;
    if (n > bestRows) [best, bestRows] = [longer, n];
  }
  return bestRows > 0 && bestRows >= FIX_SHARE * all ? best : undefined;
}

/** How often each pair of letters ends the column's words, and how often it is found inside them (lower case). */
interface Endings {
  atEnd: Map<string, number>;
  inside: Map<string, number>;
  ends: number;
  insides: number;
}

/** Counted over the column's words that begin no longer word of it (a word that does may be a cut one). */
function endingsOf(vocabulary: Vocabulary): Endings {
  const e: Endings = { atEnd: new Map(), inside: new Map(), ends: 0, insides: 0 };
  const { sorted } = vocabulary;
  for (let k = 0; k < sorted.length; k++) {
    if (k + 1 < sorted.length && sorted[k + 1].startsWith(sorted[k])) continue;
    const w = sorted[k].toLowerCase();
    if (w.length < 2) continue;
    for (let i = 2; i <= w.length; i++) {
      const pair = w.slice(i - 2, i);
      const into = i === w.length ? e.atEnd : e.inside;
      into.set(pair, (into.get(pair) ?? 0) + 1);
    }
    e.ends++;
    e.insides += w.length - 2;
  }
  return e;
}

/**
 * Whether a word ends as the column's words end: its last two letters end its words at least ENDING_ODDS times as
 * often as they are found inside them (relative to all ends and insides). A cut falls anywhere inside a word
 * ("Wilmingt", "Morganto"), so its last letters are those found inside words; a whole word that begins a longer one
 * ("Lincoln", "Warren" beside "Lincolnton", "Warrendale") ends as words end.
 */
function endsLikeAWord(e: Endings, word: string): boolean {
  if (word.length < 2) return false;
  const pair = word.slice(-2).toLowerCase();
  const kinds = e.atEnd.size + e.inside.size;
  const atEnd = ((e.atEnd.get(pair) ?? 0) + 0.5) / (e.ends + 0.5 * kinds);
  const inside = ((e.inside.get(pair) ?? 0) + 0.5) / (e.insides + 0.5 * kinds);
  return atEnd >= ENDING_ODDS * inside;
}

/** A value's shape: capitals, small letters and digits each as one sign ("GA 260 PX" → "AA 999 AA"), other characters as themselves. */
function shapeOf(text: string): string {
  return text.replace(/\p{Lu}/gu, 'A').replace(/\p{L}/gu, 'a').replace(/\p{N}/gu, '9');
}

/** The shapes of the column's distinct values, sorted, and how many values have each. */
interface Shapes {
  sorted: string[];
  values: Map<string, number>;
}

function shapesOf(distinct: DistinctValues): Shapes {
  const values = new Map<string, number>();
  for (let id = 0; id < distinct.size; id++) {
    const shape = shapeOf(distinct.text(id));
    values.set(shape, (values.get(shape) ?? 0) + 1);
  }
  return { sorted: [...values.keys()].sort(), values };
}

/**
 * Whether `text` is written in one of the column's formats, whole: CUT_MIN_VALUES values or more have its shape, and
 * no longer value begins with that shape ("LN-984-AD" among French number plates; a value cut at a width has the
 * shape of the beginning of longer values: "Livingston Munic" that of "Washington County").
 */
function wholeInFormat(shapes: Shapes, text: string): boolean {
  const shape = shapeOf(text);
  return (shapes.values.get(shape) ?? 0) >= CUT_MIN_VALUES && longerWith(shapes.sorted, shape).next().done === true;
}

/** Whether a longer value of the column begins with `text` and goes on inside its last word ("Fort Sumner" for "Fort Sumne"). */
function goesOnInWord(values: Values, text: string): boolean {
  return rowsGoingOnInWord(values, text) > 0;
}

/** Rows of the longer values of the column that begin with `text` and go on inside its last word. */
function rowsGoingOnInWord(values: Values, text: string): number {
  let rows = 0;
  for (const longer of longerWith(values.sorted, text)) if (/\p{L}/u.test(longer[text.length])) rows += values.rows.get(longer) ?? 0;
  return rows;
}

/**
 * The values of a text column cut at a field's width, or undefined where it has none (or fewer than CUT_MIN_ROWS
 * values, or more than CUT_MAX_DISTINCT distinct ones). Lengths are in code points, as the values are written.
 */
export function cutValues(data: IngestResult, column: number): CutColumn | undefined {
  const vocabulary = vocabularyOf(data, column);
  const distinct = distinctValues(data, column);
  if (!vocabulary || distinct.size < CUT_MIN_VALUES) return undefined;
  let present = 0;
  for (let id = 0; id < distinct.size; id++) present += distinct.counts[id];
  if (present < CUT_MIN_ROWS) return undefined;
  // A column of codes: "URB-APP-6407-L" ends in a size, not in a word cut short (a field's width cuts words).
  if (holdsCodes(distinct)) return undefined;
  const values = valuesOf(distinct);
  const endings = endingsOf(vocabulary);
  const shapes = shapesOf(distinct);
  const completionsByWord = new Map<string, ReturnType<typeof completionsOf>>();
  // Values ending inside a word: their last word is written nowhere in the table but last, and begins words the
  // column writes in two rows or more (or the value begins a longer value that goes on inside that word), in as
  // many rows as the word itself.
  const candidates = new Map<number, Omit<CutValue, 'fixed' | 'atWidth'>>();
  // Those whose last letters are not those that end words: the width is told by them alone (see endsLikeAWord).
  const cutLike = new Set<number>();
  // The lengths of the values each word ends.
  const endLengths = new Map<string, Set<number>>();
  for (let id = 0; id < distinct.size; id++) {
    const text = distinct.text(id);
    const word = CUT_WORD.exec(text)?.[1];
    if (!word) continue;
    let lengths = endLengths.get(word);
    if (!lengths) endLengths.set(word, (lengths = new Set()));
    lengths.add(distinct.codePoints(id));
    if (innerWordOfTable(data, column, word)) continue;
    let completions = completionsByWord.get(word);
    if (!completions) completionsByWord.set(word, (completions = completionsOf(vocabulary, word)));
    if (completions.rows === 0 || completions.rows < (vocabulary.rows.get(word) ?? 0)) continue;
    // A cut word of one letter begins some word of nearly any column ("C" of "CLN"): only a longer value beginning
    // with the whole value tells it ("Livingston M" of "Livingston Municipal"; not "SPAY-C" beside "DENT-CLN").
    if ((completions.rows < MIN_COMPLETION_ROWS || word.length < 2) && !goesOnInWord(values, text)) continue;
    if (wholeInFormat(shapes, text)) continue;
    candidates.set(id, { word, completion: completions.best, completionRows: completions.bestRows });
    if (!endsLikeAWord(endings, word)) cutLike.add(id);
  }
  // A word cut at a width ends values of that length only: one ending values of several lengths is written whole
  // ("Avenue C" after house numbers of two and three digits, "van den Berg" after first names of all lengths).
  for (const [id, { word }] of candidates) {
    if ((endLengths.get(word)?.size ?? 0) < 2) continue;
    candidates.delete(id);
    cutLike.delete(id);
  }
  // Values cut anywhere, of several words, that a longer value of the column continues inside their last word — in a
  // column of phrases (notes, remarks), not of names.
  const cuts = new Map<number, CutValue>();
  const phrases = writesPhrases(distinct);
  for (const [id, cut] of candidates) if (phrases && prefixCut(values, distinct.text(id), cut.word, distinct.counts[id])) cuts.set(id, { ...cut, atWidth: false, ...fixOf(values, distinct.text(id), cut, completionsByWord) });
  if (candidates.size < CUT_MIN_VALUES) return cuts.size ? { widths: new Map(), cuts } : undefined;
  // Distinct values per length: all of them, and the candidates (a value repeated down many rows counts once:
  // "Aston Villa" before "Villarreal" in 39 rows is one value).
  const valuesAt = new Map<number, number>();
  const candidatesAt = new Map<number, number>();
  const candidateRowsAt = new Map<number, number>();
  for (let id = 0; id < distinct.size; id++) {
    const length = distinct.codePoints(id);
    valuesAt.set(length, (valuesAt.get(length) ?? 0) + 1);
    if (!candidates.has(id)) continue;
    candidateRowsAt.set(length, (candidateRowsAt.get(length) ?? 0) + distinct.counts[id]);
    if (cutLike.has(id)) candidatesAt.set(length, (candidatesAt.get(length) ?? 0) + 1);
  }
  // The widths: lengths where values ending inside a word gather, CUT_CONCENTRATION times their share at the
  // lengths around, counted with one more value ending inside a word (the share of short values that begin longer
  // ones falls with their length). Where the lengths around hold fewer than BACKGROUND_VALUES values, the share at
  // the column's other lengths makes up the rest.
  const widths = new Map<number, number>();
  const cutLikeValues = cutLike.size;
  for (const [length, n] of [...candidatesAt].sort((a, b) => b[1] - a[1])) {
    if (widths.size >= MAX_WIDTHS) break;
    const at = valuesAt.get(length) ?? 1;
    if (length < MIN_WIDTH || n < CUT_MIN_VALUES) continue;
    let [around, aroundValues] = [0, 0];
    for (let d = -NEIGHBOUR_LENGTHS; d <= NEIGHBOUR_LENGTHS; d++) {
      if (d === 0 || widths.has(length + d)) continue;
      around += candidatesAt.get(length + d) ?? 0;
      aroundValues += valuesAt.get(length + d) ?? 0;
    }
    const elsewhere = (cutLikeValues - n + 1) / (distinct.size - at + 1);
    const padding = Math.max(0, BACKGROUND_VALUES - aroundValues);
    if (n / at < CUT_CONCENTRATION * ((around + 1 + elsewhere * padding) / (aroundValues + 1 + padding))) continue;
    widths.set(length, candidateRowsAt.get(length) ?? 0);
  }
  for (const [id, cut] of candidates) if (widths.has(distinct.codePoints(id))) cuts.set(id, { ...cut, atWidth: true, ...fixOf(values, distinct.text(id), cut, completionsByWord) });
  return widths.size === 0 && cuts.size === 0 ? undefined : { widths, cuts };
}

/** The value in full where the column writes one value beginning so; else the word completed where one completion stands out. */
function fixOf(values: Values, text: string, cut: Omit<CutValue, 'fixed' | 'atWidth'>, completionsByWord: ReadonlyMap<string, { rows: number }>): { fixed?: string } {
  const completed = cut.completionRows >= FIX_SHARE * (completionsByWord.get(cut.word)?.rows ?? Infinity) ? text.slice(0, text.length - cut.word.length) + cut.completion : undefined;
  const fixed = fullValueOf(values, text) ?? completed;
  return fixed === undefined ? {} : { fixed };
}

/** Words a column's values hold at the median, at least, for the column to write phrases (see writesPhrases). */
const PHRASE_WORDS = 3;
/** Distinct values read (evenly spread) to tell it. */
const PHRASE_SAMPLE = 2_000;

/**
 * Whether a text column writes phrases — notes, remarks, comments: its distinct values hold PHRASE_WORDS words or more
 * at the median. Names of places and things hold one or two ("Mc Graw", "Saint Peters" beside "Saint Petersburg"),
 * and a rare name that begins a longer one is written whole.
 */
function writesPhrases(distinct: DistinctValues): boolean {
  const step = Math.max(1, Math.floor(distinct.size / PHRASE_SAMPLE));
  const words: number[] = [];
  for (let id = 0; id < distinct.size; id += step) words.push((distinct.text(id).match(WORDS) ?? []).length);
  words.sort((a, b) => a - b);
  return words.length > 0 && words[Math.floor(words.length / 2)] >= PHRASE_WORDS;
}

/**
 * Whether a value ending inside a word (see cutValues' candidates) is cut anywhere, not at a width: of several words,
 * held by no more rows than the longer values of the column that begin with it and go on inside its last word ("Low
 * miles for the y" beside "Low miles for the year. Hail damage on roof", "New hire - partial p" beside "New hire -
 * partial period"). A text cut short at any length is the beginning of the text written in full elsewhere; a
 * name that begins a longer one ("Lincoln", "Lincolnton") is no cut, nor is any value of a column of names (see
 * writesPhrases).
 */
function prefixCut(values: Values, text: string, word: string, rows: number): boolean {
  if (text.length === word.length || !/\s/u.test(text.slice(0, text.length - word.length))) return false;
  const longerRows = rowsGoingOnInWord(values, text);
  return longerRows > 0 && rows <= longerRows;
}
