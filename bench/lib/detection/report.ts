/** Aggregates seeds (mean and range of each seed's figure, tallies pooled) and prints the report and the targets. */
import { ERROR_CLASSES, type ErrorClass } from './inject';
import { INJECTORS } from './injectors/index';
import { bump, emptyTally, f1, mergeTally, precision, recall, type Tally } from './score';
import type { CleanSummary, HeavyFormatResult, SeedResult, TableSummary } from './evaluate';
import { HEAVY_SHARES, type HeavyShare } from './heavy-format';
import { HEAVY_SHIFTS, MERGE_SHARE, type HeavyShift } from './heavy-merge';

export const TARGETS = { recall: 0.9, precision: 0.9, falseAlarmsPer10k: 1, cleanScore: 95, dirtyScore: 95 };

const readAsNumbers = (c: HeavyFormatResult) => c.readAs === 'integer' || c.readAs === 'float';
const shareRange = (r: Pick<HeavyShare, 'min' | 'max'>) => `${Math.round(r.min * 100)}–${Math.round(r.max * 100)}%`;
const mergeRange = shareRange({ min: MERGE_SHARE[0], max: MERGE_SHARE[1] });

export interface Spread {
  mean: number;
  min: number;
  max: number;
}

function spread(values: number[]): Spread {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return { mean: NaN, min: NaN, max: NaN };
  return { mean: finite.reduce((a, b) => a + b, 0) / finite.length, min: Math.min(...finite), max: Math.max(...finite) };
}

export interface ClassSummary {
  cls: ErrorClass;
  description: string;
  /** Tables (per seed) the class could be injected into. */
  tables: number;
  pooled: Tally;
  recall: Spread;
  precision: Spread;
  /** Recall of the class inside the mixed run. */
  mixedRecall: Spread;
}

export interface Summary {
  seeds: number[];
  classes: ClassSummary[];
  mixed: { cells: Tally; rows: Tally; precision: Spread; recall: Spread; f1: Spread; rawPrecision: Spread; rawF1: Spread; rowRecall: Spread; rowPrecision: Spread };
  /** Per share range of heavy-format.ts (HEAVY_SHARES). */
  heavy: { range: HeavyShare; cells: Tally; recall: Spread; precision: Spread; columns: HeavyFormatResult[] }[];
  /** Heavy merges and moves; per seed, the column pairs. */
  heavyShift: { kind: HeavyShift; cells: Tally; recall: Spread; precision: Spread; pairs: SeedResult['heavyShift'][HeavyShift]['pairs'][] }[];
  clean: { cells: number; marks: number; per10k: Spread; byRule: Record<string, number>; byShape: Record<string, number>; columnFindings: Record<string, number>; tables: CleanSummary[] };
  tables: TableSummary[][];
  targets: { name: string; pass: boolean; detail: string }[];
  checks: number;
  checkMs: number;
}

const add = (into: Record<string, number>, from: Record<string, number>) => {
  for (const [k, v] of Object.entries(from)) bump(into, k, v);
};

function pooled(tallies: (Tally | undefined)[]): Tally {
  const out = emptyTally();
  for (const t of tallies) if (t) mergeTally(out, t);
  return out;
}

