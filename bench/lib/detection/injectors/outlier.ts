/**
 * Class 6: gross numeric errors, robust to the column's shape. In every measure column (skewed,
 * zero-inflated, heavy-tailed, discrete alike): 3 × the column's largest value, a ×10/×100/×1000 unit-scale
 * slip that lands at least twice as far from 0 as any clean value, a sign flip in a column with no negative value, and in integer
 * columns such a slip written as "2540.0". Each error lies outside the range of the column's clean values,
 * so a detector can settle it without knowing the table. Decoys: a few integers written "254.0" for 254 —
 * the same number, not an error (findings on them are false alarms).
 */
import { decimalsOf, isMeasure, parseNumber, type ColumnFacts } from '../columns';
import { randomRow, type Injection, type Injector } from '../inject';

/** Unit-scale slips: ×10^1 … ×10^MAX_POWER. */
const MAX_POWER = 3;

/** `value × 10^k` written with `decimals − k` decimals (at least 0). */
function scaled(value: number, power: number, decimals: number): string {
  return (value * 10 ** power).toFixed(Math.max(0, decimals - power));
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : NaN;
}

interface Column {
  facts: ColumnFacts;
  /** Largest |clean value|: an error must leave this range. */
  bound: number;
  positiveMedian: number;
}

function attempt(ctx: Injection, column: Column): boolean {
  const { facts, bound } = column;
  const row = randomRow(ctx);
  const text = ctx.text(row, facts.index);
  const value = parseNumber(text);
  if (Number.isNaN(value) || !ctx.hasRoom('outlier', facts.index)) return false;
  const decimals = decimalsOf(text);
  const variants: [string, number][] = [['max-x3', 2], ['scale', 3]];
  if (facts.min >= 0) variants.push(['sign-flip', 1.5]);
  if (facts.integer) variants.push(['float-text', 1]);
  let variant = ctx.rng.weighted(variants);
  let dirty: string;
  if (variant === 'max-x3') {
    if (facts.max <= 0) return false;
    dirty = (3 * facts.max).toFixed(Math.max(decimals, decimalsOf(String(facts.max))));
  } else if (variant === 'scale' || variant === 'float-text') {
    const power = ctx.rng.int(1, MAX_POWER);
    if (value === 0 || Math.abs(value) * 10 ** power < 2 * bound) return false;
    dirty = scaled(value, power, decimals);
    if (variant === 'float-text') dirty = `${dirty}.0`;
    else variant = `x${10 ** power}`;
  } else {
    if (value <= 0 || value < column.positiveMedian) return false;
    dirty = `-${text}`;
  }
  return ctx.edit('outlier', variant, [{ row, column: facts.index, text: dirty }]);
}

export const outlierInjector: Injector = {
  cls: 'outlier',
  description: 'a gross numeric error outside the column\'s clean range: 3 × its largest value, a ×10/×100/×1000 slip, a sign flip where no value is negative, a slip written "2540.0" in an integer column; decoys "254.0" for 254 must not be flagged',
  inject(ctx, count) {
    const columns: Column[] = ctx.facts
      .filter((f) => isMeasure(f))
      .map((facts) => {
        const present = [...facts.numbers].filter((v) => !Number.isNaN(v));
        return { facts, bound: Math.max(Math.abs(facts.min), Math.abs(facts.max)), positiveMedian: median(present.filter((v) => v > 0)) };
      });
    if (columns.length === 0) return 0;
    const placed = ctx.place(count, () => attempt(ctx, ctx.rng.pick(columns)));
    // Decoys: integers written with ".0", as some exports do; the same number, not an error.
    const integers = columns.filter((c) => c.facts.integer);
    if (integers.length > 0)
      ctx.place(Math.ceil(placed / 6), () => {
        const { facts } = ctx.rng.pick(integers);
        const row = randomRow(ctx);
        const text = ctx.text(row, facts.index);
        return /^-?\d+$/.test(text) && ctx.decoy({ row, column: facts.index, text: `${text}.0` });
      });
    return placed;
  },
};
