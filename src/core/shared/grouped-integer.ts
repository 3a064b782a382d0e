/**
 * Integers in messages, written as `toLocaleString('en-US')` writes them (digits grouped by three, with commas)
 * without it: the first call of toLocaleString loads the locale data (≈ 20 ms), which every check worker would
 * pay for a summary's counts.
 */
export function groupedInteger(n: number): string {
  if (!Number.isSafeInteger(n)) return n.toLocaleString('en-US');
  const digits = String(Math.abs(n));
  const head = ((digits.length - 1) % 3) + 1;
  let grouped = digits.slice(0, head);
  for (let i = head; i < digits.length; i += 3) grouped += `,${digits.slice(i, i + 3)}`;
  return n < 0 || Object.is(n, -0) ? `-${grouped}` : grouped;
}
