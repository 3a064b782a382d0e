/** Pure parts of the cleaning panel (unit-tested): step labels, option defaults, affected columns, changed cells. */
import type { PanelStep } from '../../src/shared/protocol/clean';
import type { StepCatalogEntry } from '../../src/core/clean/catalog';
import type { RowSample } from '../../src/core/clean/run';
import { fill } from '../shared/l10n';

/** The JSON Schema subset the option forms read. */
export interface OptionSchema {
  type?: string | string[];
  enum?: unknown[];
  default?: unknown;
  description?: string;
  items?: OptionSchema;
  minimum?: number;
  maximum?: number;
  properties?: Record<string, OptionSchema>;
  required?: string[];
  anyOf?: OptionSchema[];
}

export function optionSchemaOf(entry: StepCatalogEntry): OptionSchema {
  return entry.options as OptionSchema;
}

/** Options of a new step of `entry` for `column`: the schema's defaults, the column where the step takes columns. */
export function defaultOptions(entry: StepCatalogEntry, column: string | null): Record<string, unknown> {
  const schema = optionSchemaOf(entry);
  const options: Record<string, unknown> = {};
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    if (property.default !== undefined) options[name] = property.default;
  }
  if (column !== null) {
    if (entry.scope === 'columns') options.columns = [column];
    if (entry.scope === 'target') options.target = column;
    if (entry.scope === 'mapping') options.mapping = { [column]: column };
  }
  const required = schema.required ?? [];
  for (const name of required) {
    const property = schema.properties?.[name];
    if (options[name] === undefined && property?.enum?.length) options[name] = property.enum[0];
  }
  return options;
}

/** The columns a step names (every column for table-wide steps). */
export function stepColumns(step: PanelStep, allColumns: readonly string[]): string[] {
  const options = step.entry.options as Record<string, unknown>;
  if (Array.isArray(options.columns)) return options.columns.filter((c): c is string => typeof c === 'string');
  if (typeof options.target === 'string') return [options.target];
  if (options.mapping && typeof options.mapping === 'object') return Object.keys(options.mapping);
  return [...allColumns];
}

/** Columns touched by enabled column steps (table-wide steps such as dropping duplicates do not count). */
export function affectedColumns(steps: readonly PanelStep[], allColumns: readonly string[]): string[] {
  const touched = new Set<string>();
  for (const step of steps) {
    if (!step.entry.enabled) continue;
    const options = step.entry.options as Record<string, unknown>;
    if (!Array.isArray(options.columns) && typeof options.target !== 'string' && !options.mapping) continue;
    for (const c of stepColumns(step, allColumns)) touched.add(c);
  }
  return allColumns.filter((c) => touched.has(c));
}

/**
 * "Trim white space" + the columns: a label for a step the preview has not summarized yet. `andMore` is the
 * host's words for the columns not named ("{0} and {1} more").
 */
export function stepLabel(step: PanelStep, catalog: readonly StepCatalogEntry[], allColumns: readonly string[], andMore: string): string {
  const entry = catalog.find((c) => c.id === step.entry.step);
  const title = entry?.title ?? step.entry.step;
  const options = step.entry.options as Record<string, unknown>;
  if (!Array.isArray(options.columns) && typeof options.target !== 'string' && !options.mapping) return title;
  const columns = stepColumns(step, allColumns);
  const shown = columns.slice(0, 3).map((c) => `"${c}"`).join(', ');
  return `${title}: ${columns.length > 3 ? fill(andMore, shown, columns.length - 3) : shown}`;
}

export interface CellChange {
  column: string;
  before: string | null | undefined;
  after: string | null | undefined;
}

/** The cells that differ between a sample row before and after (by column name; new and removed columns included). */
export function changedCells(sample: RowSample, columnsIn: readonly string[], columnsOut: readonly string[]): CellChange[] {
  if (sample.after === null) return [];
  const before = new Map(columnsIn.map((c, i) => [c, sample.before[i]]));
  const after = new Map(columnsOut.map((c, i) => [c, sample.after![i]]));
  const changes: CellChange[] = [];
  for (const column of new Set([...columnsIn, ...columnsOut])) {
    const a = before.get(column);
    const b = after.get(column);
    if (a !== b) changes.push({ column, before: a, after: b });
  }
  return changes;
}

/** The steps in pipeline order after adding one (new steps go after the last step of the same or an earlier kind). */
export function insertStep(steps: readonly PanelStep[], step: PanelStep, catalog: readonly StepCatalogEntry[]): PanelStep[] {
  const order = (id: string) => {
    const i = catalog.findIndex((c) => c.id === id);
    return i < 0 ? catalog.length : i;
  };
  const position = order(step.entry.step);
  let at = steps.length;
  while (at > 0 && order(steps[at - 1].entry.step) > position) at--;
  return [...steps.slice(0, at), step, ...steps.slice(at)];
}
