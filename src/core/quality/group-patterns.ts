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
  /** Rows per shape in the group. */
  counts: Int32Array;
}

/** Rows the groupings are first compared on (evenly spread); the best is then read on every row. */
const SAMPLE_ROWS = 20_000;

/**
 * The groups of grouping column `g` (distinct ids `groups`) whose most common shape of column `c`'s values (`values`,
 * `shapeOf` by value id, `shapes` of them) dominates, read on the rows `step` apart; and the rows they hold.
 */
function shapedGroups(values: { ids: Int32Array }, shapeOf: Int32Array, shapes: number, groups: { ids: Int32Array; size: number }, step: number, minShare: number): { covered: number; groups: Map<number, ShapedGroup> } {
  const counts = new Int32Array(groups.size * shapes);
  const groupRows = new Int32Array(groups.size);
  for (let r = 0; r < values.ids.length; r += step) {
    const [gid, id] = [groups.ids[r], values.ids[r]];
    if (gid < 0 || id < 0 || shapeOf[id] < 0) continue;
    counts[gid * shapes + shapeOf[id]]++;
    groupRows[gid]++;
  }
  const shaped = new Map<number, ShapedGroup>();
  let covered = 0;
  for (let gid = 0; gid < groups.size; gid++) {
    if (groupRows[gid] < MIN_GROUP_ROWS) continue;
    const own = counts.subarray(gid * shapes, (gid + 1) * shapes);
    let top = 0;
    for (let k = 1; k < shapes; k++) if (own[k] > own[top]) top = k;
    if (own[top] < minShare * groupRows[gid]) continue;
    shaped.set(gid, { shape: top, rows: groupRows[gid], share: own[top] / groupRows[gid], exampleId: -1, counts: own });
    covered += groupRows[gid];
  }
  return { covered, groups: shaped };
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
  const n = values.ids.length;
  // The groupings compared on a sample of rows; the one whose shaped groups hold the most rows is read on all rows.
  const step = Math.max(1, Math.floor(n / SAMPLE_ROWS));
  let present = 0;
  for (let r = 0; r < n; r += step) if (values.ids[r] >= 0 && shapeOf[values.ids[r]] >= 0) present++;
  let best: { g: number; covered: number } | undefined;
  data.columns.forEach((column, g) => {
    if (g === c || !TEXT_KINDS.includes(column.kind)) return;
    const groups = distinctValues(data, g);
    if (groups.size < 2 || groups.size > MAX_GROUP_VALUES) return;
    const sampled = shapedGroups(values, shapeOf, shapes.length, groups, step, options.minShare);
    if (sampled.covered >= MIN_COVERED * present && sampled.groups.size >= 2 && (!best || sampled.covered > best.covered)) best = { g, covered: sampled.covered };
  });
  if (!best) return [];
  const groupValues = distinctValues(data, best.g);
  const { groups, covered } = shapedGroups(values, shapeOf, shapes.length, groupValues, 1, options.minShare);
  if (covered < MIN_COVERED * present * step || groups.size < 2) return [];
  // Each shaped group's shape must be held by PATTERN_VALUES distinct values (codes, not a few categories).
  const distinctOf = new Map<number, Set<number>>();
  for (let r = 0; r < n; r++) {
    const group = groups.get(groupValues.ids[r]);
    const id = values.ids[r];
    if (!group || id < 0 || shapeOf[id] !== group.shape) continue;
    let ids = distinctOf.get(groupValues.ids[r]);
    if (!ids) distinctOf.set(groupValues.ids[r], (ids = new Set()));
    if (ids.size < PATTERN_VALUES) ids.add(id);
  }
  for (const [gid, group] of groups) {
    const ids = distinctOf.get(gid);
    if (!ids || ids.size < PATTERN_VALUES) groups.delete(gid);
    else group.exampleId = ids.values().next().value ?? -1;
  }
  if (groups.size < 2) return [];
  const out: GroupShapeOutlier[] = [];
  for (let r = 0; r < n; r++) {
    const [gid, id] = [groupValues.ids[r], values.ids[r]];
    const group = gid < 0 || id < 0 ? undefined : groups.get(gid);
    if (!group || shapeOf[id] < 0 || shapeOf[id] === group.shape || skip(id)) continue;
    if (group.counts[shapeOf[id]] > options.maxShare * group.rows) continue;
    out.push({ row: r, groupColumn: best.g, groupValue: groupValues.text(gid), shape: shapes[shapeOf[id]], groupShape: shapes[group.shape], groupShare: group.share, example: values.text(group.exampleId) });
  }
  return out;
}
