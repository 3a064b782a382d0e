/** Pure pieces of the report view (unit-tested without a browser). */
import type { ColumnProfile } from '../../src/core/profile/types';
import type { Finding } from '../../src/core/quality/finding';
import type { FindingFilter } from '../../src/shared/protocol/report';

export type { FindingFilter };

export function filterFindings(finding: Finding, filter: FindingFilter): boolean {
  if (filter.severity !== 'all' && finding.severity !== filter.severity) return false;
  if (filter.rule !== 'all' && finding.rule !== filter.rule) return false;
  if (filter.column !== 'all' && finding.column !== filter.column) return false;
  if (filter.text && !finding.message.toLowerCase().includes(filter.text.toLowerCase())) return false;
  return true;
}

export interface HistogramBars {
  labels: string[];
  counts: number[];
  /** Which bars are the outlier buckets (drawn in another color). */
  outlier: boolean[];
}

/** Histogram bins plus outlier buckets on either side, so outliers do not squash the bins. */
export function histogramBars(column: ColumnProfile, format: (v: number) => string): HistogramBars | undefined {
  if (!column.histogram || column.histogram.length === 0) return undefined;
  const bars: HistogramBars = { labels: [], counts: [], outlier: [] };
  if (column.lowOutliers > 0) {
    bars.labels.push(`< ${format(column.histogram[0].lower)}`);
    bars.counts.push(column.lowOutliers);
    bars.outlier.push(true);
  }
  for (const bin of column.histogram) {
    bars.labels.push(`${format(bin.lower)} – ${format(bin.upper)}`);
    bars.counts.push(bin.count);
    bars.outlier.push(false);
  }
  if (column.highOutliers > 0) {
    bars.labels.push(`> ${format(column.histogram[column.histogram.length - 1].upper)}`);
    bars.counts.push(column.highOutliers);
    bars.outlier.push(true);
  }
  return bars;
}
