/**
 * Which cleaning step fixes what a quality rule finds: one line per rule id (a new rule that a step can fix
 * is one line here). Kept apart from the planner so the extension host can offer "Clean data…" on a finding
 * without loading the steps.
 */
import type { ColumnSpec } from './frame';

export type StepChoice = { step: string; options: Record<string, unknown>; enabled: boolean };

export const NUMERIC = new Set(['integer', 'float']);
export const TEXT = new Set(['string', 'categorical']);

/** A step on the finding's column (none for findings without one). */
function onColumn(step: string, enabled = true, extra: (c: ColumnSpec) => Record<string, unknown> = () => ({})) {
  return (c: ColumnSpec | null): StepChoice | undefined => (c ? { step, options: { columns: [c.name], ...extra(c) }, enabled } : undefined);
}

function onTable(step: string, enabled = true) {
  return (): StepChoice => ({ step, options: {}, enabled });
}

/** Rule id → the step that fixes what it finds (on the finding's column, or the table). Off by default: steps that change what a model learns. */
export const RULE_STEPS: Record<string, (column: ColumnSpec | null) => StepChoice | undefined> = {
  'ragged-row': onTable('drop-malformed-rows'),
  'stray-quote': onTable('drop-malformed-rows'),
  whitespace: onColumn('trim-whitespace'),
  'category-variant': onColumn('unify-categories'),
  'mixed-date-format': onColumn('parse-dates'),
  'type-mismatch': (c) => (c && NUMERIC.has(c.kind) ? onColumn('normalize-numbers')(c) : c?.kind === 'date' ? onColumn('parse-dates')(c) : undefined),
  'duplicate-row': onTable('drop-duplicate-rows'),
  'missing-value': onColumn('impute-missing', false, (c) => ({ method: NUMERIC.has(c.kind) ? 'median' : 'mode' })),
  outlier: onColumn('handle-outliers', false),
  'scale-disparity': (c) => (c && NUMERIC.has(c.kind) ? onColumn('scale-numeric', false)(c) : undefined),
  'suspect-label': (c) => (c ? { step: 'drop-suspect-labels', options: { target: c.name }, enabled: false } : undefined),
  // Quality engine v2 (ids as they settle): number formats and units, typos of frequent values, day/month swaps.
  'unit-variant': onColumn('normalize-numbers'),
  'number-format': onColumn('normalize-numbers'),
  'format-variant': onColumn('normalize-numbers'),
  typo: onColumn('unify-categories'),
  'category-typo': onColumn('unify-categories'),
  'day-month-swap': onColumn('parse-dates'),
};

