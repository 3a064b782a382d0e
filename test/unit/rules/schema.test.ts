/** Frictionless Table Schema validation: schema beside the file or in datapackage.json. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { ingestFile } from '../../../src/core/ingest/index';
import { runQualityCheck } from '../../../src/core/quality/engine';
import { temporaryDirectory } from '../temp-dir';

const csv = ['id,name,age,grade,email', '1,Ada,36,A,ada@example.org', '2,Bob,-4,B,bob-at-example', '2,,41,Z,cy@example.org', 'x,Dee,29,A,dee@example.org', ''].join('\n');
const schema = {
  fields: [
    { name: 'id', type: 'integer', constraints: { required: true } },
    { name: 'name', type: 'string', constraints: { required: true, minLength: 2 } },
    { name: 'age', type: 'integer', constraints: { minimum: 0, maximum: 130 } },
    { name: 'grade', type: 'string', constraints: { enum: ['A', 'B', 'C'] } },
    { name: 'email', type: 'string', constraints: { pattern: '[^@]+@[^@]+' } },
    { name: 'city', type: 'string' },
  ],
  primaryKey: 'id',
};

function folder(files: Record<string, string>): string {
  const dir = temporaryDirectory('di-schema-');
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content);
  return dir;
}

async function violations(dir: string): Promise<string[]> {
  const report = runQualityCheck(await ingestFile(path.join(dir, 'people.csv')));
  return report.findings.filter((f) => f.rule === 'schema-violation').map((f) => `${f.row === null ? '-' : f.row}:${f.column ?? '-'}: ${f.message}`);
}

test('a <name>.schema.json beside the file is validated: types, required, min/max, enum, pattern, primary key, fields', async () => {
  const found = await violations(folder({ 'people.csv': csv, 'people.schema.json': JSON.stringify(schema) }));
  const has = (re: RegExp) => assert.ok(found.some((f) => re.test(f)), `${re} in\n${found.join('\n')}`);
  has(/^1:age: -4 is below the minimum 0/);
  has(/^1:email: "bob-at-example" does not match the pattern/);
  has(/^2:name: "name" is required/);
  has(/^2:grade: "Z" is not one of the values/);
  has(/^2:id: Primary key "id" value "2" .* repeats row 2/);
  has(/^3:id: "x" is not of type integer/);
  has(/^-:-: Field "city" of people.schema.json is missing from the file/);
  assert.equal(found.length, 7, found.join('\n'));
});

test('a datapackage.json resource whose path is the file provides the schema', async () => {
  const datapackage = { name: 'p', resources: [{ name: 'people', path: 'people.csv', schema }] };
  const found = await violations(folder({ 'people.csv': csv, 'datapackage.json': JSON.stringify(datapackage) }));
  assert.ok(found.some((f) => /datapackage\.json \(resource "people"\)/.test(f)));
});

test('no schema, no findings; a broken schema file is reported, not a crash', async () => {
  assert.deepEqual(await violations(folder({ 'people.csv': csv })), []);
  const report = runQualityCheck(await ingestFile(path.join(folder({ 'people.csv': csv, 'people.schema.json': '{ fields: ' }), 'people.csv')));
  assert.ok(report.findings.some((f) => f.rule === 'schema-violation' && /could not run: people\.schema\.json is not a valid Table Schema/.test(f.message)));
});
