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

/** A factor within which two numbers are of one scale (the middle of a unit's numbers and of the plain ones). */
export const SAME_SCALE = 1.5;

/** Numbers a column writes in one unit: the unit, how many, and their middle value. */
export interface UnitNumbers {
  unit: string;
  count: number;
  middle: number;
}

/** How many times apart two positive numbers are, as a logarithm (Infinity where either is not positive). */
const logApart = (a: number, b: number) => (a > 0 && b > 0 ? Math.abs(Math.log(a / b)) : Infinity);

/** Plain numbers a column needs before their middle value tells its scale. */
export const MIN_PLAIN_NUMBERS = 10;

/**
 * Which numbers written with a unit to convert in a column of plain numbers (`plain` of them, their middle value
 * `plainMiddle`) that holds some in several units ("64.9 kg" and "146 lbs" among weights): to the unit written most
 * (ties: the first by name) among those whose numbers are on the plain numbers' scale (within SAME_SCALE: the plain
 * numbers' unit), the numbers of each other unit of its family that conversion brings onto that scale from off it
 * (pounds among kilograms: 146 is twice a weight of 75, 66.2 is one; grams too, though written more); a unit left out
 * is written onto numbers that are not in it ("7 kg" among days of the month), or is off the scale either way (some
 * other error), and keeps its numbers. `target` null: no unit is on that scale, and nothing is converted. Undefined
 * (no decision) with fewer than two units or fewer than MIN_PLAIN_NUMBERS plain numbers. The number-format rule's
 * fix and the cleaning step that normalizes numbers both decide by it.
 */
export function unitConversion(units: readonly UnitNumbers[], plain: number, plainMiddle: number): { target: string | null; convert: Set<string> } | undefined {
  if (units.length < 2 || plain < MIN_PLAIN_NUMBERS) return undefined;
  const [target] = units.filter((u) => logApart(u.middle, plainMiddle) < Math.log(SAME_SCALE)).sort((a, b) => b.count - a.count || (a.unit < b.unit ? -1 : 1));
  const convert = new Set<string>();
  if (!target) return { target: null, convert };
  for (const { unit, middle } of units) {
    if (unit === target.unit) continue;
    const converted = convertBetweenUnits(middle, unit, target.unit);
    // Converted onto the scale from off it: a unit's numbers that stay off the scale either way are some other error.
    if (converted !== null && logApart(converted, plainMiddle) < Math.log(SAME_SCALE) && logApart(middle, plainMiddle) >= Math.log(SAME_SCALE)) convert.add(unit);
  }
  return { target: target.unit, convert };
}

/** The middle one of some numbers (NaN for none). */
export function middleOf(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[sorted.length >> 1] : NaN;
}

/** How a message names the units of UNIT_RATIOS ("lb" → "pounds"). */
export const UNIT_NAMES: Readonly<Record<string, string>> = {
  mg: 'milligrams', g: 'grams', kg: 'kilograms', lb: 'pounds', lbs: 'pounds', oz: 'ounces', mm: 'millimetres', cm: 'centimetres', m: 'metres',
  km: 'kilometres', in: 'inches', ft: 'feet', yd: 'yards', mi: 'miles', ml: 'millilitres', cl: 'centilitres', l: 'litres', gal: 'gallons',
  ms: 'milliseconds', s: 'seconds', sec: 'seconds', min: 'minutes', h: 'hours', hr: 'hours', hrs: 'hours',
};

/** Two units of one family and how many of the smaller the larger holds (2.2046 lb in a kg, 2.54 cm in an inch). */
export interface UnitRatio {
  ratio: number;
  larger: string;
  smaller: string;
}

/** Ratios closer than this (relatively) are one ratio ("lb" and "lbs"). */
const SAME_RATIO = 0.01;
/** Smallest ratio kept: units nearer each other (a yard and a metre) leave numbers on one scale. */
const MIN_UNIT_RATIO = 1.5;
/** Largest ratio kept: a number written in a unit a hundred times smaller is seldom taken for one in the larger. */
const MAX_UNIT_RATIO = 100;

/**
 * The ratios between units of one family (UNIT_FACTORS) that are no power of ten (a decimal slip's: the outlier rule
 * reads those by their zeros), at least MIN_UNIT_RATIO, each once: at most MAX_UNIT_RATIO: the factors a number written in the
 * wrong unit is off by (pounds for kilograms, inches for centimetres, seconds for minutes).
 */
export const UNIT_RATIOS: readonly UnitRatio[] = (() => {
  const out: UnitRatio[] = [];
  for (const [larger, a] of Object.entries(UNIT_FACTORS)) {
    for (const [smaller, b] of Object.entries(UNIT_FACTORS)) {
      if (a.family !== b.family) continue;
      const ratio = a.factor / b.factor;
      const decades = Math.log10(ratio);
      if (ratio < MIN_UNIT_RATIO || ratio > MAX_UNIT_RATIO || Math.abs(decades - Math.round(decades)) < 0.01) continue;
      if (out.some((known) => Math.abs(known.ratio / ratio - 1) < SAME_RATIO)) continue;
      out.push({ ratio, larger, smaller });
    }
  }
  return out;
})();
