/**
 * Finds the extension's localizable strings with the TypeScript parser: the message of every
 * `vscode.l10n.t(...)` call in src/, and every `%key%` of package.json. `npx tsx scripts/l10n-strings.ts`
 * lists what a translation lacks or no longer needs (l10n/bundle.l10n.<lang>.json, package.nls.<lang>.json).
 * The unit test test/unit/l10n/l10n.test.ts fails on the same gaps.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

export const ROOT = path.join(__dirname, '..');
/** The translations shipped besides English. */
export const LANGUAGES = ['zh-cn'] as const;

export interface L10nCall {
  file: string;
  line: number;
  /** The message (the bundle key), or undefined when the argument is not a string literal. */
  message?: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sourceFiles(full) : name.endsWith('.ts') ? [full] : [];
  });
}

/** Whether `node` is `vscode.l10n.t` (or `l10n.t` of an import). */
function isL10nT(node: ts.Expression): boolean {
  return ts.isPropertyAccessExpression(node) && node.name.text === 't' && (ts.isIdentifier(node.expression) ? node.expression.text === 'l10n' : ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'l10n');
}

/** Every `vscode.l10n.t(...)` call under `dir` (default src/). */
export function l10nCalls(dir = path.join(ROOT, 'src')): L10nCall[] {
  const calls: L10nCall[] = [];
  for (const file of sourceFiles(dir)) {
    const text = readFileSync(file, 'utf8');
    if (!text.includes('l10n.t(')) continue;
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      if (ts.isCallExpression(node) && isL10nT(node.expression)) {
        const arg = node.arguments[0];
        const message = arg && (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg)) ? arg.text : undefined;
        calls.push({ file: path.relative(ROOT, file), line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, message });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return calls;
}

/** The `%key%` placeholders package.json uses. */
export function manifestKeys(manifestText = readFileSync(path.join(ROOT, 'package.json'), 'utf8')): Set<string> {
  return new Set([...manifestText.matchAll(/"%([^%"\s]+)%"/g)].map((m) => m[1]));
}

export function readJson(file: string): Record<string, string> {
  return JSON.parse(readFileSync(path.join(ROOT, file), 'utf8')) as Record<string, string>;
}

/** The `{0}`, `{1}` … placeholders of a message, sorted. */
export function placeholders(message: string): string[] {
  return [...new Set([...message.matchAll(/\{(\d+)\}/g)].map((m) => m[0]))].sort();
}

export interface Gaps {
  missing: string[];
  unused: string[];
  /** Keys whose translation lacks a placeholder of the message or adds one. */
  placeholderMismatch: string[];
  empty: string[];
}

export function gaps(needed: Iterable<string>, translation: Record<string, string>): Gaps {
  const keys = new Set(needed);
  return {
    missing: [...keys].filter((k) => !(k in translation)).sort(),
    unused: Object.keys(translation).filter((k) => !keys.has(k)).sort(),
    placeholderMismatch: Object.keys(translation).filter((k) => keys.has(k) && placeholders(k).join() !== placeholders(translation[k]).join()),
    empty: Object.keys(translation).filter((k) => translation[k].trim() === ''),
  };
}

if (require.main === module) {
  const messages = l10nCalls().flatMap((c) => (c.message === undefined ? [] : [c.message]));
  const english = readJson('package.nls.json');
  for (const language of LANGUAGES) {
    console.log(`l10n/bundle.l10n.${language}.json:`, gaps(messages, readJson(`l10n/bundle.l10n.${language}.json`)));
    console.log(`package.nls.${language}.json:`, gaps(Object.keys(english), readJson(`package.nls.${language}.json`)));
  }
  console.log('package.nls.json:', gaps(manifestKeys(), english));
}
