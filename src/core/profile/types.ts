/** Per-column profile: the statistics the CLI prints and the report view draws. Plain JSON-safe data. */
import type { ColumnKind } from '../table/model';

export interface HistogramBin {
  /** Inclusive lower edge. */
  lower: number;
  /** Exclusive upper edge (inclusive for the last bin). */
  upper: number;
  count: number;
}

export interface TopValue {
  value: string;
  count: number;
}

export interface ColumnProfile {
  name: string;
  index: number;
  kind: ColumnKind;
  arrowType: string;
  /** Numeric columns read from text that write a unit, percent sign or currency: how the unit is written ("oz", "%", "$"). */
  unit?: string;
  /** Rows in the table (nulls included). */
  count: number;
  nulls: number;
  distinct: number;
  /** 'exact' when counted with a hash set, 'approximate' when estimated by a sketch (streaming mode). */
  distinctMethod: 'exact' | 'approximate';
  /** Numeric, date (epoch ms) and timestamp columns; null otherwise or when every value is null. */
  min: number | null;
  max: number | null;
  /** As min/max; for boolean columns, the fraction of non-null values that are true. */
  mean: number | null;
  /** Sample standard deviation (n − 1 denominator); null with fewer than 2 values. */
  std: number | null;
  /** Quantiles at 0.05, 0.25, 0.5, 0.75, 0.95 (keys "p5", "p25", "p50", "p75", "p95"). */
  quantiles: Record<string, number> | null;
  /** Histogram of non-null numeric values; outliers beyond the whiskers go to `lowOutliers`/`highOutliers`. */
  histogram: HistogramBin[] | null;
  lowOutliers: number;
  highOutliers: number;
  /** Most frequent values (strings rendered as text), at most 10. */
  topValues: TopValue[];
  /** String columns: min/max length in characters. */
  minLength: number | null;
  maxLength: number | null;
  /** Numeric columns: NaN and ±Infinity values (not nulls; left out of min/max/mean/std/quantiles/histogram). */
  nonFinite?: number;
  /** How quantiles, histogram and outlier counts were computed (numeric columns). */
  quantileMethod?: 'exact' | 'approximate';
  /** 'approximate' when top-value counts come from a heavy-hitters sketch (lower bounds). */
  topValuesMethod?: 'exact' | 'approximate';
}

export interface TableProfile {
  path: string;
  format: string;
  rows: number;
  columns: ColumnProfile[];
  /** Bytes read; for streaming mode the profile covers every batch. */
  bytes: number;
  mode: 'memory' | 'streaming';
}
