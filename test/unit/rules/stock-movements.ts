/** A warehouse's movements for the tests of columns of few values with slips (missing-value, inapplicable-value). */

/** Header of {@link stockMovements}' rows. */
export const STOCK_HEADER = ['movement_id', 'category', 'expiry_date'];

/**
 * 3,000 movements of ten categories, an expiry date on each of the four perishable ones' and on no other, and twelve
 * categories misspelt in one row each ("Hardwre", "Diary"): the column has 22 distinct values.
 */
export function stockMovements(): string[][] {
  const categories = ['Beverages', 'Dairy', 'Frozen Food', 'Snacks', 'Hardware', 'Paper Goods', 'Office Supplies', 'Pet Supplies', 'Personal Care', 'Cleaning Supplies'];
  const perishable = new Set(['Beverages', 'Dairy', 'Frozen Food', 'Snacks']);
  const rows = Array.from({ length: 3000 }, (_, i) => {
    const category = categories[(i * 7) % categories.length];
    return [`M${i}`, category, perishable.has(category) ? `2024-${String(1 + (i % 12)).padStart(2, '0')}-15` : ''];
  });
  ['Hardwre', 'Diary', 'Snaks', 'Papr Goods', 'Offce Supplies', 'Pet Suplies', 'Persnal Care', 'Cleaning Suplies', 'Frozen Foods', 'Beverage', 'HARDWARE', 'snacks'].forEach((slip, k) => (rows[100 + 37 * k][1] = slip));
  return rows;
}
