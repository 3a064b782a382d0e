/**
 * Units convertible into each other, by family (mass, length, volume, time): the one table the cleaning step that
 * normalizes numbers and the number-format rule's fix convert with.
 */

/** Units convertible within a family: factor to the family's base unit. Keys are lower-case (normalized units). */
export const UNIT_FACTORS: Record<string, { family: string; factor: number }> = {
  mg: { family: 'mass', factor: 0.001 },
  g: { family: 'mass', factor: 1 },
  kg: { family: 'mass', factor: 1000 },
  lb: { family: 'mass', factor: 453.59237 },
  lbs: { family: 'mass', factor: 453.59237 },
  oz: { family: 'mass', factor: 28.349523125 },
  mm: { family: 'length', factor: 0.001 },
  cm: { family: 'length', factor: 0.01 },
  m: { family: 'length', factor: 1 },
  km: { family: 'length', factor: 1000 },
  in: { family: 'length', factor: 0.0254 },
  ft: { family: 'length', factor: 0.3048 },
  yd: { family: 'length', factor: 0.9144 },
  mi: { family: 'length', factor: 1609.344 },
  ml: { family: 'volume', factor: 0.001 },
  cl: { family: 'volume', factor: 0.01 },
  l: { family: 'volume', factor: 1 },
  gal: { family: 'volume', factor: 3.785411784 },
  ms: { family: 'time', factor: 0.001 },
  s: { family: 'time', factor: 1 },
  sec: { family: 'time', factor: 1 },
  min: { family: 'time', factor: 60 },
  h: { family: 'time', factor: 3600 },
  hr: { family: 'time', factor: 3600 },
  hrs: { family: 'time', factor: 3600 },
};

/** `value` written in unit `from` as a number in unit `to` (lower-case keys of UNIT_FACTORS); null when they are not of one family. */
export function convertBetweenUnits(value: number, from: string, to: string): number | null {
  const a = UNIT_FACTORS[from];
  const b = UNIT_FACTORS[to];
  if (!a || !b || a.family !== b.family) return null;
  return (value * a.factor) / b.factor;
}
