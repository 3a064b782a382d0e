/**
 * One seed of the detection benchmark: every public table checked as published (the baseline), then once per
 * error class with that class injected, then once with every class mixed; and the clean synthetic tables.
 * The dirty CSVs and their truth are left in bench/.data/detection/seed-N/ for inspection.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { checkTable, type CheckOutcome } from './check';
import { profileColumns } from './columns';
import { ERROR_CLASSES, Injection, type ErrorClass, type Injector, type TruthItem } from './inject';
import { INJECTORS } from './injectors/index';
import { Rng, subSeed } from './random';
import { addToTally, baselineKeys, bump, emptyTally, isCellItem, markKey, scoreRun, type ClassTallies, type Mark, type Tally } from './score';
import { SOURCES, describePresentation, isStdlib, loadSource, type SourceSpec } from './sources';
import { syntheticTables, type SyntheticTable } from './synthetic';
import { cellCount, type Table } from './table';
import { HEAVY_SHARES, injectHeavyFormat } from './heavy-format';
import { HEAVY_SHIFTS, injectHeavyMerge, type HeavyMergeColumns, type HeavyShift } from './heavy-merge';

export interface EvaluationOptions {
  /** Largest number of rows taken from a public table (a window chosen by the seed). */
  maxRows: number;
  /** Errors per class and table in the per-class runs: this share of the cells, within [min, max]. */
  isolatedRate: number;
  isolatedMin: number;
  isolatedMax: number;
  /** Per-class runs: rows duplicated (share of the rows, within [1, isolatedMax]). */
  isolatedDuplicateRate: number;
  /** Mixed run: share of cells with an error, and share of rows duplicated. */
  mixedRate: number;
  mixedDuplicateRate: number;
  /** At most this share of a column's rows gets errors of one class (per-class runs, mixed run). */
  isolatedColumnShare: number;
  mixedColumnShare: number;
  syntheticRows: number;
  /** Only these public tables (all when empty). */
  tables: string[];
  withStdlib: boolean;
  dataDir: string;
}

export interface TableSummary {
  name: string;
  origin: string;
  presentation: string;
  rows: number;
  columns: number;
  /** The table's own findings (as published, no injection): marks per 10k cells, and the score. */
  ownMarksPer10k: number;
  ownScore: number;
  ownRules: Record<string, number>;
  /** Per class: errors placed (0: the table has no place for that class). */
  placed: Partial<Record<ErrorClass, number>>;
  mixed: { cellErrors: number; duplicateRows: number; score: number };
}

export interface CleanSummary {
  name: string;
  cells: number;
  marks: number;
  score: number;
  byRule: Record<string, number>;
  /** Marks per column shape (row-only marks under "(whole row)"). */
  byShape: Record<string, number>;
  /** Findings about a column (no row): listed, not counted. */
  columnFindings: Record<string, number>;
}

/** A measure column with a share of its cells rewritten (heavy-format.ts), and how the product read it. */
export interface HeavyFormatResult {
  table: string;
  column: string;
  family: string;
  share: number;
  /** The column's kind as the product read it, and its unit. */
  readAs: string;
  unit?: string;
}

export interface SeedResult {
  seed: number;
  classes: ClassTallies;
  /** Heavy format variants, per share range (HEAVY_SHARES' labels): the rewritten cells, scored as one class, and the columns. */
  heavy: Record<string, { cells: Tally; columns: HeavyFormatResult[] }>;
  /** Heavy merges and moves (heavy-merge.ts): the changed and emptied cells, scored as one class, and the column pairs. */
  heavyShift: Record<HeavyShift, { cells: Tally; pairs: (HeavyMergeColumns & { table: string })[] }>;
  mixedCells: Tally;
  /** The same with the table's own findings counted too (as an evaluation on real dirty tables counts them). */
  mixedCellsRaw: Tally;
  mixedRows: Tally;
  /** Recall per class inside the mixed run. */
  mixedByClass: ClassTallies;
  tables: TableSummary[];
  clean: CleanSummary[];
  checks: number;
  checkMs: number;
}

type Check = (table: Table, file: string) => Promise<CheckOutcome>;

function truthFile(file: string, truth: TruthItem[], table: Table): void {
  const lines = truth.map((t) => JSON.stringify({ class: t.cls, variant: t.variant, row: t.row, column: t.column === null ? null : table.header[t.column], original: t.original, dirty: t.dirty }));
  writeFileSync(file.replace(/\.csv$/, '.truth.jsonl'), `${lines.join('\n')}\n`);
}

