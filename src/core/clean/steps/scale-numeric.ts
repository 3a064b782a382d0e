import * as z from 'zod/mini';
import { defineStep, eachNumber, mapColumns, py } from '../step';
import { MomentAccumulator } from '../stats';
import { finiteNumber, numberText } from '../values';
import { columnList, listed, nameList } from './options';

const parameters = z.object({ center: z.number(), scale: z.number().check(z.positive()) });

export const scaleNumeric = defineStep({
  id: 'scale-numeric',
  title: 'Standardize or normalize',
  description: 'Rescales numeric columns: standardize to mean 0 and standard deviation 1 (z-scores), or min–max normalize to [0, 1].',
  options: z.object({
    columns: columnList,
    method: z._default(z.enum(['standard', 'minmax']), 'standard').check(z.describe('"standard": (x − mean) / std (population std, as scikit-learn); "minmax": (x − min) / (max − min).')),
  }),
  fitted: z.object({ params: z.record(z.string(), z.nullable(parameters)).check(z.describe('Per column: x becomes (x − center) / scale; null for a constant column (left as is).')) }),
  columns: listed,
  fit(o, _schema, context) {
    const moments = new Map(o.columns.map((c) => [c, new MomentAccumulator()]));
    return {
      add: (frame) => eachNumber(frame, moments.keys(), context.naTokens, (name, v) => moments.get(name)!.add(v)),
      finish() {
        const params: Record<string, { center: number; scale: number } | null> = {};
        for (const [name, m] of moments) {
          const [center, scale] = o.method === 'standard' ? [m.mean, m.std] : [m.min, m.max - m.min];
          params[name] = m.count > 0 && scale > 0 && Number.isFinite(scale) ? { center, scale } : null;
        }
        return { params };
      },
    };
  },
  schema: (input, o) => input.map((c) => (o.columns.includes(c.name) ? { name: c.name, kind: 'float' as const } : c)),
  apply(frame, o, learned) {
    return mapColumns(frame, o.columns, (cell, column) => {
      const p = learned?.params[column];
      const v = p ? finiteNumber(cell) : null;
      return v === null || !p ? undefined : numberText((v - p.center) / p.scale);
    });
  },
  pandas(o, learned) {
    const lines: string[] = [];
    for (const c of o.columns) {
      const p = learned?.params[c];
      if (!p) {
        lines.push(`# ${c}: constant, left as is`);
        continue;
      }
      lines.push(`x = df[${py(c)}].map(finite_number).astype(float)`, `df[${py(c)}] = df[${py(c)}].mask(x.notna(), ((x - ${py(p.center)}) / ${py(p.scale)}).map(js_num))`);
    }
    return { lines, helpers: ['finite_number', 'js_num'] };
  },
  summary: (o) => `${o.method === 'standard' ? 'Standardize' : 'Min–max normalize'} ${nameList(o.columns)}`,
});