export function summarize(results: SeedResult[]): Summary {
  const classes: ClassSummary[] = ERROR_CLASSES.map((cls) => ({
    cls,
    description: INJECTORS.find((i) => i.cls === cls)?.description ?? '',
    tables: results.reduce((n, r) => n + r.tables.filter((t) => (t.placed[cls] ?? 0) > 0).length, 0) / results.length,
    pooled: pooled(results.map((r) => r.classes[cls])),
    recall: spread(results.map((r) => (r.classes[cls] ? recall(r.classes[cls]) : NaN))),
    precision: spread(results.map((r) => (r.classes[cls] ? precision(r.classes[cls]) : NaN))),
    mixedRecall: spread(results.map((r) => (r.mixedByClass[cls] ? recall(r.mixedByClass[cls]) : NaN))),
  }));
  const cleanTables = results.flatMap((r) => r.clean);
  const clean = {
    cells: cleanTables.reduce((n, t) => n + t.cells, 0),
    marks: cleanTables.reduce((n, t) => n + t.marks, 0),
    per10k: spread(results.map((r) => (1e4 * r.clean.reduce((n, t) => n + t.marks, 0)) / Math.max(1, r.clean.reduce((n, t) => n + t.cells, 0)))),
    byRule: {} as Record<string, number>,
    byShape: {} as Record<string, number>,
    columnFindings: {} as Record<string, number>,
    tables: cleanTables,
  };
  for (const t of cleanTables) {
    add(clean.byRule, t.byRule);
    add(clean.byShape, t.byShape);
    add(clean.columnFindings, t.columnFindings);
  }
  const mixed = {
    cells: pooled(results.map((r) => r.mixedCells)),
    rows: pooled(results.map((r) => r.mixedRows)),
    precision: spread(results.map((r) => precision(r.mixedCells))),
    recall: spread(results.map((r) => recall(r.mixedCells))),
    f1: spread(results.map((r) => f1(r.mixedCells))),
    rawPrecision: spread(results.map((r) => precision(r.mixedCellsRaw))),
    rawF1: spread(results.map((r) => f1(r.mixedCellsRaw))),
    rowRecall: spread(results.map((r) => recall(r.mixedRows))),
    rowPrecision: spread(results.map((r) => precision(r.mixedRows))),
  };
  const heavy = HEAVY_SHARES.map((range) => {
    const runs = results.map((r) => r.heavy[range.label] ?? { cells: emptyTally(), columns: [] });
    return {
      range,
      cells: pooled(runs.map((h) => h.cells)),
      recall: spread(runs.map((h) => recall(h.cells))),
      precision: spread(runs.map((h) => precision(h.cells))),
      columns: runs.flatMap((h) => h.columns),
    };
  });
  const heavyShift = HEAVY_SHIFTS.map((kind) => ({
    kind,
    cells: pooled(results.map((r) => r.heavyShift[kind].cells)),
    recall: spread(results.map((r) => recall(r.heavyShift[kind].cells))),
    precision: spread(results.map((r) => precision(r.heavyShift[kind].cells))),
    pairs: results.map((r) => r.heavyShift[kind].pairs),
  }));
  const dirtyScores = results.flatMap((r) => r.tables.map((t) => t.mixed.score));
  const cleanScores = cleanTables.map((t) => t.score);
  const below = (xs: number[], bound: number) => xs.filter((x) => x < bound).length;
  const failing = (pick: (c: ClassSummary) => number, bound: number) => classes.filter((c) => c.pooled.items > 0 && !(pick(c) >= bound)).map((c) => c.cls);
  const recallFails = failing((c) => recall(c.pooled), TARGETS.recall);
  const precisionFails = failing((c) => precision(c.pooled), TARGETS.precision);
  const per10k = (1e4 * clean.marks) / Math.max(1, clean.cells);
  const targets = [
    { name: `recall ≥ ${TARGETS.recall} for every class`, pass: recallFails.length === 0, detail: recallFails.length ? `below: ${recallFails.join(', ')}` : 'all classes' },
    { name: `precision ≥ ${TARGETS.precision} for every class`, pass: precisionFails.length === 0, detail: precisionFails.length ? `below: ${precisionFails.join(', ')}` : 'all classes' },
    { name: `≤ ${TARGETS.falseAlarmsPer10k} false alarm per 10k clean cells`, pass: per10k <= TARGETS.falseAlarmsPer10k, detail: `${per10k.toFixed(2)} per 10k (${clean.marks} marks in ${clean.cells.toLocaleString('en-US')} cells)` },
    { name: `clean synthetic tables score ≥ ${TARGETS.cleanScore}`, pass: below(cleanScores, TARGETS.cleanScore) === 0, detail: `${below(cleanScores, TARGETS.cleanScore)} of ${cleanScores.length} below; min ${Math.min(...cleanScores)}` },
    ...heavy.map((h) => {
      const numeric = h.columns.filter(readAsNumbers).length;
      return {
        name: `heavy format variants (${shareRange(h.range)} of a column): read as numbers, recall and precision ≥ ${TARGETS.recall}`,
        pass: numeric === h.columns.length && recall(h.cells) >= TARGETS.recall && precision(h.cells) >= TARGETS.precision,
        detail: `${numeric} of ${h.columns.length} columns numeric; recall ${pct(recall(h.cells))}, precision ${pct(precision(h.cells))}`,
      };
    }),
    ...heavyShift.map((h) => ({
      name: `heavy ${h.kind}s (${mergeRange} of the rows): recall and precision ≥ ${TARGETS.recall}`,
      pass: recall(h.cells) >= TARGETS.recall && precision(h.cells) >= TARGETS.precision,
      detail: `${h.pairs.flat().length} column pairs; recall ${pct(recall(h.cells))}, precision ${pct(precision(h.cells))}`,
    })),
    { name: `dirty (mixed) tables score < ${TARGETS.dirtyScore}`, pass: dirtyScores.every((s) => s < TARGETS.dirtyScore), detail: `${dirtyScores.length - below(dirtyScores, TARGETS.dirtyScore)} of ${dirtyScores.length} at or above; max ${Math.max(...dirtyScores)}` },
  ];
  return {
    seeds: results.map((r) => r.seed),
    classes,
    mixed,
    heavy,
    heavyShift,
    clean,
    tables: results.map((r) => r.tables),
    targets,
    checks: results.reduce((n, r) => n + r.checks, 0),
    checkMs: results.reduce((n, r) => n + r.checkMs, 0),
  };
}

