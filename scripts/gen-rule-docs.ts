/**
 * Writes docs/rules/<id>.md for every quality rule from the rule's own metadata (`npx tsx scripts/gen-rule-docs.ts`).
 * The pages are what a diagnostic's rule code links to; a unit test keeps them in sync with the rules.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { allRules } from '../src/core/quality/engine';
import type { QualityRule } from '../src/core/quality/rule';
import { formatNames, formatsReadBy } from '../src/core/ingest/formats';

export function ruleDocsPage(rule: QualityRule): string {
  const options = Object.entries(rule.defaultOptions);
  return [
    `# \`${rule.id}\`: ${rule.title}`,
    '',
    `| dimension | default severity | enabled by default |`,
    `|---|---|---|`,
    `| ${rule.dimension} | ${rule.defaultSeverity} | ${rule.enabledByDefault === false ? 'no' : 'yes'} |`,
    '',
    rule.description,
    '',
    ...(rule.formats ? [`Applies to ${formatNames(formatsReadBy(rule.formats))} files only.`, ''] : []),
    rule.docs,
    '',
    '## Options',
    '',
    options.length ? ['| option | default |', '|---|---|', ...options.map(([k, v]) => `| \`${k}\` | \`${JSON.stringify(v)}\` |`)].join('\n') : 'None.',
    '',
    '## Configure',
    '',
    '```jsonc',
    '// .vscode/settings.json',
    `"datasetInspector.rules": { "${rule.id}": { "enabled": true, "severity": "${rule.defaultSeverity}"${options.length ? `, "options": { ${options.map(([k, v]) => `"${k}": ${JSON.stringify(v)}`).join(', ')} }` : ''} } }`,
    '```',
    '',
  ].join('\n');
}

export const docsDir = path.join(__dirname, '..', 'docs', 'rules');

if (require.main === module) {
  mkdirSync(docsDir, { recursive: true });
  for (const rule of allRules) writeFileSync(path.join(docsDir, `${rule.id}.md`), ruleDocsPage(rule));
  const index = ['# Quality rules', '', '| rule | dimension | default severity | what it finds |', '|---|---|---|---|', ...allRules.map((r) => `| [\`${r.id}\`](${r.id}.md) | ${r.dimension} | ${r.defaultSeverity} | ${r.description.replace(/\|/g, '\\|')} |`), ''].join('\n');
  writeFileSync(path.join(docsDir, 'README.md'), index);
  console.log(`wrote ${allRules.length} rule pages to ${docsDir}`);
}
