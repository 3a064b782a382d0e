import { defineRule } from '../rule';
import { loadTableSchemaFor, type SchemaField } from '../schema/table-schema';
import { TEXT_KINDS, nullMask, numericColumn, textColumn } from '../column-values';
import type { IngestResult } from '../../table/model';

const integerText = /^[+-]?\d+$/;
const numberText = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$|^[+-]?(NaN|INF|-INF)$/;
const booleanText = /^(true|false|yes|no|1|0|t|f|y|n)$/i;
const dateText = /^\d{4}-\d{2}-\d{2}$/;
const datetimeText = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const yearText = /^\d{4}$/;

/** The cell as text (numbers and dates rendered as the reader understood them), or null when missing. */
function cellTexts(data: IngestResult, c: number): (string | null)[] {
  const column = data.columns[c];
  if (TEXT_KINDS.includes(column.kind) || column.kind === 'empty' || column.kind === 'other') return textColumn(data, c);
  const mask = nullMask(data, c);
  const numbers = column.kind === 'boolean' ? undefined : numericColumn(data, c);
  const vector = data.table.getChildAt(c);
  return Array.from({ length: data.table.numRows }, (_, r) => {
    if (mask[r]) return null;
    if (column.kind === 'date') return new Date(numbers![r]).toISOString().slice(0, 10);
    if (column.kind === 'timestamp') return new Date(numbers![r]).toISOString();
    return numbers ? String(numbers[r]) : String(vector?.get(r));
  });
}

function typeOk(field: SchemaField, text: string): boolean {
  switch (field.type ?? 'string') {
    case 'integer':
      return integerText.test(text.trim());
    case 'number':
      return numberText.test(text.trim());
    case 'boolean':
      return booleanText.test(text.trim());
    case 'date':
      return dateText.test(text.trim());
    case 'datetime':
      return datetimeText.test(text.trim());
    case 'year':
      return yearText.test(text.trim());
    default:
      return true;
  }
}

function compare(field: SchemaField, text: string, bound: number | string): number {
  if (field.type === 'integer' || field.type === 'number' || field.type === 'year') return Number(text) - Number(bound);
  return text < String(bound) ? -1 : text > String(bound) ? 1 : 0;
}

