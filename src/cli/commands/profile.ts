/**
 * `dataset-inspector profile FILE [--format json|text]`: per-column statistics (TableProfile as JSON, or
 * an aligned text table). Files larger than the memory budget (or with --streaming) are profiled batch
 * by batch with bounded memory; distinct counts and quantiles are then approximate beyond 65,536
 * values per column, and the JSON says so (`distinctMethod`, `quantileMethod`).
 */
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { runCommand, type CommandSpec } from '../args';
import { isTextDataPath } from '../../core/ingest/formats';
import { CSV_READ_FLAGS, THREADS_FLAG, csvReadSettings, openInputBatches } from '../input';
import { ingestFile, ingestTextBatches, textSizeOf, type IngestOptions } from '../../core/ingest/index';
import { DEFAULTS, megabytes } from '../../core/defaults';
import { createStreamingProfiler, profileTable } from '../../core/profile/index';
import type { ColumnProfile, TableProfile } from '../../core/profile/types';
import { formatEpochMs } from '../../core/ingest/render-text';
import type { SourceFormat } from '../../core/table/model';

export const profileSpec = {
  name: 'profile',
  summary: 'Per-column statistics of a CSV/TSV, JSON Lines (plain or .gz), Arrow IPC or Parquet file: type, count, nulls, distinct, min, max, mean, std, quantiles, histogram, top values.',
  positionals: [{ name: 'FILE', required: true }],
  flags: {
    format: { type: 'string', short: 'f', choices: ['json', 'text'], description: 'Output format (default json).' },
    streaming: { type: 'boolean', description: 'Profile batch by batch with bounded memory (default: only files over the memory budget).' },
    'memory-budget': { type: 'number', placeholder: 'MB', description: `Largest file profiled in memory, in MB (default ${DEFAULTS.memoryBudgetMB}).` },
    ...CSV_READ_FLAGS,
    threads: THREADS_FLAG,
  },
  epilog: 'Exit codes: 0 success, 1 the file could not be read, 2 usage error.',
} as const satisfies CommandSpec;

export async function runProfile(args: string[]): Promise<number> {
  return runCommand(profileSpec, args, async ({ flags, multiples, positionals }) => {
    const path = positionals[0];
    const profile = await profileFile(path, {
      ...csvReadSettings(flags, multiples.na),
      streaming: flags.streaming,
      memoryBudgetBytes: megabytes(flags['memory-budget'] ?? DEFAULTS.memoryBudgetMB),
    });
    process.stdout.write(flags.format === 'text' ? formatProfileText(profile) : `${JSON.stringify(profile, null, 2)}\n`);
    return 0;
  });
}

/**
 * Profiles a file: in memory (exact) unless `streaming` is true, or unset and the file is larger than
 * `memoryBudgetBytes` (for a gzip file: its decompressed size); text files then go through their reader's batches.
 */
export async function profileFile(
  path: string,
  options: IngestOptions & { streaming?: boolean } = {},
): Promise<TableProfile> {
  const { size } = await stat(path);
  const budget = options.memoryBudgetBytes ?? megabytes(DEFAULTS.memoryBudgetMB);
  const streaming = options.streaming ?? (await textSizeOf(path)) > budget;
  if (streaming) {
    const source = await openInputBatches(path, options);
    if (source) {
      const profiler = createStreamingProfiler(source.columns);
      for await (const batch of source.batches) profiler.addBatch(batch);
      return profiler.finish({ path, format: source.format, bytes: size, mode: 'streaming' });
    }
  }
  if (streaming && isTextDataPath(path)) {
    // Text files batch by batch: one schema (from the first chunk), bounded memory.
    let profiler: ReturnType<typeof createStreamingProfiler> | undefined;
    let format: SourceFormat = 'csv';
    for await (const batch of ingestTextBatches(path, options)) {
      profiler ??= createStreamingProfiler(batch.result.columns);
      format = batch.result.format;
      for (const recordBatch of batch.result.table.batches) profiler.addBatch(recordBatch);
    }
    if (profiler) return profiler.finish({ path, format, bytes: size, mode: 'streaming' });
  }
  const result = await ingestFile(path, options);
  return profileTable(result, { bytes: size });
}

// ---------------------------------------------------------------------------------------------------
// Text printer

