/** What cleaning reads: every format the check reads — CSV and JSON Lines, plain or gzip-compressed — to every output. */
import { test, after } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { readParquetFile } from '../../../src/core/ingest/parquet';
import { cleanToFile, defaultOutput, describeSource, safeDefaultRecipe } from '../../../src/core/clean/api';
import { cleanOutputPath, defaultOutputFormat } from '../../../src/core/clean/formats';
import { tempDir } from './helpers';

const tmp = tempDir('clean-sources-');
after(() => tmp.dispose());

/** One table as CSV and as JSON Lines: untrimmed text, an NA token, currency, an escaped string, a nested value, a repeated row. */
const rows = [
  { id: 1, city: ' Paris ', price: '$1,200', tags: '["a","b"]' },
  { id: 2, city: 'São Paulo', price: '950', tags: null },
  { id: 3, city: 'NA', price: '$2,000', tags: '{"k":1}' },
  { id: 3, city: 'NA', price: '$2,000', tags: '{"k":1}' },
];
const csv = `id,city,price,tags\n${rows.map((r) => [r.id, r.city, `"${r.price}"`, r.tags === null ? '' : `"${r.tags.replace(/"/g, '""')}"`].join(',')).join('\n')}\n`;
const jsonl = `${rows.map((r) => `{"id":${r.id},"city":${JSON.stringify(r.city).replace('ã', '\\u00e3')},"price":${JSON.stringify(r.price)},"tags":${r.tags ?? 'null'}}`).join('\n')}\n`;
const cleaned = 'id,city,price,tags\n1,Paris,1200,"[""a"",""b""]"\n2,São Paulo,950,\n3,,2000,"{""k"":1}"\n';

const inputs = {
  'table.csv': csv,
  'table.csv.gz': gzipSync(csv),
  'table.jsonl': jsonl,
  'table.jsonl.gz': gzipSync(jsonl),
};

test('CSV and JSON Lines, plain or gzip: the safe default steps give the same cleaned CSV', async () => {
  assert.ok(jsonl.includes('S\\u00e3o'), 'the JSON Lines file escapes a character');
  for (const [name, content] of Object.entries(inputs)) {
    const input = tmp.file(name, content);
    const source = await describeSource(input);
    const output = tmp.file(`${name}.out.csv`);
    const result = await cleanToFile(source, await safeDefaultRecipe(source, defaultOutput('csv', source)), output);
    assert.equal(readFileSync(output, 'utf8'), cleaned, name);
    assert.deepEqual([result.run.rowsIn, result.run.rowsOut], [4, 3], name);
  }
});

test('CSV and JSON Lines, plain or gzip, to Parquet: typed columns that read back', async () => {
  for (const [name, content] of Object.entries(inputs)) {
    const input = tmp.file(`p-${name}`, content);
    const source = await describeSource(input);
    const output = tmp.file(`${name}.parquet`);
    await cleanToFile(source, await safeDefaultRecipe(source, defaultOutput('parquet', source)), output);
    const data = await readParquetFile(output);
    assert.deepEqual(data.columns.map((c) => [c.name, c.kind]), [['id', 'integer'], ['city', 'string'], ['price', 'float'], ['tags', 'string']], name);
    assert.deepEqual(data.table.getChild('price')!.toArray(), Float64Array.from([1200, 950, 2000]), name);
    assert.deepEqual([...data.table.getChild('city')!], ['Paris', 'São Paulo', null], name);
  }
});

test('the cleaned file of a compressed source is named after its text, in the source\'s own format', () => {
  assert.equal(cleanOutputPath('/d/table.csv.gz', defaultOutputFormat('/d/table.csv.gz')), '/d/table.clean.csv');
  assert.equal(cleanOutputPath('/d/events.jsonl.gz', defaultOutputFormat('/d/events.jsonl.gz')), '/d/events.clean.jsonl');
  assert.equal(cleanOutputPath('/d/table.parquet', defaultOutputFormat('/d/table.parquet')), '/d/table.clean.parquet');
});
