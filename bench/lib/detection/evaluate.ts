/**
 * One seed of the detection benchmark: every public table checked as published (the baseline), then once per
 * error class with that class injected, then once with every class mixed; and the clean synthetic tables.
 * The dirty CSVs and their truth are left in bench/.data/detection/seed-N/ for inspection.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { checkTable, type CheckOutcome } from './check';
import { profileColumns } from './columns';
import { ERROR_CLASSES, Injection, type ErrorClass, type TruthItem } from './inject';
import { INJECTORS } from './injectors/index';
import { Rng, subSeed } from './random';
import { addToTally, baselineKeys, emptyTally, isCellItem, scoreRun, type ClassTallies, type Mark, type Tally } from './score';
import { SOURCES, describePresentation, isStdlib, loadSource } from './sources';
import { syntheticTables } from './synthetic';
import { cellCount, type Table } from './table';

export interface EvaluationOptions {
  /** Largest number of rows taken from a public table (a window chosen by the seed). */
  maxRows: number;
  /** Errors per class and table in the per-class runs: this share of the cells, within [min, max]. */
  isolatedRate: number;
  isolatedMin: number;
  isolatedMax: number;
  /** Mixed run: share of cells with an error, and share of rows duplicated. */
  mixedRate: number;
  mixedDuplicateRate: number;
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

