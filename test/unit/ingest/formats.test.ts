/** The formats module is the one list of data file formats: readers, pickers and package.json's menus agree with it. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { BINARY_FORMATS, DATA_FORMATS, TEXT_FORMATS, dataFileGlob, dataFormatOf, fileNamePattern, formatNames, isBinaryDataPath, readerOf, type DataFormat } from '../../../src/core/ingest/formats';
import { ingestFile } from '../../../src/core/ingest/index';

interface MenuItem {
  command: string;
  when?: string;
}
interface Manifest {
  contributes: { menus: Record<string, MenuItem[]>; languages: { id: string; extensions: string[] }[] };
}
const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as Manifest;

/** The when-clause of a menu entry for files of `formats`, as package.json must spell it. */
const whenFiles = (formats: readonly DataFormat[]) => `resourceFilename =~ /${fileNamePattern(formats)}/i`;

test('package.json menus show the data-file commands exactly for the files of the formats module', () => {
  const dataCommands = ['datasetInspector.checkDataQuality', 'datasetInspector.showDataProfile', 'datasetInspector.trainLinearModel'];
  let checked = 0;
  for (const [menu, items] of Object.entries(manifest.contributes.menus)) {
    for (const item of items) {
      const expected = dataCommands.includes(item.command)
        ? [whenFiles(DATA_FORMATS), `${whenFiles(DATA_FORMATS)} || resourceScheme == dataset-inspector-table`]
        : item.command === 'datasetInspector.openTableView'
          ? [whenFiles(BINARY_FORMATS)]
          : undefined;
      if (!expected) continue;
      assert.ok(expected.includes(item.when ?? ''), `${menu} ${item.command}: when should be ${expected.join('\n  or ')}\n  is ${item.when}`);
      checked++;
    }
  }
  assert.equal(checked, 11, 'every data-file menu entry was checked');
});

test('the csv and tsv languages contributed in package.json cover exactly the text formats', () => {
  const contributed = manifest.contributes.languages.flatMap((l) => l.extensions).sort();
  assert.deepEqual(contributed, TEXT_FORMATS.flatMap((f) => f.extensions).sort());
});

test('a path names its format by its ending, case-insensitively, the longest ending winning', () => {
  assert.equal(dataFormatOf('/data/Sales.CSV')?.label, 'CSV');
  assert.equal(dataFormatOf('C:\\data\\x.tab')?.label, 'TSV');
  assert.equal(dataFormatOf('a/b.feather')?.reader, 'arrow');
  assert.equal(dataFormatOf('a/b.ipc')?.reader, 'arrow');
  assert.equal(dataFormatOf('a/b.pq')?.reader, 'parquet');
  assert.equal(dataFormatOf('a/notes.txt'), undefined);
  assert.equal(dataFormatOf('a/.csv'), undefined, 'a bare ending is a hidden file, not data');
  assert.equal(dataFormatOf('csv.d/readme'), undefined);
  // A format named by a two-part ending is one entry: the longer ending wins over its last part.
  const withGzip: DataFormat[] = [...DATA_FORMATS, { reader: 'csv', label: 'gzip', extensions: ['.gz'], text: false }, { reader: 'csv', label: 'CSV (gzip)', extensions: ['.csv.gz'], text: false }];
  assert.equal(dataFormatOf('x/y.csv.gz', withGzip)?.label, 'CSV (gzip)');
  assert.equal(dataFormatOf('x/y.gz', withGzip)?.label, 'gzip');
  assert.equal(dataFileGlob(withGzip).endsWith(',gz,csv.gz}'), true);
  assert.match('y.CSV.GZ', new RegExp(fileNamePattern(withGzip), 'i'));
  assert.doesNotMatch('y.csvXgz', new RegExp(fileNamePattern(withGzip), 'i'));
});

test('readers, binary views, globs and names come from the one list', () => {
  assert.equal(readerOf('x.parquet'), 'parquet');
  assert.equal(readerOf('x.txt'), 'csv', 'any other name is read as CSV');
  assert.equal(isBinaryDataPath('x.arrows'), true);
  assert.equal(isBinaryDataPath('x.tsv'), false);
  assert.equal(isBinaryDataPath('x.txt'), false);
  assert.equal(dataFileGlob(), '**/*.{csv,tsv,tab,arrow,feather,arrows,ipc,parquet,pq}');
  assert.equal(formatNames(), 'CSV, TSV, Arrow or Parquet');
});

test('.ipc and .pq files are read by their binary readers, whatever their case', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'di-formats-'));
  const ipc = path.join(dir, 'data.IPC');
  writeFileSync(ipc, tableToIPC(tableFromArrays({ x: Float64Array.from([1, 2, 3]) }), 'file'));
  const data = await ingestFile(ipc);
  assert.equal(data.format, 'arrow');
  assert.equal(data.table.numRows, 3);
  assert.equal(data.rangesIn, 'rendered');
});
