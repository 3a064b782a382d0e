/**
 * The extension's UI is complete in every language it ships: each `vscode.l10n.t` message of src/ is in
 * l10n/bundle.l10n.<lang>.json, each `%key%` of package.json in package.nls.json and package.nls.<lang>.json,
 * with the same `{n}` placeholders and nothing left over; and UI calls take localized strings, not literals.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { LANGUAGES, ROOT, gaps, l10nCalls, manifestKeys, readJson, type Gaps } from '../../../scripts/l10n-strings';

const calls = l10nCalls();
const messages = calls.flatMap((c) => (c.message === undefined ? [] : [c.message]));
const noGaps: Gaps = { missing: [], unused: [], placeholderMismatch: [], empty: [] };

test('every vscode.l10n.t call has a literal message (the bundle key)', () => {
  assert.ok(calls.length > 80, `found only ${calls.length} vscode.l10n.t calls: the scan misses them`);
  assert.deepEqual(calls.filter((c) => c.message === undefined).map((c) => `${c.file}:${c.line}`), []);
});

for (const language of LANGUAGES) {
  test(`l10n/bundle.l10n.${language}.json translates every vscode.l10n.t message, placeholders kept, none unused`, () => {
    assert.deepEqual(gaps(messages, readJson(`l10n/bundle.l10n.${language}.json`)), noGaps);
  });

  test(`package.nls.${language}.json translates every key of package.nls.json`, () => {
    assert.deepEqual(gaps(Object.keys(readJson('package.nls.json')), readJson(`package.nls.${language}.json`)), noGaps);
  });
}

test('package.nls.json has every %key% of package.json, and only those', () => {
  const keys = manifestKeys();
  assert.ok(keys.has('command.checkDataQuality') && keys.has('config.rules.severity.enum.hint'), 'the scan finds the keys');
  assert.deepEqual(gaps(keys, readJson('package.nls.json')), noGaps);
});

test('every setting of ours is described through a %key% (the rule options schema, generated from the core, aside)', () => {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { contributes: { configuration: { properties: Record<string, { description?: string; markdownDescription?: string }> } } };
  const literal = Object.entries(manifest.contributes.configuration.properties)
    .filter(([, setting]) => [setting.description, setting.markdownDescription].some((text) => text !== undefined && !/^%.+%$/.test(text)))
    .map(([name]) => name);
  assert.deepEqual(literal, []);
});

test('the gap finder reports a missing, an unused and a changed placeholder', () => {
  const found = gaps(['Checking {0}', 'Stop'], { 'Checking {0}': '正在检查', Old: '旧' });
  assert.deepEqual(found, { missing: ['Stop'], unused: ['Old'], placeholderMismatch: ['Checking {0}'], empty: [] });
});

test('command titles are in Title Case and every command is localized', () => {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { contributes: { commands: { command: string; title: string; category?: string }[] } };
  const english = readJson('package.nls.json');
  const small = new Set(['a', 'an', 'the', 'and', 'or', 'as', 'at', 'by', 'for', 'in', 'of', 'on', 'to']);
  for (const { command, title, category } of manifest.contributes.commands) {
    assert.match(title, /^%.+%$/, `${command}: title is not localized`);
    assert.match(category ?? '', /^%.+%$/, `${command}: category is not localized`);
    const words = english[title.slice(1, -1)].split(' ');
    words.forEach((word, i) => assert.ok(/^[A-Z]/.test(word) || (i > 0 && small.has(word)), `${command}: "${english[title.slice(1, -1)]}" is not in Title Case`));
  }
});

/** UI calls whose text argument must not be a string literal in the extension shell (it must go through vscode.l10n.t). */
const MESSAGE_CALLS = new Map([
  ['showInformationMessage', 0],
  ['showWarningMessage', 0],
  ['showErrorMessage', 0],
  ['setStatusBarMessage', 0],
  ['CodeAction', 0],
  ['createWebviewPanel', 1],
  ['createAppPanel', 2],
]);
const TEXT_PROPERTIES = new Set(['title', 'placeHolder', 'prompt', 'label', 'description', 'detail']);

test('the extension shell passes no English literal to a notification, picker, progress or code action', () => {
  const offenders: string[] = [];
  // Words in a literal's own text (a template's parts between its substitutions; codicons like $(play) are not words).
  const literalText = (n: ts.Node) =>
    ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n) ? n.text : ts.isTemplateExpression(n) ? [n.head.text, ...n.templateSpans.map((s) => s.literal.text)].join(' ') : '';
  const isLiteral = (n: ts.Node) => /[A-Za-z]{2}/.test(literalText(n).replace(/\$\([a-z-]+\)/g, ''));
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
  for (const file of walk(path.join(ROOT, 'src', 'extension'))) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const where = (n: ts.Node) => `${path.relative(ROOT, file)}:${source.getLineAndCharacterOfPosition(n.getStart()).line + 1} ${n.getText().slice(0, 60)}`;
    const visit = (node: ts.Node) => {
      if ((ts.isCallExpression(node) || ts.isNewExpression(node)) && node.arguments?.length) {
        const callee = node.expression;
        const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : '';
        const index = MESSAGE_CALLS.get(name);
        const text = index === undefined ? undefined : node.arguments[index];
        if (text && isLiteral(text)) offenders.push(where(text));
      }
      if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && TEXT_PROPERTIES.has(node.name.text) && isLiteral(node.initializer)) offenders.push(where(node));
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  assert.deepEqual(offenders, []);
});
