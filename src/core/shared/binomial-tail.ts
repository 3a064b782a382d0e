/**
 * P(X ≥ m) for X binomial(n, p): how likely at least m of n draws hit an outcome of probability p by chance
 * (exact sum of the terms from m on, each from the one before).
 */
export function binomialTail(n: number, m: number, p: number): number {
  if (m <= 0) return 1;
  if (m > n || p <= 0) return 0;
  if (p >= 1) return 1;
  let logTerm = m * Math.log(p) + (n - m) * Math.log1p(-p);
  for (let i = 0; i < m; i++) logTerm += Math.log(n - i) - Math.log(i + 1);
  let term = Math.exp(logTerm);
  let sum = 0;
  const odds = p / (1 - p);
  for (let i = m; i <= n; i++) {
    sum += term;
    // Past the mean the terms only fall: stop once they no longer count.
    if (i > n * p && term < 1e-17 * sum) break;
    term *= ((n - i) / (i + 1)) * odds;
  }
  return Math.min(1, sum);
}
