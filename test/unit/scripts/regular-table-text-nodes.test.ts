/** The table webview's build rewrites regular-table's body-cell text write to reuse the cell's text node. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(__dirname, '..', '..', '..');

interface Plugin {
  reuseTextNodes(source: string): string;
}

const plugin = (): Promise<Plugin> => import(pathToFileURL(path.join(root, 'scripts', 'regular-table-text-nodes.mjs')).href) as Promise<Plugin>;

interface FakeNode {
  nodeType: number;
  data?: string;
}

interface FakeCell {
  firstChild: FakeNode | null;
  lastChild: FakeNode | null;
  textContent?: string;
}

/** Runs the rewritten statement of a minimal `_draw_td`-like source on a fake cell. */
async function write(cell: FakeCell, value: unknown): Promise<void> {
  const { reuseTextNodes } = await plugin();
  const body = reuseTextNodes('return l.textContent=String(i??"")');
  new Function('l', 'i', body)(cell, value);
}

test('the installed regular-table has the one body-cell write the build rewrites (header cells untouched)', async () => {
  const { reuseTextNodes } = await plugin();
  const source = readFileSync(path.join(root, 'node_modules', 'regular-table', 'dist', 'esm', 'regular-table.js'), 'utf8');
  const patched = reuseTextNodes(source);
  assert.equal(patched.split('.firstChild.data=').length - 1, 1);
  // The column headers' span keeps its own write.
  assert.match(patched, /\.span\.textContent=String\(/);
});

test('a cell holding one text node gets its text through that node', async () => {
  const text: FakeNode = { nodeType: 3, data: 'old' };
  const cell: FakeCell = { firstChild: text, lastChild: text };
  await write(cell, 42);
  assert.equal(text.data, '42');
  assert.equal(cell.textContent, undefined);
  await write(cell, null);
  assert.equal(text.data, '');
});

test('an empty cell, or one holding an element, is written through textContent', async () => {
  const empty: FakeCell = { firstChild: null, lastChild: null };
  await write(empty, 'a');
  assert.equal(empty.textContent, 'a');
  const element: FakeNode = { nodeType: 1 };
  const withElement: FakeCell = { firstChild: element, lastChild: element };
  await write(withElement, 'b');
  assert.equal(withElement.textContent, 'b');
  const two: FakeCell = { firstChild: { nodeType: 3, data: 'x' }, lastChild: { nodeType: 3, data: 'y' } };
  await write(two, 'c');
  assert.equal(two.textContent, 'c');
});

test('a regular-table whose write is missing or doubled fails the build instead of shipping unpatched', async () => {
  const { reuseTextNodes } = await plugin();
  assert.throws(() => reuseTextNodes('td.innerText=v'), /found 0/);
  assert.throws(() => reuseTextNodes('a.textContent=String(v??"");b.textContent=String(w??"")'), /found 2/);
});
