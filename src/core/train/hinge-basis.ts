/**
 * A piecewise-linear basis for a linear model's inputs, so that a linear (or logistic) fit becomes an
 * additive model that bends: every continuous input x gets, beside itself, hinges max(0, x − t) at knots t
 * placed at quantiles of its training values (regression splines of degree 1). A fit on the expanded
 * inputs can follow a curved or threshold-shaped effect of each feature (a label that changes above some
 * weight, a price that saturates), which a straight line misses.
 *
 * An input is continuous when its training rows hold more distinct values than the basis has knots plus
 * one: one-hot indicators and booleans (two values) are left alone, and so is a count with a handful of
 * levels. Knots come from the training rows only (learnHingeBasis), so a model judged on other rows
 * (k-fold out-of-fold predictions) never sees their values; expandHinges applies them to any rows.
 */

/** One hinge: max(0, x[input] − at). */
export interface Hinge {
  input: number;
  at: number;
}

export interface HingeBasis {
  /** Inputs of the matrices it expands. */
  inputs: number;
  hinges: Hinge[];
}

/** The default: 4 knots per continuous input, at its training quintiles. */
export const DEFAULT_KNOTS = 4;

/**
 * Knots for each continuous input of the row-major `x` (`rows` × `inputs`): at the quantiles
 * 1/(knots+1) … knots/(knots+1) of its values, each distinct knot once, none at the maximum (a hinge
 * there is zero on every training row).
 */
export function learnHingeBasis(x: ArrayLike<number>, rows: number, inputs: number, knots = DEFAULT_KNOTS): HingeBasis {
  const hinges: Hinge[] = [];
  if (knots < 1 || rows === 0) return { inputs, hinges };
  const values = new Float64Array(rows);
  for (let j = 0; j < inputs; j++) {
    for (let i = 0; i < rows; i++) values[i] = x[i * inputs + j];
    values.sort();
    let distinct = 1;
    for (let i = 1; i < rows && distinct <= knots + 1; i++) if (values[i] !== values[i - 1]) distinct++;
    if (distinct <= knots + 1) continue;
    const max = values[rows - 1];
    let previous = -Infinity;
    for (let q = 1; q <= knots; q++) {
      const at = values[Math.floor((q / (knots + 1)) * (rows - 1))];
      if (at > previous && at < max) hinges.push({ input: j, at });
      previous = Math.max(previous, at);
    }
  }
  return { inputs, hinges };
}

/** The row-major `x` (`rows` × basis.inputs) with the basis's hinges appended: `rows` × (inputs + hinges). */
export function expandHinges(x: ArrayLike<number>, rows: number, basis: HingeBasis): Float64Array {
  const { inputs, hinges } = basis;
  const width = inputs + hinges.length;
  const out = new Float64Array(rows * width);
  for (let i = 0; i < rows; i++) {
    const from = i * inputs;
    const to = i * width;
    for (let j = 0; j < inputs; j++) out[to + j] = x[from + j];
    for (let h = 0; h < hinges.length; h++) {
      const z = x[from + hinges[h].input] - hinges[h].at;
      out[to + inputs + h] = z > 0 ? z : 0;
    }
  }
  return out;
}
