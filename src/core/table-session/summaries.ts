/** Column header summaries from a profile: missing share, a histogram or the top values. */
import type { ColumnProfile, TableProfile } from '../profile/types';
import { formatEpochMs } from '../ingest/render-text';
import type { ColumnSummary } from './types';

/** Top values a header shows. */
const TOP_VALUES = 5;

function formatEdge(value: number, column: ColumnProfile): string {
  if (column.kind === 'date' || column.kind === 'timestamp') return formatEpochMs(value, column.kind);
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(4)));
}

export function columnSummary(column: ColumnProfile): ColumnSummary {
  const summary: ColumnSummary = { missing: column.count ? column.nulls / column.count : 0, distinct: column.distinct };
  const bins = column.histogram;
  if (bins && bins.length > 0) {
    summary.histogram = { counts: bins.map((b) => b.count), from: formatEdge(bins[0].lower, column), to: formatEdge(bins[bins.length - 1].upper, column) };
  } else if (column.topValues.length > 0 && column.count > 0) {
    summary.topValues = column.topValues.slice(0, TOP_VALUES).map((t) => ({ value: t.value, share: t.count / column.count }));
  }
  return summary;
}

export function columnSummaries(profile: TableProfile): ColumnSummary[] {
  return profile.columns.map(columnSummary);
}
