// `npm run package`: production build, then dist-vsix/dataset-inspector.vsix with vsce (dependencies are
// bundled by esbuild, so --no-dependencies). Prints the VSIX size.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join('dist-vsix', 'dataset-inspector.vsix');

function step(cmd, args) {
  console.log(`> ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: repo, stdio: 'inherit', env: { ...process.env, npm_config_yes: 'true' } });
  if (r.status !== 0) {
    console.error(`package-vsix: \`${cmd} ${args.join(' ')}\` failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status || 1);
  }
}

if (!process.argv.includes('--skip-build')) step('npm', ['run', 'build', '--', '--production']);
mkdirSync(path.join(repo, 'dist-vsix'), { recursive: true });
// Call vsce's own binary (it is a devDependency) so npx never tries the network.
// vsce rewrites README's relative links (images) to the repository's raw URLs and refuses to package when it
// cannot tell them (a repository that is not on GitHub/GitLab): then keep them relative.
const pkg = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8'));
const repoUrl = typeof pkg.repository === 'string' ? pkg.repository : (pkg.repository?.url ?? '');
const rewriteArgs = /github\.com|gitlab\.com/.test(repoUrl) ? [] : ['--no-rewrite-relative-links'];
step(process.execPath, [path.join(repo, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', ...rewriteArgs, '--out', out]);
const kb = statSync(path.join(repo, out)).size / 1024;
console.log(`VSIX: ${out} (${kb.toFixed(1)} KB)`);
// Leave dist/ as the development build the other test stages and `npm start` expect (source maps, unminified).
if (!process.argv.includes('--skip-build')) step('npm', ['run', 'build']);
