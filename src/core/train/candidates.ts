/**
 * Which columns can be targets (type, missing %, auto task), and which features to leave out for a target
 * (constant, empty, identifiers, or leaking the target) with the reason: the one decision the training
 * pickers (through the training job), the CLI and preparation use. Does not depend on the quality engine.
 */
import type { ColumnKind } from '../table/model';
import type { TaskKind } from './types';
import { type ColumnCache, type RawColumn, type TrainingInput, autoTask, distinctCount, missingCount, readColumn } from './columns';
import { looksLikeIdentifier } from '../shared/identifier';
import { TASK_LABELS } from './target';

export interface TargetCandidate {
  name: string;
  /** Column index in the table. */
  index: number;
  kind: ColumnKind;
  missing: number;
  /** 0–100. */
  missingPercent: number;
  distinct: number;
  usable: boolean;
  /** Why the column cannot be a target. */
  reason?: string;
  /** What 'auto' would train for this target. */
  task?: TaskKind;
  /** One line for a picker, e.g. "float · 1.2% missing · 345 distinct · regression". */
  description: string;
}


function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : (100 * part) / whole;
}

/** Each column's type, missing share, distinct count, whether it can be a target and the auto task. */
export function describeTargetCandidates(input: TrainingInput): TargetCandidate[] {
  const n = input.table.numRows;
  return input.columns.map((info) => {
    const column = readColumn(input, info);
    const missing = column ? missingCount(column) : n;
    const distinct = column ? distinctCount(column) : 0;
    const auto = autoTask(info, column);
    let usable = 'task' in auto;
    let reason = 'reason' in auto ? auto.reason : undefined;
    if (usable && missing === n) {
      usable = false;
      reason = 'every value is missing';
    } else if (usable && distinct < 2) {
      usable = false;
      reason = 'constant: only one distinct value';
    }
    const missingPercent = percent(missing, n);
    const parts = [info.kind, `${missingPercent.toFixed(missingPercent > 0 && missingPercent < 0.1 ? 2 : 1)}% missing`, `${distinct} distinct`];
    if (usable && 'task' in auto) parts.push(TASK_LABELS[auto.task]);
    else if (reason) parts.push(`not usable: ${reason}`);
    const candidate: TargetCandidate = { name: info.name, index: info.index, kind: info.kind, missing, missingPercent, distinct, usable, description: parts.join(' · ') };
    if (reason && !usable) candidate.reason = reason;
    if (usable && 'task' in auto) candidate.task = auto.task;
    return candidate;
  });
}

export type ExclusionKind = 'constant' | 'empty' | 'unsupported' | 'identifier' | 'leakage';

export interface FeatureExclusion {
  name: string;
  kind: ExclusionKind;
  /** Shown next to the pre-deselected column, e.g. "possible leakage: correlation 0.9998 with the target". */
  reason: string;
}

export interface ExclusionOptions {
  /** |Pearson r| at or above which a numeric feature counts as leaking a numeric target (default 0.999). */
  correlationThreshold?: number;
  /** Share of rows a one-to-one mapping must explain to count as leakage (default 0.995). */
  mappingThreshold?: number;
}

function pearson(a: Float64Array, b: Float64Array): { r: number; pairs: number } {
  let n = 0;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x !== x || y !== y || !Number.isFinite(x) || !Number.isFinite(y)) continue;
    n++;
    ma += (x - ma) / n;
    mb += (y - mb) / n;
  }
  if (n < 3) return { r: NaN, pairs: n };
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x !== x || y !== y || !Number.isFinite(x) || !Number.isFinite(y)) continue;
    sab += (x - ma) * (y - mb);
    saa += (x - ma) * (x - ma);
    sbb += (y - mb) * (y - mb);
  }
  return { r: saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : NaN, pairs: n };
}

/** Value keys (category code or number) for the mapping check; NaN = missing. */
function keysOf(column: RawColumn): Float64Array {
  if (column.type === 'numeric') return column.values;
  const out = new Float64Array(column.codes.length);
  for (let i = 0; i < out.length; i++) out[i] = column.codes[i] < 0 ? NaN : column.codes[i];
  return out;
}

