import * as z from 'zod/mini';
import { columnIndex } from '../frame';
import { defineStep, dropRowsWhere, eachNumber, mapColumns, py } from '../step';
import { QuantileAccumulator } from '../stats';
import { finiteNumber, numberText } from '../values';
import { robustScale } from '../robust-scale';
import { columnList, listed, nameList } from './options';

const options = z.object({
  columns: columnList,
  bounds: z._default(z.enum(['robust', 'quantiles']), 'robust').check(z.describe('"robust": median ± threshold robust deviations (median and MAD, on a log scale for skewed positive columns); "quantiles": the lower and upper quantiles.')),
  threshold: z._default(z.number().check(z.positive()), 5).check(z.describe('Robust bounds: how many robust standard deviations from the median.')),
  lower: z._default(z.number().check(z.minimum(0)).check(z.maximum(1)), 0.01).check(z.describe('Quantile bounds: the lower quantile.')),
  upper: z._default(z.number().check(z.minimum(0)).check(z.maximum(1)), 0.99).check(z.describe('Quantile bounds: the upper quantile.')),
  action: z._default(z.enum(['cap', 'drop-rows', 'empty']), 'cap').check(z.describe('Cap values at the bounds (winsorize), drop their rows, or empty the cells.')),
});
type Options = z.infer<typeof options>;

const fitted = z.object({ bounds: z.record(z.string(), z.nullable(z.tuple([z.number(), z.number()]))).check(z.describe('Per column: [low, high]; null when the column has no spread.')) });
type Bounds = z.infer<typeof fitted>['bounds'];

function boundsOf(values: QuantileAccumulator, o: Options): [number, number] | null {
  if (values.size === 0) return null;
  if (o.bounds === 'quantiles') return [values.quantile(o.lower), values.quantile(o.upper)];
  const scale = robustScale(values.sortedValues());
  if (!scale) return null;
  const { log, center, spread } = scale;
  const low = center - o.threshold * spread;
  const high = center + o.threshold * spread;
  // Bounds stay finite numbers (a recipe is JSON): an overflowing bound becomes the largest double.
  const finite = (v: number) => Math.max(-Number.MAX_VALUE, Math.min(Number.MAX_VALUE, v));
  return log ? [finite(Math.exp(low)), finite(Math.exp(high))] : [finite(low), finite(high)];
}

/** Rows (and cells) outside the bounds of the listed columns. */
function outside(value: number | null, bounds: [number, number] | null | undefined): -1 | 0 | 1 {
  if (value === null || !bounds) return 0;
  return value < bounds[0] ? -1 : value > bounds[1] ? 1 : 0;
}

export const handleOutliers = defineStep({
  id: 'handle-outliers',
  title: 'Cap or drop outliers',
  description: 'Caps numbers outside learned bounds at the bounds (winsorizing), or drops their rows, or empties them.',
  options: options.check(z.refine((o) => o.lower < o.upper, { message: 'the lower quantile must be below the upper one', path: ['lower'] })),
  fitted,
  columns: listed,
  dropsRows: (o) => o.action === 'drop-rows',
  fit(o, _schema, context) {
    const values = new Map(o.columns.map((c) => [c, new QuantileAccumulator()]));
    return {
      add: (frame) => eachNumber(frame, values.keys(), context.naTokens, (name, v) => values.get(name)!.add(v)),
      finish: () => ({ bounds: Object.fromEntries([...values].map(([name, acc]) => [name, boundsOf(acc, o)])) as Bounds }),
    };
  },
  apply(frame, o, learned) {
    const bounds = learned?.bounds ?? {};
    if (o.action === 'drop-rows') {
      const cells = o.columns.map((name) => ({ cells: frame.columns[columnIndex(frame.schema, name)], bounds: bounds[name] }));
      return dropRowsWhere(frame, (r) => cells.some((c) => outside(finiteNumber(c.cells[r]), c.bounds) !== 0));
    }
    return mapColumns(frame, o.columns, (cell, column) => {
      const b = bounds[column];
      const side = outside(finiteNumber(cell), b);
      if (side === 0 || !b) return undefined;
      return o.action === 'empty' ? null : numberText(side < 0 ? b[0] : b[1]);
    });
  },
  pandas(o, learned) {
    const lines: string[] = [];
    const bounds = learned?.bounds ?? {};
    for (const c of o.columns) {
      const b = bounds[c];
      if (!b) {
        lines.push(`# ${c}: no bounds (no spread)`);
        continue;
      }
      lines.push(`x = df[${py(c)}].map(finite_number).astype(float)`);
      if (o.action === 'drop-rows') lines.push(`df = df[~((x < ${py(b[0])}) | (x > ${py(b[1])}))]`);
      else if (o.action === 'empty') lines.push(`df[${py(c)}] = df[${py(c)}].mask((x < ${py(b[0])}) | (x > ${py(b[1])}), "")`);
      else lines.push(`df[${py(c)}] = df[${py(c)}].mask(x < ${py(b[0])}, js_num(${py(b[0])})).mask(x > ${py(b[1])}, js_num(${py(b[1])}))`);
    }
    return { lines, helpers: ['finite_number', 'js_num'] };
  },
  summary: (o) => `${o.action === 'cap' ? 'Cap' : o.action === 'drop-rows' ? 'Drop rows with' : 'Empty'} outliers in ${nameList(o.columns)} (${o.bounds === 'robust' ? `robust, ${o.threshold}×` : `quantiles ${o.lower}–${o.upper}`})`,
});
