/** A number as a message quotes it: six significant digits at most, without trailing zeros (2.20462, 66.18, 1.2e-7). */
export function shownNumber(value: number): string {
  return String(Number(value.toPrecision(6)));
}