/** Share of rows (with both values) explained by the best target value per feature value. */
function determines(from: Float64Array, to: Float64Array): number {
  const byValue = new Map<number, Map<number, number>>();
  let total = 0;
  for (let i = 0; i < from.length; i++) {
    const a = from[i];
    const b = to[i];
    if (a !== a || b !== b) continue;
    total++;
    let inner = byValue.get(a);
    if (!inner) byValue.set(a, (inner = new Map()));
    inner.set(b, (inner.get(b) ?? 0) + 1);
  }
  if (total === 0) return 0;
  let explained = 0;
  for (const inner of byValue.values()) {
    let best = 0;
    for (const c of inner.values()) if (c > best) best = c;
    explained += best;
  }
  return explained / total;
}

const MAPPING_MAX_DISTINCT = 1000;

/**
 * Features to leave out for a target, with the reason: empty, constant, unsupported type, identifier
 * (text with most values distinct, or named like an id with every value distinct), or possible leakage (a
 * numeric feature perfectly correlated with the target, or a feature that maps one-to-one onto the
 * target's values).
 */
export function suggestFeatureExclusions(input: TrainingInput, target: string, options: ExclusionOptions = {}, cache?: ColumnCache): FeatureExclusion[] {
  const correlationThreshold = options.correlationThreshold ?? 0.999;
  const mappingThreshold = options.mappingThreshold ?? 0.995;
  const targetInfo = input.columns.find((c) => c.name === target);
  const targetColumn = targetInfo ? readColumn(input, targetInfo, cache) : undefined;
  const targetDistinct = targetColumn ? distinctCount(targetColumn, MAPPING_MAX_DISTINCT) : 0;
  const targetKeys = targetColumn ? keysOf(targetColumn) : undefined;
  const out: FeatureExclusion[] = [];
  for (const info of input.columns) {
    if (info.name === target) continue;
    const column = readColumn(input, info, cache);
    if (!column) {
      out.push(info.kind === 'empty' ? { name: info.name, kind: 'empty', reason: 'empty' } : { name: info.name, kind: 'unsupported', reason: `unsupported type ${info.arrowType}` });
      continue;
    }
    const missing = missingCount(column);
    const present = input.table.numRows - missing;
    if (present === 0) {
      out.push({ name: info.name, kind: 'empty', reason: 'empty' });
      continue;
    }
    const distinct = distinctCount(column, MAPPING_MAX_DISTINCT);
    if (distinct <= 1) {
      out.push({ name: info.name, kind: 'constant', reason: 'constant' });
      continue;
    }
    const exact = column.type === 'categorical' && distinct > MAPPING_MAX_DISTINCT ? distinctCount(column) : distinct;
    if (column.type === 'categorical' && present >= 20 && exact > 0.5 * present) {
      out.push({ name: info.name, kind: 'identifier', reason: `identifier-like text (${exact} distinct values in ${present} rows)` });
      continue;
    }
    if (looksLikeIdentifier(info.name) && (distinct > MAPPING_MAX_DISTINCT ? distinctCount(column) : distinct) === present) {
      out.push({ name: info.name, kind: 'identifier', reason: `identifier (named like one, ${present} distinct values)` });
      continue;
    }
    if (!targetColumn || !targetKeys) continue;
    if (column.type === 'numeric' && targetColumn.type === 'numeric') {
      const { r } = pearson(column.values, targetColumn.values);
      if (Math.abs(r) >= correlationThreshold) {
        out.push({ name: info.name, kind: 'leakage', reason: `possible leakage: correlation ${r.toFixed(4)} with the target` });
        continue;
      }
    }
    // A one-to-one mapping says something only when values repeat (all-distinct columns map trivially).
    if (distinct <= MAPPING_MAX_DISTINCT && distinct <= present / 2 && targetDistinct >= 2 && targetDistinct <= MAPPING_MAX_DISTINCT) {
      const keys = keysOf(column);
      if (determines(keys, targetKeys) >= mappingThreshold && determines(targetKeys, keys) >= mappingThreshold) {
        out.push({ name: info.name, kind: 'leakage', reason: 'possible leakage: maps one-to-one onto the target values' });
      }
    }
  }
  return out;
}
