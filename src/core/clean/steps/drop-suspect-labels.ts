import * as z from 'zod/mini';
import { Table } from 'apache-arrow';
import { columnIndex, type Cell, type Frame } from '../frame';
import { defineStep, dropRowsWhere, py } from '../step';
import { arrowSchemaOf, frameToRecordBatch } from '../typed';
import { findSuspectLabels, SUSPECT_DEFAULTS } from '../../train/suspect-labels';
import type { ColumnInfo } from '../../table/model';

const options = z.object({
  target: z.string().check(z.minLength(1)).check(z.describe('The label column.')),
  features: z.optional(z.array(z.string().check(z.minLength(1)))).check(z.describe('Feature columns (default: every usable column but the target, as training picks them).')),
  folds: z._default(z.int().check(z.minimum(2)).check(z.maximum(20)), SUSPECT_DEFAULTS.folds).check(z.describe('Folds of the out-of-fold predictions.')),
  seed: z._default(z.int(), SUSPECT_DEFAULTS.seed).check(z.describe('Seed of the fold assignment.')),
  minErrorProbability: z
    ._default(z.number().check(z.gt(0)).check(z.lt(1)), SUSPECT_DEFAULTS.minErrorProbability)
    .check(z.describe('A row is dropped when the estimated probability that its label is wrong exceeds this.')),
});
type Options = z.infer<typeof options>;

/** The rows of the frames seen, with the columns the model needs. */
class Collected {
  rows: number[] = [];
  cells: Cell[][] = [];
  names: string[] = [];

  add(frame: Frame, o: Options): void {
    if (this.names.length === 0) this.names = [o.target, ...(o.features ?? frame.schema.map((c) => c.name).filter((n) => n !== o.target))];
    const indices = this.names.map((n) => columnIndex(frame.schema, n));
    if (this.cells.length === 0) this.cells = this.names.map(() => []);
    for (let r = 0; r < frame.length; r++) {
      this.rows.push(frame.rows[r]);
      indices.forEach((c, k) => this.cells[k].push(frame.columns[c][r]));
    }
  }
}

export const dropSuspectLabels = defineStep({
  id: 'drop-suspect-labels',
  title: 'Drop suspect labels',
  description:
    'Drops rows whose label is more likely wrong than right, judged by a linear model trained on the other folds and a noise model fitted to its predictions (for classes: the given label improbable where another class is likely; for numbers: a value unrelated to the row\'s prediction).',
  options,
  fitted: z.object({ rows: z.array(z.int().check(z.minimum(0))).check(z.describe('Source data rows (0-based) whose label looks wrong; specific to the file the recipe was fitted on.')) }),
  rowSpecific: true,
  columns: (o, schema) => [o.target, ...(o.features ?? schema.map((c) => c.name).filter((n) => n !== o.target))],
  dropsRows: () => true,
  fit(o, schema, context) {
    const collected = new Collected();
    return {
      add: (frame) => collected.add(frame, o),
      finish() {
        const specs = collected.names.map((n) => schema.find((c) => c.name === n) ?? { name: n, kind: 'string' as const });
        const frame: Frame = { schema: specs, columns: collected.cells, rows: Float64Array.from(collected.rows), malformed: new Uint8Array(collected.rows.length), length: collected.rows.length };
        const arrowSchema = arrowSchemaOf(specs);
        const table = new Table(arrowSchema, [frameToRecordBatch(frame, arrowSchema, context.naTokens, [])]);
        const columns: ColumnInfo[] = specs.map((c, index) => ({ index, name: c.name, kind: c.kind, arrowType: String(arrowSchema.fields[index].type) }));
        const features = o.features ?? [];
        const result = findSuspectLabels({ table, columns }, { target: o.target, features, folds: o.folds, seed: o.seed, minErrorProbability: o.minErrorProbability });
        return { rows: result.suspects.map((s) => collected.rows[s.row]).sort((a, b) => a - b) };
      },
    };
  },
  apply(frame, _o, learned) {
    const rows = new Set(learned?.rows ?? []);
    return dropRowsWhere(frame, (r) => rows.has(frame.rows[r]));
  },
  pandas(_o, learned) {
    return { lines: [`df = df.drop(index=${py(learned?.rows ?? [])}, errors="ignore")`] };
  },
  summary: (o, learned) => `Drop ${learned ? `${learned.rows.length} ` : ''}rows whose "${o.target}" label looks wrong`,
});