export interface SeedResult {
  seed: number;
  classes: ClassTallies;
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

const bump = (counts: Record<string, number>, key: string, by = 1) => (counts[key] = (counts[key] ?? 0) + by);

/** Cells and rows the clean table's check flagged: injections stay away from them. */
function flaggedBy(outcome: CheckOutcome): (row: number, column: number | null) => boolean {
  const cells = new Set(outcome.placed.map((f) => `${f.row}:${f.column ?? '-'}`));
  return (row, column) => cells.has(`${row}:${column ?? '-'}`);
}

function truthFile(file: string, truth: TruthItem[], table: Table): void {
  const lines = truth.map((t) => JSON.stringify({ class: t.cls, variant: t.variant, row: t.row, column: t.column === null ? null : table.header[t.column], original: t.original, dirty: t.dirty }));
  writeFileSync(file.replace(/\.csv$/, '.truth.jsonl'), `${lines.join('\n')}\n`);
}

export async function evaluateSeed(seed: number, options: EvaluationOptions, log: (line: string) => void): Promise<SeedResult> {
  const dir = path.join(options.dataDir, `seed-${seed}`);
  const result: SeedResult = { seed, classes: {}, mixedCells: emptyTally(), mixedCellsRaw: emptyTally(), mixedRows: emptyTally(), mixedByClass: {}, tables: [], clean: [], checks: 0, checkMs: 0 };
  const check = async (table: Table, file: string) => {
    const t0 = performance.now();
    const outcome = await checkTable(table, file);
    result.checkMs += performance.now() - t0;
    result.checks++;
    return outcome;
  };
  const sources = SOURCES.filter((s) => (options.tables.length === 0 || options.tables.includes(s.name)) && (options.withStdlib || !isStdlib(s)));
  for (const spec of sources) {
    const clean = loadSource(spec, new Rng(subSeed(seed, spec.name)), options.maxRows);
    const cells = cellCount(clean);
    const facts = profileColumns(clean);
    const own = await check(clean, path.join(dir, spec.name, 'clean.csv'));
    const flagged = flaggedBy(own);
    const baseline = baselineKeys(own.placed);
    const ownMarks = new Set(own.placed.map((f) => `${f.row}:${f.column ?? '-'}`)).size;
    const ownRules: Record<string, number> = {};
    for (const f of own.placed) bump(ownRules, f.rule);
    const summary: TableSummary = {
      name: spec.name,
      origin: spec.origin,
      presentation: describePresentation(spec),
      rows: clean.rows.length,
      columns: clean.header.length,
      ownMarksPer10k: (1e4 * ownMarks) / cells,
      ownScore: own.score,
      ownRules,
      placed: {},
      mixed: { cellErrors: 0, duplicateRows: 0, score: NaN },
    };
    const score = (ctx: Injection, outcome: CheckOutcome, dropped = baseline) => scoreRun({ truth: ctx.truth, decoys: ctx.decoys, findings: outcome.placed, origin: ctx.origin, baseline: dropped });

    // (a) One class at a time.
    const count = Math.min(options.isolatedMax, Math.max(options.isolatedMin, Math.round(options.isolatedRate * cells)));
    for (const injector of INJECTORS) {
      const ctx = new Injection(clean, facts, new Rng(subSeed(seed, `${spec.name}/${injector.cls}`)), { maxColumnShare: 0.01, flagged });
      const placed = injector.inject(ctx, injector.cls === 'duplicate' ? Math.min(count, Math.max(1, Math.round(0.01 * clean.rows.length))) : count);
      summary.placed[injector.cls] = placed;
      if (placed === 0) continue;
      const file = path.join(dir, spec.name, `${injector.cls}.csv`);
      const run = score(ctx, await check(ctx.table, file));
      truthFile(file, ctx.truth, ctx.table);
      addToTally((result.classes[injector.cls] ??= emptyTally()), run);
    }

    // Mixed: every class in one copy, at a realistic error rate.
    const ctx = new Injection(clean, facts, new Rng(subSeed(seed, `${spec.name}/mixed`)), { maxColumnShare: 0.03, flagged });
    const cellBudget = Math.round(options.mixedRate * cells);
    const cellInjectors = INJECTORS.filter((i) => i.cls !== 'duplicate');
    const quota = Math.ceil(cellBudget / cellInjectors.length);
    const full: typeof INJECTORS[number][] = [];
    let cellErrors = 0;
    for (const injector of INJECTORS) {
      if (injector.cls === 'duplicate') {
        summary.mixed.duplicateRows = injector.inject(ctx, Math.round(options.mixedDuplicateRate * clean.rows.length));
        continue;
      }
      const placed = injector.inject(ctx, quota);
      cellErrors += placed;
      if (placed === quota) full.push(injector);
    }
    // What classes could not place goes to those that could.
    for (const injector of full) {
      if (cellErrors >= cellBudget) break;
      cellErrors += injector.inject(ctx, Math.ceil((cellBudget - cellErrors) / full.length));
    }
    summary.mixed.cellErrors = ctx.truth.filter(isCellItem).length;
    const file = path.join(dir, spec.name, 'mixed.csv');
    const outcome = await check(ctx.table, file);
    truthFile(file, ctx.truth, ctx.table);
    summary.mixed.score = outcome.score;
    const run = score(ctx, outcome);
    const rowMark = (m: Mark) => m.hit?.column === null || (m.column === null && m.hit === undefined);
    const cellMark = (m: Mark) => m.column !== null && !rowMark(m);
    addToTally(result.mixedCells, run, isCellItem, cellMark);
    addToTally(result.mixedCellsRaw, score(ctx, outcome, new Set()), isCellItem, cellMark);
    addToTally(result.mixedRows, run, (item) => !isCellItem(item), rowMark);
    for (const cls of ERROR_CLASSES) addToTally((result.mixedByClass[cls] ??= emptyTally()), run, (item) => item.cls === cls, () => false);
    result.tables.push(summary);
    log(`  seed ${seed} · ${spec.name}: ${clean.rows.length} rows × ${clean.header.length}; mixed ${summary.mixed.cellErrors} cells + ${summary.mixed.duplicateRows} rows`);
  }

  // (b) Clean synthetic tables.
  for (const table of syntheticTables(seed, options.syntheticRows)) {
    const outcome = await check(table, path.join(dir, 'synthetic', `${table.name}.csv`));
    const marks = new Map<string, Set<string>>();
    for (const f of outcome.placed) {
      const key = `${f.row}:${f.column ?? '-'}`;
      marks.set(key, (marks.get(key) ?? new Set()).add(f.rule));
    }
    const clean: CleanSummary = { name: table.name, cells: cellCount(table), marks: marks.size, score: outcome.score, byRule: {}, byShape: {}, columnFindings: {} };
    for (const f of outcome.placed) bump(clean.byRule, f.rule);
    for (const key of marks.keys()) {
      const column = key.split(':')[1];
      bump(clean.byShape, column === '-' ? '(whole row)' : table.shapes[Number(column)]);
    }
    for (const f of outcome.unplaced) bump(clean.columnFindings, `${f.rule}${f.column !== null ? ` (${table.shapes[f.column]})` : ''}`);
    result.clean.push(clean);
    log(`  seed ${seed} · ${table.name}: ${table.rows.length} rows × ${table.header.length}, ${marks.size} marks`);
  }
  return result;
}
