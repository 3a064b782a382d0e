/** Number formatting shared by the panels (pure; unit-tested). */

export function formatNumber(value: number | null | undefined, digits = 4): string {
  if (value === null || value === undefined) return '—';
  if (!Number.isFinite(value)) return String(value);
  if (value !== 0 && (Math.abs(value) >= 1e9 || Math.abs(value) < 1e-4)) return value.toExponential(Math.max(0, digits - 2));
  if (Number.isInteger(value)) return value.toLocaleString('en-US');
  return Number(value.toPrecision(digits)).toLocaleString('en-US', { maximumFractionDigits: 12 });
}

export function formatPercent(share: number): string {
  if (share === 0) return '0%';
  if (share < 0.001) return '<0.1%';
  return `${(share * 100).toFixed(share < 0.1 ? 1 : 0)}%`;
}

/** A date column's statistic (epoch ms) as an ISO date. */
export function formatStatistic(value: number | null, kind: string): string {
  if (value === null) return '—';
  if (kind === 'date') return new Date(value).toISOString().slice(0, 10);
  if (kind === 'timestamp') return new Date(value).toISOString().replace('.000Z', 'Z');
  return formatNumber(value);
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(1)} s`;
  return `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
}
