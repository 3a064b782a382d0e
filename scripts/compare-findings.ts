/**
 * Proves that a change keeps the check's findings: checks the same files with the engine of another checkout
 * (e.g. `git archive main | tar -x -C /tmp/base`, with node_modules linked) and with this tree, and compares
 * every finding (rule, row, column, message, severity, value, evidence) and each column's profile line.
 *
 *   npx tsx scripts/compare-findings.ts <beforeRoot> [file or folder ...]
 *
 * Folders are searched for *.csv; the default is the detection bench's tables (bench/.data/detection, written
 * by `npm run bench detection`) and the quality bench file (bench/.data/mixed-100mb.csv). Each side runs in its
 * own process (`checkFile`, default settings, publishing cap raised, a fixed "now", as the detection bench
 * checks). Prints the files whose findings differ and exits 1 if any does.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';

const root = path.resolve(__dirname, '..');
const dataDir = path.join(root, 'bench', '.data', 'compare-findings');

function csvFiles(target: string): string[] {
  if (!statSync(target).isDirectory()) return [target];
  return readdirSync(target, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? csvFiles(path.join(target, e.name)) : e.name.endsWith('.csv') ? [path.join(target, e.name)] : []))
    .sort();
}

/** Bundles a dumper of `sourceRoot`'s engine: for each file given, one JSON line of its findings and profile. */
async function bundleDumper(sourceRoot: string, tag: string): Promise<string> {
  const entry = path.join(dataDir, `${tag}-entry.ts`);
  writeFileSync(
    entry,
    `import { checkFile } from '${path.join(sourceRoot, 'src/core/check/check-file')}';
const now = new Date('2025-06-01T00:00:00Z');
async function main(): Promise<void> {
  for (const file of process.argv.slice(2)) {
    const r = await checkFile({ path: file, read: {}, quality: { maxFindingsPerRuleAndColumn: Number.MAX_SAFE_INTEGER, now } });
    const findings = r.findings.map((f) => JSON.stringify([f.rule, f.severity, f.row, f.columnIndex, f.message, f.value ?? null, f.evidence ?? null]));
    const profile = r.profile.columns.map((c) => JSON.stringify(c));
    process.stdout.write(JSON.stringify({ file, findings, profile }) + '\\n');
  }
}
void main();
`,
  );
  const bundle = path.join(dataDir, `${tag}.cjs`);
  await esbuild.build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: bundle, logLevel: 'error' });
  return bundle;
}

interface Dump {
  file: string;
  findings: string[];
  profile: string[];
}

function dump(bundle: string, files: string[]): Map<string, Dump> {
  const out = new Map<string, Dump>();
  // Batches keep each process's argument list short and its memory bounded.
  for (let i = 0; i < files.length; i += 40) {
    const r = spawnSync(process.execPath, ['--max-old-space-size=16384', bundle, ...files.slice(i, i + 40)], { encoding: 'utf8', maxBuffer: 1 << 30 });
    if (r.status !== 0) throw new Error(`${bundle} failed: ${r.stderr}`);
    for (const line of r.stdout.split('\n').filter(Boolean)) {
      const d = JSON.parse(line) as Dump;
      out.set(d.file, d);
    }
  }
  return out;
}

/** Lines of `a` missing from `b` (as a multiset). */
function missing(a: string[], b: string[]): string[] {
  const counts = new Map<string, number>();
  for (const x of b) counts.set(x, (counts.get(x) ?? 0) + 1);
  return a.filter((x) => {
    const n = counts.get(x) ?? 0;
    if (n > 0) counts.set(x, n - 1);
    return n === 0;
  });
}

async function main(): Promise<void> {
  const [beforeRoot, ...targets] = process.argv.slice(2);
  if (!beforeRoot || !existsSync(path.join(beforeRoot, 'src/core/check/check-file.ts'))) {
    console.error('usage: npx tsx scripts/compare-findings.ts <beforeRoot> [file or folder ...]');
    process.exit(2);
  }
  const defaults = [path.join(root, 'bench/.data/detection'), path.join(root, 'bench/.data/mixed-100mb.csv')].filter(existsSync);
  const files = (targets.length ? targets : defaults).flatMap((t) => csvFiles(path.resolve(t)));
  mkdirSync(dataDir, { recursive: true });
  const before = dump(await bundleDumper(path.resolve(beforeRoot), 'before'), files);
  const after = dump(await bundleDumper(root, 'after'), files);
  let differing = 0;
  let findings = 0;
  let profileDiffs = 0;
  for (const file of files) {
    const b = before.get(file);
    const a = after.get(file);
    if (!a || !b) throw new Error(`${file}: not checked`);
    findings += b.findings.length;
    const lost = missing(b.findings, a.findings);
    const gained = missing(a.findings, b.findings);
    const profileChanged = missing(b.profile, a.profile);
    if (profileChanged.length) {
      profileDiffs++;
      console.log(`${path.relative(root, file)}: profile differs in ${profileChanged.length} column(s)`);
      for (const [i, line] of b.profile.entries()) if (line !== a.profile[i]) console.log(`  before ${line}\n  after  ${a.profile[i]}`);
    }
    if (lost.length === 0 && gained.length === 0) continue;
    differing++;
    console.log(`${path.relative(root, file)}: ${lost.length} finding(s) lost, ${gained.length} gained`);
    for (const l of lost.slice(0, 5)) console.log(`  - ${l}`);
    for (const g of gained.slice(0, 5)) console.log(`  + ${g}`);
  }
  console.log(`${files.length} files, ${findings} findings before: ${differing} file(s) with different findings, ${profileDiffs} with a different profile`);
  process.exitCode = differing ? 1 : 0;
}

void main();
