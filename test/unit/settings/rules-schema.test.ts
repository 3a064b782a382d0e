/** The `datasetInspector.rules` setting's JSON schema in package.json is the one generated from the rule modules. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { RULES_SETTING, packageJsonPath, rulesSettingSchema } from '../../../scripts/gen-rules-schema';
import { allRules } from '../../../src/core/quality/engine';

interface PropertySchema {
  default?: unknown;
  enum?: string[];
  enumDescriptions?: string[];
  properties?: Record<string, PropertySchema>;
  additionalProperties?: boolean;
}
const declared = (JSON.parse(readFileSync(packageJsonPath, 'utf8')) as { contributes: { configuration: { properties: Record<string, PropertySchema> } } }).contributes.configuration.properties;

test(`package.json's ${RULES_SETTING} schema is current (regenerate: npx tsx scripts/gen-rules-schema.ts)`, () => {
  assert.deepEqual(declared[RULES_SETTING], rulesSettingSchema());
});

test('the schema offers every rule id with its default severity and options, and rejects unknown ones', () => {
  const rules = declared[RULES_SETTING];
  assert.deepEqual(Object.keys(rules.properties ?? {}), allRules.map((r) => r.id));
  assert.equal(rules.additionalProperties, false, 'a misspelt rule id is flagged');
  const outlier = rules.properties?.outlier?.properties;
  assert.equal(outlier?.severity.default, 'warning');
  assert.deepEqual(outlier?.severity.enum, ['error', 'warning', 'information', 'hint']);
  assert.equal(outlier?.options.properties?.alpha.default, 0.01);
  assert.equal(outlier?.options.additionalProperties, false, 'a misspelt option is flagged');
  const renamed = rulesSettingSchema([{ ...allRules[0], id: 'renamed-rule' }]);
  assert.notDeepEqual(renamed, declared[RULES_SETTING], 'a changed rule makes the declared schema stale');
});

test('every enum setting describes its values', () => {
  const enums: string[] = [];
  const visit = (name: string, schema: PropertySchema) => {
    if (schema.enum) {
      enums.push(name);
      assert.equal(schema.enumDescriptions?.length, schema.enum.length, `${name}: enumDescriptions`);
    }
    for (const [key, child] of Object.entries(schema.properties ?? {})) visit(`${name}.${key}`, child);
  };
  for (const [name, schema] of Object.entries(declared)) visit(name, schema);
  assert.ok(enums.includes('datasetInspector.csv.header') && enums.includes('datasetInspector.training.backend') && enums.includes(`${RULES_SETTING}.outlier.severity`));
});
