/**
 * Value patterns ("format signatures") of a text column, learned once per check from its distinct values.
 * Each value is generalized at three levels, from specific to general:
 *
 * - **shape**: runs of letters and digits with their lengths, other characters kept ("AB-1234" → "a2-9₄",
 *   written `a2|-|94`): fixed-width codes share one;
 * - **form**: the same runs without lengths ("AB-1234" → "a-9", "7:10 a.m." → "9:9 a.a."): codes, times,
 *   phone numbers written one way share one;
 * - **class**: whether letters, digits, both or neither appear (punctuation and spaces do not count, so
 *   "Mary-Ann" and "Mary" are both letters).
 *
 * A value's pattern is unusual at a level where one pattern covers most of the column and the value's is
 * rare; letters and digits mixing by chance (hex ids) is kept apart by only comparing classes that cannot
 * stand for each other (a number among words, a word among numbers).
 */
import type { IngestResult } from '../table/model';
import { distinctValues, memo, NUMERIC_KINDS, numericColumn, sortedRuns, TEXT_KINDS, type DistinctValues } from './column-values';

export type ValueClass = 'letters' | 'digits' | 'mixed' | 'symbols';
export type PatternLevel = 'shape' | 'form' | 'class';

export interface ValuePattern {
  shape: string;
  form: string;
  class: ValueClass;
}

const LETTER = /\p{L}/u;
const DIGIT = /\p{Nd}/u;
const SPACE = /\s/u;

/** 'a' letter, '9' digit, ' ' white space, '' anything else (ASCII by char code, the rest by Unicode class). */
function kindOf(code: number, ch: string): string {
  if (code < 0x80) {
    if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90)) return 'a';
    if (code >= 48 && code <= 57) return '9';
    return code === 32 || (code >= 9 && code <= 13) ? ' ' : '';
  }
  return LETTER.test(ch) ? 'a' : DIGIT.test(ch) ? '9' : SPACE.test(ch) ? ' ' : '';
}

/**
 * The length of an English ordinal's suffix at `i` of `text` after the digits `digits` ("2nd", "11th", "23rd"), 0 where
 * there is none: an ordinal is a word ("4557 2nd Ave" is shaped as "3962 Marine Dr"), not a code mixing digits and
 * letters. Only where a word follows (a postcode's "0TH" ends its value); the caller asks only where the digits begin a word.
 */
function ordinalSuffixAt(text: string, i: number, digits: string): number {
  const suffix = text.slice(i, i + 2).toLowerCase();
  // Followed by a word ("2nd Ave"): a postcode's inward part "0TH" ends its value.
  if (!/^\s+\p{L}/u.test(text.slice(i + 2))) return 0;
  const last = digits.charAt(digits.length - 1);
  const teen = digits.length > 1 && digits.charAt(digits.length - 2) === '1';
  const expected = !teen && last === '1' ? 'st' : !teen && last === '2' ? 'nd' : !teen && last === '3' ? 'rd' : 'th';
  return suffix === expected ? 2 : 0;
}

/** The three generalizations of a value. */
export function patternOf(value: string): ValuePattern {
  const text = value.trim();
  let shape = '';
  let form = '';
  let letters = false;
  let digits = false;
  let run = '';
  let length = 0;
  let lastKept = '';
  const close = () => {
    if (!run) return;
    shape += `${shape ? '|' : ''}${run}${length}`;
    form += run;
    lastKept = run;
    run = '';
    length = 0;
  };
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // A surrogate pair is one character (a letter of a supplementary plane, or a symbol).
    const ch = code >= 0xd800 && code <= 0xdbff && i + 1 < text.length ? text.slice(i, ++i + 1) : text[i];
    const kind = kindOf(code, ch);
    // An ordinal ("2nd") is a word: its digits and suffix one run of letters.
    if (kind === 'a' && run === '9' && (i === length || kindOf(text.charCodeAt(i - length - 1), text.charAt(i - length - 1)) !== 'a')) {
      const suffix = ordinalSuffixAt(text, i, text.slice(i - length, i));
      if (suffix) {
        run = 'a';
        letters = true;
        length += suffix;
        i += suffix - 1;
        continue;
      }
    }
    if (kind === 'a' || kind === '9') {
      if (kind === 'a') letters = true;
      else digits = true;
      if (run !== kind) close();
      run = kind;
      length++;
      continue;
    }
    close();
    const kept = kind === ' ' ? ' ' : ch;
    if (kept === ' ' && lastKept === ' ') continue;
    shape += `${shape ? '|' : ''}${kept}`;
    form += kept;
    lastKept = kept;
  }
  close();
  return { shape, form, class: classOf(letters, digits) };
}

