/** The benchmarks' peers (not project dependencies), installed on demand into bench/.peers/. */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const peersDir = path.resolve(__dirname, '..', '.peers');

export function ensurePeers(): void {
  if (existsSync(path.join(peersDir, 'node_modules', 'udsv'))) return;
  mkdirSync(peersDir, { recursive: true });
  writeFileSync(path.join(peersDir, 'package.json'), '{ "name": "bench-peers", "private": true }\n');
  console.log('installing benchmark peers into bench/.peers …');
  execFileSync('npm', ['install', '--no-save', '--no-package-lock', 'udsv', 'papaparse', 'csv-parse', 'd3-dsv', 'nodejs-polars', 'nodejs-polars-linux-x64-gnu', '@duckdb/node-api'], { cwd: peersDir, stdio: 'inherit' });
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}