const pct = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : '  — ');
/** A rate as a percentage (0.03 → "3%"). */
const percent = (x: number) => `${Number((100 * x).toFixed(1))}%`;
const range = (s: Spread) => (Number.isFinite(s.mean) ? `${pct(s.mean)} [${pct(s.min)}–${pct(s.max)}]` : '—');
const top = (counts: Record<string, number>, n = 3) =>
  Object.entries(counts)
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ') || '—';
const table = (header: string[], rows: string[][]) => {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells: string[]) => cells.map((cell, c) => (c === cells.length - 1 ? cell : cell.padEnd(widths[c]))).join('  ');
  return [line(header), line(widths.map((w) => '─'.repeat(w))), ...rows.map(line)].join('\n');
};

export function formatReport(s: Summary, rates: { mixedRate: number; mixedDuplicateRate: number }): string {
  const out: string[] = [];
  const tablesPerSeed = s.tables[0]?.length ?? 0;
  out.push(`Seeds ${s.seeds.join(', ')}: ${tablesPerSeed} public tables and ${s.clean.tables.length / s.seeds.length} clean synthetic tables per seed; ${s.checks} checks.`);
  out.push('Figures: mean over seeds [min–max]; counts pooled over seeds. A mark is a distinct cell (or row) flagged by findings not already');
  out.push('reported on the table as published; precision = marks on injected errors / marks; recall = errors found / errors injected.');
  out.push('\n(a) Errors injected into public tables, one class per copy of a table');
  out.push(
    table(
      ['class', 'tables', 'errors', 'found', 'recall', 'marks', 'hits', 'precision', 'found by', 'false alarms by'],
      s.classes.map((c) => [
        c.cls,
        c.tables.toFixed(0),
        String(c.pooled.items),
        String(c.pooled.found),
        range(c.recall),
        String(c.pooled.marks),
        String(c.pooled.hits),
        range(c.precision),
        top(c.pooled.hitRules),
        top(c.pooled.falseRules),
      ]),
    ),
  );
  out.push('\nRecall per variant (errors):');
  for (const c of s.classes) {
    const variants = Object.entries(c.pooled.variants).sort((a, b) => b[1].items - a[1].items);
    out.push(`  ${c.cls}: ${variants.map(([v, t]) => `${v} ${pct(t.found / t.items)} (${t.items})`).join(' · ') || '—'}`);
  }
  const decoys = s.classes.find((c) => c.cls === 'outlier')?.pooled.decoyMarks ?? 0;
  out.push(`  outlier decoys ("254.0" for 254, not errors) flagged: ${decoys}`);

  for (const h of s.heavy) {
    const numeric = h.columns.filter(readAsNumbers);
    out.push(`\nHeavy format variants: ${shareRange(h.range)} of one measure column per table written with a unit, percent sign or currency (merged catalogues)`);
    out.push(`  cells: recall ${range(h.recall)}, precision ${range(h.precision)}  (${h.cells.items} rewritten cells, ${h.cells.marks} marks); found by ${top(h.cells.hitRules)}; false alarms by ${top(h.cells.falseRules)}`);
    out.push(`  columns read as numbers: ${numeric.length} of ${h.columns.length}, with their unit recorded: ${numeric.filter((c) => c.unit).length}; not read as numbers: ${h.columns.filter((c) => !numeric.includes(c)).map((c) => `${c.table}.${c.column} (${c.family}, ${pct(c.share)})`).join(', ') || '—'}`);
  }

  for (const hm of s.heavyShift) {
    const how = hm.kind === 'merge' ? 'two neighbouring fields as one ("Louisville, KY", state empty)' : 'one field\'s value alone in its neighbour\'s place ("KY" in city, state empty)';
    out.push(`\nHeavy ${hm.kind}s: a second source writing ${how} in ${mergeRange} of the rows`);
    out.push(`  cells (written there and emptied): recall ${range(hm.recall)}, precision ${range(hm.precision)}  (${hm.cells.items} cells, ${hm.cells.marks} marks); found by ${top(hm.cells.hitRules)}; false alarms by ${top(hm.cells.falseRules)}`);
    out.push(`  ${hm.pairs.flat().length} pairs; the first seed's (share of rows): ${(hm.pairs[0] ?? []).map((p) => `${p.table}.${p.left}+${p.right} ${pct(p.share)}`).join(', ') || '—'}`);
  }

  const m = s.mixed;
  out.push(`\nMixed: every class in one copy of each table (${percent(rates.mixedRate)} of cells, ${percent(rates.mixedDuplicateRate)} of rows duplicated), like the held-out evaluation`);
  out.push(`  cells: precision ${range(m.precision)}, recall ${range(m.recall)}, F1 ${range(m.f1)}  (${m.cells.items} error cells, ${m.cells.marks} marks, ${m.cells.hits} on errors)`);
  out.push(`  cells, the tables' own findings counted too (as on real dirty tables): precision ${range(m.rawPrecision)}, F1 ${range(m.rawF1)}`);
  out.push(`  inserted duplicate rows: recall ${range(m.rowRecall)}, precision of row findings ${range(m.rowPrecision)}  (${m.rows.items} rows)`);
  out.push(`  recall per class in the mix: ${s.classes.map((c) => `${c.cls} ${pct(c.mixedRecall.mean)}`).join(' · ')}`);
  out.push(`  false alarms by rule: ${top(m.cells.falseRules, 6)}`);

  out.push('\nPublic tables (first seed): own findings as published, per 10k cells; quality score as published → with the mixed errors');
  out.push(
    table(
      ['table', 'rows×cols', 'own /10k', 'own findings by rule', 'score', 'dirty score', 'classes placed'],
      (s.tables[0] ?? []).map((t) => [
        t.name,
        `${t.rows}×${t.columns}`,
        t.ownMarksPer10k.toFixed(0),
        top(t.ownRules, 2),
        t.ownScore.toFixed(1),
        t.mixed.score.toFixed(1),
        String(Object.values(t.placed).filter((n) => (n ?? 0) > 0).length),
      ]),
    ),
  );

  const c = s.clean;
  out.push(`\n(b) Clean synthetic tables: ${c.marks} marks in ${c.cells.toLocaleString('en-US')} clean cells = ${((1e4 * c.marks) / Math.max(1, c.cells)).toFixed(2)} per 10k (per seed ${range(c.per10k)})`);
  out.push(`  by rule: ${top(c.byRule, 10)}`);
  out.push(`  by column shape: ${top(c.byShape, 12)}`);
  out.push(`  column findings (not counted): ${top(c.columnFindings, 6)}`);
  const names = [...new Set(c.tables.map((t) => t.name))];
  out.push(`  quality scores (min over seeds): ${names.map((name) => `${name} ${Math.min(...c.tables.filter((t) => t.name === name).map((t) => t.score))}`).join(' · ')}`);

  out.push('\nTargets (issue #9)');
  for (const t of s.targets) out.push(`  ${t.pass ? 'PASS' : 'FAIL'}  ${t.name}: ${t.detail}`);
  return out.join('\n');
}
