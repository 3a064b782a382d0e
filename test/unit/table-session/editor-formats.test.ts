/** The table editor's file types live in one module; the manifest repeats them and must agree. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { TABLE_EDITOR_TYPES, filenamePatterns, tableViewTypeFor } from '../../../src/extension/table-editor/formats';
import { TEXT_FORMATS, fileNamePattern } from '../../../src/core/ingest/formats';

interface CustomEditor {
  viewType: string;
  priority: string;
  selector: { filenamePattern: string }[];
}

test("package.json's customEditors are the formats module's editor types", () => {
  const manifest = JSON.parse(readFileSync(path.join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as { contributes: { customEditors: CustomEditor[] } };
  assert.deepEqual(
    manifest.contributes.customEditors.map((e) => ({ viewType: e.viewType, priority: e.priority, patterns: e.selector.map((s) => s.filenamePattern) })),
    TABLE_EDITOR_TYPES.map((t) => ({ viewType: t.viewType, priority: t.priority, patterns: filenamePatterns(t) })),
  );
});

test('"Open as Table" is in the menus (Explorer submenu, editor title) of exactly the text formats (binary files open in the grid anyway)', () => {
  const manifest = JSON.parse(readFileSync(path.join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as { contributes: { menus: Record<string, { command: string; when?: string }[]> } };
  const textFiles = `resourceFilename =~ /${fileNamePattern(TEXT_FORMATS)}/i`;
  const entries = Object.entries(manifest.contributes.menus).flatMap(([menu, items]) => items.filter((i) => i.command === 'datasetInspector.openAsTable').map((i) => [menu, i.when]));
  assert.deepEqual(entries, [
    ['datasetInspector.explorer', textFiles],
    ['editor/title', `!activeCustomEditorId && ${textFiles} || resourceScheme == dataset-inspector-table`],
  ]);
});

test('binary and compressed files open in the grid by default, text files on request, other files not at all', () => {
  assert.equal(tableViewTypeFor('/data/flights.PARQUET'), 'datasetInspector.table');
  assert.equal(tableViewTypeFor('C:\\data\\sales.csv.gz'), 'datasetInspector.table');
  assert.equal(tableViewTypeFor('/data/events.jsonl'), 'datasetInspector.tableForText');
  assert.equal(tableViewTypeFor('/data/sales.csv'), 'datasetInspector.tableForText');
  assert.equal(tableViewTypeFor('/data/notes.md'), undefined);
  assert.equal(tableViewTypeFor('/data/archive.gz'), undefined);
  assert.equal(tableViewTypeFor('/data/flights.parquet.gz'), undefined);
});