/** Marks that belong to the row score of the mixed run: on an inserted duplicate (or its pair), or row-only false alarms. */
const rowMark = (m: Mark) => m.hit?.column === null || (m.column === null && m.hit === undefined);
const cellMark = (m: Mark) => m.column !== null && !rowMark(m);

/** Injects every class into one copy: duplicates first, then each cell class its share of the budget; what a class cannot place goes to those that could. */
function injectMixed(ctx: Injection, options: EvaluationOptions, cells: number, rows: number): number {
  const cellBudget = Math.round(options.mixedRate * cells);
  const quota = Math.ceil(cellBudget / INJECTORS.filter((i) => i.cls !== 'duplicate').length);
  const full: Injector[] = [];
  let cellErrors = 0;
  let duplicateRows = 0;
  for (const injector of INJECTORS) {
    if (injector.cls === 'duplicate') {
      duplicateRows = injector.inject(ctx, Math.round(options.mixedDuplicateRate * rows));
      continue;
    }
    const placed = injector.inject(ctx, quota);
    cellErrors += placed;
    if (placed === quota) full.push(injector);
  }
  for (const injector of full) {
    if (cellErrors >= cellBudget) break;
    cellErrors += injector.inject(ctx, Math.ceil((cellBudget - cellErrors) / full.length));
  }
  return duplicateRows;
}

async function evaluateTable(spec: SourceSpec, seed: number, options: EvaluationOptions, dir: string, check: Check, result: SeedResult): Promise<TableSummary> {
  const clean = loadSource(spec, new Rng(subSeed(seed, spec.name)), options.maxRows);
  const cells = cellCount(clean);
  const facts = profileColumns(clean);
  // As published: its findings are the table's own (dropped from the scores), its flagged cells are left alone.
  const own = await check(clean, path.join(dir, spec.name, 'clean.csv'));
  const ownCells = new Set(own.placed.map((f) => markKey(f.row, f.column)));
  const flagged = (row: number, column: number | null) => ownCells.has(markKey(row, column));
  const baseline = baselineKeys(own.placed);
  const summary: TableSummary = {
    name: spec.name,
    origin: spec.origin,
    presentation: describePresentation(spec),
    rows: clean.rows.length,
    columns: clean.header.length,
    ownMarksPer10k: (1e4 * ownCells.size) / cells,
    ownScore: own.score,
    ownRules: {},
    placed: {},
    mixed: { cellErrors: 0, duplicateRows: 0, score: NaN },
  };
  for (const f of own.placed) bump(summary.ownRules, f.rule);
  const injection = (label: string, maxColumnShare: number) => new Injection(clean, facts, new Rng(subSeed(seed, `${spec.name}/${label}`)), { maxColumnShare, flagged });
  const run = async (ctx: Injection, label: string) => {
    const file = path.join(dir, spec.name, `${label}.csv`);
    const outcome = await check(ctx.table, file);
    truthFile(file, ctx.truth, ctx.table);
    const score = (dropped: Set<string>) => scoreRun({ truth: ctx.truth, decoys: ctx.decoys, findings: outcome.placed, origin: ctx.origin, baseline: dropped });
    return { outcome, score };
  };

  // (a) One class per copy.
  const count = Math.min(options.isolatedMax, Math.max(options.isolatedMin, Math.round(options.isolatedRate * cells)));
  const duplicates = Math.min(options.isolatedMax, Math.max(1, Math.round(options.isolatedDuplicateRate * clean.rows.length)));
  for (const injector of INJECTORS) {
    const ctx = injection(injector.cls, options.isolatedColumnShare);
    const placed = injector.inject(ctx, injector.cls === 'duplicate' ? duplicates : count);
    summary.placed[injector.cls] = placed;
    if (placed > 0) addToTally((result.classes[injector.cls] ??= emptyTally()), (await run(ctx, injector.cls)).score(baseline));
  }

  // Heavy format variants: 10–45%, and 50–85%, of one measure column written another way.
  for (const range of HEAVY_SHARES) {
    const heavy = injection(range.label, 1);
    const heavyColumn = injectHeavyFormat(heavy, range);
    if (!heavyColumn) continue;
    const { outcome, score } = await run(heavy, range.label);
    const into = (result.heavy[range.label] ??= { cells: emptyTally(), columns: [] });
    addToTally(into.cells, score(baseline));
    const read = outcome.columns[heavyColumn.column];
    into.columns.push({ table: spec.name, column: heavyColumn.name, family: heavyColumn.family, share: heavyColumn.share, readAs: read.kind, ...(read.unit ? { unit: read.unit } : {}) });
  }

  // Heavy merges and moves: a second source writing two neighbouring fields as one, or one in the other's place, in 10–60% of the rows.
  for (const kind of HEAVY_SHIFTS) {
    const shifting = injection(`heavy-${kind}`, 1);
    const pair = injectHeavyMerge(shifting, kind);
    if (!pair) continue;
    const { score } = await run(shifting, `heavy-${kind}`);
    addToTally(result.heavyShift[kind].cells, score(baseline));
    result.heavyShift[kind].pairs.push({ table: spec.name, ...pair });
  }

  // Mixed: every class in one copy, scored at cell level (duplicate rows apart).
  const ctx = injection('mixed', options.mixedColumnShare);
  summary.mixed.duplicateRows = injectMixed(ctx, options, cells, clean.rows.length);
  summary.mixed.cellErrors = ctx.truth.filter(isCellItem).length;
  const { outcome, score } = await run(ctx, 'mixed');
  summary.mixed.score = outcome.score;
  const scored = score(baseline);
  addToTally(result.mixedCells, scored, isCellItem, cellMark);
  addToTally(result.mixedCellsRaw, score(new Set()), isCellItem, cellMark);
  addToTally(result.mixedRows, scored, (item) => !isCellItem(item), rowMark);
  for (const cls of ERROR_CLASSES) addToTally((result.mixedByClass[cls] ??= emptyTally()), scored, (item) => item.cls === cls, () => false);
  return summary;
}

