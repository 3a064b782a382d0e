/**
 * Which columns can be the target of a linear model, what task 'auto' trains for each, and which one the
 * "Train Linear Model" picker offers first. One decision for the training job ({@link autoTask} in
 * columns.ts, from the column's values) and for the picker (from the quality check's column profiles).
 */
import type { ColumnKind } from '../table/model';
import type { ColumnProfile } from '../profile/types';
import type { TaskKind } from './types';
import { looksLikeIdentifier } from '../shared/identifier';

/** Classification supports at most this many classes. */
export const MAX_CLASSES = 100;

/** Classes at most for a text target the picker suggests (more are allowed, not suggested). */
const SUGGESTED_MAX_CLASSES = 20;

/** What the task decision needs to know of a column; the counts are asked only where they matter. */
export interface TargetFacts {
  kind: ColumnKind;
  arrowType: string;
  /** Distinct non-missing values (asked for text columns). */
  distinct(): number;
  /** Whether the non-missing values are exactly 0 and 1, both present (asked for numeric columns). */
  zeroOne(): boolean;
}

/**
 * The task 'auto' picks for a target, or why the column cannot be one. Numeric → regression (0/1 only →
 * binary classification); boolean → binary; text → binary or multiclass by class count.
 */
export function targetTask(facts: TargetFacts): { task: TaskKind } | { reason: string } {
  switch (facts.kind) {
    case 'empty':
      return { reason: 'the column is empty' };
    case 'date':
    case 'timestamp':
      return { reason: 'date columns cannot be targets' };
    case 'boolean':
      return { task: 'binary-classification' };
    case 'integer':
    case 'float':
      return { task: facts.zeroOne() ? 'binary-classification' : 'regression' };
    case 'string':
    case 'categorical': {
      const distinct = facts.distinct();
      if (distinct < 2) return { reason: distinct === 0 ? 'the column has no values' : 'only one distinct value' };
      if (distinct > MAX_CLASSES) return { reason: `${distinct} distinct text values: too many classes (at most ${MAX_CLASSES})` };
      return { task: distinct === 2 ? 'binary-classification' : 'multiclass-classification' };
    }
    default:
      return { reason: `unsupported column type (${facts.arrowType})` };
  }
}

/** A task as the picker and the CLI name it. */
export const TASK_LABELS: Record<TaskKind, string> = {
  regression: 'regression',
  'binary-classification': 'binary classification',
  'multiclass-classification': 'multiclass classification',
};

export interface TargetChoice {
  name: string;
  usable: boolean;
  /** What 'auto' trains for it (usable columns). */
  task?: TaskKind;
  /** Why it cannot be the target (unusable columns). */
  reason?: string;
}

type ProfiledColumn = Pick<ColumnProfile, 'name' | 'kind' | 'arrowType' | 'count' | 'nulls' | 'distinct' | 'min' | 'max'>;

function choiceOf(column: ProfiledColumn): TargetChoice {
  const present = column.count - column.nulls;
  if (column.count > 0 && present === 0) return { name: column.name, usable: false, reason: 'every value is missing' };
  if (present > 0 && column.distinct < 2) return { name: column.name, usable: false, reason: 'only one distinct value' };
  const text = column.kind === 'string' || column.kind === 'categorical';
  // (Nearly) every value distinct: a key, a name or a row number, which a model cannot learn to predict.
  if (present > 2 && column.distinct >= 0.98 * present && (text || looksLikeIdentifier(column.name))) {
    return { name: column.name, usable: false, reason: `an identifier: ${present === column.distinct ? 'every value is' : 'nearly every value is'} distinct` };
  }
  const decision = targetTask({
    kind: column.kind,
    arrowType: column.arrowType,
    distinct: () => column.distinct,
    zeroOne: () => column.distinct === 2 && column.min === 0 && column.max === 1,
  });
  return 'task' in decision ? { name: column.name, usable: true, task: decision.task } : { name: column.name, usable: false, reason: decision.reason };
}

/** Whether the picker may suggest it: numeric, or few classes, and at most half of its values missing. */
function suggestable(choice: TargetChoice, column: ProfiledColumn): boolean {
  const fewClasses = column.kind === 'boolean' || column.distinct <= SUGGESTED_MAX_CLASSES;
  return choice.usable && (choice.task === 'regression' || fewClasses) && column.nulls <= 0.5 * column.count;
}

/**
 * The columns in the order the target picker lists them: usable ones first, led by the suggested target
 * (`remembered` when it is still usable, else the last numeric or low-cardinality column with at most half
 * of its values missing: tables usually end with what they describe), then the unusable ones with their reason (dates, identifiers, empty or
 * constant columns, too many classes, unsupported types).
 */
export function rankTargetChoices(columns: readonly ProfiledColumn[], remembered?: string): TargetChoice[] {
  const choices = columns.map(choiceOf);
  const usable = choices.filter((c) => c.usable);
  const suggested =
    usable.find((c) => c.name === remembered) ?? [...choices].reverse().find((c) => suggestable(c, columns[choices.indexOf(c)]));
  const rest = usable.filter((c) => c !== suggested);
  return [...(suggested ? [suggested] : []), ...rest, ...choices.filter((c) => !c.usable)];
}
