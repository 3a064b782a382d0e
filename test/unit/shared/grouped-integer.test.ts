/** groupedInteger: integers as toLocaleString('en-US') writes them, without loading the locale data. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { groupedInteger } from '../../../src/core/shared/grouped-integer';

test('integers are grouped by three as en-US writes them, signs, -0 and unsafe integers included', () => {
  const values = [0, -0, 1, 9, 10, 99, 100, 999, 1000, 1001, 9999, 12345, 123456, 1234567, 84591, -1, -1000, -123456789, 2 ** 53 - 1, -(2 ** 53 - 1), 2 ** 53, 1e21, 1.5, -2.25, NaN, Infinity];
  for (const n of values) assert.equal(groupedInteger(n), n.toLocaleString('en-US'), `${n}`);
  for (let n = 1; n < 1e15; n = n * 7 + 3) assert.equal(groupedInteger(n), n.toLocaleString('en-US'), `${n}`);
});