/** A clean table's check: every mark is a false alarm, counted per rule and per column shape. */
async function evaluateClean(table: SyntheticTable, dir: string, check: Check): Promise<CleanSummary> {
  const outcome = await check(table, path.join(dir, 'synthetic', `${table.name}.csv`));
  const { marks } = scoreRun({ truth: [], decoys: [], findings: outcome.placed, origin: table.rows.map((_, r) => r), baseline: new Set() });
  const summary: CleanSummary = { name: table.name, cells: cellCount(table), marks: marks.length, score: outcome.score, byRule: {}, byShape: {}, columnFindings: {} };
  for (const f of outcome.placed) bump(summary.byRule, f.rule);
  for (const m of marks) bump(summary.byShape, m.column === null ? '(whole row)' : table.shapes[m.column]);
  for (const f of outcome.unplaced) bump(summary.columnFindings, `${f.rule}${f.column !== null ? ` (${table.shapes[f.column]})` : ''}`);
  return summary;
}

export async function evaluateSeed(seed: number, options: EvaluationOptions, log: (line: string) => void): Promise<SeedResult> {
  const dir = path.join(options.dataDir, `seed-${seed}`);
  const result: SeedResult = { seed, classes: {}, heavy: {}, heavyShift: { merge: { cells: emptyTally(), pairs: [] }, move: { cells: emptyTally(), pairs: [] } }, mixedCells: emptyTally(), mixedCellsRaw: emptyTally(), mixedRows: emptyTally(), mixedByClass: {}, tables: [], clean: [], checks: 0, checkMs: 0 };
  const check: Check = async (table, file) => {
    const t0 = performance.now();
    const outcome = await checkTable(table, file);
    result.checkMs += performance.now() - t0;
    result.checks++;
    return outcome;
  };
  for (const spec of SOURCES.filter((s) => (options.tables.length === 0 || options.tables.includes(s.name)) && (options.withStdlib || !isStdlib(s)))) {
    const summary = await evaluateTable(spec, seed, options, dir, check, result);
    result.tables.push(summary);
    log(`  seed ${seed} · ${spec.name}: ${summary.rows} rows × ${summary.columns}; mixed ${summary.mixed.cellErrors} cells + ${summary.mixed.duplicateRows} rows`);
  }
  for (const table of syntheticTables(seed, options.syntheticRows)) {
    const summary = await evaluateClean(table, dir, check);
    result.clean.push(summary);
    log(`  seed ${seed} · ${table.name}: ${table.rows.length} rows × ${table.header.length}, ${summary.marks} marks`);
  }
  return result;
}
