// `npm run package`: production build, then dist-vsix/dataset-inspector.vsix with vsce (dependencies are
// bundled by esbuild, so --no-dependencies). Prints the VSIX size and file count.
//
// README images: VS Code's Extensions view renders README images only from https: or data: sources (its
// page's Content-Security-Policy is `img-src https: data:`); vsce would rewrite relative image links to the
// repository's raw https URLs, but the repository has no public URL yet (package.json says example.invalid),
// and https images need a network. So the VSIX gets its own README (--readme-path) in which every relative
// image is a data: URI of its compact WebP copy (docs/screenshots/<name>.webp beside <name>.png, about 90 KB,
// written by the e2e run: test/harness/compact-screenshots.mjs). They render offline, in every VS Code.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join('dist-vsix', 'dataset-inspector.vsix');
const vsixReadme = path.join('dist-vsix', 'README.md');

function step(cmd, args) {
  console.log(`> ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: repo, stdio: 'inherit', env: { ...process.env, npm_config_yes: 'true' } });
  if (r.status !== 0) {
    console.error(`package-vsix: \`${cmd} ${args.join(' ')}\` failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status || 1);
  }
}

const IMAGE_TYPES = { '.webp': 'image/webp', '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif' };

/** README.md with each relative Markdown image (`![alt](docs/x.png)`) as a data: URI, its .webp copy preferred. */
export function inlineReadmeImages(markdown, root) {
  return markdown.replace(/!\[([^\]]*)\]\(([^)\s]+)\)/g, (all, alt, link) => {
    if (/^[a-z]+:/i.test(link)) return all;
    const file = path.join(root, link);
    const compact = file.replace(/\.png$/i, '.webp');
    const image = existsSync(compact) ? compact : file;
    const type = IMAGE_TYPES[path.extname(image).toLowerCase()];
    if (!existsSync(image) || !type) throw new Error(`README image ${link}: ${existsSync(image) ? 'not a PNG, WebP, JPEG or GIF' : 'no such file'}`);
    return `![${alt}](data:${type};base64,${readFileSync(image).toString('base64')})`;
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (!process.argv.includes('--skip-build')) step('npm', ['run', 'build', '--', '--production']);
  mkdirSync(path.join(repo, 'dist-vsix'), { recursive: true });
  writeFileSync(path.join(repo, vsixReadme), inlineReadmeImages(readFileSync(path.join(repo, 'README.md'), 'utf8'), repo));
  // Call vsce's own binary (it is a devDependency) so npx never tries the network. Its relative-link rewriting
  // is off: it would refuse the data: images, and it has no repository URL to point the links at.
  step(process.execPath, [
    path.join(repo, 'node_modules', '@vscode', 'vsce', 'vsce'),
    'package',
    '--no-dependencies',
    '--no-rewrite-relative-links',
    '--readme-path',
    vsixReadme,
    '--out',
    out,
  ]);
  const bytes = statSync(path.join(repo, out)).size;
  console.log(`VSIX: ${out} (${(bytes / 1e6).toFixed(2)} MB, ${bytes.toLocaleString('en-US')} bytes)`);
  // Leave dist/ as the development build the other test stages and `npm start` expect (source maps, unminified).
  if (!process.argv.includes('--skip-build')) step('npm', ['run', 'build']);
}
