/** The target picker's order: usable columns first, a sensible default on top, dates and identifiers marked unusable. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { ingestFile } from '../../../src/core/ingest/index';
import { profileTable } from '../../../src/core/profile/index';
import { rankTargetChoices } from '../../../src/core/train/target';

const samples = path.resolve(__dirname, '../../../samples');

async function profiledColumns(file: string) {
  return profileTable(await ingestFile(path.join(samples, file))).columns;
}

test('clean.csv: the last low-cardinality column is suggested, the id and the date are unusable with a reason', async () => {
  const choices = rankTargetChoices(await profiledColumns('clean.csv'));
  // listing_id,listed_on,city,area_m2,rooms,age_years,distance_km,has_garden,price_k,premium
  assert.deepEqual(choices[0], { name: 'premium', usable: true, task: 'binary-classification' }, 'Enter on the first item gives a trainable target');
  const byName = new Map(choices.map((c) => [c.name, c]));
  assert.equal(byName.get('price_k')?.task, 'regression');
  assert.equal(byName.get('city')?.task, 'multiclass-classification');
  assert.deepEqual(byName.get('listed_on'), { name: 'listed_on', usable: false, reason: 'date columns cannot be targets' });
  assert.deepEqual(byName.get('listing_id'), { name: 'listing_id', usable: false, reason: 'an identifier: every value is distinct' });
  const firstUnusable = choices.findIndex((c) => !c.usable);
  assert.ok(choices.slice(firstUnusable).every((c) => !c.usable), 'usable columns are all listed before the unusable ones');
});

test('dirty.csv: the mostly empty notes column is not suggested; the remembered target wins while it is usable', async () => {
  const columns = await profiledColumns('dirty.csv');
  // sale_id,sale_date,city,district,bedrooms,area_m2,price_eur,agent,sold_with_garden,notes
  const choices = rankTargetChoices(columns);
  assert.equal(choices[0].name, 'sold_with_garden');
  assert.equal(choices.find((c) => c.name === 'sale_date')?.usable, false);
  assert.equal(choices.find((c) => c.name === 'sale_id')?.usable, false, 'sale_id: an identifier (its duplicates are the defects the check reports)');
  assert.equal(rankTargetChoices(columns, 'price_eur')[0].name, 'price_eur');
  assert.equal(rankTargetChoices(columns, 'sale_date')[0].name, 'sold_with_garden', 'a remembered unusable target is not suggested');
});

test('a table of dates and identifiers only has no suggestion, and says why for each column', () => {
  const column = (name: string, kind: 'date' | 'integer' | 'string', distinct: number) => ({ name, kind, arrowType: kind, count: 10, nulls: 0, distinct, min: 1, max: 10 });
  const choices = rankTargetChoices([column('day', 'date', 10), column('user_id', 'integer', 10), column('name', 'string', 10)]);
  assert.ok(choices.every((c) => !c.usable && c.reason));
});
