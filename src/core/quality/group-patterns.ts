/**
 * Shapes within groups: a text column whose values follow one shape per value of another column — a postcode's per
 * country (five digits in Germany, "1234 AB" in the Netherlands, "SW1A 1AA" in Britain), an order number's per
 * marketplace — though no shape dominates the column. A value of another shape in its group's rows lost or gained
 * a character ("7439" among Germany's five digits: a zero lost in a spreadsheet).
 *
 * Learned from the table: for each text column of 2 to MAX_GROUP_VALUES values, the groups of MIN_GROUP_ROWS rows or
 * more whose most common shape covers `minShare` of their rows and is held by PATTERN_VALUES distinct values (codes,
 * not a few categories); the grouping is the one whose such groups hold the most rows (at least half of the column's).
 * In those groups, a value of a shape held by at most `maxShare` of the group's rows is reported.
 */
import type { IngestResult } from '../table/model';
import { TEXT_KINDS, distinctValues } from './column-values';
import type { ColumnPatterns } from './value-patterns';

/** Most values a grouping column may have (countries, marketplaces, carriers). */
const MAX_GROUP_VALUES = 30;
/** Rows a group needs before its shape says anything. */
const MIN_GROUP_ROWS = 30;
/** Distinct values the group's shape must be held by (a shape of codes, not of a few categories). */
const PATTERN_VALUES = 10;
/** Share of the column's rows the grouping's shaped groups must hold. */
const MIN_COVERED = 0.5;

/** A value of a rare shape among its group's. */
export interface GroupShapeOutlier {
  row: number;
  groupColumn: number;
  groupValue: string;
  /** The value's shape, and the group's: its share of the group's rows and a value of it. */
  shape: string;
  groupShape: string;
  groupShare: number;
  example: string;
}

interface ShapedGroup {
  shape: number;
  rows: number;
  share: number;
  exampleId: number;
  counts: Map<number, number>;
}

/**
 * Column `c`'s values of a rare shape within their group (see the module comment), given its patterns by distinct
 * value; `skip` tells distinct value ids already reported.
 */
export function groupShapeOutliers(data: IngestResult, c: number, patterns: ColumnPatterns, options: { minShare: number; maxShare: number }, skip: (id: number) => boolean): GroupShapeOutlier[] {
  const values = distinctValues(data, c);
  // Shapes as small ids.
  const shapeIds = new Map<string, number>();
  const shapeOf = new Int32Array(values.size).fill(-1);
  for (const [id, pattern] of patterns.byId) {
    let s = shapeIds.get(pattern.shape);
    if (s === undefined) shapeIds.set(pattern.shape, (s = shapeIds.size));
    shapeOf[id] = s;
  }
  const shapes = [...shapeIds.keys()];
  let best: { g: number; covered: number; groups: Map<number, ShapedGroup> } | undefined;
  let present = 0;
  for (const id of patterns.byId.keys()) present += values.counts[id];
  data.columns.forEach((column, g) => {
    if (g === c || !TEXT_KINDS.includes(column.kind)) return;
    const groups = distinctValues(data, g);
    if (groups.size < 2 || groups.size > MAX_GROUP_VALUES) return;
    // Rows per group and shape, and the distinct values per group and shape.
    const rows = new Map<number, number>();
    const distinctPer = new Map<number, Set<number>>();
    const groupRows = new Int32Array(groups.size);
    for (let r = 0; r < values.ids.length; r++) {
      const [gid, id] = [groups.ids[r], values.ids[r]];
      if (gid < 0 || id < 0 || shapeOf[id] < 0) continue;
      const key = gid * shapes.length + shapeOf[id];
      rows.set(key, (rows.get(key) ?? 0) + 1);
      let ids = distinctPer.get(key);
      if (!ids) distinctPer.set(key, (ids = new Set()));
      if (ids.size < PATTERN_VALUES) ids.add(id);
      groupRows[gid]++;
    }
    const shaped = new Map<number, ShapedGroup>();
    let covered = 0;
    for (let gid = 0; gid < groups.size; gid++) {
      if (groupRows[gid] < MIN_GROUP_ROWS) continue;
      const counts = new Map<number, number>();
      let top = -1;
      for (let s = 0; s < shapes.length; s++) {
        const n = rows.get(gid * shapes.length + s) ?? 0;
        if (n === 0) continue;
        counts.set(s, n);
        if (top < 0 || n > (counts.get(top) ?? 0)) top = s;
      }
      const topRows = counts.get(top) ?? 0;
      if (topRows < options.minShare * groupRows[gid] || (distinctPer.get(gid * shapes.length + top)?.size ?? 0) < PATTERN_VALUES) continue;
      const exampleId = [...(distinctPer.get(gid * shapes.length + top) ?? [])][0];
      shaped.set(gid, { shape: top, rows: groupRows[gid], share: topRows / groupRows[gid], exampleId, counts });
      covered += groupRows[gid];
    }
    if (covered >= MIN_COVERED * present && shaped.size >= 2 && (!best || covered > best.covered)) best = { g, covered, groups: shaped };
  });
  if (!best) return [];
  const { g, groups } = best;
  const groupValues = distinctValues(data, g);
  const out: GroupShapeOutlier[] = [];
  for (let r = 0; r < values.ids.length; r++) {
    const [gid, id] = [groupValues.ids[r], values.ids[r]];
    const group = gid < 0 || id < 0 ? undefined : groups.get(gid);
    if (!group || shapeOf[id] < 0 || shapeOf[id] === group.shape || skip(id)) continue;
    if ((group.counts.get(shapeOf[id]) ?? 0) > options.maxShare * group.rows) continue;
    out.push({ row: r, groupColumn: g, groupValue: groupValues.text(gid), shape: shapes[shapeOf[id]], groupShape: shapes[group.shape], groupShare: group.share, example: values.text(group.exampleId) });
  }
  return out;
}