/** The class of a value with letters, digits, both or neither. */
function classOf(letters: boolean, digits: boolean): ValueClass {
  return letters && digits ? 'mixed' : letters ? 'letters' : digits ? 'digits' : 'symbols';
}

/** A token of a shape that is a run of letters or digits with its length ("a3", "94"), not another character. */
export const RUN_TOKEN = /^[a9]\d+$/;

/** The form of a shape (its runs without their lengths): "9|4|-|9|4" is "9-9". */
export function formOfShape(shape: string): string {
  return shape
    .split('|')
    .map((token) => (RUN_TOKEN.test(token) ? token[0] : token))
    .join('');
}

/**
 * A shape's letters and digits alone, punctuation and spaces left out and the runs they separated joined:
 * "9999-9999" and "99999999" are both `98`, "(555) 555-1234" and "555-555-1234" both `910`, "K1A 0B1" and
 * "K1A0B1" both `a1|91|a1|91|a1|91`. Two shapes with the same characters are one value written with other separators.
 */
export function charactersOfShape(shape: string): string {
  const runs: [string, number][] = [];
  for (const token of shape.split('|')) {
    if (!RUN_TOKEN.test(token)) continue;
    const kind = token[0];
    const length = Number(token.slice(1));
    const last = runs[runs.length - 1];
    if (last?.[0] === kind) last[1] += length;
    else runs.push([kind, length]);
  }
  return runs.map(([kind, length]) => `${kind}${length}`).join('|');
}

/** The characters of a shape between its runs of letters and digits, in order ("9|4|-|9|4": "-"; " " for white space). */
export function separatorsOfShape(shape: string): string[] {
  return shape.split('|').filter((token) => token !== '' && !RUN_TOKEN.test(token));
}

/**
 * A value written in a shape of the same characters (see {@link charactersOfShape}): its letters and digits in
 * order, with the shape's separators between them ("12345678" in "9|4|-|9|4" is "1234-5678"). Undefined when
 * the value's characters do not fill the shape.
 */
export function writeInShape(value: string, shape: string): string | undefined {
  const characters: string[] = [];
  const text = value.trim();
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const ch = code >= 0xd800 && code <= 0xdbff && i + 1 < text.length ? text.slice(i, ++i + 1) : text[i];
    const kind = kindOf(code, ch);
    if (kind === 'a' || kind === '9') characters.push(ch);
  }
  let next = 0;
  let written = '';
  for (const token of shape.split('|')) {
    if (!RUN_TOKEN.test(token)) {
      written += token;
      continue;
    }
    const length = Number(token.slice(1));
    if (next + length > characters.length) return undefined;
    written += characters.slice(next, next + length).join('');
    next += length;
  }
  return next === characters.length && patternOf(written).shape === shape ? written : undefined;
}

/** The class of the values of a form (its runs: "a" letters, "9" digits; other characters count for neither). */
export function classOfForm(form: string): ValueClass {
  return classOf(form.includes('a'), form.includes('9'));
}

/** How a column's rows spread over the patterns of one level. */
export interface LevelSummary {
  /** Rows per pattern. */
  rows: Map<string, number>;
  /**
   * The most common pattern, its rows, how many distinct values share it (ignoring case and surrounding
   * space; counted up to 16), and one of them (for messages).
   */
  dominant: string;
  dominantRows: number;
  dominantValues: number;
  example: string;
  /** Distinct values per pattern (counted up to 16, as for the dominant one). */
  values: Map<string, number>;
  /** One value per pattern (for messages). */
  examples: Map<string, string>;
}

