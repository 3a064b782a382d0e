/**
 * Writes the JSON schema of the `datasetInspector.rules` setting into package.json from the rule modules
 * (`npx tsx scripts/gen-rules-schema.ts`): one property per rule id with its default severity, whether it
 * is on by default and its options with their defaults, so the settings editor offers rule ids and options
 * as IntelliSense and flags a misspelt one. A unit test fails when package.json is out of date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { allRules } from '../src/core/quality/engine';
import type { QualityRule, RuleOptionValue } from '../src/core/quality/rule';
import { SEVERITIES } from '../src/core/quality/finding';

export const RULES_SETTING = 'datasetInspector.rules';
export const packageJsonPath = path.join(__dirname, '..', 'package.json');

type JsonSchema = { [key: string]: unknown };

function optionSchema(value: RuleOptionValue): JsonSchema {
  if (Array.isArray(value)) return { type: 'array', items: { type: 'string' }, default: value };
  return { type: typeof value === 'number' ? 'number' : typeof value, default: value };
}

function ruleSchema(rule: QualityRule): JsonSchema {
  const options = Object.entries(rule.defaultOptions);
  return {
    type: 'object',
    markdownDescription: `**${rule.title}** (${rule.dimension}): ${rule.description}`,
    additionalProperties: false,
    properties: {
      enabled: { type: 'boolean', default: rule.enabledByDefault ?? true, description: '%config.rules.enabled.description%' },
      severity: {
        type: 'string',
        enum: SEVERITIES,
        enumDescriptions: SEVERITIES.map((s) => `%config.rules.severity.enum.${s}%`),
        default: rule.defaultSeverity,
        description: '%config.rules.severity.description%',
      },
      options: {
        type: 'object',
        description: options.length ? '%config.rules.options.description%' : '%config.rules.noOptions.description%',
        additionalProperties: false,
        properties: Object.fromEntries(options.map(([name, value]) => [name, optionSchema(value)])),
      },
    },
  };
}

/** The `datasetInspector.rules` setting as package.json must declare it. */
export function rulesSettingSchema(rules: readonly QualityRule[] = allRules): JsonSchema {
  return {
    type: 'object',
    default: {},
    scope: 'resource',
    markdownDescription: '%config.rules.markdownDescription%',
    properties: Object.fromEntries(rules.map((rule) => [rule.id, ruleSchema(rule)])),
    additionalProperties: false,
  };
}

if (require.main === module) {
  const manifest = JSON.parse(readFileSync(packageJsonPath, 'utf8')) as { contributes: { configuration: { properties: Record<string, unknown> } } };
  manifest.contributes.configuration.properties[RULES_SETTING] = rulesSettingSchema();
  writeFileSync(packageJsonPath, JSON.stringify(manifest, null, 2) + '\n');
  console.log(`wrote the schema of ${RULES_SETTING} (${allRules.length} rules) to package.json`);
}
