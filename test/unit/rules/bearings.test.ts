/**
 * Bearings (bearings.ts), told by their values: wind directions fill one turn. A direction not brought back into the
 * turn is impossible (impossible-value); a northerly wind of 4° among its site's 350° is no outlier for the site (outlier).
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkCsv, csv, findingsOf } from './check-text';

/** A deterministic generator of numbers in [0, 1). */
function random(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 16807) % 2147483647) / 2147483647;
}

const HEADER = ['reading', 'site', 'wind_ms', 'direction'];

/**
 * 1,600 readings of four sites: a site whose winds blow from about 345° (σ 6°: a few past north, at 1°–10°), a westerly
 * one (270°), one of about 20°, and one whose winds turn all round.
 */
function readings(): (string | number)[][] {
  const next = random(3);
  const normal = () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
  const sites = ['North Ridge', 'West Bay', 'Open Plain', 'East Cape'];
  const centres: Record<string, number> = { 'North Ridge': 345, 'West Bay': 270, 'East Cape': 20 };
  return Array.from({ length: 1600 }, (_, i) => {
    const site = sites[i % 4];
    const direction = site === 'Open Plain' ? 360 * next() : centres[site] + 6 * normal();
    return [i, site, (3 + 9 * next()).toFixed(1), (((direction % 360) + 360) % 360).toFixed(1)];
  });
}

test('a direction beyond the turn (372.4, −23.3) is impossible; the column is told a bearing by its values, not its name', () => {
  const rows = readings();
  rows[100][3] = '372.4';
  rows[200][3] = '-23.3';
  const found = findingsOf(checkCsv(csv(HEADER, rows)), 'impossible-value');
  assert.deepEqual(
    found.map((f) => [f.row, f.value]),
    [
      [100, '372.4'],
      [200, '-23.3'],
    ],
  );
  assert.match(found[0].message, /372\.4 in column "direction" is a bearing outside 0–360 \(the column's values fill one turn\)/);
});

test('a wind of 4° among a site\'s 345° is 19° away on the circle: no outlier for its group', () => {
  const rows = readings();
  assert.ok(rows.some((row) => row[1] === 'North Ridge' && Number(row[3]) < 20), 'some of its winds blow from past north');
  const found = findingsOf(checkCsv(csv(HEADER, rows)), 'outlier').filter((f) => f.column === 'direction');
  assert.deepEqual(
    found.map((f) => [f.row, f.value]),
    [],
  );
});
