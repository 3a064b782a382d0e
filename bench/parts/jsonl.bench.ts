/**
 * JSON Lines and gzip benchmark: a ~100 MB mixed JSON Lines file (the twelve fields of the ingest bench)
 * read to typed columns by this engine (positions kept) and, in the same run, by the design it did not take
 * (JSON.parse per line into objects, then columns: a lower bound, without positions or string inference),
 * and by Polars and DuckDB (native, one thread); then the same file gzip-compressed, against zlib's
 * decompression alone. Each measurement runs in a fresh process; rounds are interleaved; medians printed.
 */
import { createReadStream, createWriteStream, existsSync, statSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import path from 'node:path';
import { ensureMixedJsonl } from '../lib/mixed-jsonl';
import { bundleEngine, dataDir, ensurePeers, measure, median, type Measurement } from '../lib/ingest-measure';
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const targetMB = Number(process.env.BENCH_INGEST_MB ?? 100);

async function main(): Promise<void> {
  ensurePeers();
  const engineBundle = await bundleEngine();
  const file = path.join(dataDir, `mixed-${targetMB}mb.jsonl`);
  const bytes = await ensureMixedJsonl(file, targetMB * 1e6);
  const gz = `${file}.gz`;
  if (!existsSync(gz) || statSync(gz).mtimeMs < statSync(file).mtimeMs) await pipeline(createReadStream(file), createGzip(), createWriteStream(gz));
  const mb = bytes / 1e6;

  /** [label, parser of ingest-runner.mjs, file]. */
  const runs: [string, string, string][] = [
    ['dataset-inspector', 'dataset-inspector', file],
    ['json-parse', 'json-parse', file],
    ['polars', 'polars-jsonl', file],
    ['duckdb', 'duckdb-jsonl', file],
    ['dataset-inspector-gzip', 'dataset-inspector', gz],
    ['gunzip', 'gunzip', gz],
  ];
  const results = new Map<string, Measurement[]>(runs.map(([r]) => [r, []]));
  for (let round = 0; round < rounds; round++) {
    for (const [reader, parser, input] of runs) {
      const m = measure(parser, input, engineBundle);
      results.get(reader)!.push(m);
      process.stdout.write(`round ${round + 1}/${rounds} ${reader}: ${m.error ? `failed (${m.error})` : `${m.ms.toFixed(0)} ms (cpu ${m.cpuMs.toFixed(0)} ms), ${m.maxRssMB.toFixed(0)} MB`}\n`);
    }
  }
  const summary = runs.map(([reader]) => {
    const ok = results.get(reader)!.filter((m) => !m.error);
    const med = (f: (m: Measurement) => number) => (ok.length ? median(ok.map(f)) : NaN);
    return { reader, ms: med((m) => m.ms), cpuMs: med((m) => m.cpuMs), rss: med((m) => m.maxRssMB), rows: ok[0]?.rows ?? 0 };
  });
  const of = (reader: string) => summary.find((s) => s.reader === reader)!;
  const parse = of('json-parse');
  console.log(`\nFile: ${mb.toFixed(1)} MB JSON Lines, ${of('dataset-inspector').rows} rows (gzip: ${(statSync(gz).size / 1e6).toFixed(1)} MB); medians of ${rounds} rounds, one process per measurement.`);
  console.log('CPU time counts every thread of the process (GC helpers included); on a busy machine it moves less than wall time.');
  console.log('reader                  MB/s wall  MB/s CPU  peak RSS MB  RSS/file  × JSON.parse design (wall, CPU)');
  for (const s of summary) {
    if (s.reader === 'gunzip') continue;
    console.log(
      `${s.reader.padEnd(24)}${(mb / (s.ms / 1000)).toFixed(1).padStart(9)}${(mb / (s.cpuMs / 1000)).toFixed(1).padStart(10)}${s.rss.toFixed(0).padStart(13)}${(s.rss / mb).toFixed(1).padStart(10)}    ${(parse.ms / s.ms).toFixed(2)}, ${(parse.cpuMs / s.cpuMs).toFixed(2)}`,
    );
  }
  const engine = of('dataset-inspector');
  const gzip = of('dataset-inspector-gzip');
  console.log(
    `\nByte scan vs JSON.parse design (both to typed columns; only the byte scan keeps positions and infers strings): ` +
      `${(parse.ms / engine.ms).toFixed(2)}× (wall), ${(parse.cpuMs / engine.cpuMs).toFixed(2)}× (CPU) as fast, peak RSS ${(engine.rss / parse.rss).toFixed(2)}× of it.`,
  );
  console.log(
    `gzip: the .jsonl.gz takes ${(gzip.cpuMs - engine.cpuMs).toFixed(0)} ms CPU (${(gzip.ms - engine.ms).toFixed(0)} ms wall) more than the plain file; ` +
      `zlib alone decompresses it in ${of('gunzip').cpuMs.toFixed(0)} ms CPU (${of('gunzip').ms.toFixed(0)} ms wall).`,
  );
}

void main();
