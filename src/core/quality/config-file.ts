/**
 * The CLI's `--config` file: the `datasetInspector` settings that shape a check, written by hand as JSON
 * (`{ "rules": {...}, "ignore": [...], "accept": [...], "maxFindingsPerRuleAndColumn": N }`), checked
 * against a schema so a typo is reported (path, what was expected, what was found) instead of being
 * ignored, and resolved for each checked file (entries whose `file` glob does not match it are left out).
 */
import { isAbsolute, relative, resolve } from 'node:path';
import * as z from 'zod/mini';
import { allRules, type AcceptEntry, type IgnoreEntry, type QualityConfig, type RuleSetting } from './engine';
import { asRuleSettings, rulesSettingSchema } from './rule-settings';
import { appliesTo, type FileLocation, type FileScoped } from '../shared/file-glob';
import { describeIssues } from '../shared/zod-messages';

export interface QualityConfigFile {
  rules?: Record<string, RuleSetting>;
  ignore?: FileScoped<IgnoreEntry>[];
  accept?: FileScoped<AcceptEntry>[];
  maxFindingsPerRuleAndColumn?: number;
}

/** A configuration file that is not valid JSON or does not fit the schema; `problems` has one line each. */
export class ConfigFileError extends Error {
  override name = 'ConfigFileError';
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file}: ${problems.join('; ')}`);
  }
}

function configFileSchema() {
  const ruleIds = new Set(allRules.map((rule) => rule.id));
  const ruleId = z.string().check(z.refine((id) => ruleIds.has(id), 'expected a rule id (as in docs/rules/)'));
  const glob = z.optional(z.string().check(z.minLength(1)));
  return z.strictObject({
    $schema: z.optional(z.string()),
    rules: z.optional(rulesSettingSchema()),
    ignore: z.optional(z.array(z.strictObject({ rule: ruleId, column: z.optional(z.string()), file: glob }))),
    accept: z.optional(z.array(z.strictObject({ rule: ruleId, column: z.string(), value: z.string(), file: glob }))),
    maxFindingsPerRuleAndColumn: z.optional(z.int().check(z.minimum(1))),
  });
}

let schema: ReturnType<typeof configFileSchema> | undefined;

/** Parses and checks the text of configuration file `file`; throws a {@link ConfigFileError} naming every problem. */
export function parseQualityConfigFile(text: string, file: string): QualityConfigFile {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new ConfigFileError(file, [`not valid JSON: ${error instanceof Error ? error.message : String(error)}`]);
  }
  const parsed = (schema ??= configFileSchema()).safeParse(document);
  if (!parsed.success) throw new ConfigFileError(file, describeIssues(parsed.error.issues, document, schema));
  const { rules, ignore, accept, maxFindingsPerRuleAndColumn } = parsed.data;
  return { rules: rules && asRuleSettings(rules), ignore, accept, maxFindingsPerRuleAndColumn };
}

/** The quality configuration `config` gives the data file `path`: `file` globs are matched from `base` (a relative path below it, else the absolute one). */
export function qualityConfigFor(config: QualityConfigFile, path: string, base: string = process.cwd()): Partial<QualityConfig> {
  const absolute = resolve(base, path);
  const fromBase = relative(base, absolute);
  const location: FileLocation = { absolute, relativeToFolder: fromBase.startsWith('..') || isAbsolute(fromBase) ? undefined : fromBase };
  const quality: Partial<QualityConfig> = { rules: config.rules ?? {} };
  if (config.ignore) quality.ignore = entriesFor(config.ignore, location);
  if (config.accept) quality.accept = entriesFor(config.accept, location);
  if (config.maxFindingsPerRuleAndColumn !== undefined) quality.maxFindingsPerRuleAndColumn = config.maxFindingsPerRuleAndColumn;
  return quality;
}

/** The entries that apply to the file at `location`, without their `file` globs. */
function entriesFor<T>(entries: readonly FileScoped<T>[], location: FileLocation): Omit<FileScoped<T>, 'file'>[] {
  return entries.filter((entry) => appliesTo(entry, location)).map(({ file: _file, ...entry }) => entry);
}
