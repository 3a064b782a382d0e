/**
 * Frictionless Table Schema (https://specs.frictionlessdata.io/table-schema/) found beside a data file:
 * `<name>.schema.json` / `<file>.schema.json`, or the matching resource of a `datapackage.json` in the
 * same folder. Read synchronously: the check runs in a worker or the CLI, never on the editor's thread.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

export interface FieldConstraints {
  required?: boolean;
  unique?: boolean;
  enum?: (string | number | boolean)[];
  minimum?: number | string;
  maximum?: number | string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
}

export interface SchemaField {
  name: string;
  type?: string;
  format?: string;
  constraints?: FieldConstraints;
}

export interface TableSchema {
  fields: SchemaField[];
  primaryKey?: string | string[];
  missingValues?: string[];
}

export interface LoadedSchema {
  schema: TableSchema;
  /** Where it came from, for messages. */
  source: string;
}

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8'));
}

function asSchema(value: unknown, base: string): TableSchema | undefined {
  if (typeof value === 'string') return asSchema(readJson(path.resolve(base, value)), base);
  if (value && typeof value === 'object' && Array.isArray((value as TableSchema).fields)) return value as TableSchema;
  return undefined;
}

/** The Table Schema that applies to `dataPath`, or undefined. Throws with a clear message on a broken schema file. */
export function loadTableSchemaFor(dataPath: string): LoadedSchema | undefined {
  if (!dataPath || dataPath.startsWith('<')) return undefined;
  const dir = path.dirname(dataPath);
  const base = path.basename(dataPath);
  const stem = base.replace(/\.[^.]+$/, '');
  for (const candidate of [`${base}.schema.json`, `${stem}.schema.json`]) {
    const file = path.join(dir, candidate);
    if (!existsSync(file)) continue;
    try {
      const schema = asSchema(readJson(file), dir);
      if (schema) return { schema, source: candidate };
    } catch (error) {
      throw new Error(`${candidate} is not a valid Table Schema: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const packageFile = path.join(dir, 'datapackage.json');
  if (!existsSync(packageFile)) return undefined;
  let datapackage: { resources?: { path?: string | string[]; schema?: unknown; name?: string }[] };
  try {
    datapackage = readJson(packageFile) as typeof datapackage;
  } catch (error) {
    throw new Error(`datapackage.json is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  for (const resource of datapackage.resources ?? []) {
    const paths = Array.isArray(resource.path) ? resource.path : resource.path ? [resource.path] : [];
    if (!paths.some((p) => path.resolve(dir, p) === path.resolve(dataPath))) continue;
    const schema = asSchema(resource.schema, dir);
    if (schema) return { schema, source: `datapackage.json (resource "${resource.name ?? paths[0]}")` };
  }
  return undefined;
}
