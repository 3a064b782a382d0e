/**
 * Proposes cleaning steps for a table: one per rule × column from the check's findings (with how many
 * findings), plus what the data facts show (probe.ts). Rule ids map to steps in rule-steps.ts.
 */
import type { Finding } from '../quality/finding';
import type { ColumnSpec } from './frame';
import type { DataFacts } from './probe';
import { makeStep, type RecipeStep } from './recipe';
import { stepOrder } from './steps/index';
import { SAFE_DEFAULT_STEPS } from './formats';
import { NUMERIC, RULE_STEPS, TEXT, type StepChoice } from './rule-steps';

export interface Proposal {
  step: RecipeStep;
  /** The column it is for (null for whole-table steps). */
  column: string | null;
  /** Why: the rules and facts behind it, e.g. `whitespace (3)`, `NA tokens (2)`. */
  reasons: string[];
  /** Findings and cells behind it. */
  count: number;
}

/** Findings per rule and column, with their count: published ones, or the summary's total when there is one. */
function groupFindings(findings: readonly Finding[]): Map<string, { rule: string; column: string | null; count: number; findings: Finding[] }> {
  const groups = new Map<string, { rule: string; column: string | null; count: number; findings: Finding[] }>();
  for (const f of findings) {
    const key = `${f.rule}\u0000${f.column ?? ''}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { rule: f.rule, column: f.column, count: 0, findings: [] }));
    if (f.summaryOf !== undefined) group.count = Math.max(group.count, f.summaryOf);
    else group.findings.push(f);
  }
  for (const group of groups.values()) group.count = Math.max(group.count, group.findings.length);
  return groups;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Two proposals' options for one step and column together: records merged, lists joined. */
function mergeOptions(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const out = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const prev = out[key];
    out[key] = isRecord(prev) && isRecord(value) ? mergeOptions(prev, value) : Array.isArray(prev) && Array.isArray(value) ? [...new Set([...prev, ...value])] : (prev ?? value);
  }
  return out;
}

/** Proposals from findings and facts, merged per step, column and whether on by default, in pipeline order. */
export function proposeSteps(schema: readonly ColumnSpec[], facts: DataFacts, findings: readonly Finding[] = []): Proposal[] {
  const merged = new Map<string, { choice: StepChoice; column: string | null; reasons: string[]; count: number }>();
  const add = (choice: StepChoice, column: string | null, reason: string, count: number) => {
    if (count <= 0) return;
    const key = `${choice.step}\u0000${column ?? ''}\u0000${choice.enabled}`;
    const entry = merged.get(key);
    if (entry) {
      entry.reasons.push(reason);
      entry.count = Math.max(entry.count, count);
      entry.choice = { ...entry.choice, options: mergeOptions(entry.choice.options, choice.options) };
    } else merged.set(key, { choice, column, reasons: [reason], count });
  };
  const specOf = (name: string | null) => (name === null ? null : (schema.find((c) => c.name === name) ?? null));
  for (const { rule, column, count, findings: group } of groupFindings(findings).values()) {
    const spec = specOf(column);
    if (column !== null && !spec) continue;
    for (const choice of RULE_STEPS[rule]?.(spec, group) ?? []) {
      add(choice, 'columns' in choice.options || choice.step === 'drop-suspect-labels' ? column : null, `${rule} (${count})`, count);
    }
  }
  if (facts.malformedRows > 0) add({ step: 'drop-malformed-rows', options: {}, enabled: true }, null, `malformed rows (${facts.malformedRows})`, facts.malformedRows);
  for (const f of facts.columns) {
    const spec = specOf(f.name);
    if (!spec) continue;
    if (f.untrimmed > 0 && TEXT.has(spec.kind)) add({ step: 'trim-whitespace', options: { columns: [f.name] }, enabled: true }, f.name, `untrimmed cells (${f.untrimmed})`, f.untrimmed);
    if (f.naTokens > 0) add({ step: 'null-na-tokens', options: { columns: [f.name] }, enabled: true }, f.name, `NA tokens (${f.naTokens})`, f.naTokens);
    if (f.formattedNumbers > 0 && (NUMERIC.has(spec.kind) || f.formattedNumbers + f.plainNumbers >= 0.9 * f.nonMissing)) {
      add({ step: 'normalize-numbers', options: { columns: [f.name] }, enabled: true }, f.name, `formatted numbers (${f.formattedNumbers})`, f.formattedNumbers);
    }
    if (f.nonIsoDates > 0 && (spec.kind === 'date' || f.dates >= 0.8 * f.nonMissing)) {
      add({ step: 'parse-dates', options: { columns: [f.name] }, enabled: true }, f.name, `dates not in ISO form (${f.nonIsoDates})`, f.nonIsoDates);
    }
  }
  const columnOrder = (name: string | null) => (name === null ? -1 : schema.findIndex((c) => c.name === name));
  return [...merged.values()]
    .sort((a, b) => stepOrder(a.choice.step) - stepOrder(b.choice.step) || columnOrder(a.column) - columnOrder(b.column))
    .map(({ choice, column, reasons, count }) => ({ step: makeStep(choice.step, choice.options, undefined, choice.enabled), column, reasons, count }));
}

/** The safe default steps (SAFE_DEFAULT_STEPS) for a schema: text steps on text columns, number formats where the facts show some. */
export function safeDefaultSteps(schema: readonly ColumnSpec[], facts: DataFacts): RecipeStep[] {
  const text = schema.filter((c) => TEXT.has(c.kind)).map((c) => c.name);
  const all = schema.map((c) => c.name);
  const numbers = facts.columns
    .filter((f) => {
      const spec = schema.find((c) => c.name === f.name);
      return spec && f.formattedNumbers > 0 && (NUMERIC.has(spec.kind) || f.formattedNumbers + f.plainNumbers >= 0.9 * f.nonMissing);
    })
    .map((f) => f.name);
  const categories = text.filter((c) => !numbers.includes(c));
  const choices: Record<(typeof SAFE_DEFAULT_STEPS)[number], StepChoice | undefined> = {
    'trim-whitespace': text.length ? { step: 'trim-whitespace', options: { columns: text }, enabled: true } : undefined,
    'null-na-tokens': all.length ? { step: 'null-na-tokens', options: { columns: all }, enabled: true } : undefined,
    'normalize-numbers': numbers.length ? { step: 'normalize-numbers', options: { columns: numbers }, enabled: true } : undefined,
    // Columns that become numbers are not categories.
    'unify-categories': categories.length ? { step: 'unify-categories', options: { columns: categories }, enabled: true } : undefined,
    'drop-duplicate-rows': { step: 'drop-duplicate-rows', options: {}, enabled: true },
  };
  return SAFE_DEFAULT_STEPS.map((id) => choices[id])
    .filter((c): c is StepChoice => c !== undefined)
    .map((c) => makeStep(c.step, c.options));
}
