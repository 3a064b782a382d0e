/**
 * Golden-section search for the minimum of a function that is convex (unimodal) on [lo, hi]: each step keeps
 * the part of the interval that holds the smaller of two inner values, until `done(width, steps)` says so.
 * Returns the middle of the last interval.
 */
export function minimizeConvex(f: (x: number) => number, lo: number, hi: number, done: (width: number, steps: number) => boolean): number {
  const golden = (Math.sqrt(5) - 1) / 2;
  let a = hi - golden * (hi - lo);
  let b = lo + golden * (hi - lo);
  let fa = f(a);
  let fb = f(b);
  for (let steps = 0; !done(hi - lo, steps); steps++) {
    if (fa < fb) {
      hi = b;
      b = a;
      fb = fa;
      a = hi - golden * (hi - lo);
      fa = f(a);
    } else {
      lo = a;
      a = b;
      fa = fb;
      b = lo + golden * (hi - lo);
      fb = f(b);
    }
  }
  return (lo + hi) / 2;
}