export const schemaViolation = defineRule({
  id: 'schema-violation',
  title: 'Table Schema violation',
  dimension: 'consistency',
  defaultSeverity: 'error',
  defaultOptions: {},
  description: 'A value breaks the Frictionless Table Schema found beside the file (type, required, unique, enum, minimum/maximum, pattern, length, primary key).',
  docs: `When a [Frictionless Table Schema](https://specs.frictionlessdata.io/table-schema/) applies to a data file,
every value is validated against it. The schema is looked up beside the file: \`<file>.schema.json\`
(\`data.csv.schema.json\` or \`data.schema.json\`), or the resource of a \`datapackage.json\` in the same
folder whose \`path\` is the file.

Checked: field \`type\` (integer, number, boolean, date, datetime, year, string), \`constraints\` (\`required\`,
\`unique\`, \`enum\`, \`minimum\`, \`maximum\`, \`pattern\`, \`minLength\`, \`maxLength\`), \`primaryKey\`, and columns
missing from or unknown to the schema.

**Fix**: correct the value, or the schema if it no longer describes the data.`,
  check({ data, report, rowNumber }) {
    const loaded = loadTableSchemaFor(data.path);
    if (!loaded) return;
    const { schema, source } = loaded;
    const byName = new Map(data.columns.map((c) => [c.name, c.index]));
    const fileStart = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    for (const field of schema.fields) {
      if (!byName.has(field.name)) report({ row: null, columnIndex: null, range: fileStart, message: `Field "${field.name}" of ${source} is missing from the file.` });
    }
    const fieldNames = new Set(schema.fields.map((f) => f.name));
    for (const column of data.columns) {
      if (!fieldNames.has(column.name)) report({ row: null, columnIndex: column.index, range: data.source.headerRange(column.index), message: `Column "${column.name}" is not a field of ${source}.` });
    }
    const rejected = new Map(data.rejectedCells.map((cell) => [`${cell.row}:${cell.column}`, cell.text]));
    const naTokens = new Map(data.naTokenCells.map((cell) => [`${cell.row}:${cell.column}`, cell.text]));
    const missingValues = new Set(schema.missingValues ?? ['']);
    for (const field of schema.fields) {
      const c = byName.get(field.name);
      if (c === undefined) continue;
      const texts = cellTexts(data, c);
      const constraints = field.constraints ?? {};
      const pattern = constraints.pattern ? new RegExp(`^(?:${constraints.pattern})$`) : undefined;
      const seen = new Map<string, number>();
      const at = (r: number) => () => data.source.cellRange(r, c);
      for (let r = 0; r < texts.length; r++) {
        // Cells the reader could not type keep their text; NA tokens count as missing only if the schema says so.
        const raw = rejected.get(`${r}:${c}`) ?? naTokens.get(`${r}:${c}`) ?? texts[r];
        const missing = raw === null || missingValues.has(raw);
        if (missing) {
          if (constraints.required || (typeof schema.primaryKey === 'string' ? schema.primaryKey === field.name : schema.primaryKey?.includes(field.name))) {
            report({ row: r, columnIndex: c, range: at(r), message: `"${field.name}" is required by ${source} but this cell is empty.` });
          }
          continue;
        }
        const text = raw as string;
        if (!typeOk(field, text)) {
          report({ row: r, columnIndex: c, range: at(r), value: text, message: `"${text}" is not of type ${field.type} required by ${source} for "${field.name}".` });
          continue;
        }
        if (constraints.enum && !constraints.enum.map(String).includes(text)) report({ row: r, columnIndex: c, range: at(r), value: text, message: `"${text}" is not one of the values ${source} allows for "${field.name}" (${constraints.enum.join(', ')}).` });
        if (constraints.minimum !== undefined && compare(field, text, constraints.minimum) < 0) report({ row: r, columnIndex: c, range: at(r), value: text, message: `${text} is below the minimum ${constraints.minimum} of "${field.name}" in ${source}.` });
        if (constraints.maximum !== undefined && compare(field, text, constraints.maximum) > 0) report({ row: r, columnIndex: c, range: at(r), value: text, message: `${text} is above the maximum ${constraints.maximum} of "${field.name}" in ${source}.` });
        if (pattern && !pattern.test(text)) report({ row: r, columnIndex: c, range: at(r), value: text, message: `"${text}" does not match the pattern ${constraints.pattern} of "${field.name}" in ${source}.` });
        if (constraints.minLength !== undefined && text.length < constraints.minLength) report({ row: r, columnIndex: c, range: at(r), value: text, message: `"${text}" is shorter than ${constraints.minLength} characters (${source}).` });
        if (constraints.maxLength !== undefined && text.length > constraints.maxLength) report({ row: r, columnIndex: c, range: at(r), value: text, message: `"${text}" is longer than ${constraints.maxLength} characters (${source}).` });
        if (constraints.unique) {
          const first = seen.get(text);
          if (first !== undefined) report({ row: r, columnIndex: c, range: at(r), value: text, message: `"${text}" repeats in "${field.name}", unique in ${source}.`, related: [{ row: first, columnIndex: c, message: 'First occurrence' }] });
          else seen.set(text, r);
        }
      }
    }
    const key = typeof schema.primaryKey === 'string' ? [schema.primaryKey] : (schema.primaryKey ?? []);
    if (key.length > 1 && key.every((k) => byName.has(k))) {
      const columns = key.map((k) => cellTexts(data, byName.get(k)!));
      const seen = new Map<string, number>();
      for (let r = 0; r < data.table.numRows; r++) {
        const value = JSON.stringify(columns.map((col) => col[r]));
        const first = seen.get(value);
        if (first === undefined) seen.set(value, r);
        else report({ row: r, columnIndex: null, range: () => data.source.rowRange(r), message: `Primary key (${key.join(', ')}) of ${source} repeats row ${rowNumber(first)}.`, related: [{ row: first, columnIndex: null, message: 'First occurrence' }] });
      }
    } else if (key.length === 1 && byName.has(key[0])) {
      const c = byName.get(key[0])!;
      const texts = cellTexts(data, c);
      const seen = new Map<string, number>();
      texts.forEach((text, r) => {
        if (text === null) return;
        const first = seen.get(text);
        if (first === undefined) seen.set(text, r);
        else report({ row: r, columnIndex: c, value: text, message: `Primary key "${key[0]}" value "${text}" of ${source} repeats row ${rowNumber(first)}.`, related: [{ row: first, columnIndex: c, message: 'First occurrence' }] });
      });
    }
  },
});
