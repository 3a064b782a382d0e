/**
 * Column widths and the columns on screen. A column is as wide as the widest cell it showed (widths only grow
 * while scrolling, so columns do not jitter) unless the user resized it; widths are keyed as regular-table keyed
 * them (the row numbers 0, column x at x + 1), so saved widths carry over. Pure.
 */

/** The width assumed for a column not yet shown. */
export const ESTIMATED_COLUMN_WIDTH = 80;
/** The narrowest a resized column gets. */
export const MIN_COLUMN_WIDTH = 24;

/** The width key of column x (−1: the row numbers). */
export const widthKey = (x: number): number => x + 1;

export class ColumnLayout {
  /** Widths seen, by key. */
  private readonly seen: number[] = [];
  /** Widths the user set, by key. */
  overrides: Record<number, number> = {};

  /** The width column x takes (its override, else the widest seen, else an estimate). */
  width(x: number): number {
    const key = widthKey(x);
    return this.overrides[key] ?? this.seen[key] ?? ESTIMATED_COLUMN_WIDTH;
  }

  /** The width column x grew to, if it did not have it yet (a measured width never shrinks it). */
  grow(x: number, measured: number): boolean {
    const key = widthKey(x);
    if (this.overrides[key] !== undefined || !(measured > (this.seen[key] ?? 0))) return false;
    this.seen[key] = measured;
    return true;
  }

  /** The floor a header cell keeps (the widest seen), or undefined before it was measured. */
  floor(x: number): number | undefined {
    return this.seen[widthKey(x)];
  }

  /** Sets a column's width (a resize); undefined drops the override and what was seen (a double-click on the handle). */
  setOverride(x: number, width: number | undefined): void {
    const key = widthKey(x);
    if (width === undefined) {
      delete this.overrides[key];
      delete this.seen[key];
    } else this.overrides[key] = Math.max(MIN_COLUMN_WIDTH, Math.round(width));
  }

  /** The left edge of column x from the left of column 0. */
  left(x: number): number {
    let left = 0;
    for (let c = 0; c < x; c++) left += this.width(c);
    return left;
  }

  /** The width of all columns (row numbers excluded). */
  total(columns: number): number {
    return this.left(columns);
  }

  /**
   * The columns on screen at a horizontal scroll position: from the first column whose left edge is at or past
   * it (columns are shown whole, as rows are), as many as fill `width`, plus one shown in part.
   */
  window(scrollLeft: number, width: number, columns: number): { x0: number; x1: number } {
    let x0 = 0;
    let left = 0;
    while (x0 < columns - 1 && left + 0.5 < scrollLeft) left += this.width(x0++);
    let x1 = x0;
    let right = 0;
    while (x1 < columns && right < width) right += this.width(x1++);
    return { x0, x1: Math.min(columns, x1 + 1) };
  }
}
