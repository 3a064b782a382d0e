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
import { distinctValues } from './column-values';

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

/** The three generalizations of a value. */
export function patternOf(value: string): ValuePattern {
  const shape: string[] = [];
  const form: string[] = [];
  let letters = false;
  let digits = false;
  let run = '';
  let length = 0;
  const close = () => {
    if (!run) return;
    shape.push(`${run}${length}`);
    form.push(run);
    run = '';
    length = 0;
  };
  for (const ch of value.trim()) {
    const kind = LETTER.test(ch) ? 'a' : DIGIT.test(ch) ? '9' : SPACE.test(ch) ? ' ' : '';
    if (kind === 'a') letters = true;
    if (kind === '9') digits = true;
    if (kind === 'a' || kind === '9') {
      if (run !== kind) close();
      run = kind;
      length++;
      continue;
    }
    close();
    const kept = kind === ' ' ? ' ' : ch;
    if (kept === ' ' && form[form.length - 1] === ' ') continue;
    shape.push(kept);
    form.push(kept);
  }
  close();
  return { shape: shape.join('|'), form: form.join(''), class: letters && digits ? 'mixed' : letters ? 'letters' : digits ? 'digits' : 'symbols' };
}

/** How a column's rows spread over the patterns of one level. */
export interface LevelSummary {
  /** Rows per pattern. */
  rows: Map<string, number>;
  /** The most common pattern, its rows, and a value written in it (for messages). */
  dominant: string;
  dominantRows: number;
  example: string;
}

export interface ColumnPatterns {
  /** Per distinct value id (distinctValues ids): its pattern. */
  byId: ValuePattern[];
  /** Non-null rows. */
  present: number;
  levels: Record<PatternLevel, LevelSummary>;
  /** The column holds free text (long values of several words): no pattern is expected. */
  freeText: boolean;
}

const cache = new WeakMap<IngestResult, Map<number, ColumnPatterns>>();

/** Median words per value above which a column is free text. */
const FREE_TEXT_WORDS = 4;

/** The patterns of a text column (computed once per table and column). */
export function columnPatterns(data: IngestResult, column: number): ColumnPatterns {
  let byColumn = cache.get(data);
  if (!byColumn) cache.set(data, (byColumn = new Map()));
  const known = byColumn.get(column);
  if (known) return known;
  const distinct = distinctValues(data, column);
  const byId: ValuePattern[] = [];
  const levels = { shape: new Map<string, number>(), form: new Map<string, number>(), class: new Map<string, number>() };
  const examples = { shape: new Map<string, string>(), form: new Map<string, string>(), class: new Map<string, string>() };
  let present = 0;
  const words: number[] = [];
  for (let id = 0; id < distinct.size; id++) {
    const text = distinct.text(id);
    const pattern = patternOf(text);
    byId[id] = pattern;
    const n = distinct.counts[id];
    present += n;
    for (const level of ['shape', 'form', 'class'] as const) {
      levels[level].set(pattern[level], (levels[level].get(pattern[level]) ?? 0) + n);
      if (!examples[level].has(pattern[level])) examples[level].set(pattern[level], text);
    }
    if (words.length < 2000) words.push(text.trim().split(/\s+/).length);
  }
  words.sort((a, b) => a - b);
  const summary = (level: PatternLevel): LevelSummary => {
    let dominant = '';
    let dominantRows = 0;
    for (const [pattern, rows] of levels[level]) if (rows > dominantRows) [dominant, dominantRows] = [pattern, rows];
    return { rows: levels[level], dominant, dominantRows, example: examples[level].get(dominant) ?? '' };
  };
  const result: ColumnPatterns = {
    byId,
    present,
    levels: { shape: summary('shape'), form: summary('form'), class: summary('class') },
    freeText: (words[words.length >> 1] ?? 0) > FREE_TEXT_WORDS,
  };
  byColumn.set(column, result);
  return result;
}

/** Classes a column of class `dominant` never holds but by error (a number among words, a word among numbers). */
export function incompatibleClass(dominant: ValueClass, value: ValueClass): boolean {
  if (dominant === 'letters') return value === 'digits';
  if (dominant === 'digits') return value === 'letters' || value === 'mixed';
  return false;
}
