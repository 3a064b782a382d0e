/**
 * How many repeated values a column of mostly distinct values would hold by chance: the repeats of values
 * drawn at random from the values the column could hold. A key's repeats are far fewer (ids are handed out so
 * that they never meet: 1, 2, 3, …) or far more (a record copied) than chance gives; a column of random
 * values — seven-digit phone numbers among 200,000 people, a measurement with many digits — repeats about as
 * often as chance says, and its repeats are no errors.
 *
 * Where values are drawn from: for whole numbers, the density of the column's own values around each value
 * (its distinct neighbours' spacing: ids 1..n are packed, random numbers spread); for dates and times the same,
 * counted in the smallest step between two of its values (a day in a daily series, a second in a log written to
 * the second: a series of one row per day is packed, events at random times spread); for text, every text of the
 * shape of each value (value-patterns.ts; a digit any of 10, a letter any of 26, other characters kept), each
 * shape as often as the column's rows have it.
 */
import type { IngestResult } from '../table/model';
import { TEMPORAL_KINDS, sortedRuns } from './column-values';
import { RUN_TOKEN, samplePatterns } from './value-patterns';

/** Distinct neighbours over which a whole number's local density is measured. */
const NEIGHBOURS = 16;
/** Alternatives per character of a shape. */
const DIGIT_CHOICES = 10;
const LETTER_CHOICES = 26;

/**
 * Repeats (values present minus distinct values) that `present` values drawn at random from `choices` equally
 * likely values would hold.
 */
export function repeatsOfRandomDraws(present: number, choices: number): number {
  if (!(choices > 0) || present < 2) return 0;
  // Distinct values expected: choices·(1 − (1 − 1/choices)^present); for a huge space its first term.
  if (choices > 1e9 * present) return (present * (present - 1)) / (2 * choices);
  return present + choices * Math.expm1(present * Math.log1p(-1 / choices));
}

/**
 * Repeats that chance gives a whole-number column: each value drawn with the probability its neighbourhood's
 * density gives (rows per unit between its NEIGHBOURS-th distinct neighbours), so that the expected number of
 * pairs of rows holding one value is ½·Σ over rows of that probability times the rows.
 */
function integerChanceRepeats(data: IngestResult, column: number, unit = 1): number {
  const { values } = sortedRuns(data, column);
  const windows = values.length - NEIGHBOURS;
  if (windows <= 0) return 0;
  let sum = 0;
  // Each window of NEIGHBOURS distinct values holds about NEIGHBOURS rows over its width: a row there meets a
  // given other row with probability 1 / (rows · width / NEIGHBOURS); summed over rows, that is NEIGHBOURS / width
  // per distinct value (repeats are few in the columns asked about, so rows ≈ distinct values).
  for (let i = 0; i < windows; i++) sum += NEIGHBOURS / Math.max(NEIGHBOURS, (values[i + NEIGHBOURS] - values[i]) / unit);
  return (sum * (values.length / windows)) / 2;
}

/** The smallest step between two distinct values of a date or time column (its resolution as written), 1 if none. */
function smallestStep(data: IngestResult, column: number): number {
  const { values } = sortedRuns(data, column);
  let step = Infinity;
  for (let i = 1; i < values.length; i++) step = Math.min(step, values[i] - values[i - 1]);
  return Number.isFinite(step) && step > 0 ? step : 1;
}

/** How many texts a value shape (value-patterns.ts: runs such as "a3" or "94" and other characters kept) stands for. */
function textsOfShape(shape: string): number {
  let log10Texts = 0;
  for (const token of shape.split('|')) {
    if (!RUN_TOKEN.test(token)) continue;
    log10Texts += Number(token.slice(1)) * Math.log10(token[0] === '9' ? DIGIT_CHOICES : LETTER_CHOICES);
  }
  return 10 ** log10Texts;
}

/**
 * Repeats that chance gives a text column: each value drawn from every text of one of its values' shapes (the
 * shapes pattern-mismatch learns), that shape taken as often as the column's rows have it. Free text: none.
 */
function textChanceRepeats(data: IngestResult, column: number, present: number): number {
  const patterns = samplePatterns(data, column);
  let repeats = 0;
  for (const [shape, rows] of patterns.levels.shape.rows) repeats += repeatsOfRandomDraws((present * rows) / patterns.present, textsOfShape(shape));
  return repeats;
}

/** Repeats that chance would give column `column` (integer, date or time, or text) with `present` non-empty cells. */
export function chanceRepeats(data: IngestResult, column: number, present: number): number {
  const kind = data.columns[column].kind;
  if (TEMPORAL_KINDS.includes(kind)) return integerChanceRepeats(data, column, smallestStep(data, column));
  return kind === 'integer' ? integerChanceRepeats(data, column) : textChanceRepeats(data, column, present);
}