export interface ColumnPatterns {
  /** Per distinct value id (distinctValues ids) looked at: its pattern (all ids unless `sampled`). */
  byId: Map<number, ValuePattern>;
  /** Non-null rows looked at. */
  present: number;
  levels: Record<PatternLevel, LevelSummary>;
  /** The column holds free text (long values of several words): no pattern is expected. */
  freeText: boolean;
  /** Only the values of a sample of rows were looked at. */
  sampled: boolean;
}

/** Distinct values counted per pattern (enough to tell a pattern from a few categories). */
const VALUES_COUNTED = 16;

/** Median words per value above which a column is free text. */
const FREE_TEXT_WORDS = 4;
/** Columns with more distinct values than this are first looked at through a sample of SAMPLE_ROWS rows. */
export const PATTERN_SAMPLE = 20_000;
const SAMPLE_ROWS = 10_000;
/** Values whose words decide whether a column is free text. */
const WORDS_SAMPLE = 500;

/** Whether the median of the values' word counts is above FREE_TEXT_WORDS. */
function isFreeText(texts: Iterable<string>): boolean {
  const words: number[] = [];
  for (const text of texts) {
    words.push(text.trim().split(/\s+/).length);
    if (words.length >= WORDS_SAMPLE) break;
  }
  words.sort((a, b) => a - b);
  return (words[words.length >> 1] ?? 0) > FREE_TEXT_WORDS;
}

const FREE_TEXT_LEVEL: LevelSummary = { rows: new Map(), dominant: '', dominantRows: 0, dominantValues: 0, example: '', values: new Map(), examples: new Map() };

/**
 * Counts a value (`n` rows) under its pattern `key` at one level: rows, distinct values (up to VALUES_COUNTED) and
 * the first example (see summarize's loop).
 */
function tally(key: string, text: string, n: number, rows: Map<string, number>, values: Map<string, Set<string>>, examples: Map<string, string>): void {
  rows.set(key, (rows.get(key) ?? 0) + n);
  let seen = values.get(key);
  if (!seen) values.set(key, (seen = new Set()));
  if (seen.size < VALUES_COUNTED) seen.add(text.trim().toLowerCase());
  if (!examples.has(key)) examples.set(key, text);
}

/** Patterns of the distinct values `ids` (weights: rows per id); free text is told from its first values and not generalized. */
function summarize(distinct: DistinctValues, ids: [number, number][], sampled: boolean): ColumnPatterns {
  if (isFreeText(ids.slice(0, WORDS_SAMPLE).map(([id]) => distinct.text(id)))) {
    return { byId: new Map(), present: 0, levels: { shape: FREE_TEXT_LEVEL, form: FREE_TEXT_LEVEL, class: FREE_TEXT_LEVEL }, freeText: true, sampled };
  }
  const byId = new Map<number, ValuePattern>();
  const rows = { shape: new Map<string, number>(), form: new Map<string, number>(), class: new Map<string, number>() };
  // Distinct values per pattern, told apart without case and surrounding space ("USA" and "usa " are one), up to a few.
  const values = { shape: new Map<string, Set<string>>(), form: new Map<string, Set<string>>(), class: new Map<string, Set<string>>() };
  const examples = { shape: new Map<string, string>(), form: new Map<string, string>(), class: new Map<string, string>() };
  let present = 0;
  // (An indexed loop and one call per level: summarize, called a few times a check, then spends few enough bytecodes
  // of its own that V8 does not compile it, a large function whose compiling ended after its last call.)
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i][0];
    const n = ids[i][1];
    const text = distinct.text(id);
    const pattern = patternOf(text);
    byId.set(id, pattern);
    present += n;
    tally(pattern.shape, text, n, rows.shape, values.shape, examples.shape);
    tally(pattern.form, text, n, rows.form, values.form, examples.form);
    tally(pattern.class, text, n, rows.class, values.class, examples.class);
  }
  const summary = (level: PatternLevel): LevelSummary => {
    let dominant = '';
    let dominantRows = 0;
    for (const [pattern, n] of rows[level]) if (n > dominantRows) [dominant, dominantRows] = [pattern, n];
    const valuesPer = new Map<string, number>();
    for (const [pattern, seen] of values[level]) valuesPer.set(pattern, seen.size);
    return {
      rows: rows[level],
      dominant,
      dominantRows,
      dominantValues: valuesPer.get(dominant) ?? 0,
      example: examples[level].get(dominant) ?? '',
      values: valuesPer,
      examples: examples[level],
    };
  };
  return {
    byId,
    present,
    levels: { shape: summary('shape'), form: summary('form'), class: summary('class') },
    freeText: false,
    sampled,
  };
}