function formatNumber(x: number): string {
  if (Number.isInteger(x) && Math.abs(x) < 1e15) return String(x);
  const abs = Math.abs(x);
  if (abs !== 0 && (abs < 1e-4 || abs >= 1e15)) return x.toExponential(3);
  return String(Number(x.toPrecision(6)));
}

/** A statistic of a column as text: ISO for dates/timestamps, compact numbers otherwise. */
export function formatStat(column: ColumnProfile, x: number | null | undefined): string {
  if (x === null || x === undefined || Number.isNaN(x)) return '';
  if (column.kind === 'date' || column.kind === 'timestamp') {
    return formatEpochMs(x, column.kind, column.arrowType.includes(','));
  }
  return formatNumber(x);
}

/** Spread statistics of dates/timestamps are durations: shown in days. */
function formatSpread(column: ColumnProfile, x: number | null): string {
  if (x === null || Number.isNaN(x)) return '';
  if (column.kind === 'date' || column.kind === 'timestamp') return `${formatNumber(x / 86_400_000)}d`;
  return formatNumber(x);
}

function clip(s: string, width: number): string {
  const flat = s.replace(/[\r\n\t]/g, ' ');
  return flat.length <= width ? flat : `${flat.slice(0, width - 1)}…`;
}

function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = bytes / 1024;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${v.toFixed(1)} ${units[u]}`;
}

/** The profile as an aligned, human-readable table (one row per column) plus top values. */
export function formatProfileText(profile: TableProfile): string {
  const headers = ['column', 'type', 'nulls', 'distinct', 'min', 'p50', 'max', 'mean', 'std', 'outliers'];
  const rows = profile.columns.map((c) => {
    const numeric = c.quantiles !== null;
    const nullPct = c.count > 0 ? ` (${((100 * c.nulls) / c.count).toFixed(c.nulls > 0 && c.nulls < c.count / 1000 ? 2 : 1)}%)` : '';
    return [
      clip(c.name, 24),
      clip(`${c.kind} ${c.arrowType}${c.unit ? ` [${c.unit}]` : ''}`, 28),
      `${c.nulls}${c.nulls > 0 ? nullPct : ''}`,
      `${c.distinctMethod === 'approximate' ? '~' : ''}${c.distinct}`,
      numeric ? formatStat(c, c.min) : c.minLength !== null ? `len ${c.minLength}` : '',
      numeric && c.quantiles ? formatStat(c, c.quantiles.p50) : '',
      numeric ? formatStat(c, c.max) : c.maxLength !== null ? `len ${c.maxLength}` : '',
      c.kind === 'boolean' && c.mean !== null ? `${(100 * c.mean).toFixed(1)}% true` : numeric ? formatStat(c, c.mean) : '',
      numeric ? formatSpread(c, c.std) : '',
      numeric ? `${c.lowOutliers}↓ ${c.highOutliers}↑` : '',
    ];
  });
  const widths = headers.map((h, k) => Math.max(h.length, ...rows.map((r) => r[k].length)));
  const right = new Set([2, 3, 4, 5, 6, 7, 8, 9]);
  const line = (cells: string[]) =>
    cells
      .map((cell, k) => (right.has(k) ? cell.padStart(widths[k]) : cell.padEnd(widths[k])))
      .join('  ')
      .trimEnd();
  const out: string[] = [];
  out.push(
    `${basename(profile.path)}: ${profile.format}, ${profile.rows.toLocaleString('en-US')} rows × ${profile.columns.length} columns, ${sizeText(profile.bytes)}, ${
      profile.mode === 'memory' ? 'exact statistics' : 'streamed (~ = approximate)'
    }`,
  );
  out.push('');
  out.push(line(headers));
  out.push(line(widths.map((w) => '─'.repeat(w))));
  for (const r of rows) out.push(line(r));
  const withTop = profile.columns.filter((c) => c.topValues.length > 0);
  if (withTop.length > 0) {
    out.push('', 'Top values:');
    const nameWidth = Math.min(24, Math.max(...withTop.map((c) => c.name.length)));
    for (const c of withTop) {
      const values = c.topValues
        .slice(0, 5)
        .map((t) => `${clip(JSON.stringify(t.value), 30)} ×${t.count}`)
        .join(', ');
      out.push(`  ${clip(c.name, 24).padEnd(nameWidth)}  ${values}${c.topValuesMethod === 'approximate' ? ' (approx.)' : ''}`);
    }
  }
  return `${out.join('\n')}\n`;
}
