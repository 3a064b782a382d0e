/**
 * Every Arrow IPC file and stream of the arrow-testing integration corpus (arrow-integration, see ../corpus.ts)
 * is read, rendered and profiled, and checked against the same data in Arrow's JSON integration format
 * (validity bitmaps, DATA/OFFSET arrays): row counts, null counts, values of primitive, decimal,
 * dictionary, list and struct columns. Skipped when the corpus folder is absent.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import path from 'node:path';
import type { Data, Table } from 'apache-arrow';
import { readArrowBytes, readArrowFile } from '../../../src/core/ingest/arrow';
import { formatDecimal, makeFormatter, renderTableText } from '../../../src/core/ingest/render-text';
import { profileTable } from '../../../src/core/profile/index';

import { corpus } from '../corpus';

const { dir: CORPUS, skip } = corpus('arrow-integration');

interface JsonType {
  name: string;
  bitWidth?: number;
  precision?: string;
  scale?: number;
  unit?: string;
  byteWidth?: number;
  listSize?: number;
}
interface JsonField {
  name: string;
  type: JsonType;
  children: JsonField[];
  dictionary?: { id: number };
}
interface JsonColumn {
  name: string;
  count: number;
  VALIDITY?: number[];
  DATA?: unknown[];
  OFFSET?: Array<number | string>;
  children?: JsonColumn[];
}
interface JsonFile {
  schema: { fields: JsonField[] };
  batches: Array<{ count: number; columns: JsonColumn[] }>;
  dictionaries?: Array<{ id: number; data: { count: number; columns: JsonColumn[] } }>;
}

/** The chunk and local index of a table cell. */
function cell(table: Table, row: number, column: number): { data: Data; index: number } {
  let r = row;
  for (const chunk of table.getChildAt(column)!.data) {
    if (r < chunk.length) return { data: chunk, index: r };
    r -= chunk.length;
  }
  throw new Error(`row ${row} out of range`);
}

const valid = (c: JsonColumn, i: number) => (c.VALIDITY ? c.VALIDITY[i] === 1 : true);

/** Expected text (as the text view renders it) for the value types we can derive from JSON; null = not derivable. */
function expectedText(f: JsonField, c: JsonColumn, i: number, nested: boolean, json: JsonFile): string | null {
  if (f.type.name === 'null') return nested ? 'null' : '';
  if (!valid(c, i)) return nested ? 'null' : '';
  if (f.dictionary) {
    const dict = json.dictionaries!.find((d) => d.id === f.dictionary!.id)!;
    const inner = { ...f, dictionary: undefined };
    return expectedText(inner, dict.data.columns[0], Number(c.DATA![i]), nested, json);
  }
  const v = c.DATA?.[i];
  switch (f.type.name) {
    case 'int':
      return String(v);
    case 'bool':
      return String(v);
    case 'utf8':
    case 'largeutf8':
      return nested ? JSON.stringify(v) : String(v);
    case 'binary':
    case 'largebinary':
    case 'fixedsizebinary': {
      const hex = String(v).toLowerCase();
      return hex.length > 128 ? `0x${hex.slice(0, 128)}…(${hex.length / 2} bytes)` : `0x${hex}`;
    }
    case 'decimal':
      return formatDecimal(BigInt(String(v)), f.type.scale ?? 0);
    case 'list':
    case 'largelist': {
      const parts: string[] = [];
      for (let k = Number(c.OFFSET![i]); k < Number(c.OFFSET![i + 1]); k++) {
        const t = expectedText(f.children[0], c.children![0], k, true, json);
        if (t === null) return null;
        parts.push(t);
      }
      return `[${parts.join(', ')}]`;
    }
    case 'fixedsizelist': {
      const size = f.type.listSize!;
      const parts: string[] = [];
      for (let k = i * size; k < (i + 1) * size; k++) {
        const t = expectedText(f.children[0], c.children![0], k, true, json);
        if (t === null) return null;
        parts.push(t);
      }
      return `[${parts.join(', ')}]`;
    }
    case 'struct': {
      const parts: string[] = [];
      for (let k = 0; k < f.children.length; k++) {
        const t = expectedText(f.children[k], c.children![k], i, true, json);
        if (t === null) return null;
        parts.push(`${f.children[k].name}: ${t}`);
      }
      return `{${parts.join(', ')}}`;
    }
    default:
      return null;
  }
}

/** Raw stored value (as a string) for temporal types, from the Arrow data. */
function rawTemporal(data: Data, index: number): string {
  const values = data.values as ArrayLike<number | bigint>;
  return String(values[index]);
}

function checkFloat(f: JsonField, rendered: string, v: unknown, label: string): void {
  const expected = Number(v);
  if (f.type.precision === 'SINGLE') assert.equal(Math.fround(Number(rendered)), Math.fround(expected), label);
  else if (f.type.precision === 'DOUBLE') assert.equal(Number(rendered), expected, label);
  else assert.ok(Math.abs(Number(rendered) - expected) <= Math.abs(expected) * 1e-3 + 1e-3, label);
}

