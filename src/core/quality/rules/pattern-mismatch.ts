import { defineRule } from '../rule';
import { TEXT_KINDS, distinctValues } from '../column-values';
import { columnPatterns, incompatibleClass, patternOf, samplePatterns, type ColumnPatterns, type PatternLevel, type ValuePattern } from '../value-patterns';

const LEVELS: readonly PatternLevel[] = ['class', 'form', 'shape'];
import { isPlaceholderText } from '../placeholders';

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

/** Distinct values a dominant pattern needs to be a pattern rather than a few categories. */
const PATTERN_VALUES = 10;

/** Whether one pattern of the level covers `minShare` of the column and is shared by `minValues` distinct values (a pattern, not one category). */
function dominates(patterns: ColumnPatterns, level: PatternLevel, options: Thresholds): boolean {
  const summary = patterns.levels[level];
  return summary.dominantRows >= options.minShare * patterns.present && summary.dominantValues >= options.minValues;
}

/**
 * The level at which a value's pattern is unusual in its column, if any (class first, then form, then
 * shape). `rows`: the value's own rows; among a few categories sharing a pattern, a value in many rows is
 * one more category, not a slip.
 */
function unusualLevel(pattern: ValuePattern, rows: number, patterns: ColumnPatterns, options: Thresholds, accepted: Set<string>): PatternLevel | undefined {
  const { levels, present } = patterns;
  const rare = (level: PatternLevel) =>
    (levels[level].rows.get(pattern[level]) ?? 0) <= options.maxShare * present &&
    !accepted.has(`${level}:${pattern[level]}`) &&
    (levels[level].dominantValues >= PATTERN_VALUES || rows <= options.maxRareRows);
  const dominant = (level: PatternLevel) => dominates(patterns, level, options);
  const classes = levels.class;
  if (dominant('class') && incompatibleClass(classes.dominant as ValuePattern['class'], pattern.class) && rare('class')) return 'class';
  if (pattern.class !== classes.dominant) return undefined;
  // Forms and shapes are only expected to hold in structured text: codes of one width, or text with digits
  // (times, numbers with punctuation). Words vary in length and punctuation ("Mary", "Mary-Ann").
  const structured = dominant('shape') || /9/.test(levels.form.dominant);
  if (!structured) return undefined;
  for (const level of ['form', 'shape'] as const) {
    const summary = levels[level];
    if (dominant(level) && pattern[level] !== summary.dominant && rare(level)) return level;
  }
  return undefined;
}

export const patternMismatch = defineRule({
  id: 'pattern-mismatch',
  title: 'Value shaped unlike its column',
  dimension: 'consistency',
  defaultSeverity: 'warning',
  acceptsValues: true,
  defaultOptions: { minShare: 0.95, maxShare: 0.02, minRows: 20, minValues: 3, maxRareRows: 3 },
  description: 'A text value whose pattern (letters, digits and punctuation) is rare in a column where one pattern dominates: a word among codes, a number among names, "5551234" among "555-1234".',
  docs: `Columns of codes, identifiers, times or names follow a pattern; a value that breaks it is usually a value
from another column, a placeholder, or a typing slip ("AB1234" among "AB-1234", "Lyon" in a column of zip
codes).

Each value is generalized at three levels (see *value patterns*): its **class** (letters, digits, both),
its **form** (runs of letters and digits with the punctuation between: "AB-1234" is "A-9"), its **shape**
(the same with run lengths: "AA-9999"). A value is reported when, at one level, one pattern covers at least
\`minShare\` of the column's values and is shared by at least \`minValues\` distinct values (a pattern, not one
frequent category), and the value's pattern covers at most \`maxShare\` (when the dominant pattern is shared by
fewer than 10 distinct values — a few categories such as S, M, L — the value must also be in at most
\`maxRareRows\` rows: "XL" in many rows is one more size, "Dayton" once among state codes is a slip):

- at the class level only for classes that cannot stand for each other: digits among words, letters among
  digits (letters and digits mixing by chance, as in hex ids, are never reported);
- at the form and shape levels only in structured columns (one shape dominates, as in codes of one width,
  or the dominant form holds digits, as in times or phone numbers), so names ("Mary", "Mary-Ann",
  "McDonald") and free text are left alone.

Columns with more than 20,000 distinct values are first looked at through an even sample of 10,000 rows:
when every sampled value follows the dominant patterns, the column is not checked further (a pattern broken
in fewer than about one row in 2,000 may then go unreported). Columns of free text (values of more than four
words) and with fewer than \`minRows\` values are not checked;
placeholder words are left to disguised-missing. Typed columns (numbers, dates) are checked by
type-mismatch, number-format and mixed-date-format.

**Fix**: correct the value (it may belong to a neighbouring column). If the pattern is fine in this column,
accept the value: its pattern then counts as one of the column's.

In a file checked in batches, each batch is checked on its own.`,
  check({ data, options, report, isIgnored, isAccepted, acceptedValues }) {
    data.columns.forEach((column, c) => {
      if (!TEXT_KINDS.includes(column.kind) || isIgnored(c)) return;
      // A sample first (large columns): free text, or no dominant pattern, or none broken: nothing to look for.
      const sample = samplePatterns(data, c);
      if (sample.present < options.minRows || sample.freeText) return;
      const dominantLevels = LEVELS.filter((level) => dominates(sample, level, options));
      if (dominantLevels.length === 0) return;
      if (sample.sampled && dominantLevels.every((level) => sample.levels[level].dominantRows === sample.present)) return;
      const patterns = columnPatterns(data, c);
      const accepted = new Set<string>();
      for (const value of acceptedValues(c)) {
        const p = patternOf(value);
        for (const level of ['class', 'form', 'shape'] as const) accepted.add(`${level}:${p[level]}`);
      }
      const distinct = distinctValues(data, c);
      const unusual = new Map<number, PatternLevel>();
      patterns.byId.forEach((pattern, id) => {
        const text = distinct.text(id);
        if (isPlaceholderText(text) || isAccepted(c, text)) return;
        const level = unusualLevel(pattern, distinct.counts[id], patterns, options, accepted);
        if (level) unusual.set(id, level);
      });
      if (unusual.size === 0) return;
      const ids = distinct.ids;
      for (let r = 0; r < ids.length; r++) {
        const level = ids[r] < 0 ? undefined : unusual.get(ids[r]);
        if (!level) continue;
        const value = distinct.text(ids[r]);
        const summary = patterns.levels[level];
        const share = summary.dominantRows / patterns.present;
        const own = patterns.byId.get(ids[r])![level];
        const describe = (pattern: string) => (level === 'class' ? CLASS_WORDS[pattern] : `shaped "${readable(pattern, level)}"`);
        report({
          row: r,
          columnIndex: c,
          value,
          evidence: { level, pattern: readable(own, level), columnPattern: readable(summary.dominant, level), columnShare: share, example: summary.example },
          message:
            `"${value}" in column "${column.name}" is ${describe(own)}, unlike ${Math.floor(share * 100)}% of the column, ` +
            `${level === 'class' ? 'which is ' : ''}${describe(summary.dominant)} (like "${summary.example}").`,
        });
      }
    });
  },
});
