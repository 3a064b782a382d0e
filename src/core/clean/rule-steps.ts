/**
 * Which cleaning steps fix what a quality rule finds: one entry per rule id (a new rule is one entry here,
 * or one line in RULES_WITHOUT_STEP). A step's options come from the findings' structured fields — the
 * value (`Finding.value`), the correction in `evidence` (a typo's likely value, a repaired text, the number
 * the check read) and the row — never from message text. Kept apart from the planner so the extension host
 * can offer "Clean data…" on a finding without loading the steps.
 */
import type { Finding } from '../quality/finding';
import type { ColumnSpec } from './frame';

export type StepChoice = { step: string; options: Record<string, unknown>; enabled: boolean };

/** The findings of one rule on one column (or on no column), with the column's spec. */
export type RuleStepMapper = (column: ColumnSpec | null, findings: readonly Finding[]) => StepChoice[];

export const NUMERIC = new Set(['integer', 'float']);
export const TEXT = new Set(['string', 'categorical']);

/** A step on the findings' column (none for findings without one). */
function onColumn(step: string, enabled = true, extra: (c: ColumnSpec) => Record<string, unknown> = () => ({})): RuleStepMapper {
  return (c) => (c ? [{ step, options: { columns: [c.name], ...extra(c) }, enabled }] : []);
}

function onTable(step: string, enabled = true): RuleStepMapper {
  return () => [{ step, options: {}, enabled }];
}

const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** "replace-values" on the column: each finding's value → `replacement(finding)` (undefined: no correction known). */
function replaceEach(replacement: (f: Finding) => string | null | undefined, enabled = true): RuleStepMapper {
  return (c, findings) => {
    if (!c) return [];
    const values: Record<string, string | null> = {};
    for (const f of findings) {
      const to = f.value === undefined ? undefined : replacement(f);
      if (to !== undefined && to !== f.value) values[f.value!] = to;
    }
    return Object.keys(values).length ? [{ step: 'replace-values', options: { columns: [c.name], values: { [c.name]: values } }, enabled }] : [];
  };
}

/** A placeholder for a missing value: the cell is emptied. */
const toMissing = () => null;

/** Findings → single-cell edits of "replace-values" (row-specific: `from` guards them on another file). */
function editCells(edits: (f: Finding) => { column: string; from: string | null; to: string | null }[], enabled: boolean): RuleStepMapper {
  return (c, findings) => {
    const cells: Record<string, { row: number; from: string | null; to: string | null }[]> = {};
    for (const f of findings) {
      if (f.row === null) continue;
      for (const e of edits(f)) (cells[e.column] ??= []).push({ row: f.row, from: e.from, to: e.to });
    }
    const columns = Object.keys(cells);
    return c && columns.length ? [{ step: 'replace-values', options: { columns, cells }, enabled }] : [];
  };
}

/** The cell's edit to the value its finding's evidence expects (`expected`), in that row only; none without one. */
const toExpected = (f: Finding) => (f.column && f.value !== undefined && text(f.evidence?.expected) !== undefined ? [{ column: f.column, from: f.value, to: text(f.evidence?.expected)! }] : []);