const cache = new WeakMap<IngestResult, Map<string, ColumnPatterns>>();

function cached(data: IngestResult, key: string, compute: () => ColumnPatterns): ColumnPatterns {
  let byKey = cache.get(data);
  if (!byKey) cache.set(data, (byKey = new Map()));
  let patterns = byKey.get(key);
  if (!patterns) byKey.set(key, (patterns = compute()));
  return patterns;
}

/** The patterns of every value of a text column (computed once per table and column). */
export function columnPatterns(data: IngestResult, column: number): ColumnPatterns {
  return cached(data, `all:${column}`, () => {
    const distinct = distinctValues(data, column);
    return summarize(distinct, Array.from({ length: distinct.size }, (_, id) => [id, distinct.counts[id]]), false);
  });
}

/**
 * The patterns of a column learned from an even sample of SAMPLE_ROWS rows when it has more than
 * PATTERN_SAMPLE distinct values (all of them otherwise): enough to tell free text and columns without a
 * dominant pattern.
 */
export function samplePatterns(data: IngestResult, column: number): ColumnPatterns {
  const distinct = distinctValues(data, column);
  if (distinct.size <= PATTERN_SAMPLE) return columnPatterns(data, column);
  return cached(data, `sample:${column}`, () => {
    const ids = distinct.ids;
    const step = Math.max(1, Math.floor(ids.length / SAMPLE_ROWS));
    const weights = new Map<number, number>();
    for (let r = 0; r < ids.length; r += step) if (ids[r] >= 0) weights.set(ids[r], (weights.get(ids[r]) ?? 0) + 1);
    return summarize(distinct, [...weights], true);
  });
}

/** Classes a column of class `dominant` never holds but by error (a number among words, a word among numbers). */
export function incompatibleClass(dominant: ValueClass, value: ValueClass): boolean {
  if (dominant === 'letters') return value === 'digits';
  if (dominant === 'digits') return value === 'letters' || value === 'mixed';
  return false;
}

/** Share of a column's rows one shape holds, and distinct values sharing it, for it to be the column's shape. */
const OWN_SHAPE_SHARE = 0.5;
const OWN_SHAPE_VALUES = 10;
/** Share of a column's rows at or below which a shape is rare in a column that has its own shape. */
const RARE_SHAPE_SHARE = 0.02;
/** Rows of a numeric column whose numbers' shapes are counted (evenly spread). */
const NUMBER_SHAPE_SAMPLE = 10_000;

/**
 * A column with a shape of its own: half its rows or more in one shape, shared by ten distinct values or more (a
 * state's two letters, a code's digits). A value in a rare shape there ("Columbus", "OH Franklin" or "?" among
 * state codes, 18000 among two-digit codes) is another kind of value (shifted, merged, a placeholder, a slip of
 * the decimal point), not a new value of the column's kind.
 */
export interface ColumnShape {
  /** Whether row `r`'s value has a shape more than RARE_SHAPE_SHARE of the column's rows share. */
  common(r: number): boolean;
  /** Values held by one row each and in a common shape, counted up to `enough` (then counting stops). */
  seenOnce(enough: number): number;
}

/**
 * The shape of a text column (from {@link samplePatterns}) or a numeric one (its numbers as text, a sample of
 * rows), where it has one of its own; undefined otherwise (names of any length, free text, measures, dates).
 */