if (skip) {
  test('arrow-integration corpus', { skip }, () => undefined);
} else {
  const names = readdirSync(CORPUS)
    .filter((f) => f.endsWith('.json.gz'))
    .map((f) => f.slice(0, -'.json.gz'.length))
    .sort();

  test('the corpus has files', () => assert.ok(names.length >= 20, `found ${names.length}`));

  for (const name of names) {
    for (const ext of ['.arrow_file', '.stream']) {
      const file = path.join(CORPUS, name + ext);
      if (!existsSync(file)) continue;
      test(`${name}${ext}`, async () => {
        const json = JSON.parse(gunzipSync(readFileSync(path.join(CORPUS, `${name}.json.gz`))).toString('utf8')) as JsonFile;
        const result = await readArrowFile(file);
        const { table, columns } = result;
        const expectedRows = json.batches.reduce((s, b) => s + b.count, 0);
        assert.equal(table.numRows, expectedRows, 'row count');
        assert.equal(columns.length, json.schema.fields.length, 'column count');
        assert.equal(result.rangesIn, 'rendered');
        assert.equal(result.format, 'arrow');

        // The same bytes read in memory give the same table.
        const fromBytes = readArrowBytes(new Uint8Array(readFileSync(file)), file);
        assert.equal(fromBytes.table.numRows, expectedRows);

        const profile = profileTable(result);
        const rendered = renderTableText(table, columns);
        const lines = rendered.text.split('\n');
        assert.equal(lines.length, expectedRows + 2, 'header + one line per row + final newline');

        json.schema.fields.forEach((field, k) => {
          assert.equal(columns[k].name, field.name);
          const formatter = makeFormatter(table.schema.fields[k].type);
          let row = 0;
          let nulls = 0;
          let checked = 0;
          for (const batch of json.batches) {
            const col = batch.columns[k];
            for (let i = 0; i < batch.count; i++, row++) {
              const isValid = field.type.name === 'null' ? false : valid(col, i);
              if (!isValid) nulls++;
              if (field.type.name === 'union') continue;
              const { data, index } = cell(table, row, k);
              const label = `${name}${ext} column ${field.name} row ${row}`;
              if (field.type.name !== 'null') assert.equal(data.getValid(index), isValid, `${label}: validity`);
              if (!isValid) continue;
              const text = formatter(data, index);
              // Source map: the cell's range in the rendered text holds the CSV field of that value.
              const range = rendered.source.cellRange(row, k);
              assert.equal(range.start.line, row + 1);
              const v = col.DATA?.[i];
              if (field.type.name === 'floatingpoint' && !field.dictionary) {
                checkFloat(field, text, v, label);
              } else if (['date', 'time', 'timestamp', 'duration'].includes(field.type.name)) {
                assert.equal(rawTemporal(data, index), String(v), label);
              } else if (field.type.name === 'interval') {
                const o = v as number | { days?: number; milliseconds?: number; months?: number; nanoseconds?: number | string };
                if (typeof o === 'number') assert.equal(text, `{months: ${o}}`, label);
                else if (o.milliseconds !== undefined) assert.equal(text, `{days: ${o.days}, milliseconds: ${o.milliseconds}}`, label);
                else assert.equal(text, `{months: ${o.months}, days: ${o.days}, nanoseconds: ${o.nanoseconds}}`, label);
              } else {
                const expected = expectedText(field, col, i, false, json);
                if (expected !== null) {
                  assert.equal(text, expected, label);
                  checked++;
                }
              }
            }
          }
          const p = profile.columns[k];
          assert.equal(p.count, expectedRows, `${field.name}: profile count`);
          if (field.type.name !== 'union') {
            assert.equal(table.getChildAt(k)!.nullCount, nulls, `${field.name}: Arrow null count`);
            assert.equal(p.nulls, nulls, `${field.name}: profile null count`);
          }
          const derivable = ['int', 'bool', 'utf8', 'largeutf8', 'binary', 'largebinary', 'fixedsizebinary', 'decimal', 'list', 'largelist', 'fixedsizelist', 'struct'];
          if (derivable.includes(field.type.name) && !field.dictionary) {
            assert.equal(checked, expectedRows - nulls, `${field.name}: every valid value compared`);
          }
          // Integer columns: profile min/max/distinct against the JSON values.
          if (field.type.name === 'int' && !field.dictionary && (field.type.bitWidth ?? 0) <= 32 && expectedRows > 0) {
            const values: number[] = [];
            for (const batch of json.batches) {
              const col = batch.columns[k];
              for (let i = 0; i < batch.count; i++) if (valid(col, i)) values.push(Number(col.DATA![i]));
            }
            if (values.length > 0) {
              assert.equal(p.min, Math.min(...values), `${field.name}: min`);
              assert.equal(p.max, Math.max(...values), `${field.name}: max`);
              assert.equal(p.distinct, new Set(values).size, `${field.name}: distinct`);
            }
          }
        });
      });
    }
  }
}
