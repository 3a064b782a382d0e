/**
 * The step registry, in the order the planner proposes steps (a pipeline that works: structure first, then
 * values into one form, then repeats, then missing values and outliers, then model preparation). A new
 * step = one file here + one line below. Corrections the check's findings name (replace-values) come before
 * the steps that rewrite whole columns, while the cells still hold the texts the findings quote.
 */
import type { AnyStep } from '../step';
import { dropMalformedRows } from './drop-malformed-rows';
import { replaceValues } from './replace-values';
import { trimWhitespace } from './trim-whitespace';
import { nullNaTokens } from './null-na-tokens';
import { normalizeNumbers } from './normalize-numbers';
import { parseDates } from './parse-dates';
import { unifyCategories } from './unify-categories';
import { castType } from './cast-type';
import { dropDuplicateRows } from './drop-duplicate-rows';
import { dropSuspectLabels } from './drop-suspect-labels';
import { imputeMissing } from './impute-missing';
import { handleOutliers } from './handle-outliers';
import { scaleNumeric } from './scale-numeric';
import { oneHotEncode } from './one-hot-encode';
import { renameColumns } from './rename-columns';
import { dropColumns } from './drop-columns';

export const allSteps: readonly AnyStep[] = [
  dropMalformedRows,
  replaceValues,
  trimWhitespace,
  nullNaTokens,
  normalizeNumbers,
  parseDates,
  unifyCategories,
  castType,
  dropDuplicateRows,
  dropSuspectLabels,
  imputeMissing,
  handleOutliers,
  scaleNumeric,
  oneHotEncode,
  renameColumns,
  dropColumns,
];

const byId = new Map(allSteps.map((s) => [s.id, s]));

export function stepById(id: string): AnyStep | undefined {
  return byId.get(id);
}

/** Pipeline position of a step id (unknown ids last). */
export function stepOrder(id: string): number {
  const index = allSteps.findIndex((s) => s.id === id);
  return index < 0 ? allSteps.length : index;
}