export function columnShape(data: IngestResult, column: number): ColumnShape | undefined {
  return memo(data, `column-shape:${column}`, () => {
    const kind = data.columns[column].kind;
    if (TEXT_KINDS.includes(kind)) return textShape(data, column);
    return NUMERIC_KINDS.includes(kind) ? numberShape(data, column) : undefined;
  });
}

/** Whether the most common shape of `rows` (per shape, over `present` rows) is a column's own. */
function ownShape(rows: Map<string, number>, values: (shape: string) => number, present: number): boolean {
  let dominant = '';
  let most = 0;
  for (const [shape, n] of rows) if (n > most) [dominant, most] = [shape, n];
  return most >= OWN_SHAPE_SHARE * present && values(dominant) >= OWN_SHAPE_VALUES;
}

/** A text column's shape, from its patterns ({@link samplePatterns}: all distinct values, or a sample of rows where many). */
function textShape(data: IngestResult, column: number): ColumnShape | undefined {
  const patterns = samplePatterns(data, column);
  const shapes = patterns.levels.shape;
  if (patterns.freeText || !ownShape(shapes.rows, (shape) => shapes.values.get(shape) ?? 0, patterns.present)) return undefined;
  const distinct = distinctValues(data, column);
  const rareRows = RARE_SHAPE_SHARE * patterns.present;
  const commonId = (id: number) => (shapes.rows.get((patterns.byId.get(id) ?? patternOf(distinct.text(id))).shape) ?? 0) > rareRows;
  return {
    common: (r) => distinct.ids[r] >= 0 && commonId(distinct.ids[r]),
    seenOnce: (enough) => {
      let n = 0;
      for (let id = 0; id < distinct.size && n < enough; id++) if (distinct.counts[id] === 1 && commonId(id)) n++;
      return n;
    },
  };
}

/** A numeric column's shape, from its numbers written as text on NUMBER_SHAPE_SAMPLE rows; values seen once from its sorted runs. */
function numberShape(data: IngestResult, column: number): ColumnShape | undefined {
  const numbers = numericColumn(data, column);
  const shapeOf = (x: number) => patternOf(String(x)).shape;
  const rows = new Map<string, number>();
  const values = new Map<string, Set<number>>();
  let present = 0;
  const step = Math.max(1, Math.floor(numbers.length / NUMBER_SHAPE_SAMPLE));
  for (let r = 0; r < numbers.length; r += step) {
    if (!Number.isFinite(numbers[r])) continue;
    const shape = shapeOf(numbers[r]);
    rows.set(shape, (rows.get(shape) ?? 0) + 1);
    const seen = values.get(shape) ?? new Set<number>();
    if (seen.size < OWN_SHAPE_VALUES) seen.add(numbers[r]);
    values.set(shape, seen);
    present++;
  }
  if (!ownShape(rows, (shape) => values.get(shape)?.size ?? 0, present)) return undefined;
  const rareRows = RARE_SHAPE_SHARE * present;
  const commonNumber = (x: number) => (rows.get(shapeOf(x)) ?? 0) > rareRows;
  return {
    common: (r) => Number.isFinite(numbers[r]) && commonNumber(numbers[r]),
    seenOnce: (enough) => {
      const runs = sortedRuns(data, column);
      let n = 0;
      for (let k = 0; k < runs.counts.length && n < enough; k++) if (runs.counts[k] === 1 && commonNumber(runs.values[k])) n++;
      return n;
    },
  };
}

/** Share of a column's distinct values that must be codes (see holdsCodes). */
const CODE_SHARE = 0.9;

/**
 * Whether a column's distinct values are codes: CODE_SHARE of them written with a digit and without white space
 * ("URB-APP-6407-L", "WBA8E10TGD2312579"), not words.
 */
export function holdsCodes(distinct: DistinctValues): boolean {
  let codes = 0;
  for (let id = 0; id < distinct.size; id++) {
    const text = distinct.text(id);
    if (/\d/.test(text) && !/\s/.test(text.trim())) codes++;
  }
  return distinct.size > 0 && codes >= CODE_SHARE * distinct.size;
}
