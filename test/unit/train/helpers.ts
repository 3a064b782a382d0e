/** Test helpers for training: Arrow tables from plain arrays, the vega-datasets sets, closed-form least squares. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { Bool, DateDay, Dictionary, Float64, Int32, Table, Utf8, vectorFromArray, type DataType, type Vector } from 'apache-arrow';
import type { ColumnInfo, ColumnKind } from '../../../src/core/table/model';
import type { TrainingInput } from '../../../src/core/train/columns';
import { defaultTrainingConfig } from '../../../src/core/train/defaults';
import type { TrainingConfig } from '../../../src/core/train/types';

export type Cell = number | string | boolean | Date | null;

function kindOf(values: Cell[]): ColumnKind {
  const present = values.filter((v) => v !== null);
  if (present.length === 0) return 'empty';
  if (present.every((v) => typeof v === 'boolean')) return 'boolean';
  if (present.every((v) => v instanceof Date)) return 'date';
  if (present.every((v) => typeof v === 'number')) return present.every((v) => Number.isInteger(v)) ? 'integer' : 'float';
  return 'string';
}

function vectorOf(values: Cell[], kind: ColumnKind): Vector {
  const type: DataType =
    kind === 'boolean' ? new Bool() : kind === 'date' ? new DateDay() : kind === 'integer' ? new Int32() : kind === 'float' ? new Float64() : new Dictionary(new Utf8(), new Int32());
  if (kind === 'empty') return vectorFromArray(values.map(() => null), new Float64());
  return vectorFromArray(values as never[], type);
}

/** A training input from columns of plain values (kinds inferred: integer, float, boolean, date, string). */
export function tableInput(data: Record<string, Cell[] | Float64Array>, kinds: Record<string, ColumnKind> = {}): TrainingInput {
  const vectors: Record<string, Vector> = {};
  const columns: ColumnInfo[] = [];
  Object.entries(data).forEach(([name, raw], index) => {
    const values: Cell[] = raw instanceof Float64Array ? Array.from(raw) : raw;
    const kind = kinds[name] ?? (raw instanceof Float64Array ? 'float' : kindOf(values));
    const vector = kind === 'float' && raw instanceof Float64Array ? vectorFromArray(raw) : vectorOf(values, kind);
    vectors[name] = vector;
    columns.push({ index, name, kind, arrowType: String(vector.type) });
  });
  return { table: new Table(vectors), columns };
}

function vegaData(file: string): Record<string, Cell>[] {
  const req = createRequire(__filename);
  // vega-datasets restricts its exports; locate the package folder through node_modules.
  let dir = path.resolve(__dirname, '../../../node_modules/vega-datasets');
  try {
    dir = path.dirname(req.resolve('vega-datasets/package.json'));
  } catch {
    // Exports hide package.json: keep the node_modules path.
  }
  return JSON.parse(readFileSync(path.join(dir, 'data', file), 'utf8')) as Record<string, Cell>[];
}

function columnsOf(rows: Record<string, Cell>[]): Record<string, Cell[]> {
  const out: Record<string, Cell[]> = {};
  for (const key of Object.keys(rows[0])) out[key] = rows.map((r) => (r[key] === undefined ? null : r[key]));
  return out;
}

/** vega-datasets cars.json: 406 cars, Miles_per_Gallon (8 missing) and Horsepower (6 missing). */
export function carsInput(): TrainingInput {
  const cols = columnsOf(vegaData('cars.json'));
  cols.Year = cols.Year.map((v) => (typeof v === 'string' ? new Date(v) : null));
  return tableInput(cols);
}

/** vega-datasets penguins.json: 344 penguins of 3 species. */
export function penguinsInput(): TrainingInput {
  return tableInput(columnsOf(vegaData('penguins.json')));
}

export function config(target: string, overrides: Partial<TrainingConfig> = {}): TrainingConfig {
  return { ...defaultTrainingConfig('/nonexistent.csv', target), backend: 'cpu', ...overrides };
}

/**
 * Ordinary least squares with an intercept by the normal equations (double precision, Gaussian
 * elimination with partial pivoting). `x` is row-major rows × d. Returns [intercept, w_1..w_d].
 */
export function leastSquares(x: ArrayLike<number>, y: ArrayLike<number>, rows: number, d: number): Float64Array {
  const p = d + 1;
  const a = Array.from({ length: p }, () => new Float64Array(p + 1));
  const row = new Float64Array(p);
  for (let i = 0; i < rows; i++) {
    row[0] = 1;
    for (let j = 0; j < d; j++) row[j + 1] = x[i * d + j];
    for (let r = 0; r < p; r++) {
      for (let c = 0; c < p; c++) a[r][c] += row[r] * row[c];
      a[r][p] += row[r] * y[i];
    }
  }
  for (let col = 0; col < p; col++) {
    let pivot = col;
    for (let r = col + 1; r < p; r++) if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) pivot = r;
    [a[col], a[pivot]] = [a[pivot], a[col]];
    for (let r = 0; r < p; r++) {
      if (r === col) continue;
      const f = a[r][col] / a[col][col];
      for (let c = col; c <= p; c++) a[r][c] -= f * a[col][c];
    }
  }
  return Float64Array.from({ length: p }, (_, r) => a[r][p] / a[r][r]);
}

/** Normal-distributed numbers from a uniform generator (Box–Muller). */
export function gaussian(random: () => number): () => number {
  return () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

export const close = (actual: number, expected: number, relative: number, message = ''): boolean =>
  Math.abs(actual - expected) <= relative * Math.max(Math.abs(expected), 1e-12) || (console.error(`${message}: ${actual} vs ${expected}`), false);
