/** The output formats: CSV quoting and line endings, JSON Lines and Arrow/Parquet with typed values, and no partial files. */
import { test, after } from 'node:test';
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { tableFromIPC } from 'apache-arrow';
import { readArrowFile } from '../../../src/core/ingest/arrow';
import { readParquetFile } from '../../../src/core/ingest/parquet';
import { cleanToFile, defaultOutput, describeSource, newRecipe } from '../../../src/core/clean/api';
import { makeStep } from '../../../src/core/clean/recipe';
import { cleanCsv, tempDir } from './helpers';

const tmp = tempDir('clean-writers-');
after(() => tmp.dispose());

const head = 'id,price,day,ok,name\n1,12.5,2023-01-02,yes,"a, b"\n2,NA,03/04/2023,no,"say ""hi"""\n3,about 5,2023-02-03,,"two\nlines"\n';
/** Enough plain rows that price, day and ok are typed columns (the reader types a column when 95% of its values fit). */
const csv = head + Array.from({ length: 30 }, (_, i) => `${i + 4},${i}.25,2023-03-${String((i % 28) + 1).padStart(2, '0')},no,x${i}\n`).join('');

test('CSV: quotes only where needed (delimiter, quote, line breaks), keeps the source\'s delimiter and line ending', async () => {
  const { text } = await cleanCsv(csv, []);
  assert.equal(text, csv, 'nothing to change: the same bytes');
  const semicolons = await cleanCsv('a;b\r\n1;x,y\r\n', []);
  assert.equal(semicolons.text, 'a;b\r\n1;x,y\r\n');
  const cr = await cleanCsv('a,b\n1,"x\ry"\n', [], { output: { delimiter: '\t' } });
  assert.equal(cr.text, 'a\tb\n1\t"x\ry"\n', 'a lone CR is quoted too');
});

test('JSON Lines: typed values per column kind; NA tokens are null; texts a column cannot hold are null and reported', async () => {
  const { text, run } = await cleanCsv(csv, [['parse-dates', { columns: ['day'] }]], { output: { format: 'jsonl' } });
  assert.deepEqual(text.trimEnd().split('\n').slice(0, 3).map((l) => JSON.parse(l) as unknown), [
    { id: 1, price: 12.5, day: '2023-01-02', ok: true, name: 'a, b' },
    { id: 2, price: null, day: '2023-04-03', ok: false, name: 'say "hi"' },
    { id: 3, price: null, day: '2023-02-03', ok: null, name: 'two\nlines' },
  ]);
  assert.equal(run.rowsOut, 33);
});

test('JSON Lines, Arrow and Parquet keep a zip code\'s leading zero (a column of zero-padded codes is text)', async () => {
  const zips = 'id,zip\n' + Array.from({ length: 40 }, (_, i) => `${i},${String(1000 + i * 997).padStart(5, '0')}\n`).join('');
  const { text } = await cleanCsv(zips, [], { output: { format: 'jsonl' } });
  assert.deepEqual(text.split('\n').slice(0, 2).map((l) => JSON.parse(l) as unknown), [
    { id: 0, zip: '01000' },
    { id: 1, zip: '01997' },
  ]);
  const input = tmp.file('zips.csv', zips);
  const source = await describeSource(input);
  const output = tmp.file('zips.parquet');
  await cleanToFile(source, newRecipe(source, [], defaultOutput('parquet')), output);
  assert.deepEqual([...(await readParquetFile(output)).table.getChild('zip')!.toArray()].slice(0, 2), ['01000', '01997']);
});

test('Arrow IPC and Parquet: typed columns that read back; rejected texts counted in the notes', async () => {
  const input = tmp.file('in.csv', csv);
  const source = await describeSource(input);
  for (const format of ['arrow', 'parquet'] as const) {
    const output = tmp.file(`out.${format}`);
    const result = await cleanToFile(source, newRecipe(source, [makeStep('parse-dates', { columns: ['day'] })], defaultOutput(format)), output);
    const data = format === 'arrow' ? await readArrowFile(output) : await readParquetFile(output);
    assert.deepEqual(data.columns.map((c) => c.kind), ['integer', 'float', 'date', 'boolean', 'string'], format);
    assert.deepEqual([...data.table.getChild('day')!.toArray()].slice(0, 3).map((v: unknown) => (v === null ? null : new Date(Number(v)).toISOString().slice(0, 10))), ['2023-01-02', '2023-04-03', '2023-02-03']);
    assert.deepEqual([...data.table.getChild('price')!.toArray()].slice(0, 1), [12.5]);
    assert.deepEqual(result.write.notes, ['1 cell of "price" is not a float and was written as null in the ' + format + ' output.']);
  }
});

test('Parquet compression is the one chosen; an empty table still has its schema', async () => {
  const input = tmp.file('empty.csv', 'a,b\n');
  const source = await describeSource(input);
  const output = tmp.file('empty.parquet');
  await cleanToFile(source, newRecipe(source, [], { ...defaultOutput('parquet'), compression: 'zstd' }), output);
  const data = await readParquetFile(output);
  assert.deepEqual([data.table.numRows, data.table.schema.fields.map((f) => f.name)], [0, ['a', 'b']]);
  const arrowOut = tmp.file('empty.arrow');
  await cleanToFile(source, newRecipe(source, [], defaultOutput('arrow')), arrowOut);
  assert.equal(tableFromIPC((await import('node:fs')).readFileSync(arrowOut)).numCols, 2);
});

test('a failed run leaves no partial file behind', async () => {
  const input = tmp.file('bad.csv', 'a\n1\n');
  const source = await describeSource(input);
  const output = tmp.file('never.csv');
  await assert.rejects(cleanToFile(source, newRecipe(source, [makeStep('trim-whitespace', { columns: ['zz'] })]), output), /no column "zz"/);
  assert.ok(!existsSync(output));
  assert.deepEqual(readdirSync(tmp.dir).filter((f) => f.includes('.tmp-')), []);
});