/** Rule id → the steps that fix what it finds. Off by default: steps that change what a model learns, or rest on a guess. */
export const RULE_STEPS: Readonly<Record<string, RuleStepMapper>> = {
  // structure
  'ragged-row': onTable('drop-malformed-rows'),
  'stray-quote': onTable('drop-malformed-rows'),
  'column-shift': editCells(
    (f) => {
      const neighbour = text(f.evidence?.neighbour);
      // Two values swapped: each finding puts the other's value in its own cell.
      const theirs = f.evidence?.swapped === true ? text(f.evidence?.neighbourValue) : undefined;
      if (f.column && f.value !== undefined && theirs !== undefined) return [{ column: f.column, from: f.value, to: theirs }];
      return f.column && neighbour && f.value !== undefined && f.evidence?.neighbourEmpty === true
        ? [
            { column: f.column, from: f.value, to: null },
            { column: neighbour, from: null, to: f.value },
          ]
        : [];
    },
    false,
  ),
  // completeness
  'missing-value': onColumn('impute-missing', false, (c) => ({ method: NUMERIC.has(c.kind) ? 'median' : 'mode' })),
  'disguised-missing': replaceEach(toMissing),
  'empty-column': onColumn('drop-columns', false),
  'mostly-empty-column': onColumn('drop-columns', false),
  // consistency
  // Trimmed by the step; a repeated space between words made one (before the step trims: either form of the value).
  whitespace: (c, findings) => [...onColumn('trim-whitespace')(c, findings), ...replaceEach((f) => text(f.evidence?.fixed))(c, findings)],
  'category-variant': onColumn('unify-categories'),
  'spelled-out-code': replaceEach((f) => text(f.evidence?.code)),
  'name-variant': replaceEach((f) => text(f.evidence?.columnSpelling)),
  'abbreviated-value': replaceEach((f) => text(f.evidence?.full)),
  'merged-neighbour': replaceEach((f) => text(f.evidence?.ownPart)),
  'reversed-range': replaceEach((f) => text(f.evidence?.fixed)),
  // Dates inside text ("8 September 1960 (USA)") keep their words: each date written as the column does.
  'mixed-date-format': (c, findings) => (c && TEXT.has(c.kind) ? replaceEach((f) => text(f.evidence?.fixed))(c, findings) : onColumn('parse-dates')(c, findings)),
  'mixed-time-format': replaceEach((f) => text(f.evidence?.fixed)),
  'mixed-list-separator': replaceEach((f) => text(f.evidence?.fixed)),
  'mixed-letter-case': replaceEach((f) => text(f.evidence?.fixed)),
  'type-mismatch': (c, findings) => (c && NUMERIC.has(c.kind) ? onColumn('normalize-numbers')(c, findings) : c?.kind === 'date' ? onColumn('parse-dates')(c, findings) : []),
  // The number the check read (in the column's unit and scale), then the column's other forms to plain numbers.
  'number-format': (c, findings) => [
    ...replaceEach((f) => (typeof f.evidence?.readAs === 'number' ? String(f.evidence.readAs) : undefined))(c, findings),
    ...onColumn('normalize-numbers')(c, findings),
  ],
  // The number that keeps the relation, in that row only (another row may hold the same number rightly); a guess.
  'broken-relation': editCells(toExpected, false),
  // The flag the number calls for, in that row only (findings on the number itself name no value for it); a guess.
  'contradicted-flag': editCells((f) => (f.column && f.value !== undefined && f.evidence?.vouched !== true && text(f.evidence?.expected) !== undefined ? [{ column: f.column, from: f.value, to: text(f.evidence?.expected)! }] : []), false),
  'date-part-mismatch': editCells(toExpected, false),
  'elapsed-years-mismatch': editCells(toExpected, false),
  'duration-mismatch': editCells(toExpected, false),
  'dependency-violation': editCells(toExpected, false),
  // accuracy
  typo: replaceEach((f) => text(f.evidence?.likely)),
  // The value with its misspelled word written as the column's values write it there.
  'word-typo': replaceEach((f) => text(f.evidence?.likely)),
  'truncated-value': replaceEach((f) => text(f.evidence?.fixed)),
  // The code with the digit the letter looks like.
  'lookalike-character': replaceEach((f) => text(f.evidence?.fixed)),
  'encoding-damage': replaceEach((f) => text(f.evidence?.repaired)),
  'sentinel-value': replaceEach(toMissing, false),
  'zero-as-missing': replaceEach(toMissing, false),
  'impossible-value': replaceEach(toMissing, false),
  'off-scale': replaceEach(toMissing, false),
  outlier: onColumn('handle-outliers', false),
  'constant-column': onColumn('drop-columns', false),
  'suspect-label': (c) => (c ? [{ step: 'drop-suspect-labels', options: { target: c.name }, enabled: false }] : []),
  // uniqueness
  'duplicate-row': onTable('drop-duplicate-rows'),
  // ml-readiness
  'scale-disparity': (c, findings) => (c && NUMERIC.has(c.kind) ? onColumn('scale-numeric', false)(c, findings) : []),
};

/**
 * Rules no step fixes, and why: the cleaned file is written anew (blank rows, line endings, invalid JSON
 * lines and undecodable bytes do not reach it), or the right value is not known (a conflicting record, a
 * rare pattern, a number on the wrong side of another, a code failing its check digit, a spike or a stuck reading in a series, a duplicate key, a near copy of a row, a date in the future), or the finding is about the data set as a whole.
 */
export const RULES_WITHOUT_STEP: ReadonlySet<string> = new Set([
  'empty-file',
  'blank-row',
  'blank-header',
  'duplicate-header',
  'unterminated-quote',
  'invalid-encoding',
  'mixed-line-endings',
  'invalid-json-line',
  'pattern-mismatch',
  'decimal-places',
  'missing-affix',
  'conflicting-records',
  'contained-value',
  'broken-order',
  'gap-outlier',
  'ratio-outlier',
  'inapplicable-value',
  'absence-mismatch',
  'comparison-mismatch',
  'band-mismatch',
  'check-digit',
  'spike',
  'stuck-value',
  'counter-reversal',
  'duplicate-key',
  'near-duplicate-row',
  'future-date',
  'implausible-date',
  'out-of-order-timestamp',
  'class-imbalance',
  'high-correlation',
  'extreme-skew',
  'schema-violation',
]);
