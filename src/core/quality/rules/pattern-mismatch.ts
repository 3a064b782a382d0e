import { defineRule } from '../rule';
import { TEXT_KINDS, distinctValues, nullCount, nullMask, replaceCellFixes, type DistinctValues } from '../column-values';
import type { IngestResult } from '../../table/model';
import { codeWidths } from '../code-widths';
import { looksLikeIdentifier } from '../../shared/identifier';
import { charactersOfShape, classOfForm, columnPatterns, formOfShape, incompatibleClass, patternOf, samplePatterns, separatorsOfShape, writeInShape, type ColumnPatterns, type PatternLevel, type ValueClass, type ValuePattern } from '../value-patterns';

import { isPlaceholderText } from '../placeholders';
import { groupShapeOutliers } from '../group-patterns';
import { ownSpelling } from '../value-owners';
import { markBreaks, type MarkBreak } from '../fixed-marks';
import { rowInStateRange, stateRangeOf, type StateRange } from '../state-ranges';

/** How many times, in words: "not at all", "once", "twice", "3 times". */
const timesWords = (n: number) => (n === 0 ? 'not at all' : n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`);

/** A pattern as people read it: letter runs as A, digit runs as 9 (shapes with their lengths, "AA-9999"). */
function readable(pattern: string, level: PatternLevel): string {
  if (level === 'class') return pattern;
  if (level === 'form') return pattern.replace(/a/g, 'A');
  return pattern
    .split('|')
    .map((token) => {
      const m = /^([a9])(\d+)$/.exec(token);
      if (!m) return token;
      const ch = m[1] === 'a' ? 'A' : '9';
      const n = Number(m[2]);
      return n > 8 ? `${ch.repeat(3)}…(${n})` : ch.repeat(n);
    })
    .join('');
}

const CLASS_WORDS: Record<string, string> = { letters: 'letters only', digits: 'digits only', mixed: 'letters and digits', symbols: 'neither letters nor digits' };

interface Thresholds {
  minShare: number;
  maxShare: number;
  minValues: number;
  maxRareRows: number;
}

/** Digits followed by a fraction of zeros only ("06101.0"): the digits. */
const INTEGRAL_FRACTION = /^(\d+)\.0+$/;

/** Distinct values a dominant pattern needs to be a pattern rather than a few categories. */
const PATTERN_VALUES = 10;

/**
 * Patterns of one level that together make a column's pattern: ISSNs are "9999-9999" or "9999-999X", ids
 * "AB-1234" or "AB-12345". At most this many, each shared by several values and far from rare.
 */
const MAX_PATTERNS = 3;
/** The most common of them covers at least this share of the column. */
const MAIN_SHARE = 0.5;
/**
 * Most values a shape of the column's characters written with other separators may hold to be told as the
 * column's shape written another way: a third, beside a shape of half the values or more (two to one at least).
 */
const VARIANT_MAX_SHARE = 1 / 3;

/**
 * Characters that only separate the parts of a code ("1234-5678", "(555) 555-1234", "K1A 0B1"). Others carry
 * meaning: a sign, a percent, "<", a currency; a control character is damage (encoding-damage).
 */
const SEPARATORS = new Set([' ', '-', '/', '.', '_', ':', '(', ')', ',', '–']);
/** A number's shape: digits, with a sign, a decimal point or comma, thousands separators ("99,99999999", "-9.9"). */
const NUMBER_SHAPE = /^(-\|)?9\d+(\|[.,]\|9\d+)*$/;

/** A column's shape of codes with digits, and the shapes of its characters written with other separators. */
interface SeparatorVariants {
  column: Established;
  shape: string;
  variants: Set<string>;
}

/**
 * The shapes writing the characters of the column's dominant shape with other separators ("12345678" and
 * "1234 5678" among ISSNs "1234-5678", "5551234" among "555-1234"), where that shape is one of codes with
 * digits (half the values or more, at least PATTERN_VALUES of them) and each such shape holds at most
 * VARIANT_MAX_SHARE of the values: one value written two ways, whatever the share, not a rare kind of value.
 */
function separatorVariants(patterns: ColumnPatterns, accepted: Set<string>): SeparatorVariants | undefined {
  const shapes = patterns.levels.shape;
  const { dominant, dominantRows, dominantValues } = shapes;
  const separated = (shape: string) => separatorsOfShape(shape).every((separator) => SEPARATORS.has(separator));
  // A code with digits and separators: not a number, whose punctuation is part of its value ("46,021", "0.9022").
  const code = /(^|\|)9\d/.test(dominant) && separatorsOfShape(dominant).length > 0 && separated(dominant) && !NUMBER_SHAPE.test(dominant);
  if (dominantRows < MAIN_SHARE * patterns.present || dominantValues < PATTERN_VALUES || !code) return undefined;
  const characters = charactersOfShape(dominant);
  const variants = new Set<string>();
  for (const [shape, rows] of shapes.rows) {
    if (shape !== dominant && rows <= VARIANT_MAX_SHARE * patterns.present && !accepted.has(`shape:${shape}`) && separated(shape) && charactersOfShape(shape) === characters) variants.add(shape);
  }
  return variants.size ? { column: { patterns: [dominant], rows: dominantRows, values: dominantValues }, shape: dominant, variants } : undefined;
}

/** The patterns a column's values follow at one level, the rows and (up to 16 each) distinct values they hold. */
interface Established {
  patterns: string[];
  rows: number;
  values: number;
}

/**
 * The most common patterns of the level, in order, until they cover `minShare` of the column (of its
 * `present` rows, the values measured at this level): each must be
 * shared by `minValues` distinct values (a pattern, not one frequent category) and cover more than
 * `maxShare` (not itself a rare pattern). The class level takes one pattern only.
 */
function established(patterns: ColumnPatterns, level: PatternLevel, options: Thresholds, present = patterns.present): Established | undefined {
  const summary = patterns.levels[level];
  const ranked = [...summary.rows].sort((a, b) => b[1] - a[1]).slice(0, level === 'class' ? 1 : MAX_PATTERNS);
  const found: Established = { patterns: [], rows: 0, values: 0 };
  for (const [pattern, rows] of ranked) {
    const values = summary.values.get(pattern) ?? 0;
    if (values < options.minValues || rows <= options.maxShare * present) return undefined;
    // One pattern with variants, not several kinds of value side by side.
    if (found.patterns.length === 0 && rows < MAIN_SHARE * present) return undefined;
    found.patterns.push(pattern);
    found.rows += rows;
    found.values += values;
    if (found.rows >= options.minShare * present) return found;
  }
  return undefined;
}

/**
 * The patterns a column's values follow at each level, each level measured among the values not reported at
 * a more general one: forms among the values whose class can stand for the column's (letters among codes of
 * digits, in a column whose class holds, are another kind of value, not a code written another way), and in a
 * column of codes with digits, shapes among the values of the column's forms ("12,097" and "-27065" among codes
 * do not hide a code of six digits).
 */
function followedLevels(patterns: ColumnPatterns, options: Thresholds): Record<PatternLevel, Established | undefined> {
  const rare = (rows: number) => rows <= options.maxShare * patterns.present;
  const classes = patterns.levels.class;
  const byClass = established(patterns, 'class', options);
  const reportedClass = (valueClass: ValueClass) =>
    byClass !== undefined && rare(classes.rows.get(valueClass) ?? 0) && incompatibleClass(classes.dominant as ValueClass, valueClass);
  let present = patterns.present;
  for (const [valueClass, rows] of classes.rows) if (reportedClass(valueClass as ValueClass)) present -= rows;
  const byForm = established(patterns, 'form', options, present);
  // Codes of digits only: words vary in length by nature, so among words a shape holds only on its own.
  let shapes = present;
  if (byForm?.patterns.every((form) => /9/.test(form))) {
    for (const [form, rows] of patterns.levels.form.rows) if (!byForm.patterns.includes(form) && rare(rows) && !reportedClass(classOfForm(form))) shapes -= rows;
  }
  return { class: byClass, form: byForm, shape: established(patterns, 'shape', options, shapes) };
}

/**
 * Whether a value of a rare class is one whose letters or digits were lost (digits alone, or letters alone) in a
 * column whose forms are established: none of those forms is of the value's class (each holds more than the
 * rare share of the values), so each holds the kind of character the value lacks.
 */
function lostKind(valueClass: ValueClass, column: Established | undefined): boolean {
  return column !== undefined && (valueClass === 'digits' || valueClass === 'letters');
}

/** Whether two of the shapes a column follows have one form (they differ only in the lengths of their runs). */
function lengthsVary(column: Established): boolean {
  const forms = column.patterns.map(formOfShape);
  return new Set(forms).size < forms.length;
}

/** A form with its runs of words (letters parted by spaces) as one: "9 a a a" (176 Old High St) is "9 a". */
const wordsAsOne = (form: string) => form.replace(/a(?: a)+/g, 'a');

/** Whether two of the forms a column follows differ only in how many words they hold (street names of one, two or three words). */
function wordCountsVary(column: Established): boolean {
  const forms = column.patterns.map(wordsAsOne);
  return new Set(forms).size < forms.length;
}

/**
 * The level at which a value's pattern is unusual in its column, and the patterns it breaks, if any (class
 * first, then form, then shape). `rows`: the value's own rows; among a few categories sharing a pattern, a
 * value in many rows is one more category, not a slip.
 */
function unusualLevel(
  pattern: ValuePattern,
  rows: number,
  patterns: ColumnPatterns,
  followed: Record<PatternLevel, Established | undefined>,
  options: Thresholds,
  accepted: Set<string>,
): [PatternLevel, Established] | undefined {
  const { levels, present } = patterns;
  const broken = (level: PatternLevel): Established | undefined => {
    const column = followed[level];
    if (!column || column.patterns.includes(pattern[level])) return undefined;
    // Where the column's own shapes differ only in the lengths of their runs (page ranges "99-99" and
    // "999-999"), lengths vary naturally: a shape of one of their forms is not unusual.
    if (level === 'shape' && lengthsVary(column) && column.patterns.some((shape) => formOfShape(shape) === pattern.form)) return undefined;
    // Where its forms differ only in how many words they hold ("176 High St", "92 Commonwealth Ave Ext"), the number of
    // words varies naturally: a form of another count is not unusual ("67 Broadway").
    if (level === 'form' && wordCountsVary(column) && column.patterns.some((form) => wordsAsOne(form) === wordsAsOne(pattern.form))) return undefined;
    const rare =
      (levels[level].rows.get(pattern[level]) ?? 0) <= options.maxShare * present &&
      !accepted.has(`${level}:${pattern[level]}`) &&
      (column.values >= PATTERN_VALUES || rows <= options.maxRareRows);
    return rare ? column : undefined;
  };
  const classes = levels.class;
  const byClass = broken('class');
  if (byClass && incompatibleClass(classes.dominant as ValuePattern['class'], pattern.class)) return ['class', byClass];
  // Forms and shapes are compared among values of a common class ("9711-537X" is letters and digits among
  // digits-only ISSNs); a rare class is judged at the class level alone, unless the value lost a kind of
  // character that every form the column follows holds ("102589" among "SKU-100000": the prefix is lost).
  if ((classes.rows.get(pattern.class) ?? 0) <= options.maxShare * present && !lostKind(pattern.class, followed.form)) return undefined;
  // Forms and shapes are only expected to hold in structured text: codes of a few widths, or text with
  // digits (times, numbers with punctuation). Words vary in length and punctuation ("Mary", "Mary-Ann").
  const structured = followed.shape !== undefined || /9/.test(levels.form.dominant);
  if (!structured) return undefined;
  for (const level of ['form', 'shape'] as const) {
    const column = broken(level);
    if (column) return [level, column];
  }
  return undefined;
}

/** Characters a code of one length has at least (shorter ones — "CA", "M" — are categories, their shapes checked). */
const MIN_CODE_LENGTH = 4;

/** A column's codes of one length: where values without white space of one length (in characters) hold the share of the rows. */
interface CodeLength {
  length: number;
  share: number;
  example: string;
}

/**
 * Of text column `c`'s values (`distinct`), those of a rare length in a column of codes of one length: values without
 * white space, one length (MIN_CODE_LENGTH or more) held by `minShare` of the rows and by PATTERN_VALUES distinct
 * values at least, the value's length by at most `maxShare` — a vehicle number of 16 characters among numbers of 17,
 * whose letters and digits mix too freely for a shape to dominate.
 */
function rareLengths(distinct: DistinctValues, options: { minShare: number; maxShare: number; minRows: number }): { ids: Set<number>; code?: CodeLength } {
  const rowsOf = new Map<number, number>();
  const valuesOf = new Map<number, number>();
  const exampleOf = new Map<number, number>();
  let present = 0;
  for (let id = 0; id < distinct.size; id++) {
    present += distinct.counts[id];
    if (/\s/.test(distinct.text(id))) continue;
    const length = distinct.codePoints(id);
    rowsOf.set(length, (rowsOf.get(length) ?? 0) + distinct.counts[id]);
    valuesOf.set(length, (valuesOf.get(length) ?? 0) + 1);
    if (!exampleOf.has(length)) exampleOf.set(length, id);
  }
  const ids = new Set<number>();
  if (present < options.minRows) return { ids };
  const [length, rows] = [...rowsOf].reduce((best, entry) => (entry[1] > best[1] ? entry : best), [0, 0]);
  if (length < MIN_CODE_LENGTH || rows < options.minShare * present || (valuesOf.get(length) ?? 0) < PATTERN_VALUES) return { ids };
  for (let id = 0; id < distinct.size; id++) {
    const own = distinct.codePoints(id);
    if (own !== length && (rowsOf.get(own) ?? 0) <= options.maxShare * present && !isPlaceholderText(distinct.text(id))) ids.add(id);
  }
  return { ids, code: { length, share: rows / present, example: distinct.text(exampleOf.get(length) ?? 0) } };
}

/** Rows a value needs, and the share of them another column must be empty in, for it to name a state (see leavesEmpty). */
const STATE_VALUE_ROWS = 3;
const STATE_EMPTY_SHARE = 0.9;
/** Share of the other rows, at most, in which that column is empty. */
const STATE_EMPTY_ELSEWHERE = 0.02;

/**
 * Whether a value's rows (`rows`, STATE_VALUE_ROWS or more) are where another column, filled nearly everywhere else, is
 * empty: a walkover's score "W/O" beside no minutes and no statistics names a state of the record, as a slip does not
 * empty the row's other fields.
 */
function leavesEmpty(data: IngestResult, c: number, rows: readonly number[]): boolean {
  if (rows.length < STATE_VALUE_ROWS) return false;
  const others = data.table.numRows - rows.length;
  return data.columns.some((_, k) => {
    if (k === c) return false;
    const empty = nullCount(data, k);
    if (empty < STATE_EMPTY_SHARE * rows.length) return false;
    const mask = nullMask(data, k);
    let inRows = 0;
    for (const r of rows) inRows += mask[r];
    return inRows >= STATE_EMPTY_SHARE * rows.length && empty - inRows <= STATE_EMPTY_ELSEWHERE * others;
  });
}

/** Distinct values a word must be added to for it to be the column's annotation (see annotatedValues). */
const ANNOTATED_VALUES = 5;
/** A word of a value: a run of two letters or more. */
const WORD = /\p{L}{2,}/gu;

/**
 * Of the unusual values with letters and digits, those that are a value of the column's class with a word added that
 * ANNOTATED_VALUES distinct values or more add alike: a retired match's score "6-4 4-2 RET" among "6-1 3-6 6-3". A slip
 * does not write one word into many different values; the column annotates some of its values. Not where the rest is a
 * number ("12 kg" among "12": a unit, number-format's).
 */
function annotatedValues(unusual: ReadonlyMap<number, [PatternLevel, Established]>, distinct: DistinctValues, patterns: ColumnPatterns): number[] {
  const dominant = patterns.levels.class.dominant;
  const byWord = new Map<string, number[]>();
  for (const id of unusual.keys()) {
    if (patterns.byId.get(id)?.class !== 'mixed') continue;
    const text = distinct.text(id);
    const words = new Set(Array.from(text.matchAll(WORD), (m) => m[0].toLowerCase()));
    if (words.size !== 1) continue;
    const rest = patternOf(text.replace(WORD, ' ').trim());
    if (rest.class !== dominant || NUMBER_SHAPE.test(rest.shape)) continue;
    const [word] = words;
    byWord.set(word, [...(byWord.get(word) ?? []), id]);
  }
  return [...byWord.values()].filter((ids) => ids.length >= ANNOTATED_VALUES).flat();
}

export const patternMismatch = defineRule({
  id: 'pattern-mismatch',
  title: 'Value shaped unlike its column',
  dimension: 'consistency',
  defaultSeverity: 'warning',
  acceptsValues: true,
  defaultOptions: { minShare: 0.95, maxShare: 0.02, minRows: 20, minValues: 3, maxRareRows: 3 },
  description: 'A text value whose pattern (letters, digits and punctuation) is rare in a column where one pattern (or a few) dominates: a word among codes, a number among names, "5551234" among "555-1234".',
  docs: `Columns of codes, identifiers, times or names follow a pattern; a value that breaks it is usually a value
from another column, a placeholder, or a typing slip ("AB1234" among "AB-1234", "Lyon" in a column of zip
codes).

Each value is generalized at three levels (see *value patterns*): its **class** (letters, digits, both),
its **form** (runs of letters and digits with the punctuation between: "AB-1234" is "A-9"), its **shape**
(the same with run lengths: "AA-9999"). A value is reported when, at one level, one pattern — or up to
${MAX_PATTERNS} patterns together, each in more than \`maxShare\` of the values and the first in half of them, as
ISSNs are "9999-9999" or "9999-999X" — covers at least \`minShare\` of the column's values, each shared by at least \`minValues\`
distinct values (a pattern, not one frequent category), and the value's pattern covers at most \`maxShare\`
(when the column's patterns are shared by fewer than 10 distinct values — a few categories such as S, M, L —
the value must also be in at most \`maxRareRows\` rows: "XL" in many rows is one more size, "Dayton" once
among state codes is a slip). Where the column's own shapes differ only in the lengths of their runs (page
ranges "99-99" and "999-999"), a shape of one of their forms is not reported ("999-9999"); where its forms differ
only in how many words they hold (addresses "176 High St" and "92 Commonwealth Ave Ext"), a form of another count
is not ("67 Broadway"); an English ordinal followed by a word is a word ("4557 2nd Ave" is shaped as "3962 Marine
Dr"):

- at the class level only for classes that cannot stand for each other: digits among words, letters among
  digits (letters and digits mixing by chance, as in hex ids, are never reported); a value of a rare class is
  otherwise judged by its class alone, unless it is digits alone or letters alone in a column whose forms are
  established, each holding what the value lacks ("102589" among "SKU-100000": the prefix is lost);
- at the form and shape levels only in structured columns (a few shapes dominate, as in codes of one width,
  or the dominant form holds digits, as in times or phone numbers), so names ("Mary", "Mary-Ann",
  "McDonald") and free text are left alone. Each level is measured among the values not reported at a more
  general one (words pasted among codes do not hide a code written "12,097", nor does "12,097" a code of six
  digits); among codes of digits, a code written with a fraction of zeros ("06101.0") is the code, as an
  integer column reads "2540.0";
- not for a value an entity always writes so and no other: its rows (3 or more) are, 90% each way, the rows of one
  value of another column of 3 values or more — a dentist's licence "DDS038287" always beside one prescriber's name
  among "MD022718", a combined strength "24-26 mg" of the one drug that has it; a slip falls in rows of an entity whose
  other rows write the value as the column does (and where either value is one the other column writes, "GBP" in the
  country column beside "GB" in the currency column, the two cells were swapped: still reported). Nor for the values
  of one pattern together, or all the column's unusual values together, whose rows are so one value's: Mexico's
  plates "ABC1234" among California's "7ABC123", one network's event ids in its own alphabet, each of its own shape.
  Nor, in the rows whose numbers lie where its rows do, for a pattern whose rows (5 or more) lie in a range of a numeric
  column (but 5% at each end) that holds 5% of the other rows at most: an open age group "M75+" among "M70-74" exactly
  where the age is 75 or more names a state of its own. Nor for values of the column's class with one word added
  that 5 distinct values or more add alike (a retired match's score "6-4 2-1 RET" among "6-1 3-6 6-3": the column
  annotates some of its values; a slip does not write one word into many), unless the rest is a number ("12 kg": a unit).
  Nor for a value of 3 rows or more where another column is empty in 90% of them and in at most 2% of the other rows:
  a walkover's score "W/O" beside no minutes and no statistics names a state of the record.

Where no form or shape dominates but one **length** does — values without white space, one length of 4 characters
or more held by \`minShare\` of the rows and by 10 distinct values at least — a value of another length (at most
\`maxShare\`) is reported: codes whose letters and digits mix too freely for a shape to dominate (a vehicle number
of 16 characters among numbers of 17) still share their width.

Where no form or shape dominates, a **mark** may still be written the same number of times (once or more) in 99% of
the rows, by 10 distinct values at least — an email's "@", a URL's "://", the comma of "Last, First"; not a bracket
or a quote, which encloses a note ("Protesters (Belarus)") and parts nothing: a value writing
it fewer times ("wclark.gmail.com"), or more with the mark doubled ("a@@b.com": more times apart may be the
column's own, "a@mail.co.uk" among "a@mail.com"), or holding white space inside where \`minShare\` of the rows hold
none ("joj752 @sky.com"), is reported where its way of breaking it is in at most \`maxShare\` of the rows.

Where no form or shape dominates the column, one may dominate **each group** of another column's rows: a postcode's
shape per country (five digits in Germany, "1234 AB" in the Netherlands), an order number's per marketplace. A
text column of 2 to 30 values groups the rows; a group of 30 rows or more whose most common shape covers
\`minShare\` of its rows, held by 10 distinct values at least, has that shape, and the grouping whose shaped groups
(two at least) hold the most rows, half of the column's at least, is taken. A value of a shape held by at most
\`maxShare\` of its group's rows is reported ("7439" among Germany's five digits: a leading zero lost).

A code written **with other separators** is reported whatever its share, up to a third of the values: where
one shape of codes with digits and separators covers half of the values or more (with at least 10 distinct
values), a value with the same letters and digits in the same runs but other separators ("12345678" or
"1234 5678" among ISSNs "1234-5678", "5551234" among "555-1234", "(555) 555-1234" among "555-555-1234") is
the column's value written another catalogue's way, with a fix writing it as the column does. Separators are
white space and \`- / . _ : ( ) ,\`; a sign, a percent, "<" or a control character is not one, and a column of
numbers ("49,66065393", "27065") has no separators to vary.

Columns with more than 20,000 distinct values are first looked at through an even sample of 10,000 rows:
when every sampled value follows the dominant patterns, the column is not checked further (a pattern broken
in fewer than about one row in 2,000 may then go unreported). Columns of free text (values of more than four
words) and with fewer than \`minRows\` values are not checked;
placeholder words are left to disguised-missing. Typed columns (numbers, dates) are checked by
type-mismatch, number-format and mixed-date-format, except integer codes (a column named like an identifier,
a zip code or a phone number, read as numbers): where one number of digits covers \`minShare\` of the values and
at least 10 distinct ones, a code with another number of digits (at most \`maxShare\`) lost or gained one.

**Fix**: correct the value (it may belong to a neighbouring column). If the pattern is fine in this column,
accept the value: its pattern then counts as one of the column's.

In a file checked in batches, each batch is checked on its own.`,
  check({ data, options, report, isIgnored, isAccepted, acceptedValues }) {
    data.columns.forEach((column, c) => {
      if (isIgnored(c)) return;
      if (column.kind === 'integer' && looksLikeIdentifier(column.name)) {
        // Integer codes (zip codes read as numbers): one width dominates, a code of another width is reported.
        const widths = codeWidths(data, c);
        if (widths.present < options.minRows || widths.dominantRows < options.minShare * widths.present || widths.dominantValues < PATTERN_VALUES) return;
        const share = widths.dominantRows / widths.present;
        for (let r = 0; r < data.table.numRows; r++) {
          const width = widths.widthOf(r);
          if (width === 0 || width === widths.dominant || (widths.rows.get(width) ?? 0) > options.maxShare * widths.present) continue;
          const value = String(data.table.getChildAt(c)?.get(r));
          if (isAccepted(c, value)) continue;
          report({
            row: r,
            columnIndex: c,
            value,
            evidence: { level: 'shape', pattern: '9'.repeat(width), columnPattern: '9'.repeat(widths.dominant), columnShare: share, example: String(widths.example) },
            message: `"${value}" in column "${column.name}" has ${width} digits, unlike ${Math.floor(share * 100)}% of the column's codes, which have ${widths.dominant} (like "${widths.example}").`,
          });
        }
        return;
      }
      if (!TEXT_KINDS.includes(column.kind)) return;
      // A sample first (large columns): free text, or no dominant pattern, or none broken: nothing to look for.
      const accepted = new Set<string>();
      for (const value of acceptedValues(c)) {
        const p = patternOf(value);
        for (const level of ['class', 'form', 'shape'] as const) accepted.add(`${level}:${p[level]}`);
      }
      const sample = samplePatterns(data, c);
      if (sample.present < options.minRows || sample.freeText) return;
      const followedInSample = followedLevels(sample, options);
      const inSample = Object.values(followedInSample).filter((found) => found !== undefined);
      // Where no form or shape dominates, codes of one length: a code of another length lost or gained a character.
      const lengths = !followedInSample.form && !followedInSample.shape ? rareLengths(distinctValues(data, c), options) : { ids: new Set<number>() };
      if (lengths.code) {
        const { length, share, example } = lengths.code;
        const distinct = distinctValues(data, c);
        for (let r = 0; r < distinct.ids.length; r++) {
          const id = distinct.ids[r];
          if (id < 0 || !lengths.ids.has(id)) continue;
          const value = distinct.text(id);
          if (isAccepted(c, value)) continue;
          const own = distinct.codePoints(id);
          report({
            row: r,
            columnIndex: c,
            value,
            evidence: { level: 'length', pattern: `${own} characters`, columnPattern: `${length} characters`, columnShare: share, example },
            message: `"${value}" in column "${column.name}" has ${own} characters, unlike ${Math.floor(share * 100)}% of the column's codes, which have ${length} (like "${example}").`,
          });
        }
      }
      // Where no form or shape dominates, marks written the same number of times in nearly every value (an email's
      // "@"): a value writing one another number of times, or holding white space where no other value does.
      const marks = !followedInSample.form && !followedInSample.shape ? markBreaks(distinctValues(data, c), options) : new Map<number, MarkBreak>();
      if (marks.size > 0) {
        const distinct = distinctValues(data, c);
        for (let r = 0; r < distinct.ids.length; r++) {
          const id = distinct.ids[r];
          const broken = id < 0 || lengths.ids.has(id) ? undefined : marks.get(id);
          if (!broken) continue;
          const value = distinct.text(id);
          if (isAccepted(c, value)) continue;
          const { mark, count, share, example } = broken.mark;
          const percent = Math.floor(share * 100);
          report({
            row: r,
            columnIndex: c,
            value,
            evidence: { level: 'mark', pattern: mark === ' ' ? 'white space' : `"${mark}" × ${broken.written}`, columnPattern: mark === ' ' ? 'no white space' : `"${mark}" × ${count}`, columnShare: share, example },
            message:
              mark === ' '
                ? `"${value}" in column "${column.name}" holds white space, unlike ${percent}% of the column's values (like "${example}").`
                : `"${value}" in column "${column.name}" writes "${mark}" ${timesWords(broken.written)}, unlike ${percent}% of the column's values, which write it ${timesWords(count)} (like "${example}").`,
          });
        }
      }
      // Where no form or shape dominates the column, one may dominate each group of another column's rows (a
      // postcode's shape per country): a value of another shape in its group's rows.
      if (!followedInSample.form && !followedInSample.shape && !sample.freeText) {
        const distinct = distinctValues(data, c);
        for (const far of groupShapeOutliers(data, c, columnPatterns(data, c), options, (id) => lengths.ids.has(id) || marks.has(id) || isAccepted(c, distinct.text(id)) || isPlaceholderText(distinct.text(id)))) {
          const value = distinct.text(distinct.ids[far.row]);
          const [groupName, share] = [data.columns[far.groupColumn].name, Math.floor(far.groupShare * 100)];
          report({
            row: far.row,
            columnIndex: c,
            value,
            evidence: { level: 'shape', pattern: readable(far.shape, 'shape'), columnPattern: readable(far.groupShape, 'shape'), columnShare: far.groupShare, example: far.example, group: groupName, groupValue: far.groupValue },
            message: `"${value}" in column "${column.name}" is shaped "${readable(far.shape, 'shape')}", unlike ${share}% of its values where "${groupName}" is "${far.groupValue}", shaped "${readable(far.groupShape, 'shape')}" (like "${far.example}").`,
          });
        }
      }
      const variantsInSample = separatorVariants(sample, accepted);
      if (inSample.length === 0 && !variantsInSample) return;
      if (sample.sampled && !variantsInSample && inSample.every((found) => found.rows === sample.present)) return;
      const patterns = columnPatterns(data, c);
      const followed = followedLevels(patterns, options);
      // (The sample is the column itself where the column has few distinct values.)
      const variants = sample.sampled ? separatorVariants(patterns, accepted) : variantsInSample;
      const distinct = distinctValues(data, c);
      const unusual = new Map<number, [PatternLevel, Established]>();
      // Values of the column's shape written with other separators, and how the column writes them.
      const rewritten = new Map<number, string | undefined>();
      // Codes of digits alone ("06101"), not numbers written with a fraction ("46.37"), where "35.0" is one of them.
      const digitCodes = patterns.levels.class.dominant === 'digits' && patterns.levels.form.dominant === '9';
      patterns.byId.forEach((pattern, id) => {
        const text = distinct.text(id);
        if (lengths.ids.has(id) || marks.has(id) || isPlaceholderText(text) || isAccepted(c, text)) return;
        // Among codes of digits, a code exported through a float ("06101.0") is the code, as an integer
        // column reads "2540.0" as 2540.
        const integral = digitCodes ? INTEGRAL_FRACTION.exec(text.trim()) : null;
        const own = integral ? patternOf(integral[1]) : pattern;
        if (variants?.variants.has(own.shape)) {
          unusual.set(id, ['shape', variants.column]);
          rewritten.set(id, writeInShape(text, variants.shape));
          return;
        }
        const found = unusualLevel(own, distinct.counts[id], patterns, followed, options, accepted);
        if (found) unusual.set(id, found);
      });
      if (unusual.size === 0) return;
      const ids = distinct.ids;
      // A value one entity always writes so, and no other (a dentist's licence, a drug's combined strength), is its own.
      const rowsOf = new Map<number, number[]>();
      for (let r = 0; r < ids.length; r++) {
        if (ids[r] < 0 || !unusual.has(ids[r])) continue;
        let rows = rowsOf.get(ids[r]);
        if (!rows) rowsOf.set(ids[r], (rows = []));
        rows.push(r);
      }
      for (const [id, rows] of rowsOf) if (ownSpelling(data, c, rows) || leavesEmpty(data, c, rows)) unusual.delete(id);
      // So is a pattern (Mexico's plates "ABC1234" among California's "7ABC123"), or all the column's unusual values
      // together (one network's event ids in its own alphabet, each of its own shape).
      const byPattern = new Map<string, number[]>();
      for (const [id, [level]] of unusual) {
        const key = `${level} ${patterns.byId.get(id)![level]}`;
        byPattern.set(key, [...(byPattern.get(key) ?? []), id]);
      }
      const rowsOfIds = (held: number[]) => held.flatMap((id) => rowsOf.get(id) ?? []).sort((x, y) => x - y);
      for (const held of byPattern.values()) if (held.length > 1 && ownSpelling(data, c, rowsOfIds(held))) for (const id of held) unusual.delete(id);
      if (unusual.size > 1 && ownSpelling(data, c, rowsOfIds([...unusual.keys()]))) unusual.clear();
      for (const id of annotatedValues(unusual, distinct, patterns)) unusual.delete(id);
      // A pattern whose rows lie in a range of a numeric column the other rows seldom reach names a state of its own
      // (an open age group "M75+" among "M70-74" exactly where the age is 75 or more): its cells in that range are left.
      const statedBy = new Map<number, StateRange>();
      for (const held of byPattern.values()) {
        const kept = new Set(held.filter((id) => unusual.has(id)));
        const range = kept.size ? stateRangeOf(data, c, (v) => kept.has(v)) : undefined;
        if (range) for (const id of kept) statedBy.set(id, range);
      }
      for (let r = 0; r < ids.length; r++) {
        const found = ids[r] < 0 ? undefined : unusual.get(ids[r]);
        if (!found) continue;
        const range = statedBy.get(ids[r]);
        if (range && rowInStateRange(data, range, r)) continue;
        const [level, followedBy] = found;
        const value = distinct.text(ids[r]);
        const summary = patterns.levels[level];
        const share = followedBy.rows / patterns.present;
        const own = patterns.byId.get(ids[r])![level];
        const example = summary.examples.get(followedBy.patterns[0]) ?? '';
        const columnPattern = followedBy.patterns.map((pattern) => readable(pattern, level)).join('" or "');
        const describe = (pattern: string) => (level === 'class' ? CLASS_WORDS[pattern] : `shaped "${pattern}"`);
        if (rewritten.has(ids[r])) {
          const fixed = rewritten.get(ids[r]);
          report({
            row: r,
            columnIndex: c,
            value,
            evidence: { level, pattern: readable(own, level), columnPattern, columnShare: share, example, separators: true, ...(fixed === undefined ? {} : { fixed }) },
            message:
              `"${value}" in column "${column.name}" writes the letters and digits of the column's shape "${columnPattern}" (${Math.floor(share * 100)}% of its values, like "${example}") ` +
              `with other separators${fixed === undefined ? '.' : `: "${fixed}"?`}`,
            ...(fixed === undefined ? {} : { fixes: replaceCellFixes(data, r, c, fixed, `Write as the column does: "${fixed}"`) }),
          });
          continue;
        }
        report({
          row: r,
          columnIndex: c,
          value,
          evidence: { level, pattern: readable(own, level), columnPattern, columnShare: share, example },
          message:
            `"${value}" in column "${column.name}" is ${describe(level === 'class' ? own : readable(own, level))}, unlike ${Math.floor(share * 100)}% of the column, ` +
            `${level === 'class' ? 'which is ' : ''}${describe(level === 'class' ? followedBy.patterns[0] : columnPattern)} (like "${example}").`,
        });
      }
    });
  },
});
