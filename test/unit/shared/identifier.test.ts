/** Column names that say a column identifies rows or things, never a measurement. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { looksLikeIdentifier } from '../../../src/core/shared/identifier';

test('ids, keys and the codes that identify things (zip, phone, ISBN, EAN, SKU, VIN) are identifiers; measures are not', () => {
  for (const name of ['id', 'order_id', 'customerId', 'zip', 'ship_postcode', 'phone', 'isbn13', 'isbn_10', 'ISSN', 'ean13', 'upc', 'gtin', 'sku', 'vin', 'iban']) assert.ok(looksLikeIdentifier(name), name);
  for (const name of ['mean', 'price', 'weight_g', 'pages', 'ocean_depth', 'skus_sold', 'vintage']) assert.ok(!looksLikeIdentifier(name), name);
});
