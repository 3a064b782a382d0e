/**
 * What the `rules` setting may hold for each rule (`enabled`, `severity`, and the rule's own options, typed
 * by their defaults), as zod schemas built from the rule modules, and the settings cleaned of what does not
 * fit: a wrong type or an unknown option is left out (that part of the rule keeps its default) and named
 * in a {@link SettingProblem}, so a typo in the settings is reported rather than silently breaking a rule.
 */
import * as z from 'zod/mini';
import { SEVERITIES } from './finding';
import type { QualityRule, RuleOptionValue, RuleOptions } from './rule';
import type { RuleSetting } from './engine';
import { allRules } from './rules/index';
import { issueMessages } from '../shared/zod-messages';

/** A part of the settings left out: where (`rules.outlier.severity`) and what is wrong with it. */
export interface SettingProblem {
  setting: string;
  problem: string;
}

/** The schema of one option, from the type of its default. */
function optionSchema(value: RuleOptionValue) {
  if (Array.isArray(value)) return z.array(z.string());
  if (typeof value === 'number') return z.number();
  if (typeof value === 'string') return z.string();
  return z.boolean();
}

/** The schema of one rule's setting: `{ enabled?, severity?, options? }`, nothing else. */
export function ruleSettingSchema(rule: QualityRule) {
  const options = Object.fromEntries(Object.entries(rule.defaultOptions).map(([name, value]) => [name, z.optional(optionSchema(value))]));
  return z.strictObject({
    enabled: z.optional(z.boolean()),
    severity: z.optional(z.enum(SEVERITIES)),
    options: z.optional(z.strictObject(options)),
  });
}

/** The schema of the whole `rules` setting: an object whose keys are rule ids. */
export function rulesSettingSchema(rules: readonly QualityRule[] = allRules) {
  return z.strictObject(Object.fromEntries(rules.map((rule) => [rule.id, z.optional(ruleSettingSchema(rule))])));
}

type ParsedRules = z.infer<ReturnType<typeof rulesSettingSchema>>;

/** Parsed settings as the engine takes them (zod's output allows undefined for each optional key). */
export function asRuleSettings(parsed: ParsedRules): Record<string, RuleSetting> {
  const settings: Record<string, RuleSetting> = {};
  for (const [id, setting] of Object.entries(parsed)) {
    if (!setting) continue;
    const { options, ...rest } = setting;
    const given: RuleOptions = {};
    for (const [name, value] of Object.entries(options ?? {})) if (value !== undefined) given[name] = value;
    settings[id] = options ? { ...rest, options: given } : rest;
  }
  return settings;
}

let defaultSchema: ReturnType<typeof rulesSettingSchema> | undefined;

function isRecord(value: unknown): value is Record<PropertyKey, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Deletes the value at `at` (keys from the top) of `document`, if it is there. */
function remove(document: Record<PropertyKey, unknown>, at: readonly PropertyKey[]): void {
  let parent: unknown = document;
  for (const key of at.slice(0, -1)) parent = isRecord(parent) ? parent[key] : undefined;
  if (isRecord(parent) && at.length > 0) delete parent[at[at.length - 1]];
}

export interface ValidRuleSettings {
  rules: Record<string, RuleSetting>;
  problems: SettingProblem[];
}

/**
 * The `rules` setting (as read, of any shape) with what does not fit the rules' schemas left out, and
 * what was left out. Called once per check.
 */
export function validRuleSettings(settings: unknown, rules: readonly QualityRule[] = allRules): ValidRuleSettings {
  if (settings === undefined || settings === null) return { rules: {}, problems: [] };
  const schema = rules === allRules ? (defaultSchema ??= rulesSettingSchema()) : rulesSettingSchema(rules);
  const parsed = schema.safeParse(settings);
  if (parsed.success) return { rules: asRuleSettings(parsed.data), problems: [] };
  const messages = issueMessages(parsed.error.issues, settings, schema);
  const problems = messages.map(({ path, text }) => ({ setting: `rules${path.startsWith('[') || !path ? '' : '.'}${path}`, problem: text }));
  if (!isRecord(settings)) return { rules: {}, problems };
  const cleaned = structuredClone(settings);
  for (const { at } of messages) remove(cleaned, at);
  const retried = schema.safeParse(cleaned);
  return { rules: retried.success ? asRuleSettings(retried.data) : {}, problems };
}
